#include "app/canvas.h"

#include <algorithm>
#include <vector>

namespace {
ImVec2 tl(const Rect& r) { return {r.x, r.y}; }
ImVec2 br(const Rect& r) { return {r.x + r.w, r.y + r.h}; }
}  // namespace

Canvas::Canvas(ImDrawList* list, const Fonts& fonts, TextureCache& textures, float width_px, float height_px)
    : list_(list), fonts_(fonts), textures_(textures), width_(width_px), height_(height_px),
      scale_(std::min(width_px / 1920.0f, height_px / 1080.0f)) {}

void Canvas::fill(const Rect& r, ImU32 color, float rounding, ImDrawFlags corners) const {
  list_->AddRectFilled(tl(r), br(r), color, rounding, corners);
}

void Canvas::gradient(const Rect& r, ImU32 top, ImU32 bottom) const {
  list_->AddRectFilledMultiColor(tl(r), br(r), top, top, bottom, bottom);
}

void Canvas::outline(const Rect& r, ImU32 color, float rounding, float thickness) const {
  list_->AddRect(tl(r), br(r), color, rounding, ImDrawFlags_RoundCornersAll, thickness);
}

void Canvas::circle(float cx, float cy, float radius, ImU32 color) const {
  list_->AddCircleFilled({cx, cy}, radius, color, 0);
}

void Canvas::triangle(ImVec2 a, ImVec2 b, ImVec2 c, ImU32 color) const { list_->AddTriangleFilled(a, b, c, color); }

void Canvas::ring(float cx, float cy, float radius, ImU32 color, float thickness) const {
  list_->AddCircle({cx, cy}, radius, color, 0, thickness);
}

void Canvas::arc(float cx, float cy, float radius, float fraction, ImU32 color, float thickness) const {
  constexpr float kPi = 3.14159265f;
  list_->PathArcTo({cx, cy}, radius, -kPi / 2, -kPi / 2 + 2 * kPi * fraction, 32);
  list_->PathStroke(color, 0, thickness);
}

void Canvas::card(const Rect& r, ImU32 color, float rounding) const {
  // Three widening translucent layers read as a soft shadow on a TV.
  for (int i = 3; i >= 1; --i) {
    float spread = px(4.0f * i);
    Rect s{r.x - spread / 2, r.y + px(6) + spread / 2, r.w + spread, r.h + spread / 2};
    fill(s, IM_COL32(40, 30, 80, 18), rounding + spread);
  }
  fill(r, color, rounding);
}

bool Canvas::picture(const Rect& r, const Texture& tex, float rounding, ImDrawFlags corners) const {
  if (!tex.id || tex.width <= 0 || tex.height <= 0) return false;
  float pic_aspect = float(tex.width) / tex.height, box_aspect = r.w / r.h;
  ImVec2 uv0{0, 0}, uv1{1, 1};
  if (pic_aspect > box_aspect) {  // wider than the box: crop the sides
    float keep = box_aspect / pic_aspect;
    uv0.x = (1 - keep) / 2;
    uv1.x = 1 - uv0.x;
  } else {
    float keep = pic_aspect / box_aspect;
    uv0.y = (1 - keep) / 2;
    uv1.y = 1 - uv0.y;
  }
  list_->AddImageRounded(tex.imgui_id(), tl(r), br(r), uv0, uv1, IM_COL32_WHITE, rounding, corners);
  return true;
}

void Canvas::icon(const Rect& r, const Texture& tex) const {
  if (!tex.id || tex.width <= 0 || tex.height <= 0) return;
  float s = std::min(r.w / tex.width, r.h / tex.height);
  float w = tex.width * s, h = tex.height * s;
  list_->AddImage(tex.imgui_id(), {r.cx() - w / 2, r.cy() - h / 2}, {r.cx() + w / 2, r.cy() + h / 2});
}

std::vector<std::pair<const char*, const char*>> Canvas::wrap(FontSize size, const std::string& text, float width) const {
  ImFont* font = fonts_.get(size);
  std::vector<std::pair<const char*, const char*>> lines;
  const char* s = text.c_str();
  const char* end = s + text.size();
  while (s < end) {
    const char* cut = font->CalcWordWrapPositionA(1.0f, s, end, width);
    if (cut == s) cut = s + 1;  // a single glyph wider than the box: take it anyway
    lines.emplace_back(s, cut);
    s = cut;
    while (s < end && (*s == ' ' || *s == '\n')) ++s;
  }
  return lines;
}

void Canvas::text_centered(const Rect& r, FontSize size, ImU32 color, const std::string& text, bool shadow) const {
  ImFont* font = fonts_.get(size);
  const float font_px = font->FontSize;
  const float line_h = font_px * 1.1f;
  auto lines = wrap(size, text, r.w);
  size_t fit = std::max<size_t>(1, static_cast<size_t>(r.h / line_h));
  std::string last;
  if (lines.size() > fit) {
    lines.resize(fit);
    last.assign(lines.back().first, lines.back().second);
    last += "…";
    lines.back() = {last.c_str(), last.c_str() + last.size()};
  }
  float y = r.cy() - line_h * lines.size() / 2 + (line_h - font_px) / 2;
  for (auto [a, b] : lines) {
    while (b > a && b[-1] == ' ') --b;
    float w = font->CalcTextSizeA(font_px, FLT_MAX, 0, a, b).x;
    ImVec2 pos{r.cx() - w / 2, y};
    if (shadow) list_->AddText(font, font_px, {pos.x + px(2), pos.y + px(3)}, IM_COL32(0, 0, 0, 90), a, b);
    list_->AddText(font, font_px, pos, color, a, b);
    y += line_h;
  }
}

void Canvas::text_fitted(const Rect& r, ImU32 color, const std::string& text, bool shadow) const {
  for (FontSize size : {FontSize::Title, FontSize::Heading}) {
    float line_h = fonts_.get(size)->FontSize * 1.1f;
    if (wrap(size, text, r.w).size() * line_h <= r.h) return text_centered(r, size, color, text, shadow);
  }
  text_centered(r, FontSize::Body, color, text, shadow);
}

float Canvas::text(float x, float y, FontSize size, ImU32 color, const std::string& text, float wrap_px) const {
  ImFont* font = fonts_.get(size);
  list_->AddText(font, font->FontSize, {x, y}, color, text.c_str(), text.c_str() + text.size(), wrap_px);
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap_px, text.c_str()).y;
}

