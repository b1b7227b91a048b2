#pragma once
// The content catalog: topic packs read from a content folder, parsed once into typed values. No
// window needed.
//
// A pack is a folder holding topic.json (format documented in content/README.md). Folders whose
// names start with '_' or '.' are not packs (build sources live there). Loading never throws for
// bad content: every problem is recorded with its file and field, and the rest still loads.
//
// A loaded Catalog is never changed: the kiosk shares it as shared_ptr<const Catalog> (see
// content_library.h), and an import or a teacher's new question swaps in a new one, so a screen
// that holds the snapshot it opened with keeps valid references into it for as long as it lives.
// Nothing here is tied to a thread; a Catalog is safe to read from any number of threads.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace fs = std::filesystem;

struct Problem {
  fs::path file;
  std::string field;    // e.g. "lessons[1].title.vi"; empty when the whole file is at fault
  std::string message;  // English, for stderr and logs
  std::string describe() const;  // "FILE: FIELD: message"
};

struct LocalText {
  std::string vi, en;
  // The text in `lang`, falling back to Vietnamese, the campaign's language.
  const std::string& in(const std::string& lang) const;
};

// A talk cue of a video lesson: the video pauses there and asks the class.
struct Cue {
  enum class Origin { Pack, Teacher };  // Teacher: added on the kiosk (added_cues.h)
  double at = 0;  // seconds into the video
  LocalText question;
  fs::path picture;    // optional
  fs::path narration;  // optional: the question, spoken
  Origin origin = Origin::Pack;
};

struct VideoLesson {
  fs::path file;
  // Sorted by time; at an equal time the pack's own come first, then the teacher's in the order
  // of their list in added-cues.json.
  std::vector<Cue> cues;
};

struct StoryPage {
  fs::path picture;
  LocalText caption;
  fs::path narration;  // optional
};

struct PictureStory {
  std::vector<StoryPage> pages;  // at least one
  double auto_seconds = 6;  // how long a page stays after its narration when advancing by itself
};

class GameSpec;  // core/games/game_rules.h

// A lesson or a game inside a topic. `kind` is the lesson type ("video", "story") or the game
// template ("memory-pairs"...). Exactly one of video, story and game is set when the entry can be
// played; an entry with problems is shown as an error card and never opened.
struct Entry {
  std::string id;
  LocalText title;
  std::string kind;
  std::shared_ptr<const VideoLesson> video;
  std::shared_ptr<const PictureStory> story;
  std::shared_ptr<const GameSpec> game;
  fs::path art;  // the card's picture (a story's first page, a game's first picture); may be empty
  std::vector<Problem> problems;
};

struct Topic {
  std::string id;  // the folder name
  fs::path dir;
  LocalText title;
  fs::path cover;        // empty when missing or unusable (then problems say why)
  uint32_t color = 0;    // 0xRRGGBB tile colour
  int order = 0;
  std::vector<Entry> lessons;
  std::vector<Entry> games;
  std::vector<Problem> problems;  // the pack's own problems plus those of its entries
  bool broken = false;            // no usable manifest: shown as an error card, cannot start
  std::vector<std::string> texts;  // every text of its manifest (titles, captions, prompts, labels)
};

struct Catalog {
  fs::path dir;
  std::vector<Topic> topics;     // sorted by order, then id
  std::vector<Problem> problems; // every problem of every pack, and of the folder itself
  const Topic* find(const std::string& id) const;
};

// The packs of `content_dir`, plus those of `imported_dir` when given (packs brought on a USB
// stick, see content_import.h): an imported pack replaces a bundled one of the same id.
Catalog load_catalog(const fs::path& content_dir, const fs::path& imported_dir = {});

// One pack: `dir` holds its files, `id` is the topic id it has in the kiosk (its folder name there;
// a pack being imported is checked in a staging folder under the name it will get).
Topic load_topic(const fs::path& dir, const std::string& id);

// Checks a path named in a manifest: relative, inside the pack (no "..", no symlink out), present
// (under its exact name, or one that differs only in Unicode normalisation: unicode_paths.h).
// Returns the full path, on disk as it is, or an empty path after adding a problem.
fs::path resolve_pack_file(const fs::path& pack_dir, const fs::path& manifest, const std::string& field,
                           const std::string& relative, std::vector<Problem>& problems);
