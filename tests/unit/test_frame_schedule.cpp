// The main loop's one decision: draw now, or sleep how long (core/frame_schedule.h).
#include <catch2/catch.hpp>

#include "core/frame_schedule.h"

namespace {
using Pass = FrameSchedule::Pass;
constexpr double kFrame = FrameSchedule::kFrameSeconds;

Pass changed() {
  Pass p;
  p.changed = true;
  return p;
}
Pass animating() {
  Pass p;
  p.animating = true;
  return p;
}
}  // namespace

TEST_CASE("With nothing changing and no timer the loop sleeps the longest, then a timer wakes it") {
  FrameSchedule s;
  s.drawn(10, Pass{});
  auto d = s.next(10.5, Pass{});
  CHECK_FALSE(d.draw);
  CHECK(d.sleep == FrameSchedule::kLongestSleep);
  Pass p;
  p.wake_within(-1);   // no timer: ignored
  p.wake_within(2.5);  // a page that turns by itself
  p.wake_within(0.75);  // the watchdog's ping, sooner
  d = s.next(10.5, p);
  CHECK_FALSE(d.draw);
  CHECK(d.sleep == Approx(0.75));
  CHECK(d.sleep_ms() == 751);  // wakes just after the timer is due, not just before
}

TEST_CASE("A change is drawn at once, also in the middle of an animation's frame interval") {
  FrameSchedule s;
  CHECK(s.next(0, changed()).draw);  // the first frame
  s.drawn(5, animating());
  Pass tap = animating();
  tap.changed = true;
  auto d = s.next(5 + kFrame / 4, tap);
  CHECK(d.draw);
  CHECK(d.sleep_ms() == 0);
}

TEST_CASE("An animation gets a frame every frame interval and the loop sleeps in between") {
  FrameSchedule s;
  s.drawn(5, animating());
  auto d = s.next(5 + kFrame / 4, animating());
  CHECK_FALSE(d.draw);
  CHECK(d.sleep == Approx(kFrame * 3 / 4));
  CHECK(d.sleep_ms() > 0);  // sleeps: does not spin until the interval is over
  CHECK(s.next(5 + kFrame, animating()).draw);
}

TEST_CASE("An animation that has ended gets one last frame, then the loop sleeps") {
  FrameSchedule s;
  s.drawn(5, animating());
  CHECK(s.next(6, Pass{}).draw);
  s.drawn(6, Pass{});
  auto d = s.next(6.1, Pass{});
  CHECK_FALSE(d.draw);
  CHECK(d.sleep == FrameSchedule::kLongestSleep);
}

TEST_CASE("The notice card is drawn when it comes, the loop wakes when it expires, and draws it gone") {
  FrameSchedule s;
  s.drawn(5, Pass{});
  Pass notice;
  notice.notice_until = 10;
  CHECK(s.next(6, notice).draw);  // set between frames (a journal error): shown at once
  s.drawn(6, notice);
  auto d = s.next(6, notice);
  CHECK_FALSE(d.draw);
  CHECK(d.sleep == Approx(4));
  CHECK(s.next(10, notice).draw);  // expired: one frame without it
  s.drawn(10, notice);
  CHECK_FALSE(s.next(10.2, notice).draw);
}

TEST_CASE("A timer due now means a pass without sleeping, not a frame") {
  FrameSchedule s;
  s.drawn(5, Pass{});
  Pass p;
  p.wake_within(0);  // the replay can act now
  auto d = s.next(5.5, p);
  CHECK_FALSE(d.draw);
  CHECK(d.sleep_ms() == 0);
}
