#pragma once
// The kiosk's content: the catalog of the bundled and imported packs with the teachers' added cues
// merged in, shared as an immutable snapshot.
//
// Lifetime: catalog() hands out the current snapshot. reload(), add_cue() and remove_cue() build a
// new one and swap it in; a screen holding an older snapshot (or a Topic or Entry inside it, see
// share()) keeps it valid until it lets go. Threads: not thread-safe; the UI thread owns it, while
// a snapshot itself may be read anywhere.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/added_cues.h"
#include "core/catalog.h"

class ContentLibrary {
 public:
  // `content_dir`: the bundled (or --content) packs; DATA/content holds the imported ones, and
  // DATA/added-cues.json the teachers' questions. Reads nothing yet: call reload().
  ContentLibrary(std::filesystem::path content_dir, std::filesystem::path data_dir);

  // (Re)reads every pack and the added cues: at start, and after content is imported. Returns the
  // warnings for stderr: each pack problem, and a fault of added-cues.json.
  std::vector<std::string> reload();
  std::shared_ptr<const Catalog> catalog() const { return snapshot_; }
  // Where packs imported from USB sticks go (the bundled content is read-only).
  std::filesystem::path imported_dir() const { return data_dir_ / "content"; }

  // A teacher's question added to / removed from video lesson `key` ("topic/lesson"). Saves
  // added-cues.json first: when that fails it throws std::runtime_error and nothing changes.
  void add_cue(const std::string& key, const AddedCue& cue);
  // `index` is the cue's place in the lesson's cues of the current snapshot; a cue of the pack
  // cannot be removed (returns false, nothing changes).
  bool remove_cue(const std::string& key, size_t index);

 private:
  void publish();  // snapshot_ = packs_ with added_

  std::filesystem::path content_dir_, data_dir_;
  Catalog packs_;     // as read from the packs
  AddedCues added_;   // as in added-cues.json
  std::shared_ptr<const Catalog> snapshot_ = std::make_shared<const Catalog>();
};

// A topic of `catalog` (nullptr when it has none of that id), sharing the catalog's lifetime.
std::shared_ptr<const Topic> share_topic(const std::shared_ptr<const Catalog>& catalog, const std::string& id);
// The video lesson `key` ("topic/lesson") of `catalog`, or nullptr.
const Entry* find_lesson(const Catalog& catalog, const std::string& key);
