#pragma once
// One full screen of the kiosk (home, topic, summary...). As in SuperTux's Screen: update() changes
// state and lays out the targets, draw() only reads. A screen asks for another through Routes
// (routes.h); the switch happens between frames (core/navigator.h).
//
// One pass of the App's main loop, all on the UI thread:
//   1. input events: pointer() and key() first, then activate(), adjust() or back() for the
//      shared handling (not while a screen switch is pending: that input was aimed at the old one);
//   2. tick() on the top screen (after mpv wake-ups and timers);
//   3. when a frame is due: the queued screen switch (leave() on the old top, enter() on the new),
//      then update(), draw(), render_below() with the GL context current, and the swap.
// `now` is ui_now() (seconds, monotonic). The Targets and Canvas passed in are valid only
// during the call; what a screen keeps from update() for draw() (rectangles) is its own copy.
// Screens on the stack below the top one get no calls until they enter() again.
#include <string>

#include "app/canvas.h"
#include "core/targets.h"

class Screen {
 public:
  virtual ~Screen() = default;
  // Stable name for tests and the --ui-tree dump: "home", "topic", "summary".
  virtual std::string name() const = 0;
  // The screen is on top now: pushed, or back after the one above it left (core/navigator.h).
  virtual void enter(double /*now*/) {}
  // The screen is no longer on top: covered by another, or about to be destroyed. Not called at
  // quit, when screens are destroyed without it.
  virtual void leave() {}
  // Lays out for this canvas and registers every actionable element in `targets`.
  virtual void update(const Canvas& canvas, Targets& targets, double now) = 0;
  virtual void draw(const Canvas& canvas, double now) const = 0;
  // A target was tapped, clicked, or chosen with Enter.
  virtual void activate(const std::string& id) = 0;
  // Escape / the remote's Back key.
  virtual void back() {}
  // True while something on screen moves: the main loop keeps drawing frames only then.
  virtual bool animating(double /*now*/) const { return false; }
  // Called on every pass of the main loop (after events, mpv wake-ups, timers); true asks for a
  // frame. Screens with a player poll it here.
  virtual bool tick(double /*now*/) { return false; }
  // Seconds until the screen wants tick() called without any input (a page that turns by itself);
  // negative for never.
  virtual double wake_in(double /*now*/) const { return -1; }
  // Draws under the ImGui layer, straight into the framebuffer (video frames). The window's GL
  // context is current; no other Screen call may use GL.
  virtual void render_below(int /*width_px*/, int /*height_px*/) {}
  // Raw input before the shared handling (focus moves, Enter, Back, taps on targets); true consumes it.
  virtual bool key(int /*sdl_keycode*/) { return false; }
  // Left/Right (`step` -1 or 1) while target `id` has the focus: true when it is a slider that took
  // the step (a remote moves the video's position bar), so that the focus stays on it.
  virtual bool adjust(const std::string& /*id*/, int /*step*/) { return false; }
  // True for screens made of Dear ImGui's stock widgets (admin): they take input through ImGui,
  // and the shared focus ring is not drawn.
  virtual bool uses_widgets() const { return false; }
  enum class Pointer { Down, Move, Up };
  virtual bool pointer(Pointer /*phase*/, float /*x*/, float /*y*/) { return false; }
};
