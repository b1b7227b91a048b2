#pragma once
// Talk cues a teacher added on the kiosk itself, to a video of a pack (often a plain video with no
// cues, brought on a USB stick). They live in DATA/added-cues.json, apart from the packs, which may
// be read-only or replaced: {"TOPIC/LESSON": [{"at": 12.5, "question": {"vi": ..., "en": ...}}]}.
// In the catalog they are cues of origin Teacher among the pack's own (with_added_cues()); the
// kiosk keeps them with the catalog in its ContentLibrary (content_library.h).
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.h"

struct AddedCue {
  double at = 0;  // seconds into the video
  LocalText question;
};
// By lesson: "topic/lesson"; each list in the order the cues were added.
using AddedCues = std::map<std::string, std::vector<AddedCue>>;

// A missing file gives none. A malformed one is kept aside as added-cues.json.broken and reported
// through `warning` (as settings.json is); entries with a fault are left out and reported.
AddedCues load_added_cues(const std::filesystem::path& data_dir, std::string& warning);
// Writes atomically. Throws std::runtime_error on failure.
void save_added_cues(const std::filesystem::path& data_dir, const AddedCues& cues);

// `catalog` with the added cues among their video lessons' own, as cues of origin Teacher (after
// the pack's at an equal time). A lesson that is not there, or not a video, is skipped.
Catalog with_added_cues(Catalog catalog, const AddedCues& cues);

// Where the cue at `index` of `lesson.cues` is in `added`, the lesson's list that with_added_cues()
// merged; nothing for a cue of the pack.
std::optional<size_t> added_cue_index(const VideoLesson& lesson, size_t index, const std::vector<AddedCue>& added);

// Every cue question of the topic's video lessons (added ones too), in lesson order, each once.
std::vector<LocalText> topic_questions(const Topic& topic);
