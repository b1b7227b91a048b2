#include "app/fonts.h"

#include <fontconfig/fontconfig.h>
#include <imgui.h>
#include <stdexcept>

namespace {
// Asks fontconfig for a family that covers Vietnamese; returns its file or "".
std::string find_font(const char* pattern_text) {
  std::string path;
  FcInit();
  FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(pattern_text));
  FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result;
  if (FcPattern* match = FcFontMatch(nullptr, pattern, &result)) {
    FcChar8* file = nullptr;
    FcLangSet* langs = nullptr;
    bool vietnamese = FcPatternGetLangSet(match, FC_LANG, 0, &langs) == FcResultMatch &&
                      FcLangSetHasLang(langs, reinterpret_cast<const FcChar8*>("vi")) == FcLangEqual;
    if (vietnamese && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) path = reinterpret_cast<char*>(file);
    FcPatternDestroy(match);
  }
  FcPatternDestroy(pattern);
  return path;
}
}  // namespace

float Fonts::design_px(FontSize size) {
  static const float px[] = {30, 40, 52, 64, 96};
  return px[static_cast<int>(size)];
}

void Fonts::build(float scale) {
  std::string regular = find_font("Andika:style=Regular:lang=vi");
  std::string bold = find_font("Andika:style=Bold:lang=vi");
  if (regular.empty()) regular = find_font("Noto Sans:lang=vi");
  if (bold.empty()) bold = find_font("Noto Sans:style=Bold:lang=vi");
  if (bold.empty()) bold = regular;
  if (regular.empty()) throw std::runtime_error("no font with Vietnamese found (install fonts-sil-andika)");

  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig config;
  config.OversampleH = 1;  // large sizes need no horizontal oversampling; keeps the atlas small
  config.PixelSnapH = true;
  // Vietnamese, and the typographic dashes, quotes and ellipsis of titles and year ranges
  // ("2026–2027"): ImGui's Vietnamese range has none of them and would draw "?".
  static ImVector<ImWchar> ranges;
  if (ranges.empty()) {
    static const ImWchar punctuation[] = {0x2010, 0x2027, 0};
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesVietnamese());
    builder.AddRanges(punctuation);
    builder.BuildRanges(&ranges);
  }
  for (int i = 0; i < 5; ++i) {
    auto size = static_cast<FontSize>(i);
    const std::string& file = size == FontSize::Small ? regular : bold;
    fonts_[i] = io.Fonts->AddFontFromFileTTF(file.c_str(), design_px(size) * scale, &config, ranges.Data);
    if (!fonts_[i]) throw std::runtime_error("cannot load font " + file);
  }
  io.FontDefault = fonts_[static_cast<int>(FontSize::Body)];
}
