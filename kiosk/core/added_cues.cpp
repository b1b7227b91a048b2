#include "core/added_cues.h"

#include <fstream>
#include <set>

#include "core/atomic_file.h"
#include "core/lessons.h"
#include "core/manifest_reader.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {
fs::path cues_file(const fs::path& data_dir) { return data_dir / "added-cues.json"; }

// As it is written in the file and merged into a manifest entry.
json to_json(const AddedCue& cue) {
  json question = {{"vi", cue.question.vi}};
  if (!cue.question.en.empty()) question["en"] = cue.question.en;
  return {{"at", cue.at}, {"question", question}};
}

// The cue list in the manifest entry of video lesson "topic/lesson", or null when there is no such
// lesson (or its cues are not a list: the pack reports that itself).
json* cue_list(Catalog& catalog, const std::string& key) {
  const auto slash = key.find('/');
  if (slash == std::string::npos) return nullptr;
  for (auto& topic : catalog.topics) {
    if (topic.id != key.substr(0, slash)) continue;
    for (auto& entry : topic.lessons) {
      if (entry.kind != "video" || entry.id != key.substr(slash + 1) || !entry.spec.is_object()) continue;
      json& cues = entry.spec["cues"];
      if (cues.is_null()) cues = json::array();
      return cues.is_array() ? &cues : nullptr;
    }
  }
  return nullptr;
}
}  // namespace

AddedCues load_added_cues(const fs::path& data_dir, std::string& warning) {
  AddedCues cues;
  const auto path = cues_file(data_dir);
  if (!fs::exists(path)) return cues;
  std::ifstream in(path);
  if (!in) {  // unreadable (permissions): say so, but leave the file where it is
    warning = path.string() + ": cannot be read";
    return cues;
  }
  json j;
  try {
    j = json::parse(in);
    if (!j.is_object()) throw std::runtime_error("must be an object of lessons");
  } catch (const std::exception& e) {
    std::error_code ec;
    fs::rename(path, path.string() + ".broken", ec);
    warning = path.string() + ": " + e.what() + " (kept as added-cues.json.broken)";
    return cues;
  }
  std::vector<Problem> problems;
  ManifestReader reader(data_dir, path, problems);
  for (const auto& [key, value] : j.items()) {
    const json& list = reader.list(j, key, key);
    for (size_t i = 0; i < list.size(); ++i) {
      const std::string field = key + "[" + std::to_string(i) + "]";
      auto at = reader.number(list[i], "at", field + ".at", true);
      LocalText question = reader.local_text(list[i], "question", field + ".question");
      if (at && !question.vi.empty()) cues[key].push_back({*at, question});
    }
  }
  for (const auto& p : problems) warning += (warning.empty() ? "" : "; ") + p.describe() + " (left out)";
  return cues;
}

void save_added_cues(const fs::path& data_dir, const AddedCues& cues) {
  json j = json::object();
  for (const auto& [key, list] : cues)
    for (const auto& cue : list) j[key].push_back(to_json(cue));
  write_file_atomically(cues_file(data_dir), j.dump(2) + "\n");
}

std::string merge_added_cues(Catalog& catalog, const fs::path& data_dir) {
  std::string warning;
  for (const auto& [key, list] : load_added_cues(data_dir, warning))
    for (const auto& cue : list) merge_added_cue(catalog, key, cue);
  return warning;
}

void merge_added_cue(Catalog& catalog, const std::string& key, const AddedCue& cue) {
  if (json* cues = cue_list(catalog, key)) cues->push_back(to_json(cue));
}

void unmerge_added_cue(Catalog& catalog, const std::string& key, const AddedCue& cue) {
  json* cues = cue_list(catalog, key);
  if (!cues) return;
  const json merged = to_json(cue);
  for (size_t i = cues->size(); i-- > 0;) {  // from the end, where the added ones are
    if ((*cues)[i] == merged) {
      cues->erase(i);
      return;
    }
  }
}

std::vector<LocalText> topic_questions(const Topic& topic) {
  std::vector<LocalText> questions;
  std::set<std::string> seen;
  for (const auto& entry : topic.lessons) {
    if (entry.kind != "video") continue;
    std::vector<Problem> problems;  // the catalog reported them already
    auto lesson = read_video_lesson(entry, topic.dir, topic.dir / "topic.json", "", problems);
    if (!lesson) continue;
    for (const auto& cue : lesson->cues)
      if (seen.insert(cue.question.vi).second) questions.push_back(cue.question);
  }
  return questions;
}
