#include "app/widgets.h"

#include "app/style.h"

namespace {
void bars(const Canvas& c, const Rect& r, ImU32 color, float x0, float x1) {
  c.fill({r.x + r.w * x0, r.y + r.h * 0.2f, r.w * (x1 - x0), r.h * 0.6f}, color, r.w * 0.04f);
}
void arrow(const Canvas& c, const Rect& r, ImU32 color, float tip, float back) {  // tip/back as fractions of width
  c.triangle({r.x + r.w * tip, r.cy()}, {r.x + r.w * back, r.y + r.h * 0.2f}, {r.x + r.w * back, r.y + r.h * 0.8f},
             color);
}
}  // namespace

void draw_glyph(const Canvas& c, Glyph glyph, const Rect& r, ImU32 color) {
  switch (glyph) {
    case Glyph::Play: arrow(c, r, color, 0.82f, 0.28f); break;
    case Glyph::Pause:
      bars(c, r, color, 0.26f, 0.42f);
      bars(c, r, color, 0.58f, 0.74f);
      break;
    case Glyph::Rewind:
      arrow(c, r, color, 0.12f, 0.5f);
      arrow(c, r, color, 0.5f, 0.88f);
      break;
    case Glyph::PreviousCue:
      bars(c, r, color, 0.18f, 0.28f);
      arrow(c, r, color, 0.3f, 0.8f);
      break;
    case Glyph::NextCue:
      arrow(c, r, color, 0.7f, 0.2f);
      bars(c, r, color, 0.72f, 0.82f);
      break;
    case Glyph::Previous: arrow(c, r, color, 0.22f, 0.7f); break;
    case Glyph::Next: arrow(c, r, color, 0.78f, 0.3f); break;
    case Glyph::Back:  // a left arrow with a shaft
      arrow(c, r, color, 0.15f, 0.5f);
      c.fill({r.x + r.w * 0.45f, r.y + r.h * 0.42f, r.w * 0.4f, r.h * 0.16f}, color, r.w * 0.04f);
      break;
    case Glyph::Speaker:
    case Glyph::VolumeDown:
    case Glyph::VolumeUp: {
      c.fill({r.x + r.w * 0.14f, r.y + r.h * 0.38f, r.w * 0.16f, r.h * 0.24f}, color);
      c.triangle({r.x + r.w * 0.2f, r.cy()}, {r.x + r.w * 0.52f, r.y + r.h * 0.16f}, {r.x + r.w * 0.52f, r.y + r.h * 0.84f},
                 color);
      float x = r.x + r.w * 0.62f, y = r.cy(), t = r.w * 0.07f;
      if (glyph != Glyph::Speaker) c.fill({x, y - t / 2, r.w * 0.26f, t}, color);  // minus
      if (glyph == Glyph::VolumeUp) c.fill({x + r.w * 0.13f - t / 2, y - r.w * 0.13f, t, r.w * 0.26f}, color);
      if (glyph == Glyph::Speaker) {
        c.fill({x, y - r.h * 0.16f, t, r.h * 0.32f}, color, t / 2);
        c.fill({x + r.w * 0.13f, y - r.h * 0.26f, t, r.h * 0.52f}, color, t / 2);
      }
      break;
    }
    case Glyph::Replay:  // a ring with an arrow head at its top
      c.ring(r.cx(), r.cy(), r.w * 0.3f, color, r.w * 0.1f);
      c.triangle({r.cx() + r.w * 0.12f, r.y + r.h * 0.2f}, {r.cx() - r.w * 0.08f, r.y + r.h * 0.06f},
                 {r.cx() - r.w * 0.08f, r.y + r.h * 0.34f}, color);
      break;
  }
}

void round_button(const Canvas& c, const Rect& r, Glyph glyph, ImU32 fill, ImU32 ink) {
  c.circle(r.cx(), r.cy() + c.px(4), r.w / 2, IM_COL32(0, 0, 0, 60));
  c.circle(r.cx(), r.cy(), r.w / 2, fill);
  draw_glyph(c, glyph, r.inset(r.w * 0.18f), ink);
}

void pill_button(const Canvas& c, const Rect& r, Glyph glyph, const std::string& label, ImU32 fill) {
  c.card(r, fill, r.h / 2);
  draw_glyph(c, glyph, {r.x + r.h * 0.2f, r.y + r.h * 0.2f, r.h * 0.6f, r.h * 0.6f}, rgb(0xFFFFFF));
  c.text_centered({r.x + r.h * 0.8f, r.y, r.w - r.h, r.h}, FontSize::Title, rgb(0xFFFFFF), label, true);
}

Rect dimmed_card(const Canvas& c, float width, float height) {
  const float w = c.design_width(), h = c.design_height();
  c.fill(c.px(0, 0, w, h), IM_COL32(10, 10, 30, 150));
  Rect card = c.px((w - width) / 2, (h - height) / 2, width, height);
  c.card(card, rgb(0xFFFFFF), c.px(48));
  return card;
}

void draw_button(const Canvas& c, const Button& b) {
  if (b.pill) pill_button(c, b.rect, b.glyph, b.label, b.fill);
  else round_button(c, b.rect, b.glyph, b.fill, b.ink);
}

void end_card(const Canvas& c, const Texture& star, const std::string& text) {
  Rect card = dimmed_card(c, 1160, 560);
  c.icon({card.cx() - c.px(90), card.y + c.px(30), c.px(180), c.px(180)}, star);
  c.text_centered({card.x, card.y + c.px(220), card.w, c.px(110)}, FontSize::Huge, rgb(style::kInk), text);
}
