#pragma once
// The content catalog: topic packs read from a content folder. No window needed.
//
// A pack is a folder holding topic.json (format documented in content/README.md). Folders whose
// names start with '_' or '.' are not packs (build sources live there). Loading never throws for
// bad content: every problem is recorded with its file and field, and the rest still loads.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

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

// A lesson or a game inside a topic. `kind` is the lesson type or the game template; `spec` keeps
// the manifest entry whole for the player or template that knows that kind.
struct Entry {
  std::string id;
  LocalText title;
  std::string kind;
  nlohmann::json spec;
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

// Checks a path named in a manifest: relative, inside the pack (no "..", no symlink out), present.
// Returns the full path, or an empty path after adding a problem.
fs::path resolve_pack_file(const fs::path& pack_dir, const fs::path& manifest, const std::string& field,
                           const std::string& relative, std::vector<Problem>& problems);
