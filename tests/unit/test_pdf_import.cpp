#include <catch2/catch.hpp>

#include <cstdlib>

#include "core/content_import.h"
#include "core/catalog.h"
#include "pdf_maker.h"
#include "temp_dir.h"

namespace {
PackOnStick only_pack(const fs::path& stick, const fs::path& imported) {
  auto packs = scan_stick(stick, imported);
  REQUIRE(packs.size() == 1);
  return packs[0];
}
void no_progress(double) {}
}  // namespace

TEST_CASE("PDF: a PDF becomes a picture story, one page a page, rendered to fit the screen") {
  TempDir stick, imported;
  make_pdf(stick / "Bài giảng ATGT.pdf", {{"Di bo tren via he", 0xFF0000}, {"Qua duong o vach ke", 0x00AA00},
                                         {"", 0x0000FF}}, "An toan giao thong");
  const PackOnStick pack = only_pack(stick.path, imported.path);
  CHECK(pack.kind == PackKind::pdf);
  CHECK(pack.id == "bai-giang-atgt");
  CHECK(pack.title.vi == "An toan giao thong");  // the PDF's own title
  CHECK(pack.becomes == "a picture story of 3 page(s)");
  REQUIRE(pack.importable());
  import_pack(pack, imported.path, no_progress);

  const Catalog c = load_catalog(imported.path);
  for (const auto& p : c.problems) UNSCOPED_INFO(p.describe());
  REQUIRE(c.problems.empty());
  const Topic* topic = c.find("bai-giang-atgt");
  REQUIRE(topic);
  REQUIRE(topic->lessons.size() == 1);
  const auto& story = topic->lessons[0].story;
  REQUIRE(story);
  REQUIRE(story->pages.size() == 3);
  CHECK(story->pages[0].caption.vi == "Di bo tren via he");
  CHECK(story->pages[1].caption.vi == "Qua duong o vach ke");
  CHECK(story->pages[2].caption.vi == "An toan giao thong (3/3)");  // no text: the title and its number
  // A4 landscape fitted to 1920x1080: 1527x1080, the top half in the page's colour.
  const std::string png = read_file(story->pages[0].picture);
  auto be32 = [&](size_t at) {
    return uint32_t(uint8_t(png[at])) << 24 | uint32_t(uint8_t(png[at + 1])) << 16 | uint32_t(uint8_t(png[at + 2])) << 8 |
           uint32_t(uint8_t(png[at + 3]));
  };
  CHECK(png.substr(1, 3) == "PNG");
  CHECK(be32(16) == Approx(1527).margin(2));
  CHECK(be32(20) == 1080);
}

TEST_CASE("PDF: a damaged PDF is named with its reason and nothing is imported") {
  TempDir stick, imported;
  write_file(stick / "cut.pdf", "%PDF-1.4\n1 0 obj\n<< /Type /Catalog");
  const PackOnStick pack = only_pack(stick.path, imported.path);
  REQUIRE(pack.problems.size() == 1);
  CHECK_THAT(pack.problems[0].message, Catch::Contains("damaged or cut short") || Catch::Contains("no pages"));
  CHECK_THROWS_AS(import_pack(pack, imported.path, no_progress), ImportError);
  CHECK(fs::is_empty(imported.path));
}

TEST_CASE("PowerPoint: without LibreOffice the admin is told to save it as PDF") {
  TempDir stick, imported;
  write_file(stick / "Bài giảng.ppt", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(512, '\0'));
  const char* path = std::getenv("PATH");
  const std::string saved = path ? path : "";
  setenv("PATH", "/nonexistent", 1);
  const PackOnStick pack = only_pack(stick.path, imported.path);
  setenv("PATH", saved.c_str(), 1);
  CHECK(pack.kind == PackKind::slides);
  CHECK_THAT(pack.becomes, Catch::Contains("narration inside slides is not kept"));
  REQUIRE(pack.problems.size() == 1);
  CHECK_THAT(pack.problems[0].message, Catch::Contains("save it as PDF in PowerPoint"));
}
