#include "app/ui_clock.h"

#include <SDL.h>

#include "core/clock.h"

double ui_now() { return SDL_GetTicks64() / 1000.0 + clock_advance(); }
