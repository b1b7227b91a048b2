#pragma once
// --replay: drives the kiosk from a script (see core/replay_script.h) through the real event
// queue. Lines are read by a thread as they arrive, so the script may be a named pipe that a test
// writes to while it watches the screen; a regular file is followed as it grows (until `quit`).
//
// One command at a time: a command is handled when every event it sends has been handled, its
// wait has passed, the host's input has settled (ReplayHost::input_settled) and a frame has been
// drawn since; only then does the next one run, so `tap @ID` always sees the screen the last command
// led to. handled() counts them (blank and comment lines aside, bad lines included) and the
// --ui-tree dump carries the count, so a test waits for "command N handled and its frame drawn"
// instead of sleeping. Everything here runs on the UI thread except the line reader.
#include <SDL.h>

#include <atomic>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/replay_script.h"
#include "core/targets.h"

class ReplayHost {
 public:
  virtual ~ReplayHost() = default;
  virtual const Targets& current_targets() const = 0;
  virtual const std::string& current_screen() const = 0;
  virtual uint32_t window_id() const = 0;
  virtual void request_screenshot(const std::string& path) = 0;
  virtual void request_quit() = 0;
  // Draws a frame even if the event changed nothing (the replay waits for one after each event).
  virtual void request_frame() = 0;
  // True when the input sent so far has had its effect: no screen switch pending, and ImGui has been
  // fed all queued input and drawn the frames that follow it.
  virtual bool input_settled() const = 0;
};

class ReplayDriver {
 public:
  // Starts reading `path` on a thread; each new line wakes the main loop with `wake_event`.
  ReplayDriver(const std::string& path, uint32_t wake_event);
  ~ReplayDriver();

  // Runs what is due: pushes scheduled events, completes the running command, then starts at most
  // one new command. `now` is ui_now() and `frames` counts the frames drawn so far. An `advance`
  // moves the clocks: read ui_now() again after this.
  void step(ReplayHost& host, double now, uint64_t frames);
  // Seconds until step() has something to do without new input: 0 when it can act now, the time
  // left of a wait or a drag; negative when it only waits for a new line or a frame.
  double seconds_to_next(double now, uint64_t frames);
  // Commands handled so far (see above).
  uint64_t handled() const { return handled_; }
  bool had_errors() const { return errors_ > 0; }

 private:
  // What the reader thread shares with the driver. Owned jointly, so a reader still blocked on a
  // pipe when the kiosk exits never touches a destroyed driver.
  struct Inbox {
    std::mutex mutex;
    std::deque<std::string> lines;
    bool open_failed = false;
    std::atomic<bool> stopping{false};
  };
  static void read_lines(std::shared_ptr<Inbox> inbox, std::string path, uint32_t wake_event);
  // Starts one command; false when it failed (it then counts as handled at once).
  bool run(const ReplayCommand& cmd, ReplayHost& host, double now);
  void finish_command(ReplayHost& host);
  void push_mouse(ReplayHost& host, Uint32 type, float x, float y);
  void push_key(ReplayHost& host, Uint32 type, SDL_Keycode key, Uint16 mod = KMOD_NONE);
  static constexpr double kPressSeconds = 0.05;  // how long a tap or a key is held
  void error(const std::string& what);

  std::shared_ptr<Inbox> inbox_ = std::make_shared<Inbox>();

  struct Scheduled {
    double at;
    Uint32 type;
    float x, y;
    SDL_Keycode key = SDLK_UNKNOWN;  // for SDL_KEYUP
  };
  std::deque<Scheduled> scheduled_;  // the steps of a drag, the release of a tap or a key
  double wait_until_ = 0;
  uint64_t frame_of_last_event_ = 0;  // the running command completes in a later frame
  bool running_command_ = false;
  uint64_t handled_ = 0;
  int errors_ = 0;
};
