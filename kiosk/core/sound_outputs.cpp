#include "core/sound_outputs.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "core/i18n.h"
#include "core/text.h"

namespace fs = std::filesystem;

namespace {
std::string trim(std::string s) {
  s.erase(0, s.find_first_not_of(" \t\r\n"));
  s.erase(s.find_last_not_of(" \t\r\n") + 1);
  return s;
}

std::string read_text(const fs::path& file) {
  std::ifstream in(file);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// "key<tabs or spaces>value" lines, as /proc/asound prints its files.
std::map<std::string, std::string> proc_fields(const std::string& text, char separator) {
  std::map<std::string, std::string> fields;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    auto cut = separator == ':' ? line.find(':') : line.find_first_of(" \t");
    if (cut == std::string::npos) continue;
    fields[trim(line.substr(0, cut))] = trim(line.substr(cut + 1));
  }
  return fields;
}

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// "HDMI 2" -> 2, "DP 0" -> 0 (the names HDA drivers give their HDMI/DisplayPort PCMs); else -1.
int hdmi_index(const std::string& pcm_name) {
  std::smatch m;
  static const std::regex hdmi(R"((?:HDMI|DP) (\d+))");
  return std::regex_match(pcm_name, m, hdmi) ? std::stoi(m[1]) : -1;
}
}  // namespace

Eld parse_eld_text(const std::string& text) {
  auto fields = proc_fields(text, ' ');
  Eld eld;
  eld.monitor_present = fields["monitor_present"] == "1";
  eld.valid = fields["eld_valid"] == "1";
  eld.monitor_name = fields["monitor_name"];
  return eld;
}

Eld parse_eld_bytes(const std::vector<uint8_t>& bytes) {
  constexpr size_t kNameOffset = 20;  // after the header and the baseline block's fixed fields
  Eld eld;
  if (bytes.size() < kNameOffset || (bytes[0] >> 3) != 2) return eld;  // ELD version 2, else none read
  eld.monitor_present = eld.valid = true;
  const size_t length = std::min<size_t>(bytes[4] & 0x1f, bytes.size() - kNameOffset);
  std::string name(bytes.begin() + kNameOffset, bytes.begin() + kNameOffset + length);
  eld.monitor_name = trim(name.substr(0, name.find('\0')));
  return eld;
}

std::vector<AlsaPlayback> read_proc_asound(const fs::path& root) {
  std::vector<AlsaPlayback> found;
  // " 0 [PCH            ]: HDA-Intel - HDA Intel PCH", then a line of details.
  static const std::regex card_line(R"(^\s*(\d+) \[([^\]]*)\]: .* - (.*)$)");
  std::istringstream cards(read_text(root / "cards"));
  for (std::string line; std::getline(cards, line);) {
    std::smatch m;
    if (!std::regex_match(line, m, card_line)) continue;
    const int card = std::stoi(m[1]);
    const fs::path dir = root / ("card" + std::to_string(card));
    std::map<int, Eld> elds;  // by pin index: eld#CODEC.PIN
    std::vector<AlsaPlayback> devices;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      const std::string name = entry.path().filename().string();
      std::smatch e;
      static const std::regex eld_file(R"(eld#\d+\.(\d+))"), pcm_dir(R"(pcm(\d+)p)");
      if (std::regex_match(name, e, eld_file)) {
        elds.emplace(std::stoi(e[1]), parse_eld_text(read_text(entry.path())));
      } else if (std::regex_match(name, e, pcm_dir)) {
        auto info = proc_fields(read_text(entry.path() / "info"), ':');
        AlsaPlayback p;
        p.card = card;
        p.card_id = trim(m[2]);
        p.card_name = trim(m[3]);
        p.device = std::stoi(e[1]);
        p.pcm_name = info["name"].empty() ? info["id"] : info["name"];
        devices.push_back(p);
      }
    }
    std::sort(devices.begin(), devices.end(), [](const auto& a, const auto& b) { return a.device < b.device; });
    for (auto& p : devices)
      if (auto pin = elds.find(hdmi_index(p.pcm_name)); pin != elds.end()) p.eld = pin->second;
    found.insert(found.end(), devices.begin(), devices.end());
  }
  return found;
}

std::vector<SoundOutput> sound_outputs(const std::vector<AlsaPlayback>& playback) {
  std::vector<SoundOutput> outputs;
  std::map<std::string, int> hdmi_on_card;  // HDMI outputs counted so far, by card id
  for (const auto& p : playback) {
    SoundOutput o;
    o.card_name = p.card_name;
    o.pcm_name = p.pcm_name;
    const bool hdmi = p.eld || hdmi_index(p.pcm_name) >= 0 || starts_with(p.card_id, "vc4hdmi");
    if (hdmi) {
      o.kind = SoundOutput::Kind::Hdmi;
      o.device = "hdmi:CARD=" + p.card_id + ",DEV=" + std::to_string(hdmi_on_card[p.card_id]++);
      o.monitor = p.eld && p.eld->monitor_present && p.eld->valid;
      if (o.monitor) o.monitor_name = p.eld->monitor_name;
    } else {
      const bool analog = p.pcm_name.find("Analog") != std::string::npos || p.card_id == "Headphones";
      o.kind = analog ? SoundOutput::Kind::Analog : SoundOutput::Kind::Other;
      o.device = "plughw:CARD=" + p.card_id + ",DEV=" + std::to_string(p.device);
    }
    outputs.push_back(o);
  }
  return outputs;
}

std::string choose_sound_output(const std::vector<SoundOutput>& outputs, const std::string& choice) {
  if (choice == kAlsaDefault) return choice;
  for (const auto& o : outputs)
    if (!choice.empty() && o.device == choice) return choice;
  for (const auto& o : outputs)
    if (o.monitor) return o.device;
  return kAlsaDefault;
}

std::string sound_output_label(const SoundOutput& o) {
  const std::string where = o.card_name + ", " + o.pcm_name;
  switch (o.kind) {
    case SoundOutput::Kind::Hdmi:
      if (o.monitor) return format(tr("HDMI – %s (connected to the TV)"), (o.monitor_name.empty() ? where : o.monitor_name).c_str());
      return format(tr("HDMI – %s (no TV on it)"), where.c_str());
    case SoundOutput::Kind::Analog:
      return format(tr("Speakers/headphones (analog) – %s"), o.card_name.c_str());
    case SoundOutput::Kind::Other:
      break;
  }
  return where;
}
