#include "core/lessons.h"

#include <algorithm>

#include "core/manifest_reader.h"

using nlohmann::json;

std::optional<VideoLesson> read_video_lesson(const Entry& entry, const fs::path& dir, const fs::path& manifest,
                                             const std::string& field, std::vector<Problem>& problems) {
  ManifestReader reader(dir, manifest, problems);
  VideoLesson lesson;
  reader.known_fields(entry.spec, field, {"id", "type", "title", "file", "cues"});
  lesson.file = reader.pack_file(entry.spec, "file", field + ".file", true);
  const json& cues = reader.list(entry.spec, "cues", field + ".cues");
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
      lesson.cues.push_back(cue);
    }
  }
  std::sort(lesson.cues.begin(), lesson.cues.end(), [](const Cue& a, const Cue& b) { return a.at < b.at; });
  if (lesson.file.empty()) return std::nullopt;
  return lesson;
}

std::optional<PictureStory> read_picture_story(const Entry& entry, const fs::path& dir, const fs::path& manifest,
                                               const std::string& field, std::vector<Problem>& problems) {
  ManifestReader reader(dir, manifest, problems);
  PictureStory story;
  reader.known_fields(entry.spec, field, {"id", "type", "title", "pages", "auto_seconds"});
  if (auto seconds = reader.number(entry.spec, "auto_seconds", field + ".auto_seconds", false)) story.auto_seconds = *seconds;
  const json& pages = reader.list(entry.spec, "pages", field + ".pages");
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
    story.pages.push_back(page);  // a page with a missing picture still shows its caption
  }
  if (story.pages.empty()) {
    reader.fail(field + ".pages", "a story needs at least one page");
    return std::nullopt;
  }
  return story;
}

void check_lesson(const Entry& entry, const fs::path& dir, const fs::path& manifest, const std::string& field,
                  std::vector<Problem>& problems) {
  if (entry.kind == "video") {
    read_video_lesson(entry, dir, manifest, field, problems);
  } else if (entry.kind == "story") {
    read_picture_story(entry, dir, manifest, field, problems);
  } else {
    problems.push_back({manifest, field + ".type", "'" + entry.kind + "' is not a lesson type (video, story)"});
  }
}
