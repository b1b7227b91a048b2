#include "core/settings.h"
#include "core/text.h"

#include <cstdio>
#include <fcntl.h>
#include <set>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

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
  fs::create_directories(data_dir);
  json j = {{"device_name", s.device_name}, {"class_groups", s.class_groups}, {"last_class", s.last_class}};
  auto path = settings_file(data_dir);
  auto tmp = path.string() + ".tmp";
  std::string text = j.dump(2) + "\n";
  FILE* f = std::fopen(tmp.c_str(), "w");
  bool ok = f && std::fwrite(text.data(), 1, text.size(), f) == text.size() && std::fflush(f) == 0 &&
            fsync(fileno(f)) == 0;
  if (f) ok = (std::fclose(f) == 0) && ok;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw std::runtime_error("cannot save " + path.string());
  }
  // The rename itself survives a power cut only once the folder is on disk too.
  int dir = open(data_dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir >= 0) {
    fsync(dir);
    close(dir);
  }
}
