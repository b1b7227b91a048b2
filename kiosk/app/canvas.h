#pragma once
// Drawing for the children's screens on top of Dear ImGui's draw lists. Screens lay out in design
// units of a 1920x1080 TV (the shorter side fits the window; the other side grows), and the canvas
// scales to window pixels, so one layout serves 720p, 1080p and odd sizes.
#include <imgui.h>
#include <string>
#include <utility>
#include <vector>

#include "app/fonts.h"
#include "app/textures.h"
#include "core/targets.h"

// 0xRRGGBB plus alpha, as ImGui's packed colour.
constexpr ImU32 rgb(unsigned int hex, unsigned int alpha = 255) {
  return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, alpha);
}

class Canvas {
 public:
  Canvas(ImDrawList* list, const Fonts& fonts, TextureCache& textures, float width_px, float height_px);

  float design_width() const { return width_ / scale_; }
  float design_height() const { return height_ / scale_; }
  float scale() const { return scale_; }
  // Design units to window pixels.
  Rect px(float x, float y, float w, float h) const { return {x * scale_, y * scale_, w * scale_, h * scale_}; }
  float px(float d) const { return d * scale_; }
  TextureCache& textures() const { return textures_; }
  const Fonts& fonts() const { return fonts_; }

  // All drawing below takes window-pixel rectangles (from px()).
  void fill(const Rect& r, ImU32 color, float rounding = 0, ImDrawFlags corners = ImDrawFlags_RoundCornersAll) const;
  void gradient(const Rect& r, ImU32 top, ImU32 bottom) const;
  void outline(const Rect& r, ImU32 color, float rounding, float thickness) const;
  void circle(float cx, float cy, float radius, ImU32 color) const;
  void triangle(ImVec2 a, ImVec2 b, ImVec2 c, ImU32 color) const;
  void ring(float cx, float cy, float radius, ImU32 color, float thickness) const;
  // The part `fraction` (0..1) of a ring, clockwise from 12 o'clock.
  void arc(float cx, float cy, float radius, float fraction, ImU32 color, float thickness) const;
  // A rounded card with a soft drop shadow under it.
  void card(const Rect& r, ImU32 color, float rounding) const;
  // The picture scaled to cover the rectangle, cropped centrally. Returns false when it could not
  // be drawn (missing picture), so the caller can draw a placeholder.
  bool picture(const Rect& r, const Texture& tex, float rounding = 0,
               ImDrawFlags corners = ImDrawFlags_RoundCornersAll) const;
  // The picture scaled to fit inside the rectangle, centred (icons).
  void icon(const Rect& r, const Texture& tex) const;
  // Text wrapped to the rectangle's width, each line centred; vertically centred. Lines that do not
  // fit the height are dropped and the last shown line ends with an ellipsis.
  void text_centered(const Rect& r, FontSize size, ImU32 color, const std::string& text, bool shadow = false) const;
  // As text_centered, in the largest of Title, Heading and Body whose lines all fit the rectangle.
  void text_fitted(const Rect& r, ImU32 color, const std::string& text, bool shadow = false) const;
  // Text from a top-left point, wrapped at `wrap_px` (0: no wrap). Returns its height in pixels.
  float text(float x, float y, FontSize size, ImU32 color, const std::string& text, float wrap_px = 0) const;

 private:
  // The text broken into lines no wider than `width` pixels, as [begin, end) pointers into `text`.
  std::vector<std::pair<const char*, const char*>> wrap(FontSize size, const std::string& text, float width) const;

  ImDrawList* list_;
  const Fonts& fonts_;
  TextureCache& textures_;
  float width_, height_, scale_;
};
