#pragma once
// The UI's time base: seconds on a monotonic clock (SDL's ticks, from SDL_Init on), moved ahead by
// the replay's `advance` (core/clock.h). It is the `now` that every Screen call gets, and what
// animations, notices and timers are measured in. Any thread.
double ui_now();
