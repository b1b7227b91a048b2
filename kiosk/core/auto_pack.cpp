#include "core/auto_pack.h"
#include "core/paths.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <functional>
#include <regex>
#include <set>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "core/media_kind.h"
#include "core/text.h"

using nlohmann::json;

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "ba_bánh-xe" -> "ba bánh xe": how a teacher names a file, read as a title. A number in front that
// only orders the files ("01 ", "10_", "2.", "3-") is left out; "3 chú heo" keeps its number.
std::string title_from_name(const std::string& name) {
  size_t digits = 0;
  while (digits < name.size() && is_digit(name[digits])) ++digits;
  std::string_view rest = std::string_view(name).substr(digits);
  const bool order_only = digits > 0 && rest.size() > 1 &&
                          (std::string_view("_.-)").find(rest.front()) != std::string_view::npos ||
                           (name.front() == '0' && rest.front() == ' '));
  std::string out;
  for (char c : order_only ? rest.substr(1) : std::string_view(name)) {
    bool space = c == '_' || c == '-' || c == ' ';
    if (space && !out.empty() && out.back() != ' ') out += ' ';
    if (!space) out += c;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out.empty() ? name : out;
}

// Camera and phone names (IMG_0412, DSC01234, PXL_20240312_081500) and bare numbers say nothing to
// a class: such a page shows the story's title as its caption instead.
bool says_something(const std::string& name) {
  static const std::regex camera("[A-Za-z]*[ _-]?[0-9][0-9 _-]*");
  return !std::regex_match(name, camera);
}

std::string unique_id(const std::string& name, const std::string& fallback, std::set<std::string>& used) {
  std::string id = id_from_name(name);
  if (id.empty()) id = fallback;
  std::string candidate = id;
  for (int n = 2; !used.insert(candidate).second; ++n) candidate = id + "-" + std::to_string(n);
  return candidate;
}

}  // namespace

std::optional<MediaFolder> read_media_folder(const fs::path& dir) {
  MediaFolder media;
  std::error_code ec;
  for (const auto& item : fs::directory_iterator(dir, ec)) {
    const std::string name = item.path().filename().string();
    if (name[0] == '.' || lower(name) == "thumbs.db" || lower(name) == "desktop.ini") continue;
    const auto type = item.symlink_status(ec).type();
    // A link counts by what it points to, so that the scan lists the folder and refuses the link by name.
    const bool file = type == fs::file_type::regular || type == fs::file_type::symlink;
    const MediaKind kind = file ? media_kind(item.path()) : MediaKind::none;
    if (kind == MediaKind::video) media.videos.push_back(item.path());
    else if (kind == MediaKind::picture) media.pictures.push_back(item.path());
    else media.skipped.push_back(item.path());
  }
  if (ec || (media.videos.empty() && media.pictures.empty())) return std::nullopt;
  auto by_name = [](const fs::path& a, const fs::path& b) {
    return natural_less(a.filename().string(), b.filename().string());
  };
  std::sort(media.videos.begin(), media.videos.end(), by_name);
  std::sort(media.pictures.begin(), media.pictures.end(), by_name);
  std::sort(media.skipped.begin(), media.skipped.end(), by_name);
  return media;
}

std::string id_from_name(const std::string& name) { return lower(ascii_slug(name)); }

bool natural_less(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (is_digit(a[i]) && is_digit(b[j])) {
      while (i + 1 < a.size() && a[i] == '0' && is_digit(a[i + 1])) ++i;  // "007" is 7
      while (j + 1 < b.size() && b[j] == '0' && is_digit(b[j + 1])) ++j;
      size_t i_end = i, j_end = j;
      while (i_end < a.size() && is_digit(a[i_end])) ++i_end;
      while (j_end < b.size() && is_digit(b[j_end])) ++j_end;
      if (i_end - i != j_end - j) return i_end - i < j_end - j;  // more digits, bigger number
      int order = a.compare(i, i_end - i, b, j, j_end - j);
      if (order != 0) return order < 0;
      i = i_end;
      j = j_end;
    } else {
      auto x = std::tolower(static_cast<unsigned char>(a[i])), y = std::tolower(static_cast<unsigned char>(b[j]));
      if (x != y) return x < y;
      ++i;
      ++j;
    }
  }
  if (a.size() - i != b.size() - j) return a.size() - i < b.size() - j;
  return a < b;  // the same but for case or leading zeros: still a fixed order
}

void write_auto_manifest(const MediaFolder& media, const std::string& title, const fs::path& dir) {
  std::set<std::string> ids;
  json lessons = json::array();
  for (const auto& video : media.videos) {
    const std::string name = nfc(video.stem().string());
    lessons.push_back({{"id", unique_id(name, "video", ids)}, {"type", "video"},
                       {"title", {{"vi", title_from_name(name)}}}, {"file", video.filename().string()}});
  }
  if (!media.pictures.empty()) {
    json pages = json::array();
    for (const auto& picture : media.pictures) {
      const std::string name = nfc(picture.stem().string());
      pages.push_back({{"picture", picture.filename().string()},
                       {"caption", {{"vi", says_something(name) ? title_from_name(name) : title}}}});
    }
    lessons.push_back({{"id", unique_id("pictures", "pictures", ids)}, {"type", "story"},
                       {"title", {{"vi", title}}}, {"pages", pages}});
  }
  // The sample packs' tile colours, picked by the title so that two folders look different.
  static const uint32_t kColors[] = {0x2A9D8F, 0x8E5BD0, 0xE76F51};
  const uint32_t color = kColors[std::hash<std::string>{}(title) % std::size(kColors)];
  json manifest = {{"format", 1}, {"title", {{"vi", title}}}, {"color", format("#%06X", color)}, {"lessons", lessons}};
  if (media.pictures.empty()) {  // videos only: the kiosk's own video-lesson picture
    fs::copy_file(find_install_paths().assets / "icons" / "lesson-video.png", dir / "cover.png",
                  fs::copy_options::overwrite_existing);
    manifest["cover"] = "cover.png";
  } else {
    manifest["cover"] = media.pictures.front().filename().string();
  }
  write_file_atomically(dir / "topic.json", manifest.dump(2));
}
