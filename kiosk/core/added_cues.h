#pragma once
// Talk cues a teacher added on the kiosk itself, to a video of a pack (often a plain video with no
// cues, brought on a USB stick). They live in DATA/added-cues.json, apart from the packs, which may
// be read-only or replaced: {"TOPIC/LESSON": [{"at": 12.5, "question": {"vi": ..., "en": ...}}]}.
// Merged into the catalog's manifest entries, they play like the pack's own cues.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/catalog.h"

struct AddedCue {
  double at = 0;  // seconds into the video
  LocalText question;
};
// By lesson: "topic/lesson".
using AddedCues = std::map<std::string, std::vector<AddedCue>>;

// A missing file gives none. A malformed one is kept aside as added-cues.json.broken and reported
// through `warning` (as settings.json is); entries with a fault are left out and reported.
AddedCues load_added_cues(const std::filesystem::path& data_dir, std::string& warning);
// Writes atomically. Throws std::runtime_error on failure.
void save_added_cues(const std::filesystem::path& data_dir, const AddedCues& cues);

// Loads DATA/added-cues.json into the catalog (at start and after each reload of the content).
// Returns the load warning, empty when all is well.
std::string merge_added_cues(Catalog& catalog, const std::filesystem::path& data_dir);
// Puts `cue` into the manifest entry of video lesson `key`, after the pack's own cues, where
// read_video_lesson() finds it; a lesson no longer in the catalog is skipped. The other one takes
// it out again.
void merge_added_cue(Catalog& catalog, const std::string& key, const AddedCue& cue);
void unmerge_added_cue(Catalog& catalog, const std::string& key, const AddedCue& cue);

// Every cue question of the topic's video lessons (added ones too), in lesson order, each once.
std::vector<LocalText> topic_questions(const Topic& topic);
