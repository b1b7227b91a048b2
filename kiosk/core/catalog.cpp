#include "core/catalog.h"

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "core/games/game_reader.h"
#include "core/lessons.h"
#include "core/manifest_reader.h"
#include "core/unicode_paths.h"

using nlohmann::json;

std::string Problem::describe() const {
  std::string s = file.string() + ": ";
  if (!field.empty()) s += field + ": ";
  return s + message;
}

const std::string& LocalText::in(const std::string& lang) const {
  return (lang == "en" && !en.empty()) ? en : vi;
}

const Topic* Catalog::find(const std::string& id) const {
  for (const auto& t : topics)
    if (t.id == id) return &t;
  return nullptr;
}

namespace {

uint32_t parse_color(const std::string& hex, bool& ok) {
  static const std::regex pattern("#[0-9a-fA-F]{6}");
  ok = std::regex_match(hex, pattern);
  return ok ? static_cast<uint32_t>(std::stoul(hex.substr(1), nullptr, 16)) : 0;
}

// Reads the typed value an entry's kind names: a lesson of type video or story, or a game.
void read_kind(ManifestReader& reader, const json& spec, const std::string& list, const std::string& field, Entry& entry) {
  if (list == "games") {
    entry.game = read_game(reader, entry.kind, spec, field);
    if (entry.game) entry.art = entry.game->art();
  } else if (entry.kind == "video") {
    entry.video = read_video_lesson(reader, spec, field);
  } else if (entry.kind == "story") {
    entry.story = read_picture_story(reader, spec, field);
    if (entry.story) entry.art = entry.story->pages.front().picture;
  } else {
    reader.fail(field + ".type", "'" + entry.kind + "' is not a lesson type (video, story)");
  }
}

void read_entries(ManifestReader& reader, const json& manifest, const std::string& list, const char* kind_key,
                  std::vector<Entry>& out) {
  auto& problems = reader.problems();
  const json& items = reader.list(manifest, list, list);  // a topic may have no lessons or no games yet
  std::set<std::string> seen;
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string field = list + "[" + std::to_string(i) + "]";
    if (!items[i].is_object()) {
      reader.fail(field, "must be an object");
      continue;
    }
    size_t before = problems.size();
    Entry entry;
    entry.id = reader.id_field(items[i], field);
    entry.title = reader.local_text(items[i], "title", field + ".title");
    entry.kind = reader.string_field(items[i], kind_key, field + "." + kind_key, true);
    if (!entry.id.empty() && !seen.insert(entry.id).second) {
      reader.fail(field + ".id", "'" + entry.id + "' is used twice in " + list);
    }
    if (!entry.kind.empty()) read_kind(reader, items[i], list, field, entry);
    // The entry keeps its own problems too, so the topic screen can show it as an error card.
    entry.problems.assign(problems.begin() + static_cast<long>(before), problems.end());
    out.push_back(std::move(entry));
  }
}

}  // namespace

Topic load_topic(const fs::path& dir, const std::string& id) {
  Topic topic;
  topic.id = id;
  topic.dir = dir;
  topic.title.vi = topic.id;  // until the manifest says better, the card shows the folder name
  const fs::path manifest_path = dir / "topic.json";

  if (!is_valid_id(topic.id)) {
    topic.problems.push_back({dir, "", "folder name must use only a-z, 0-9 and '-' (it is the topic id)"});
  }
  if (!fs::is_regular_file(manifest_path)) {
    topic.problems.push_back({manifest_path, "", "missing: every topic folder needs a topic.json"});
    topic.broken = true;
    return topic;
  }
  json manifest;
  try {
    std::ifstream in(manifest_path);
    manifest = json::parse(in);
  } catch (const json::parse_error& e) {
    topic.problems.push_back({manifest_path, "", std::string("not valid JSON: ") + e.what()});
    topic.broken = true;
    return topic;
  }
  if (!manifest.is_object()) {
    topic.problems.push_back({manifest_path, "", "must hold a JSON object"});
    topic.broken = true;
    return topic;
  }

  ManifestReader reader(dir, manifest_path, topic.problems);
  reader.known_fields(manifest, "", {"format", "order", "title", "cover", "color", "lessons", "games"});
  if (manifest.contains("format") && manifest["format"] != 1)
    reader.fail("format", "this kiosk reads format 1; update the kiosk for this pack");
  size_t before = topic.problems.size();
  LocalText title = reader.local_text(manifest, "title", "title");
  if (!title.vi.empty()) topic.title = title;
  if (topic.problems.size() > before) topic.broken = true;

  topic.cover = reader.picture(manifest, "cover", "cover", true);
  if (manifest.contains("color")) {
    bool ok = manifest["color"].is_string();
    if (ok) topic.color = parse_color(manifest["color"].get<std::string>(), ok);
    if (!ok) reader.fail("color", "must be a colour like \"#4FC3F7\"");
  }
  if (manifest.contains("order")) {
    if (manifest["order"].is_number_integer()) topic.order = manifest["order"].get<int>();
    else reader.fail("order", "must be a whole number");
  }
  read_entries(reader, manifest, "lessons", "type", topic.lessons);
  read_entries(reader, manifest, "games", "template", topic.games);
  topic.texts = reader.texts();
  return topic;
}

fs::path resolve_pack_file(const fs::path& pack_dir, const fs::path& manifest, const std::string& field,
                           const std::string& relative, std::vector<Problem>& problems) {
  fs::path rel(relative);
  auto fail = [&](const std::string& why) {
    problems.push_back({manifest, field, "'" + relative + "' " + why});
    return fs::path();
  };
  if (rel.is_absolute()) return fail("must be a path inside the pack, not an absolute path");
  for (const auto& part : rel)
    if (part == "..") return fail("must not leave the pack ('..')");
  std::error_code ec;
  fs::path full = pack_dir / rel;
  if (!fs::exists(full, ec)) full = find_by_nfc(pack_dir, rel);  // named precomposed, stored decomposed...
  if (full.empty()) return fail("is missing");
  auto real = fs::canonical(full, ec);
  auto real_pack = fs::canonical(pack_dir, ec);
  auto [end, _] = std::mismatch(real_pack.begin(), real_pack.end(), real.begin(), real.end());
  if (ec || end != real_pack.end()) return fail("points outside the pack (symlink)");
  if (!fs::is_regular_file(real)) return fail("is not a file");
  return full;
}

namespace {
void add_packs(const fs::path& dir, std::vector<Topic>& topics) {
  std::error_code ec;
  for (const auto& item : fs::directory_iterator(dir, ec)) {
    auto name = item.path().filename().string();
    if (!item.is_directory() || name.empty() || name[0] == '_' || name[0] == '.') continue;
    Topic topic = load_topic(item.path(), name);
    auto same = std::find_if(topics.begin(), topics.end(), [&](const Topic& t) { return t.id == topic.id; });
    if (same != topics.end()) *same = std::move(topic);
    else topics.push_back(std::move(topic));
  }
}
}  // namespace

Catalog load_catalog(const fs::path& content_dir, const fs::path& imported_dir) {
  Catalog catalog;
  catalog.dir = content_dir;
  std::error_code ec;
  if (!fs::is_directory(content_dir, ec)) {
    catalog.problems.push_back({content_dir, "", "content folder not found"});
    return catalog;
  }
  add_packs(content_dir, catalog.topics);
  if (!imported_dir.empty()) add_packs(imported_dir, catalog.topics);  // absent until a first import
  std::sort(catalog.topics.begin(), catalog.topics.end(), [](const Topic& a, const Topic& b) {
    if (a.broken != b.broken) return b.broken;  // error cards after the topics that work
    return a.order != b.order ? a.order < b.order : a.id < b.id;
  });
  for (const auto& t : catalog.topics)
    catalog.problems.insert(catalog.problems.end(), t.problems.begin(), t.problems.end());
  if (catalog.topics.empty()) catalog.problems.push_back({content_dir, "", "holds no topic packs"});
  return catalog;
}
