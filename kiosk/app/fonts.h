#pragma once
// The interface fonts: Andika (SIL's typeface for early readers, full Vietnamese) found through
// fontconfig, loaded into Dear ImGui's atlas at the sizes the screens use, scaled to the window.
#include <string>

struct ImFont;

enum class FontSize { Small, Body, Heading, Title, Huge };

class Fonts {
 public:
  // Builds the atlas for a window whose design-to-pixel scale is `scale`. Throws std::runtime_error
  // when no usable font is installed.
  void build(float scale);
  ImFont* get(FontSize size) const { return fonts_[static_cast<int>(size)]; }
  // Design-pixel size of each FontSize (the pixel size is this times the scale).
  static float design_px(FontSize size);

 private:
  ImFont* fonts_[5] = {};
};
