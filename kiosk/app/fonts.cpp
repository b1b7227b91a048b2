#include "app/fonts.h"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "core/content_characters.h"
#include "core/text.h"

namespace {
constexpr ImWchar kReplacement = 0x25A1;  // "□": what a character no font draws shows as

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

// The characters of `wanted` that the font file has (fontconfig reads its character map).
std::vector<char32_t> characters_in(const std::string& file, const std::vector<char32_t>& wanted) {
  std::vector<char32_t> found;
  int count = 0;
  FcPattern* font = FcFreeTypeQuery(reinterpret_cast<const FcChar8*>(file.c_str()), 0, nullptr, &count);
  FcCharSet* charset = nullptr;
  if (font && FcPatternGetCharSet(font, FC_CHARSET, 0, &charset) == FcResultMatch)
    for (char32_t c : wanted)
      if (FcCharSetHasChar(charset, c)) found.push_back(c);
  if (font) FcPatternDestroy(font);
  return found;
}

// A font stb_truetype draws: outlines (not bitmaps, not colour emoji).
bool outline_font(FcPattern* font) {
  FcBool scalable = FcFalse, color = FcFalse;
  FcPatternGetBool(font, FC_SCALABLE, 0, &scalable);
  FcPatternGetBool(font, FC_COLOR, 0, &color);
  return scalable && !color;
}

void add_ranges(ImFontGlyphRangesBuilder& builder, const std::vector<char32_t>& characters) {
  for (char32_t c : characters)
    if (c <= 0xFFFF) builder.AddChar(static_cast<ImWchar>(c));
}
}  // namespace

float Fonts::design_px(FontSize size) {
  static const float px[] = {30, 40, 52, 64, 96};
  return px[static_cast<int>(size)];
}

// Takes `scale` and `catalog`: true when the atlas must be built for them.
bool Fonts::changes(float scale, const std::shared_ptr<const Catalog>& catalog) {
  bool changed = scale != scale_;
  if (catalog_.lock() != catalog) {  // new content (an import, a teacher's question): new characters?
    catalog_ = catalog;
    std::vector<char32_t> characters = content_characters(*catalog);
    changed |= characters != characters_;
    characters_ = std::move(characters);
  }
  scale_ = scale;
  return changed;
}

void Fonts::prepare(float scale, std::shared_ptr<const Catalog> catalog) {
  atlas();  // one build at a time
  preparing_ = std::async(std::launch::async, [this, scale, catalog = std::move(catalog)] {
    if (changes(scale, catalog)) build(scale);
  });
}

ImFontAtlas* Fonts::atlas() {
  if (preparing_.valid()) preparing_.wait();
  return &atlas_;
}

bool Fonts::update(float scale, const std::shared_ptr<const Catalog>& catalog) {
  if (preparing_.valid()) preparing_.get();  // waits, and throws what prepare()'s build threw
  bool changed = changes(scale, catalog);
  if (changed) build(scale);
  ImGuiIO& io = ImGui::GetIO();
  io.FontDefault = get(FontSize::Body);
  return changed || io.Fonts->TexID == nullptr;  // a new atlas, or one prepare() built: not in GL yet
}

// For each content character `main_file` lacks (and "□"), a font that has it, in fontconfig's
// order of preference for a sans-serif face of `style`. Those none has are named on stderr once.
std::vector<Fonts::Fallback> Fonts::fallbacks_for(const std::string& main_file, const char* style) {
  std::vector<char32_t> wanted = characters_;
  if (!std::binary_search(wanted.begin(), wanted.end(), char32_t(kReplacement)))
    wanted.insert(std::upper_bound(wanted.begin(), wanted.end(), char32_t(kReplacement)), kReplacement);
  std::vector<char32_t> missing, undrawable;
  const std::vector<char32_t> have = characters_in(main_file, wanted);
  for (char32_t c : wanted) {
    if (c > 0xFFFF) undrawable.push_back(c);  // no 16-bit ImWchar holds it
    else if (!std::binary_search(have.begin(), have.end(), c) && c != 0xFFFD) missing.push_back(c);
  }
  std::vector<Fallback> fallbacks;
  if (!missing.empty()) {
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(style));
    FcCharSet* charset = FcCharSetCreate();
    for (char32_t c : missing) FcCharSetAddChar(charset, c);
    FcPatternAddCharSet(pattern, FC_CHARSET, charset);
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result;
    FcFontSet* sorted = FcFontSort(nullptr, pattern, FcTrue, nullptr, &result);
    std::vector<std::vector<char32_t>> taken;  // the characters of each fallback
    for (char32_t c : missing) {
      bool found = false;
      for (int i = 0; sorted && i < sorted->nfont && !found; ++i) {
        FcPattern* font = sorted->fonts[i];
        FcCharSet* has = nullptr;
        FcChar8* file = nullptr;
        int index = 0;
        if (!outline_font(font) || FcPatternGetCharSet(font, FC_CHARSET, 0, &has) != FcResultMatch ||
            !FcCharSetHasChar(has, c) || FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch)
          continue;
        FcPatternGetInteger(font, FC_INDEX, 0, &index);
        size_t f = 0;
        while (f < fallbacks.size() && (fallbacks[f].file != reinterpret_cast<char*>(file) || fallbacks[f].index != index)) ++f;
        if (f == fallbacks.size()) {
          fallbacks.push_back({reinterpret_cast<char*>(file), index, {}});
          taken.emplace_back();
        }
        taken[f].push_back(c);
        found = true;
      }
      if (!found && c != kReplacement) undrawable.push_back(c);
    }
    if (sorted) FcFontSetDestroy(sorted);
    FcCharSetDestroy(charset);
    FcPatternDestroy(pattern);
    for (size_t f = 0; f < fallbacks.size(); ++f) {
      ImFontGlyphRangesBuilder builder;
      add_ranges(builder, taken[f]);
      ImVector<ImWchar> built;
      builder.BuildRanges(&built);
      fallbacks[f].ranges.assign(built.begin(), built.end());
    }
  }
  std::string named;  // each character once per run, all of a build on one line
  for (char32_t c : undrawable)
    if (undrawable_.insert(c).second) named += format(" U+%04X", unsigned(c));
  if (!named.empty())
    std::fprintf(stderr, "kiosk: no installed font draws these characters of the content, shown as U+25A1:%s\n", named.c_str());
  return fallbacks;
}

void Fonts::build(float scale) {
  std::string regular = find_font("Andika:style=Regular:lang=vi");
  std::string bold = find_font("Andika:style=Bold:lang=vi");
  if (regular.empty()) regular = find_font("Noto Sans:lang=vi");
  if (bold.empty()) bold = find_font("Noto Sans:style=Bold:lang=vi");
  if (bold.empty()) bold = regular;
  if (regular.empty()) throw std::runtime_error("no font with Vietnamese found (install fonts-sil-andika)");

  atlas_.Clear();
  ImFontConfig config;
  config.OversampleH = 1;  // large sizes need no horizontal oversampling; keeps the atlas small
  config.PixelSnapH = true;
  // Vietnamese, the typographic dashes, quotes and ellipsis of titles and year ranges ("2026–2027"),
  // which ImGui's Vietnamese range lacks, and every character of the content that Andika has.
  static const ImWchar punctuation[] = {0x2010, 0x2027, 0};
  ImFontGlyphRangesBuilder builder;
  builder.AddRanges(atlas_.GetGlyphRangesVietnamese());
  builder.AddRanges(punctuation);
  add_ranges(builder, characters_in(regular, characters_));
  ranges_.clear();
  builder.BuildRanges(&ranges_);
  regular_fallbacks_ = fallbacks_for(regular, "sans-serif:style=Regular");
  bold_fallbacks_ = fallbacks_for(bold, "sans-serif:style=Bold");
  for (int i = 0; i < 5; ++i) {
    auto size = static_cast<FontSize>(i);
    const bool small = size == FontSize::Small;
    const std::string& file = small ? regular : bold;
    fonts_[i] = atlas_.AddFontFromFileTTF(file.c_str(), design_px(size) * scale, &config, ranges_.Data);
    if (!fonts_[i]) throw std::runtime_error("cannot load font " + file);
    for (const Fallback& fallback : small ? regular_fallbacks_ : bold_fallbacks_) {
      ImFontConfig merged = config;
      merged.MergeMode = true;
      merged.FontNo = fallback.index;
      // Not fatal: the characters then show as the replacement.
      if (!atlas_.AddFontFromFileTTF(fallback.file.c_str(), design_px(size) * scale, &merged, fallback.ranges.data()))
        std::fprintf(stderr, "kiosk: cannot load fallback font %s\n", fallback.file.c_str());
    }
    fonts_[i]->FallbackChar = kReplacement;  // when the atlas has it; else ImGui takes U+FFFD
  }
  // The glyphs rasterised and the RGBA pixels the GL texture is made from, here rather than in the
  // first frame (possibly on prepare()'s thread).
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  atlas_.GetTexDataAsRGBA32(&pixels, &width, &height);
}
