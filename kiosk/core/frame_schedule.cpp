#include "core/frame_schedule.h"

#include <algorithm>

int FrameSchedule::Decision::sleep_ms() const {
  if (draw || sleep <= 0) return 0;
  return static_cast<int>(std::min(sleep, kLongestSleep) * 1000) + 1;
}

FrameSchedule::Decision FrameSchedule::next(double now, const Pass& pass) const {
  const bool notice_visible = now < pass.notice_until;
  const bool settle = (was_animating_ && !pass.animating) || notice_visible != notice_shown_;
  if (pass.changed || settle) return {true, 0};
  double sleep = pass.wake_in;
  if (pass.animating) {
    double next_frame = last_frame_ + kFrameSeconds - now;
    if (next_frame <= 0) return {true, 0};
    sleep = std::min(sleep, next_frame);
  }
  if (notice_visible) sleep = std::min(sleep, pass.notice_until - now);
  return {false, std::clamp(sleep, 0.0, kLongestSleep)};
}

void FrameSchedule::drawn(double now, const Pass& pass) {
  last_frame_ = now;
  was_animating_ = pass.animating;
  notice_shown_ = now < pass.notice_until;
}
