#pragma once
// Reads the watch-and-talk lessons of a manifest (content/README.md) into the catalog's typed
// values (catalog.h): a video lesson is a file with talk cues, a picture story a list of pages.
// Used by the catalog's loader only; everything else reads the typed Entry.
#include <memory>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "core/catalog.h"

class ManifestReader;

// Problems are added to the reader with `field` (e.g. "lessons[0]") as prefix. Null when the
// lesson cannot be played at all (no video file, no page).
std::shared_ptr<const VideoLesson> read_video_lesson(ManifestReader& reader, const nlohmann::json& spec,
                                                     const std::string& field);
std::shared_ptr<const PictureStory> read_picture_story(ManifestReader& reader, const nlohmann::json& spec,
                                                       const std::string& field);
