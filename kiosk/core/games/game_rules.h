#pragma once
// The rules of a children's game, with no window: a game screen reports what the child did (a tap
// on a piece, a piece dropped on a zone, a tap on the scene) and shows the outcome. Wrong answers
// are counted for the journal but never end or block a game: the child simply tries again.
//
// One template per file in this folder: a GameSpec (what the manifest says, read once by the
// catalog and never changed) that starts GameRules (one game being played, with its moves), and a
// reader that builds the spec from a manifest entry (game_reader.h); game_templates.cpp registers
// each with one line. Not thread-safe: one game is played on one thread (the UI's).
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/catalog.h"

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
  std::filesystem::path audio = {};  // a memory card's own sound, played as it turns face up; or empty
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

// A game as its pack describes it. Immutable and shared by the catalog's snapshots.
class GameSpec {
 public:
  virtual ~GameSpec() = default;
  // A new game from the start. `seed` orders whatever the template shuffles (cards, steps): the
  // kiosk gives each start a new one, so no two classes learn the same board by heart; tests fix it.
  virtual std::unique_ptr<GameRules> start(unsigned seed) const = 0;
  // The picture on the game's card in the topic: the first one its manifest names.
  virtual std::filesystem::path art() const = 0;
};
