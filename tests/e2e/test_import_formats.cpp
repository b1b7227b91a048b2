// What teachers make in other tools, brought on a stick: an H5P memory game, an H5P interactive
// video and a PDF import through the admin screen, and the class plays each to its end.
#include <catch2/catch.hpp>

#include "core/journal.h"
#include "core/pin_store.h"
#include "h5p_maker.h"
#include "harness.h"
#include "media_files.h"
#include "pdf_maker.h"
#include "slides_maker.h"

namespace fs = std::filesystem;

namespace {
// A stick with the three files; media made for real (ffmpeg, SDL_image), since the class plays them.
fs::path make_stick(const TempDir& dir) {
  const fs::path stick = dir / "usb" / "USB CO HOA", work = dir / "work";
  fs::create_directories(stick);
  const uint32_t colours[] = {0xE63946, 0x2A9D8F};
  H5pSpec memory;
  memory.title = "Lật thẻ tìm đôi";
  memory.library = "H5P.MemoryGame";
  for (int i = 0; i < 2; ++i) {
    const std::string name = "images/card-" + std::to_string(i) + ".png";
    write_two_tone_picture(work / name, 256, 256, colours[i], colours[i]);
    memory.media.push_back({"content/" + name, read_file(work / name), ""});
    memory.content["cards"].push_back({{"image", {{"path", name}}}});
  }
  make_h5p(stick / "Lat the.h5p", memory);

  H5pSpec video;
  video.title = "Đèn giao thông";
  video.library = "H5P.InteractiveVideo";
  REQUIRE(ffmpeg("-f lavfi -i testsrc2=size=640x360:rate=25:duration=3 -c:v libx264 -pix_fmt yuv420p " +
                 (work / "v.mp4").string()));
  video.media = {{"content/videos/v.mp4", read_file(work / "v.mp4"), ""}};
  video.content = {{"interactiveVideo",
                    {{"video", {{"files", {{{"path", "videos/v.mp4"}, {"mime", "video/mp4"}}}}}},
                     {"assets", {{"interactions", {{{"pause", true}, {"duration", {{"from", 1}, {"to", 2}}},
                                                   {"action", {{"library", "H5P.Text 1.1"}, {"params", {{"text", "<p>Đèn màu gì?</p>"}}}}}}}}}}}}};
  make_h5p(stick / "Den giao thong.h5p", video);

  make_pdf(stick / "Truyen tranh.pdf", {{"Trang mot", 0xE63946}, {"Trang hai", 0x2A9D8F}}, "Truyen tranh");
  return dir / "usb";
}

// Imports the pack `id` from the admin screen and waits for the kiosk to say it is done.
void import_from_admin(KioskRun& k, LiveKiosk& live, const std::string& id, int imported) {
  REQUIRE(live.wait_element("admin:import:" + id));
  live.send("tap @admin:import:" + id + "\n");
  REQUIRE(wait_until([&] {
    const std::string err = live.process().stderr_text();
    size_t n = 0;
    for (size_t at = 0; (at = err.find("Đã nhập", at)) != std::string::npos; ++at) ++n;
    return n == static_cast<size_t>(imported);
  }, 60));
  CHECK(fs::exists(k.data / "content" / id / "topic.json"));
}
// The admin PIN 2468, chosen before the kiosk starts.
void set_admin_pin(const KioskRun& k) {
  std::string warning;
  PinStore(k.data, warning).set_pin("2468");
}
// The admin screen, opened with that PIN from the home screen.
void open_admin(LiveKiosk& live) {
  REQUIRE(live.wait_screen("home"));
  live.send("key Ctrl+Alt+A\n");
  REQUIRE(live.wait_screen("pin"));
  live.send("tap @pin:2\ntap @pin:4\ntap @pin:6\ntap @pin:8\ntap @pin:ok\n");
  REQUIRE(live.wait_screen("admin"));
}
}  // namespace

TEST_CASE("import: an H5P memory game, an H5P interactive video and a PDF import from the admin screen and play to their end") {
  KioskRun k;
  k.extra_args = {"--usb-root", make_stick(k.dir).string()};
  set_admin_pin(k);
  LiveKiosk live(k);
  open_admin(live);
  REQUIRE(live.wait_element("admin:import:lat-the"));
  REQUIRE(live.screenshot(k.shot("import-list")));
  const int list_top = k.element("admin:import:lat-the")["rect"][1].get<int>();
  import_from_admin(k, live, "den-giao-thong", 1);
  // The first import's message pushes the list down: tap only once the screen shows it so.
  REQUIRE(wait_until([&] { return k.element("admin:import:lat-the")["rect"][1].get<int>() > list_top; }, 10));
  import_from_admin(k, live, "lat-the", 2);
  import_from_admin(k, live, "truyen-tranh", 3);
  live.send("tap @admin:close\n");
  REQUIRE(live.wait_element("topic:truyen-tranh"));

  // The interactive video: it pauses at its question, then plays to the end card.
  live.send("tap @class:La\ntap @topic:den-giao-thong\ntap @lesson:den-giao-thong/video\n");
  REQUIRE(live.wait_element("cue:continue"));
  REQUIRE(live.screenshot(k.shot("h5p-video-cue")));
  live.send("tap @cue:continue\n");
  REQUIRE(live.wait_element("lesson:replay"));
  live.send("tap @lesson:back\n");
  REQUIRE(end_session(live));  // a session is one topic

  // The memory game: two pairs of twins, found as a child does, to the celebration.
  live.send("tap @class:La\ntap @topic:lat-the\ntap @game:lat-the/game\n");
  REQUIRE(live.wait_screen("game"));
  REQUIRE(live.screenshot(k.shot("h5p-memory")));
  REQUIRE(solve_memory_pairs(k, live));
  REQUIRE(live.wait_element("game:again", 10));
  live.send("tap @game:back\n");
  REQUIRE(end_session(live));  // a session is one topic

  // The PDF: a picture story of its two pages, to the end card.
  live.send("tap @class:La\ntap @topic:truyen-tranh\ntap @lesson:truyen-tranh/story\n");
  REQUIRE(live.wait_screen("story"));
  REQUIRE(live.screenshot(k.shot("pdf-page1")));
  live.send("key Right\n");
  REQUIRE(live.wait_element("story:prev"));
  live.send("key Right\n");
  REQUIRE(live.wait_element("story:replay"));
  live.send("key Escape\n");
  REQUIRE(end_session(live));  // a session is one topic
  REQUIRE(live.quit() == 0);

  Png page1 = load_png(k.shot("pdf-page1"));
  CHECK(page1.count_near(560, 100, 800, 200, 0xE63946, 30) > 50000);  // the page's red top half, as big as the frame allows

  auto rows = query(k.data / "journal.sqlite", "SELECT ref, status FROM activities ORDER BY rowid");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0]["ref"] == "den-giao-thong/video");
  CHECK(rows[1]["ref"] == "lat-the/game");
  CHECK(rows[2]["ref"] == "truyen-tranh/story");
  for (const auto& row : rows) CHECK(row.at("status") == "finished");
}

// LibreOffice (Impress) is a test dependency, so this runs in CI: the kiosk converts the slides
// headless at import. Without soffice on the PATH the admin is told to bring a PDF instead
// (unit test "PowerPoint: without LibreOffice...").
TEST_CASE("import: slides (an .odp as Impress saves it) import from the admin screen as a story, one slide a page") {
  KioskRun k;
  const fs::path stick = k.dir / "usb" / "USB";
  make_odp(stick / "Bai giang.odp", {{"Di bo tren via he", 0xE63946}, {"Qua duong", 0x2A9D8F}, {"", 0x264653}});
  k.extra_args = {"--usb-root", (k.dir / "usb").string()};
  set_admin_pin(k);
  LiveKiosk live(k);
  open_admin(live);
  import_from_admin(k, live, "bai-giang", 1);
  live.send("tap @admin:close\n");
  live.send("tap @class:La\ntap @topic:bai-giang\ntap @lesson:bai-giang/story\n");
  REQUIRE(live.wait_screen("story"));
  REQUIRE(live.screenshot(k.shot("slide1")));
  live.send("key Right\nkey Right\n");  // three slides, three pages
  REQUIRE(live.wait_element("story:prev"));
  REQUIRE(live.screenshot(k.shot("slide3")));
  live.send("key Right\n");  // after the third, the end card
  REQUIRE(live.wait_element("story:replay"));
  live.send("key Escape\n");
  REQUIRE(end_session(live));  // a session is one topic
  REQUIRE(live.quit() == 0);

  // Each slide's coloured band fills the top of the picture; the text below it is the caption.
  CHECK(load_png(k.shot("slide1")).count_near(560, 100, 800, 150, 0xE63946, 30) > 50000);
  CHECK(load_png(k.shot("slide3")).count_near(560, 100, 800, 150, 0x264653, 30) > 50000);
  auto rows = query(k.data / "journal.sqlite", "SELECT ref, status FROM activities");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["ref"] == "bai-giang/story");
  CHECK(rows[0]["status"] == "finished");
}

TEST_CASE("import: on a 1024x768 screen an Import button stays on the screen, beside its long title wrapped") {
  KioskRun k;
  k.size = "1024x768";
  const fs::path stick = k.dir / "usb" / "USB";
  // A teacher's long title, and packages the kiosk refuses (for the screenshot, which a person looks at).
  make_pdf(stick / "Bai giang.pdf", {{"Trang mot", 0xE63946}},
           "Be hoc an toan giao thong: di bo tren via he, qua duong o vach ke va doi mu bao hiem khi ngoi xe may");
  H5pSpec online;
  online.title = "Video trên mạng";
  online.library = "H5P.InteractiveVideo";
  online.content = {{"interactiveVideo", {{"video", {{"files", {{{"path", "https://www.youtube.com/watch?v=x"}, {"mime", "video/YouTube"}}}}}}}}};
  make_h5p(stick / "Video tren mang.h5p", online);
  write_file(stick / "hong.zip", "PK\x03\x04" + std::string(40, '\0'));
  k.extra_args = {"--usb-root", (k.dir / "usb").string()};
  set_admin_pin(k);
  LiveKiosk live(k);
  open_admin(live);
  REQUIRE(live.wait_element("admin:import:bai-giang"));
  REQUIRE(live.screenshot(k.shot("import-list-1024")));
  const auto rect = k.element("admin:import:bai-giang")["rect"];
  CHECK(rect[0].get<int>() + rect[2].get<int>() <= 1024);
  CHECK(rect[0].get<int>() > 512);  // beside the title, which wraps short of it
  REQUIRE(live.quit() == 0);
}
