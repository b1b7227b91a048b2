#pragma once
// The look shared by the children's screens: palette, corner radius, motion.
#include <algorithm>
#include <cmath>

namespace style {
constexpr unsigned int kInk = 0x2B2D42;        // dark text
constexpr unsigned int kSkyTop = 0xBDE8FF;
constexpr unsigned int kSkyBottom = 0xFFF4DC;
constexpr unsigned int kSun = 0xFFB703;        // selection
constexpr unsigned int kFocus = 0x3A86FF;      // the keyboard / remote focus ring
constexpr unsigned int kGrass = 0x8ED081;
constexpr unsigned int kGo = 0x2EB872;         // main action buttons
constexpr unsigned int kWarn = 0xF77F00;
constexpr unsigned int kMuted = 0x8D99AE;
constexpr float kRadius = 32;                  // design units; the focus ring follows it

// 0 -> 1 ease-out over `duration` seconds since `start`.
inline float ease_out(double now, double start, double duration) {
  float t = static_cast<float>(std::clamp((now - start) / duration, 0.0, 1.0));
  return 1 - (1 - t) * (1 - t) * (1 - t);
}
}  // namespace style
