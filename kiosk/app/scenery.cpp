#include "app/scenery.h"

#include "app/style.h"

void draw_sky(const Canvas& c) {
  const float w = c.design_width(), h = c.design_height();
  c.gradient(c.px(0, 0, w, h), rgb(style::kSkyTop), rgb(style::kSkyBottom));
  // Clouds: clusters of white circles, placed relative to the width so they stay on screen.
  const float clouds[][3] = {{0.78f, 70, 1.0f}, {0.93f, 150, 0.7f}, {0.55f, 40, 0.6f}};
  for (const auto& cl : clouds) {
    float cx = w * cl[0], cy = cl[1], s = cl[2];
    for (auto [dx, dy, r] : {std::tuple{-60.f, 10.f, 45.f}, {0.f, -10.f, 60.f}, {65.f, 12.f, 42.f}})
      c.circle(c.px(cx + dx * s), c.px(cy + dy * s), c.px(r * s), rgb(0xFFFFFF, 200));
  }
  // Hills along the bottom edge.
  c.circle(c.px(w * 0.15f), c.px(h + 520), c.px(640), rgb(style::kGrass, 140));
  c.circle(c.px(w * 0.85f), c.px(h + 560), c.px(700), rgb(style::kGrass, 120));
}

void draw_confetti(const Canvas& c, float fall) {
  const unsigned int colors[] = {0xFF595E, 0xFFCA3A, 0x8AC926, 0x1982C4, 0x6A4C93, 0xFF924C};
  const float w = c.design_width(), h = c.design_height();
  for (unsigned int i = 0; i < 52; ++i) {
    unsigned int hsh = (i + 1) * 2654435761u;
    float x = (hsh % 1000) / 1000.0f * w, y = ((hsh >> 10) % 1000) / 1000.0f * h;
    c.circle(c.px(x), c.px(y - 240 * (1 - fall)), c.px(10 + (hsh >> 20) % 16), rgb(colors[i % 6], 215));
  }
}
