#pragma once
// A grown-up's screen (the PIN pad, admin mode) left alone goes back to the children's home
// screen, so a child never finds it open. Times are ui_now() seconds.
#include <algorithm>

class IdleTimeout {
 public:
  explicit IdleTimeout(double seconds) : seconds_(seconds) {}
  // Input arrived (the first call also starts the clock).
  void touch(double now) { last_ = now; }
  void start(double now) {
    if (last_ < 0) last_ = now;
  }
  bool expired(double now) const { return last_ >= 0 && now - last_ >= seconds_; }
  double seconds_left(double now) const { return last_ < 0 ? seconds_ : std::max(0.0, last_ + seconds_ - now); }

 private:
  double seconds_, last_ = -1;
};
