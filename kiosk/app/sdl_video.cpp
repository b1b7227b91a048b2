#include "app/sdl_video.h"

#include <SDL.h>

#include <cstdlib>
#include <cstring>

bool start_sdl_video() {
  SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");  // a kiosk never minimises itself
  SDL_SetHint(SDL_HINT_MOUSE_FOCUS_CLICKTHROUGH, "1");       // the first tap already counts
  // A window close request then arrives only as a window event, so SDL_QUIT means SIGTERM or SIGINT
  // (systemctl stop, shutdown): the kiosk closes its session cleanly then.
  SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
  const char* gl = std::getenv("KIOSK_GL");
  SDL_SetHint(SDL_HINT_VIDEO_X11_FORCE_EGL, gl && std::strcmp(gl, "glx") == 0 ? "0" : "1");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) return false;
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  return true;
}
