#include "core/usb_sticks.h"

#include <sys/statvfs.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {
// The kernel writes space, tab, newline and backslash in mount paths as \ooo octal escapes.
std::string unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 3 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 3), nullptr, 8));
      i += 3;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool under(const fs::path& path, const fs::path& folder) {
  auto rel = path.lexically_relative(folder);
  return !rel.empty() && *rel.begin() != ".." && rel != ".";
}

UsbStick describe(const std::string& name, const fs::path& path, bool read_only) {
  UsbStick stick{name, path};
  stick.read_only = read_only;
  struct statvfs st {};
  if (statvfs(path.c_str(), &st) == 0) {
    stick.free_bytes = uint64_t(st.f_bavail) * st.f_frsize;
    stick.size_bytes = uint64_t(st.f_blocks) * st.f_frsize;
    stick.read_only = read_only || (st.f_flag & ST_RDONLY);
  }
  return stick;
}
}  // namespace

std::vector<MountEntry> parse_mounts(const std::string& text) {
  std::vector<MountEntry> mounts;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    std::string source, target, type, options;
    if (!(fields >> source >> target >> type >> options)) continue;
    bool ro = ("," + options + ",").find(",ro,") != std::string::npos;
    mounts.push_back({unescape(source), unescape(target), type, ro});
  }
  return mounts;
}

std::vector<UsbStick> removable_mounts(const std::vector<MountEntry>& mounts) {
  std::vector<UsbStick> sticks;
  for (const auto& m : mounts) {
    bool removable_place = under(m.target, "/media") || under(m.target, "/run/media");
    if (removable_place && m.source.rfind("/dev/", 0) == 0)
      sticks.push_back(describe(m.target.filename().string(), m.target, m.read_only));
  }
  return sticks;
}

std::vector<UsbStick> find_usb_sticks(const fs::path& stand_in_root) {
  std::vector<UsbStick> sticks;
  if (!stand_in_root.empty()) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(stand_in_root, ec))
      if (e.is_directory() && e.path().filename().string()[0] != '.')
        sticks.push_back(describe(e.path().filename().string(), e.path(), false));
  } else {
    std::ifstream in("/proc/self/mounts");
    std::stringstream text;
    text << in.rdbuf();
    sticks = removable_mounts(parse_mounts(text.str()));
  }
  std::sort(sticks.begin(), sticks.end(), [](const UsbStick& a, const UsbStick& b) { return a.name < b.name; });
  return sticks;
}
