#pragma once
// The rules of a children's game, with no window: a game screen reports what the child did (a tap
// on a piece, a piece dropped on a zone, a tap on the scene) and shows the outcome. Wrong answers
// are counted for the journal but never end or block a game: the child simply tries again.
//
// One template per file in this folder, each a GameRules subclass with a reader that builds it
// from a manifest entry; game_templates.cpp registers each with one line.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/catalog.h"
#include "core/manifest_reader.h"

enum class Outcome { None, Right, Wrong, Done };  // Done: right, and that was the last step

struct GameStats {
  int rounds = 0;  // rounds (or pairs, items, spots) to get right
  int right = 0, wrong = 0;
  bool finished = false;
};

// What a game screen draws, indexed as tap() and drop() count them.
struct Piece {
  std::filesystem::path picture;
  bool face_up = true;  // memory cards lie face down
  bool done = false;    // matched, sorted, placed, found
  int zone = -1;        // once done in a drop game: the zone it sits in
  double x = 0, y = 0, r = 0;  // a place to find in a scene (fractions of its width and height)
};
struct Zone {  // a basket or a slot that pieces are dropped on
  LocalText label;
  std::filesystem::path picture;
};

class GameRules {
 public:
  virtual ~GameRules() = default;
  virtual std::vector<Piece> pieces() const = 0;
  virtual std::vector<Zone> zones() const { return {}; }
  // Called by the screen once it has shown a wrong move (memory cards turn back).
  virtual void settle() {}
  // True when the child taps places of one picture (pieces()[0]) rather than pieces.
  virtual bool taps_scene() const { return false; }
  // Taps a piece (a picture, a card).
  virtual Outcome tap(size_t /*piece*/) { return Outcome::None; }
  // Drops a piece on a zone (a basket, a slot).
  virtual Outcome drop(size_t /*piece*/, size_t /*zone*/) { return Outcome::None; }
  // Taps a point of the scene, in fractions of its width and height.
  virtual Outcome tap_at(double /*x*/, double /*y*/) { return Outcome::None; }
  const GameStats& stats() const { return stats_; }
  // The spoken prompt of the current round (or the game).
  virtual const LocalText& prompt() const = 0;
  virtual const std::filesystem::path& narration() const = 0;

 protected:
  // Counts an answer; `last` says whether it completes the game.
  Outcome answer(bool right, bool last);
  GameStats stats_;
};

// Reads a game entry (kind = template name) of a pack; nullptr after adding problems.
using GameReader = std::unique_ptr<GameRules> (*)(ManifestReader& reader, const nlohmann::json& spec,
                                                  const std::string& field);
const GameReader* find_game_template(const std::string& name);
std::vector<std::string> game_template_names();

// Checks a game entry (used by the catalog and check-content).
void check_game(const Entry& entry, const std::filesystem::path& dir, const std::filesystem::path& manifest,
                const std::string& field, std::vector<Problem>& problems);
std::unique_ptr<GameRules> read_game(const Entry& entry, const std::filesystem::path& dir,
                                     const std::filesystem::path& manifest, std::vector<Problem>& problems);

// Shared by the templates: the game's prompt and optional narration, and a list of pictures.
struct Prompt {
  LocalText text;
  std::filesystem::path narration;
};
Prompt read_prompt(ManifestReader& reader, const nlohmann::json& spec, const std::string& field);
std::vector<std::filesystem::path> read_pictures(ManifestReader& reader, const nlohmann::json& spec,
                                                 const std::string& key, const std::string& field, size_t min,
                                                 size_t max);
