#include "core/added_cues.h"

#include <algorithm>
#include <fstream>
#include <numeric>
#include <set>

#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "core/manifest_reader.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {
fs::path cues_file(const fs::path& data_dir) { return data_dir / "added-cues.json"; }

// As it is written in the file.
json to_json(const AddedCue& cue) {
  json question = {{"vi", cue.question.vi}};
  if (!cue.question.en.empty()) question["en"] = cue.question.en;
  return {{"at", cue.at}, {"question", question}};
}

// The places of `added`'s cues, by time (the order they take among the lesson's Teacher cues).
std::vector<size_t> by_time(const std::vector<AddedCue>& added) {
  std::vector<size_t> order(added.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return added[a].at < added[b].at; });
  return order;
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

Catalog with_added_cues(Catalog catalog, const AddedCues& cues) {
  for (const auto& [key, list] : cues) {
    const auto slash = key.find('/');
    if (slash == std::string::npos || list.empty()) continue;
    for (auto& topic : catalog.topics) {
      if (topic.id != key.substr(0, slash)) continue;
      for (auto& entry : topic.lessons) {
        if (!entry.video || entry.id != key.substr(slash + 1)) continue;
        auto lesson = std::make_shared<VideoLesson>(*entry.video);  // the pack's stays as it was
        for (size_t i : by_time(list)) {
          Cue cue{list[i].at, list[i].question, {}, {}, Cue::Origin::Teacher};
          auto later = std::upper_bound(lesson->cues.begin(), lesson->cues.end(), cue.at,
                                        [](double at, const Cue& c) { return at < c.at; });
          lesson->cues.insert(later, cue);
        }
        entry.video = std::move(lesson);
      }
    }
  }
  return catalog;
}

std::optional<size_t> added_cue_index(const VideoLesson& lesson, size_t index, const std::vector<AddedCue>& added) {
  if (index >= lesson.cues.size() || lesson.cues[index].origin != Cue::Origin::Teacher) return std::nullopt;
  const auto teacher = static_cast<size_t>(std::count_if(lesson.cues.begin(), lesson.cues.begin() + static_cast<long>(index),
                                                         [](const Cue& c) { return c.origin == Cue::Origin::Teacher; }));
  const auto order = by_time(added);
  if (teacher >= order.size()) return std::nullopt;
  return order[teacher];
}

std::vector<LocalText> topic_questions(const Topic& topic) {
  std::vector<LocalText> questions;
  std::set<std::string> seen;
  for (const auto& entry : topic.lessons) {
    if (!entry.video) continue;
    for (const auto& cue : entry.video->cues)
      if (seen.insert(cue.question.vi).second) questions.push_back(cue.question);
  }
  return questions;
}
