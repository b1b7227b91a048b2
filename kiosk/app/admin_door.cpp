#include "app/admin_door.h"

#include <algorithm>

#include "app/style.h"

namespace {
constexpr float kCorner = 150;  // design units
}

bool AdminDoor::pointer(Screen::Pointer phase, float x, float y, float scale, double now, bool may_open) {
  const bool in_corner = x < kCorner * scale && y < kCorner * scale;
  if (phase == Screen::Pointer::Down && in_corner && may_open) {
    held_since_ = now;
  } else if (phase == Screen::Pointer::Up || !in_corner) {
    bool done = held_long_enough(now);
    reset();
    return done;
  }
  return false;
}

void AdminDoor::draw(const Canvas& c, double now) const {
  if (!holding()) return;
  float f = static_cast<float>(std::min(1.0, (now - held_since_) / kHoldSeconds));
  c.arc(c.px(70), c.px(70), c.px(40), f, rgb(style::kFocus), c.px(10));
}

bool AdminDoor::is_chord(const SDL_Keysym& key) {
  return (key.mod & KMOD_CTRL) && (key.mod & KMOD_ALT) && key.sym == SDLK_a;
}
