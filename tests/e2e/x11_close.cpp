#include <X11/Xlib.h>

#include "harness.h"

// Finds the kiosk's top-level window by its title and sends it WM_DELETE_WINDOW.
bool request_close(const std::string& title) {
  Display* d = XOpenDisplay(nullptr);
  if (!d) return false;
  Window root = DefaultRootWindow(d), parent, *children = nullptr;
  unsigned int n = 0;
  bool sent = false;
  XQueryTree(d, root, &root, &parent, &children, &n);
  Atom protocols = XInternAtom(d, "WM_PROTOCOLS", False), del = XInternAtom(d, "WM_DELETE_WINDOW", False);
  Atom net_name = XInternAtom(d, "_NET_WM_NAME", False), utf8 = XInternAtom(d, "UTF8_STRING", False);
  for (unsigned int i = 0; i < n; ++i) {
    Atom type;
    int format;
    unsigned long count, after;
    unsigned char* name = nullptr;
    if (XGetWindowProperty(d, children[i], net_name, 0, 256, False, utf8, &type, &format, &count, &after, &name) ==
            Success && name) {
      if (title == reinterpret_cast<char*>(name)) {
        XEvent ev{};
        ev.xclient.type = ClientMessage;
        ev.xclient.window = children[i];
        ev.xclient.message_type = protocols;
        ev.xclient.format = 32;
        ev.xclient.data.l[0] = static_cast<long>(del);
        ev.xclient.data.l[1] = CurrentTime;
        XSendEvent(d, children[i], False, NoEventMask, &ev);
        sent = true;
      }
      XFree(name);
    }
  }
  if (children) XFree(children);
  XSync(d, False);
  XCloseDisplay(d);
  return sent;
}
