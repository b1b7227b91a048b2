#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <functional>

#include "harness.h"

namespace {
// Calls `visit` for every window of the tree under `root` (windows may sit in a window manager's frame).
void each_window(Display* d, Window root, const std::function<void(Window)>& visit) {
  Window r, parent, *children = nullptr;
  unsigned int n = 0;
  if (!XQueryTree(d, root, &r, &parent, &children, &n)) return;
  for (unsigned int i = 0; i < n; ++i) {
    visit(children[i]);
    each_window(d, children[i], visit);
  }
  if (children) XFree(children);
}

// The window whose _NET_WM_PID is `pid`, or 0.
Window window_of(Display* d, pid_t pid) {
  Atom pid_atom = XInternAtom(d, "_NET_WM_PID", False);
  Window found = 0;
  each_window(d, DefaultRootWindow(d), [&](Window w) {
    Atom type;
    int format;
    unsigned long count, after;
    unsigned char* data = nullptr;
    if (!found && XGetWindowProperty(d, w, pid_atom, 0, 1, False, XA_CARDINAL, &type, &format, &count, &after, &data) ==
                      Success && data) {
      if (count == 1 && static_cast<pid_t>(*reinterpret_cast<unsigned long*>(data)) == pid) found = w;
      XFree(data);
    }
  });
  return found;
}
}  // namespace

bool request_close(pid_t pid) {
  Display* d = XOpenDisplay(nullptr);
  if (!d) return false;
  Window w = window_of(d, pid);
  if (w) {
    XEvent ev{};
    ev.xclient.type = ClientMessage;
    ev.xclient.window = w;
    ev.xclient.message_type = XInternAtom(d, "WM_PROTOCOLS", False);
    ev.xclient.format = 32;
    ev.xclient.data.l[0] = static_cast<long>(XInternAtom(d, "WM_DELETE_WINDOW", False));
    ev.xclient.data.l[1] = CurrentTime;
    XSendEvent(d, w, False, NoEventMask, &ev);
    XSync(d, False);
  }
  XCloseDisplay(d);
  return w != 0;
}

namespace {
// The pixels of `w` as they are on the X server now.
Png read_pixels(Display* d, Window w) {
  Png png;
  XWindowAttributes a;
  XGetWindowAttributes(d, w, &a);
  if (XImage* img = XGetImage(d, w, 0, 0, a.width, a.height, AllPlanes, ZPixmap)) {
    png.width = a.width;
    png.height = a.height;
    png.rgba.resize(static_cast<size_t>(a.width) * a.height * 4);
    for (int y = 0; y < a.height; ++y)
      for (int x = 0; x < a.width; ++x) {
        unsigned long p = XGetPixel(img, x, y);
        uint8_t* out = &png.rgba[(static_cast<size_t>(y) * a.width + x) * 4];
        out[0] = (p >> 16) & 0xFF;
        out[1] = (p >> 8) & 0xFF;
        out[2] = p & 0xFF;
        out[3] = 255;
      }
    XDestroyImage(img);
  }
  return png;
}
}  // namespace

Png grab_window(pid_t pid) {
  Png png;
  Display* d = XOpenDisplay(nullptr);
  if (!d) return png;
  if (Window w = window_of(d, pid)) png = read_pixels(d, w);
  XCloseDisplay(d);
  return png;
}

Png grab_screen() {
  Png png;
  Display* d = XOpenDisplay(nullptr);
  if (!d) return png;
  png = read_pixels(d, DefaultRootWindow(d));
  XCloseDisplay(d);
  return png;
}
