#include "core/lessons.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/manifest_reader.h"

using nlohmann::json;

std::shared_ptr<const VideoLesson> read_video_lesson(ManifestReader& reader, const json& spec, const std::string& field) {
  auto lesson = std::make_shared<VideoLesson>();
  reader.known_fields(spec, field, {"id", "type", "title", "file", "cues"});
  lesson->file = reader.pack_file(spec, "file", field + ".file", true);
  const json& cues = reader.list(spec, "cues", field + ".cues");
  for (size_t i = 0; i < cues.size(); ++i) {
    const std::string f = field + ".cues[" + std::to_string(i) + "]";
    if (!cues[i].is_object()) {
      reader.fail(f, "must be an object");
      continue;
    }
    reader.known_fields(cues[i], f, {"at", "question", "picture", "narration"});
    Cue cue;
    auto at = reader.number(cues[i], "at", f + ".at", true);
    cue.question = reader.local_text(cues[i], "question", f + ".question");
    cue.picture = reader.picture(cues[i], "picture", f + ".picture", false);
    cue.narration = reader.pack_file(cues[i], "narration", f + ".narration", false);
    if (at && !cue.question.vi.empty()) {
      cue.at = *at;
      lesson->cues.push_back(cue);
    }
  }
  std::stable_sort(lesson->cues.begin(), lesson->cues.end(), [](const Cue& a, const Cue& b) { return a.at < b.at; });
  if (lesson->file.empty()) return nullptr;
  return lesson;
}

std::shared_ptr<const PictureStory> read_picture_story(ManifestReader& reader, const json& spec, const std::string& field) {
  auto story = std::make_shared<PictureStory>();
  reader.known_fields(spec, field, {"id", "type", "title", "pages", "auto_seconds"});
  if (auto seconds = reader.number(spec, "auto_seconds", field + ".auto_seconds", false)) story->auto_seconds = *seconds;
  const json& pages = reader.list(spec, "pages", field + ".pages");
  for (size_t i = 0; i < pages.size(); ++i) {
    const std::string f = field + ".pages[" + std::to_string(i) + "]";
    if (!pages[i].is_object()) {
      reader.fail(f, "must be an object");
      continue;
    }
    reader.known_fields(pages[i], f, {"picture", "caption", "narration"});
    StoryPage page;
    page.picture = reader.picture(pages[i], "picture", f + ".picture", true);
    page.caption = reader.local_text(pages[i], "caption", f + ".caption");
    page.narration = reader.pack_file(pages[i], "narration", f + ".narration", false);
    story->pages.push_back(page);  // a page with a missing picture still shows its caption
  }
  if (story->pages.empty()) {
    reader.fail(field + ".pages", "a story needs at least one page");
    return nullptr;
  }
  return story;
}
