#pragma once
#include "app/canvas.h"

// The cheerful backdrop behind the children's screens: sky, soft clouds, a green hill.
void draw_sky(const Canvas& canvas);

// Festive confetti over the whole screen: fixed places from a small hash, falling into them as
// `fall` goes from 0 to 1.
void draw_confetti(const Canvas& canvas, float fall);
