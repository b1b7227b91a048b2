#pragma once
// When the main loop draws a frame and how long it sleeps: the one place that decides both, so the
// two cannot disagree (a loop told "sleep 0" but "no frame yet" spins; one told "no frame due" but
// "sleep an hour" leaves a stale picture).
//
// Each pass, the loop fills a Pass and asks next(): it draws when `draw` is set, otherwise it waits
// for events at most `sleep` seconds; after drawing it reports drawn() and asks again how long to
// sleep. The rules:
//  - something changed that is not on screen yet (`changed`: input, a screen's tick, a window event,
//    a screen switch, frames owed to ImGui): a frame at once, even while an animation runs, so that
//    a tap's feedback never waits for the animation's next frame;
//  - something moves (`animating`): a frame every kFrameSeconds after the last one;
//  - an animation has just ended, or the notice card came or went: one frame, so that its last
//    state is not left on screen;
//  - otherwise: sleep until the soonest timer (Pass::wake_within: a screen's wake_in, the notice's
//    end, the replay's next step, the journal's heartbeat, the watchdog's ping), at most
//    kLongestSleep; an SDL event (input, mpv, a replay line) wakes the loop before that.
// Times are seconds on the loop's monotonic clock (Kiosk::now()). No SDL; UI thread only.
class FrameSchedule {
 public:
  static constexpr double kFrameSeconds = 1.0 / 60;  // the animation rate
  static constexpr double kLongestSleep = 3600;

  // What the loop knows in one pass.
  struct Pass {
    bool changed = false;
    bool animating = false;
    double notice_until = 0;  // the notice card is shown until then
    double wake_in = kLongestSleep;
    // A timer: the loop must run again within `seconds` (negative: no timer, ignored).
    void wake_within(double seconds) {
      if (seconds >= 0 && seconds < wake_in) wake_in = seconds;
    }
  };

  struct Decision {
    bool draw = false;
    double sleep = 0;  // seconds the loop may wait for events; 0 when it draws
    // For SDL_WaitEventTimeout: a millisecond more, so the loop wakes after the timer is due, not just before.
    int sleep_ms() const;
  };

  Decision next(double now, const Pass& pass) const;
  // A frame was drawn at `now`, with `pass` as it stood when it was drawn.
  void drawn(double now, const Pass& pass);

 private:
  double last_frame_ = -1;
  bool was_animating_ = false;
  bool notice_shown_ = false;
};
