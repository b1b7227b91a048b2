#pragma once
// Buttons and cards shared by the lesson and game screens, drawn with shapes so they stay crisp at
// any size on a TV.
#include <string>

#include "app/canvas.h"

enum class Glyph { Play, Pause, Rewind, PreviousCue, NextCue, VolumeDown, VolumeUp, Back, Speaker, Replay, Previous, Next };

// A glyph drawn inside `r` in `color`.
void draw_glyph(const Canvas& c, Glyph glyph, const Rect& r, ImU32 color);
// A round button: a filled circle with a glyph.
void round_button(const Canvas& c, const Rect& r, Glyph glyph, ImU32 fill, ImU32 ink);
// A wide pill button with a glyph and a label.
void pill_button(const Canvas& c, const Rect& r, Glyph glyph, const std::string& label, ImU32 fill);
// A button a screen lays out in update() and draws in draw(): round with a glyph, or a wide pill
// with a glyph and its label.
struct Button {
  std::string id, label;
  Rect rect;
  Glyph glyph;
  ImU32 fill, ink;
  bool pill = false;
};
void draw_button(const Canvas& c, const Button& b);

// A big white card centred on the screen over a dimmed background; returns the card's rectangle.
Rect dimmed_card(const Canvas& c, float width, float height);
// The card at the end of a lesson or story: a star and `text`, with room for two buttons below.
void end_card(const Canvas& c, const Texture& star, const std::string& text);
