#include "core/importers/zip_import.h"

#include <nlohmann/json.hpp>

#include "core/archive.h"
#include "core/auto_pack.h"
#include "core/i18n.h"
#include "core/media_kind.h"
#include "core/text.h"

using nlohmann::json;

namespace {

constexpr size_t kMaxManifest = 4 << 20;

// The folder inside the zip that is the pack: "" for its top, or "X/" when everything is in one
// folder X (what "Send to > Compressed folder" makes of a folder).
std::string pack_root(const std::vector<ArchiveEntry>& entries) {
  std::string top;
  for (const auto& e : entries) {
    if (e.name == "topic.json") return "";
    const auto slash = e.name.find('/');
    if (slash == std::string::npos) return "";
    std::string first = e.name.substr(0, slash + 1);
    if (!top.empty() && first != top) return "";
    top = first;
  }
  return top;
}

bool is_media_entry(const ArchiveEntry& e, const std::string& root) {
  if (e.name.size() <= root.size() || e.name.compare(0, root.size(), root) != 0) return false;
  const std::string rest = e.name.substr(root.size());
  return rest.find('/') == std::string::npos &&
         media_kind(reinterpret_cast<const unsigned char*>(e.head.data()), e.head.size()) != MediaKind::none;
}

}  // namespace

PackOnStick read_zip_pack(const fs::path& zip) {
  PackOnStick pack;
  pack.path = zip;
  pack.kind = PackKind::zip;
  const std::string stem = nfc(zip.stem().string());
  pack.title.vi = stem;
  try {
    const auto entries = list_archive(zip);
    const std::string root = pack_root(entries);
    const std::string name = root.empty() ? stem : root.substr(0, root.size() - 1);
    pack.id = id_from_name(name);
    pack.title.vi = name;
    if (auto manifest = read_archive_entry(zip, root + "topic.json", kMaxManifest)) {
      json j = json::parse(*manifest, nullptr, false);
      if (j.is_object() && j.contains("title") && j["title"].is_object()) {
        pack.title.vi = nfc(j["title"].value("vi", name));
        pack.title.en = nfc(j["title"].value("en", ""));
      }
      if (j.is_object() && j.contains("lessons") && j["lessons"].is_array()) pack.lessons = int(j["lessons"].size());
      if (j.is_object() && j.contains("games") && j["games"].is_array()) pack.games = int(j["games"].size());
      pack.becomes = format(tr("a zipped topic pack: %d lesson(s), %d game(s)"), pack.lessons, pack.games);
    } else {
      int videos = 0, pictures = 0;
      for (const auto& e : entries) {
        if (e.name.back() == '/') continue;
        if (!is_media_entry(e, root)) {
          pack.skipped.push_back(format(tr("%s: not a video or picture the kiosk can play"), e.name.c_str()));
          continue;
        }
        auto kind = media_kind(reinterpret_cast<const unsigned char*>(e.head.data()), e.head.size());
        ++(kind == MediaKind::video ? videos : pictures);
      }
      pack.lessons = videos + (pictures ? 1 : 0);
      pack.becomes = format(tr("a zipped folder: %d video lesson(s) and a story of %d picture(s)"), videos, pictures);
      if (!videos && !pictures)
        pack.problems.push_back({zip, "", "holds no topic.json and no videos or pictures"});
    }
    if (pack.id.empty())
      pack.problems.push_back({zip, "", "the file's name needs a letter or a digit (it gives the topic id)"});
  } catch (const ImportError& e) {
    pack.problems.push_back({zip, "", e.what()});
  }
  return pack;
}

void convert_zip_pack(const PackOnStick& zip, const fs::path& staging, const Progress& progress) {
  const auto entries = list_archive(zip.path);
  const std::string root = pack_root(entries);
  const bool has_manifest = read_archive_entry(zip.path, root + "topic.json", kMaxManifest).has_value();
  uint64_t declared = 0;
  for (const auto& e : entries) declared += e.size;
  ensure_room(declared, staging);
  unpack_archive(
      zip.path, staging,
      [&](const std::string& name) -> std::optional<fs::path> {
        if (name.compare(0, root.size(), root) != 0) return std::nullopt;
        if (has_manifest) return fs::path(name.substr(root.size()));
        for (const auto& e : entries)
          if (e.name == name && is_media_entry(e, root)) return fs::path(name.substr(root.size()));
        return std::nullopt;
      },
      progress);
  if (has_manifest) return;
  auto media = read_media_folder(staging);
  if (!media) throw ImportError(format(tr("%s holds no videos or pictures"), zip.path.filename().c_str()));
  write_auto_manifest(*media, zip.title.vi, staging);
}
