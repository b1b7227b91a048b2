#pragma once
// The hidden ways into admin mode, from the home screen only: the top-left corner held for 3
// seconds (touch, mouse or air mouse; no child does that by chance, and a ring fills as it is held
// so a grown-up knows to wait), or Ctrl+Alt+A on a keyboard.
#include <SDL.h>

#include "app/canvas.h"
#include "app/screen.h"

class AdminDoor {
 public:
  static constexpr double kHoldSeconds = 3;

  // Follows the pointer (`scale`: design units to pixels); a hold starts only where `may_open`
  // (the home screen). True when a hold has just been completed, even if the release came before
  // the main loop noticed.
  bool pointer(Screen::Pointer phase, float x, float y, float scale, double now, bool may_open);
  bool holding() const { return held_since_ >= 0; }
  bool held_long_enough(double now) const { return holding() && now - held_since_ >= kHoldSeconds; }
  void reset() { held_since_ = -1; }
  // The ring in the corner while a hold is in progress.
  void draw(const Canvas& c, double now) const;
  static bool is_chord(const SDL_Keysym& key);

 private:
  double held_since_ = -1;
};
