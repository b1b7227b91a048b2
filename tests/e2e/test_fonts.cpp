// Characters the interface font (Andika) lacks, in content titles: drawn from a fallback font, or
// shown as "□" when no font has them, never as the "?" a child cannot tell from a real question.
#include <catch2/catch.hpp>

#include "harness.h"
#include "media_files.h"

namespace {
// Pack `id` with `title`; all packs alike otherwise (cover, colour), so their cards differ only there.
void make_titled_pack(const std::filesystem::path& content, const std::string& id, int order, const std::string& title) {
  write_two_tone_picture(content / id / "cover.png", 320, 240, 0x8ECAE6, 0x8ECAE6);
  write_file(content / id / "topic.json", R"({"order": )" + std::to_string(order) + R"(, "title": {"vi": ")" + title +
                                              R"("}, "cover": "cover.png", "color": "#336699"})");
}

// How many pixels of card `a` differ clearly from those at the same place in card `b` (cards are
// the same size on the home screen's grid).
int differing_pixels(const Png& shot, const nlohmann::json& a, const nlohmann::json& b) {
  const auto& ra = a.at("rect");
  const auto& rb = b.at("rect");
  const int w = std::min(ra[2].get<int>(), rb[2].get<int>()), h = std::min(ra[3].get<int>(), rb[3].get<int>());
  int n = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const Rgb p = shot.at(ra[0].get<int>() + x, ra[1].get<int>() + y), q = shot.at(rb[0].get<int>() + x, rb[1].get<int>() + y);
      n += std::abs(p.r - q.r) + std::abs(p.g - q.g) + std::abs(p.b - q.b) > 90;
    }
  return n;
}
}  // namespace

TEST_CASE("fonts: a character Andika lacks comes from a fallback font and one no font has shows as a box, not as a question mark") {
  KioskRun k;
  k.content = k.dir / "content";
  make_titled_pack(k.content, "star", 1, "Sao ★★★");        // U+2605: not in Andika, in DejaVu Sans
  make_titled_pack(k.content, "question", 2, "Sao ???");   // what ImGui would draw without the atlas change
  make_titled_pack(k.content, "emoji", 3, "Sao 😀😀😀");  // beyond U+FFFF: in no font the atlas can hold
  make_titled_pack(k.content, "box", 4, "Sao □□□");        // U+25A1, the replacement, written out
  LiveKiosk kiosk(k);
  REQUIRE(kiosk.act("tap @class:La\n"));
  REQUIRE(kiosk.wait_element("topic:box"));
  REQUIRE(kiosk.act("advance 2000\n"));  // the cards' staggered entrance over: all at rest, alike
  REQUIRE(kiosk.screenshot(k.shot("titles")));
  const Png shot = load_png(k.shot("titles"));
  const auto star = k.element("topic:star"), question = k.element("topic:question"), emoji = k.element("topic:emoji"),
             box = k.element("topic:box");
  REQUIRE(star["rect"][2] == question["rect"][2]);
  // Each differs from "???" in its last three letters (thousands of pixels at this size)...
  CHECK(differing_pixels(shot, star, question) > 1000);
  CHECK(differing_pixels(shot, emoji, question) > 1000);
  CHECK(differing_pixels(shot, star, box) > 1000);
  // ...and the emoji are drawn exactly as the box is.
  CHECK(differing_pixels(shot, emoji, box) < 50);
  REQUIRE(kiosk.quit() == 0);
  // Named once, for whoever reads the log.
  const std::string err = kiosk.process().stderr_text();
  CHECK(err.find("U+1F600") != std::string::npos);
  CHECK(err.find("U+1F600") == err.rfind("U+1F600"));
  CHECK(err.find("U+2605") == std::string::npos);
}
