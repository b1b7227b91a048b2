#pragma once
// The interface fonts: Andika (SIL's typeface for early readers, full Vietnamese) found through
// fontconfig, loaded into Dear ImGui's atlas at the sizes the screens use, scaled to the window.
//
// Every character the content shows is in the atlas (core/content_characters.h): those Andika
// lacks (a Lao word, a star, Greek) come from a fallback font fontconfig names (DejaVu Sans, the
// Noto fonts), merged in for exactly those characters. A character no installed font has, or one
// beyond U+FFFF (ImGui 1.86 as Debian builds it keeps 16-bit characters: most emoji), shows as
// U+25A1 "□", never as "?", and is named once on stderr.
//
// Threading: UI thread only, except that prepare() builds the atlas on a thread of its own (at
// start, while the window opens). atlas() and update() wait for that thread. Call prepare() before
// any ImGui context exists: ImGui's allocator counts allocations in the current context, which
// that thread must not share; and no context may use the atlas before atlas() returns it.
// Lifetime: the atlas is this object's; an ImGui context made with it must end before this does.
#include <future>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/catalog.h"

struct ImFont;

enum class FontSize { Small, Body, Heading, Title, Huge };

class Fonts {
 public:
  // Builds the atlas when the window's design-to-pixel scale or the characters of the content
  // changed since the last build; true when the GL font texture must be made (again): it did, or
  // prepare() did. Throws std::runtime_error when no usable font is installed.
  bool update(float scale, const std::shared_ptr<const Catalog>& catalog);
  // Starts building the atlas for `scale` and `catalog` on a thread; an update() with the same
  // two then only waits for it. Errors are thrown by that update().
  void prepare(float scale, std::shared_ptr<const Catalog> catalog);
  // The atlas, for ImGui::CreateContext.
  ImFontAtlas* atlas();
  ImFont* get(FontSize size) const { return fonts_[static_cast<int>(size)]; }
  // Design-pixel size of each FontSize (the pixel size is this times the scale).
  static float design_px(FontSize size);

 private:
  struct Fallback {  // a font merged in for characters the main one lacks
    std::string file;
    int index = 0;  // the face in a collection (.ttc)
    std::vector<ImWchar> ranges;  // not ImVector: 1.86's copies memcpy from null when empty (UBSan)
  };
  bool changes(float scale, const std::shared_ptr<const Catalog>& catalog);
  void build(float scale);
  std::vector<Fallback> fallbacks_for(const std::string& main_file, const char* style);

  ImFontAtlas atlas_;
  std::future<void> preparing_;

  ImFont* fonts_[5] = {};
  float scale_ = 0;
  std::weak_ptr<const Catalog> catalog_;  // the snapshot the characters were taken from
  std::vector<char32_t> characters_;      // the content's, in the atlas
  ImVector<ImWchar> ranges_;              // Andika's: Vietnamese, punctuation and the content's
  std::vector<Fallback> regular_fallbacks_, bold_fallbacks_;  // alive until the atlas is built
  std::set<char32_t> undrawable_;         // named on stderr already
};
