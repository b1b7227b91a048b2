#include "core/settings.h"

#include <algorithm>
#include <fstream>
#include <set>

#include "core/atomic_file.h"
#include "core/text.h"

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {
fs::path settings_file(const fs::path& data_dir) { return data_dir / "settings.json"; }
}  // namespace

namespace {
// Class groups name elements by their ASCII slug ("Lá" -> class:La): drop names whose slug is empty
// or already taken, so every chip has its own id.
std::vector<std::string> distinct_groups(const std::vector<std::string>& names, std::string& warning) {
  std::vector<std::string> kept;
  std::set<std::string> slugs;
  for (const auto& name : names) {
    auto slug = ascii_slug(name);
    if (!slug.empty() && slugs.insert(slug).second) kept.push_back(name);
    else warning += "class group '" + name + "' left out: its id would be empty or the same as another's; ";
  }
  return kept;
}
}  // namespace

Settings load_settings(const fs::path& data_dir, std::string& warning) {
  Settings s;
  auto path = settings_file(data_dir);
  if (!fs::exists(path)) return s;
  std::ifstream in(path);
  if (!in) {  // unreadable (permissions): say so, but leave the file where it is
    warning = path.string() + ": cannot be read; using defaults";
    return s;
  }
  try {
    json j = json::parse(in);
    s.device_name = j.value("device_name", s.device_name);
    s.last_class = j.value("last_class", s.last_class);
    s.school = j.value("school", s.school);
    if (j.contains("report")) s.report = parse_report_settings(j["report"].dump());
    s.language = j.value("language", s.language);
    s.sound_output = j.value("sound_output", s.sound_output);
    s.volume_limit = std::clamp(j.value("volume_limit", s.volume_limit), Settings::kMinVolumeLimit, 100);
    auto groups = distinct_groups(j.value("class_groups", s.class_groups), warning);
    if (!groups.empty()) s.class_groups = groups;
  } catch (const json::exception& e) {
    std::error_code ec;
    fs::rename(path, path.string() + ".broken", ec);
    warning = path.string() + ": " + e.what() + " (kept as settings.json.broken; using defaults)";
    return Settings{};
  }
  return s;
}

void save_settings(const fs::path& data_dir, const Settings& s) {
  json j = {{"device_name", s.device_name}, {"school", s.school},       {"class_groups", s.class_groups},
            {"last_class", s.last_class},   {"language", s.language}, {"volume_limit", s.volume_limit},
            {"sound_output", s.sound_output}};
  j["report"] = json::parse(report_settings_json(s.report));
  write_file_atomically(settings_file(data_dir), j.dump(2) + "\n");
}
