#pragma once
// A plain folder of videos and pictures, brought without a topic.json, turned into a topic pack:
// each video a video lesson, the pictures one picture story (content/README.md, "Bringing content
// on a USB stick"). The manifest is written into the imported copy, never onto the stick.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fs = std::filesystem;

struct MediaFolder {
  std::vector<fs::path> videos, pictures;  // each in natural name order ("2" before "10")
  std::vector<fs::path> skipped;           // sub-folders and files that are neither, by name
};

// The folder's videos and pictures, judged by their content (media_kind.h) whatever their names
// end in, or nothing when it holds no media at all. Anything else is listed in `skipped` and never
// hides the rest. Hidden files, Thumbs.db and desktop.ini are ignored.
std::optional<MediaFolder> read_media_folder(const fs::path& dir);

// The topic or lesson id a name gives: "An toàn giao thông" -> "an-toan-giao-thong"; empty when
// the name has no letter or digit.
std::string id_from_name(const std::string& name);

// Natural order: digit runs compare as numbers, letters without regard to case.
bool natural_less(const std::string& a, const std::string& b);

// Writes the generated topic.json into `dir` (the pack's copy, files named by their names in the
// folder), and without pictures a plain cover.png in the pack's colour. Throws std::runtime_error
// when a file cannot be written.
void write_auto_manifest(const MediaFolder& media, const std::string& title, const fs::path& dir);
