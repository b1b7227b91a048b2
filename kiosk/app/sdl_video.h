#pragma once
// Starts SDL's video and events as the kiosk wants them, for its own window and for the start-up
// benchmark's floor program (tests/bench/bench_floor.cpp), which must open the same kind of window:
// the kiosk's hints, and an OpenGL 3.2 core, double-buffered context on EGL, also under X11 (mpv's
// VA-API interop needs EGL; KIOSK_GL=glx goes back to GLX on a machine whose EGL is broken).
// Main thread, once, before any window. False when SDL's video cannot start (SDL_GetError says why).
bool start_sdl_video();
