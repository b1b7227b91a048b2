#pragma once
// Keeps the kiosk's full-screen window exactly as large as the X screen, on a bare X server with no
// window manager (a classroom mini-PC): nobody there honours SDL's full-screen request, so the
// window kept the size it was created with (a 1280x800 TV showed 1280x720, 40 px down). The window
// is moved and sized to the root window at start and again whenever the root changes size: the TV
// switched off and on, another input, a projector at 1024x768 (xrandr or the server itself resizes
// the root). With a window manager, or outside X11, SDL's own full screen does the job and this
// does nothing.
//
// Main thread only; the window must outlive this object.
#include <SDL.h>

class FullScreenFit {
 public:
  // Asks the X server to report root size changes (as SDL_SYSWMEVENTs) and fits the window now.
  explicit FullScreenFit(SDL_Window* window);
  // Fits the window again when `e` says the root window changed size. True when it did.
  bool handle(const SDL_Event& e);

 private:
  void fit();
  SDL_Window* window_;
  bool x11_ = false;
  int width_ = 0, height_ = 0;  // the screen size the window was last fitted to
};
