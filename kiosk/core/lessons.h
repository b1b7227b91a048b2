#pragma once
// Watch-and-talk lessons as the manifest describes them (content/README.md), checked and typed.
// A video lesson is a file with talk cues; a picture story is a list of pages.
#include <filesystem>
#include <optional>
#include <vector>

#include "core/catalog.h"

namespace fs = std::filesystem;

struct Cue {
  double at = 0;  // seconds into the video
  LocalText question;
  fs::path picture;    // optional
  fs::path narration;  // optional: the question, spoken
};

struct VideoLesson {
  fs::path file;
  std::vector<Cue> cues;  // sorted by time
};

struct StoryPage {
  fs::path picture;
  LocalText caption;
  fs::path narration;  // optional
};

struct PictureStory {
  std::vector<StoryPage> pages;
  double auto_seconds = 6;  // how long a page stays after its narration when advancing by itself
};

// Reads a lesson entry of type "video" / "story" from pack `dir`; problems are added with `field`
// (e.g. "lessons[0]") as prefix. Returns nothing when the lesson cannot be played at all.
std::optional<VideoLesson> read_video_lesson(const Entry& entry, const fs::path& dir, const fs::path& manifest,
                                             const std::string& field, std::vector<Problem>& problems);
std::optional<PictureStory> read_picture_story(const Entry& entry, const fs::path& dir, const fs::path& manifest,
                                               const std::string& field, std::vector<Problem>& problems);
// Checks any lesson entry by its type (unknown types are a problem).
void check_lesson(const Entry& entry, const fs::path& dir, const fs::path& manifest, const std::string& field,
                  std::vector<Problem>& problems);
