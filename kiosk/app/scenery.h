#pragma once
#include "app/canvas.h"

// The cheerful backdrop behind the children's screens: sky, soft clouds, a green hill.
void draw_sky(const Canvas& canvas);
