#include "app/full_screen.h"

#include <SDL_syswm.h>
#include <X11/Xlib.h>

#include <cstdio>

FullScreenFit::FullScreenFit(SDL_Window* window) : window_(window) {
  SDL_SysWMinfo info;
  SDL_VERSION(&info.version);
  if (!SDL_GetWindowWMInfo(window_, &info) || info.subsystem != SDL_SYSWM_X11) return;
  x11_ = true;
  Display* d = info.info.x11.display;
  Window root = DefaultRootWindow(d);
  XWindowAttributes a;
  XGetWindowAttributes(d, root, &a);
  XSelectInput(d, root, a.your_event_mask | StructureNotifyMask);  // root ConfigureNotify on a mode change
  SDL_EventState(SDL_SYSWMEVENT, SDL_ENABLE);
  fit();
}

bool FullScreenFit::handle(const SDL_Event& e) {
  if (!x11_ || e.type != SDL_SYSWMEVENT || e.syswm.msg->subsystem != SDL_SYSWM_X11) return false;
  const XEvent& x = e.syswm.msg->msg.x11.event;
  if (x.type != ConfigureNotify || x.xconfigure.window != DefaultRootWindow(x.xconfigure.display)) return false;
  fit();
  return true;
}

void FullScreenFit::fit() {
  SDL_SysWMinfo info;
  SDL_VERSION(&info.version);
  if (!SDL_GetWindowWMInfo(window_, &info)) return;
  Display* d = info.info.x11.display;
  XWindowAttributes root;
  XGetWindowAttributes(d, DefaultRootWindow(d), &root);
  if (root.width == width_ && root.height == height_) return;  // xrandr reports one change several times
  width_ = root.width;
  height_ = root.height;
  XMoveResizeWindow(d, info.info.x11.window, 0, 0, unsigned(root.width), unsigned(root.height));
  XRaiseWindow(d, info.info.x11.window);
  XSync(d, False);  // the server has the new size before anything is drawn at the old one
  std::fprintf(stderr, "kiosk: full screen at %dx%d\n", root.width, root.height);
}
