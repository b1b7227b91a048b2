// Watch-and-talk lessons played by the real kiosk: a video that pauses at its cue, a broken video, a
// phone video and photo stored sideways, and a picture story turned with the remote.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "harness.h"
#include "media_files.h"

namespace {
const uint32_t kRed = 0xFF0000, kBlue = 0x0000FF;

// A content folder with one topic, "lab", whose lessons the test names; `lessons` is the JSON list.
std::filesystem::path make_pack(const TempDir& dir, const std::string& lessons) {
  auto pack = dir / "content" / "lab";
  std::filesystem::create_directories(pack / "media");
  std::filesystem::copy_file(std::filesystem::path(SAMPLE_CONTENT_DIR) / "traffic-safety" / "cover.png", pack / "cover.png");
  write_file(pack / "topic.json", R"({"title": {"vi": "Phòng thử"}, "cover": "cover.png", "color": "#336699",
    "lessons": )" + lessons + "}");
  return dir / "content";
}

// "lab/long": a 16 s video with one cue at 12 s, for the teacher controls.
std::filesystem::path make_long_video_pack(const TempDir& dir) {
  auto content = make_pack(dir, R"([{"id": "long", "type": "video", "title": {"vi": "Phim dài"}, "file": "media/long.mp4",
      "cues": [{"at": 12, "question": {"vi": "Câu hỏi cuối?"}}]}])");
  REQUIRE(ffmpeg("-f lavfi -i testsrc2=size=640x360:rate=25:duration=16 -c:v libx264 -pix_fmt yuv420p " +
                 (content / "lab" / "media" / "long.mp4").string()));
  return content;
}
}  // namespace

TEST_CASE("a video lesson pauses at its cue, shows the question, plays to the end and is recorded") {
  KioskRun k;
  k.content = make_pack(k.dir, R"([{"id": "clip", "type": "video", "title": {"vi": "Phim thử"}, "file": "media/clip.mp4",
      "cues": [{"at": 1.5, "question": {"vi": "Bạn nhỏ đang làm gì?", "en": "What is the child doing?"},
                "narration": "media/q1.ogg"}]}])");
  auto media = k.content / "lab" / "media";
  REQUIRE(ffmpeg("-f lavfi -i testsrc2=size=1280x720:rate=25:duration=4 -f lavfi -i sine=duration=4 -c:v libx264 "
                 "-pix_fmt yuv420p -c:a aac -shortest " + (media / "clip.mp4").string()));
  REQUIRE(ffmpeg("-f lavfi -i sine=frequency=660:duration=1 -c:a libopus " + (media / "q1.ogg").string()));

  LiveKiosk kiosk(k);
  kiosk.send("tap @class:La\ntap @topic:lab\ntap @lesson:lab/clip\n");
  REQUIRE(kiosk.wait_element("cue:continue"));
  CHECK_FALSE(k.element("cue:repeat").is_null());  // the question can be heard again
  REQUIRE(kiosk.screenshot(k.shot("cue")));
  Png cue = load_png(k.shot("cue"));
  CHECK(cue.at(300, 300).near(0xFFFFFF, 4));           // the question card
  CHECK(cue.count_near(500, 330, 920, 200, 0x2B2D42) > 3000);  // dark text of the question on it
  Rgb dimmed = cue.at(100, 1000);                      // the frame around the card is darkened
  CHECK(dimmed.r + dimmed.g + dimmed.b < 3 * 150);

  kiosk.send("tap @cue:continue\n");
  REQUIRE(kiosk.wait_element("lesson:replay"));  // the end card
  kiosk.send("tap @lesson:back\n");
  REQUIRE(kiosk.wait_screen("topic"));
  kiosk.send("tap @end-session\ntap @finish:yes\n");
  REQUIRE(kiosk.wait_screen("summary"));
  REQUIRE(kiosk.quit() == 0);

  auto rows = query(k.data / "journal.sqlite", "SELECT * FROM activities");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["kind"] == "lesson");
  CHECK(rows[0]["ref"] == "lab/clip");
  CHECK(rows[0]["status"] == "finished");
  auto details = nlohmann::json::parse(rows[0]["details"]);
  CHECK(details["cues_reached"] == 1);
  CHECK(details["cues_total"] == 1);
  CHECK(details["finished"] == true);
  CHECK(details["duration_s"].get<double>() == Approx(4.0).margin(0.2));
  CHECK(k.sessions().at(0)["status"] == "completed");
}

TEST_CASE("a truncated video shows the error card and the session goes on") {
  KioskRun k;
  k.content = make_pack(k.dir, R"([{"id": "broken", "type": "video", "title": {"vi": "Phim hỏng"}, "file": "media/broken.mp4"}])");
  auto media = k.content / "lab" / "media";
  REQUIRE(ffmpeg("-f lavfi -i testsrc2=size=640x360:rate=25:duration=3 -c:v libx264 -pix_fmt yuv420p " +
                 (media / "whole.mp4").string()));
  {  // the first kilobytes only, as from a copy cut short
    std::ifstream in(media / "whole.mp4", std::ios::binary);
    std::string head(1500, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    write_file(media / "broken.mp4", head);
  }
  LiveKiosk kiosk(k);
  kiosk.send("tap @class:La\ntap @topic:lab\ntap @lesson:lab/broken\n");
  REQUIRE(kiosk.wait_screen("lesson"));
  REQUIRE(wait_until([&] {  // mpv gives up in its own time
    auto tree = read_json(k.tree);
    return tree["elements"].size() == 1 && tree["elements"][0]["id"] == "lesson:back";  // only the way back
  }, 20));
  REQUIRE(kiosk.screenshot(k.shot("error")));
  Png error = load_png(k.shot("error"));
  CHECK(error.at(700, 300).near(0xFFFFFF, 4));                          // the error card
  CHECK(error.count_near(880, 240, 160, 160, 0xF77F00, 60) > 2000);   // its orange warning sign
  kiosk.send("tap @lesson:back\n");
  REQUIRE(kiosk.wait_screen("topic"));
  kiosk.send("tap @end-session\ntap @finish:yes\n");
  REQUIRE(kiosk.wait_screen("summary"));
  REQUIRE(kiosk.quit() == 0);
  CHECK(kiosk.process().stderr_text().find("cannot play") != std::string::npos);
  auto rows = query(k.data / "journal.sqlite", "SELECT * FROM activities");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["status"] == "failed");
  CHECK(nlohmann::json::parse(rows[0]["details"]).contains("error"));
  CHECK(k.sessions().at(0)["status"] == "completed");
}

// libmpv comes with a module of its own, loaded after the first frame (kiosk/app/media_player.h):
// an installed kiosk finds it in its private lib folder, and one that lacks it says so on the lesson.
TEST_CASE("an installed kiosk plays videos with the module beside it, and a lesson without the module fails with a reason") {
  KioskRun k;
  const auto prefix = k.dir / "prefix";
  REQUIRE(std::system(("cmake --install " BUILD_DIR " --prefix " + prefix.string() + " > /dev/null").c_str()) == 0);
  k.program = prefix / "bin" / "kiosk";
  k.content = make_pack(k.dir, R"([{"id": "clip", "type": "video", "title": {"vi": "Phim thử"}, "file": "media/clip.mp4"}])");
  REQUIRE(ffmpeg("-f lavfi -i color=c=0x0000FF:size=640x360:rate=25:duration=3 -c:v libx264 -pix_fmt yuv420p " +
                 (k.content / "lab" / "media" / "clip.mp4").string()));
  const auto open_lesson = "tap @class:La\ntap @topic:lab\ntap @lesson:lab/clip\n";
  {
    LiveKiosk kiosk(k);
    kiosk.send(open_lesson);
    REQUIRE(kiosk.wait_screen("lesson"));
    CHECK(kiosk.wait_picture(k.shot("playing"), [](const Png& p) { return p.at(960, 540).near(0x0000FF, 40); }));
    REQUIRE(kiosk.quit() == 0);
  }
  std::filesystem::path module;
  for (const auto& f : std::filesystem::recursive_directory_iterator(prefix))
    if (f.path().filename() == "kiosk-mpv.so") module = f.path();
  REQUIRE(module.parent_path().filename() == "xem-va-noi");
  std::filesystem::remove(module);
  KioskRun without;
  without.program = k.program;
  without.content = k.content;
  LiveKiosk kiosk(without);
  kiosk.send(open_lesson);
  REQUIRE(kiosk.wait_screen("lesson"));
  REQUIRE(kiosk.wait_element("lesson:back"));
  CHECK(read_json(without.tree)["elements"].size() == 1);  // the error card: only the way back
  REQUIRE(kiosk.screenshot(without.shot("no-module")));
  CHECK(load_png(without.shot("no-module")).count_near(880, 240, 160, 160, 0xF77F00, 60) > 2000);  // its warning sign
  kiosk.send("tap @lesson:back\n");
  REQUIRE(kiosk.wait_screen("topic"));  // the session goes on
  REQUIRE(kiosk.quit() == 0);
  const auto err = kiosk.process().stderr_text();
  CHECK(err.find("không nạp được phần phát video: " + module.string()) != std::string::npos);  // in the class's language
  const auto rows = query(without.data / "journal.sqlite", "SELECT status FROM activities");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].at("status") == "failed");
}

TEST_CASE("a video cut short after its header, which never shows a picture, is a failure and not a lesson watched") {
  KioskRun k;
  k.content = make_pack(k.dir, R"([{"id": "cut", "type": "video", "title": {"vi": "Phim cắt"}, "file": "media/cut.mp4"}])");
  auto media = k.content / "lab" / "media";
  REQUIRE(ffmpeg("-f lavfi -i testsrc2=size=640x360:rate=25:duration=3 -c:v libx264 -pix_fmt yuv420p -movflags +faststart " +
                 (media / "whole.mp4").string()));
  {  // ftyp and moov (the index, at the front), then the media data's header only: a copy cut short
    const std::string whole = read_file(media / "whole.mp4");
    auto box_size = [&](size_t at) {
      return size_t(uint8_t(whole[at])) << 24 | size_t(uint8_t(whole[at + 1])) << 16 |
             size_t(uint8_t(whole[at + 2])) << 8 | size_t(uint8_t(whole[at + 3]));
    };
    const size_t moov = box_size(0);
    REQUIRE(whole.substr(moov + 4, 4) == "moov");
    write_file(media / "cut.mp4", whole.substr(0, moov + box_size(moov) + 16));
  }
  LiveKiosk kiosk(k);
  kiosk.send("tap @class:La\ntap @topic:lab\ntap @lesson:lab/cut\n");
  REQUIRE(kiosk.wait_screen("lesson"));
  REQUIRE(wait_until([&] {
    auto tree = read_json(k.tree);
    return tree["elements"].size() == 1 && tree["elements"][0]["id"] == "lesson:back";  // the error card, no replay
  }, 20));
  REQUIRE(kiosk.screenshot(k.shot("cut")));
  CHECK(load_png(k.shot("cut")).count_near(880, 240, 160, 160, 0xF77F00, 60) > 2000);  // the warning sign
  kiosk.send("tap @lesson:back\n");
  REQUIRE(kiosk.wait_screen("topic"));
  REQUIRE(kiosk.quit() == 0);
  auto rows = query(k.data / "journal.sqlite", "SELECT * FROM activities");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["status"] == "failed");
  CHECK(nlohmann::json::parse(rows[0]["details"])["error"].get<std::string>().find("không hiện hình nào") !=
        std::string::npos);
}

TEST_CASE("a phone video with rotation metadata plays upright") {
  KioskRun k;
  k.content = make_pack(k.dir, R"([{"id": "phone", "type": "video", "title": {"vi": "Phim điện thoại"}, "file": "media/phone.mp4"}])");
  auto media = k.content / "lab" / "media";
  // Stored landscape, red over blue, with the display matrix a phone held upright writes (ffprobe:
  // rotation -90, i.e. turn 90° clockwise to show): upright it is portrait, blue left, red right.
  REQUIRE(ffmpeg("-f lavfi -i color=red:size=320x240:rate=25:duration=8 -vf drawbox=y=120:h=120:color=blue:t=fill "
                 "-c:v libx264 -pix_fmt yuv420p " + (media / "plain.mp4").string()));
  REQUIRE(ffmpeg("-i " + (media / "plain.mp4").string() + " -c copy -metadata:s:v:0 rotate=270 " + (media / "phone.mp4").string()));
  LiveKiosk kiosk(k);
  kiosk.send("tap @class:La\ntap @topic:lab\ntap @lesson:lab/phone\n");
  REQUIRE(kiosk.wait_screen("lesson"));
  // Until mpv shows the first frame.
  REQUIRE(kiosk.wait_picture(k.shot("phone"), [](const Png& p) { return p.at(760, 540).near(kBlue, 60); }));
  Png shot = load_png(k.shot("phone"));
  // Portrait in a landscape window: 810x1080 in the middle, black bars on both sides.
  CHECK(shot.at(300, 540).near(0x000000, 20));
  CHECK(shot.at(760, 540).near(kBlue, 60));
  CHECK(shot.at(1160, 540).near(kRed, 60));
  CHECK(kiosk.quit() == 0);
}

TEST_CASE("a picture story turns with the remote, and a sideways phone photo shows upright") {
  KioskRun k;
  k.content = make_pack(k.dir, R"([{"id": "tale", "type": "story", "title": {"vi": "Truyện thử"}, "pages": [
      {"picture": "media/p1.png", "caption": {"vi": "Trang một"}},
      {"picture": "media/p2.jpg", "caption": {"vi": "Trang hai: ảnh chụp bằng điện thoại"}},
      {"picture": "media/p3.heic", "caption": {"vi": "Trang ba: ảnh HEIC của iPhone"}},
      {"picture": "media/p4.webp", "caption": {"vi": "Trang bốn: ảnh WebP"}}]}])");
  auto media = k.content / "lab" / "media";
  write_two_tone_picture(media / "p1.png", 800, 600, kRed, kBlue);
  // Stored sideways, as a phone held the other way does: 600x800, blue over red, orientation 8.
  write_two_tone_picture(media / "p2.jpg", 600, 800, kBlue, kRed, 8);
  // The same photo from an iPhone, as HEIC: its rotation both in HEIF's irot and in EXIF.
  write_iphone_heic(media / "p3.heic", 600, 800, kBlue, kRed, 8);
  // A WebP stored the other way round (red over blue) with orientation 6 (turn 90° clockwise): its
  // EXIF is a RIFF chunk of its own.
  write_two_tone_picture(media / "p4.webp", 600, 800, kRed, kBlue, 6);

  LiveKiosk kiosk(k);
  kiosk.send("tap @class:La\ntap @topic:lab\ntap @lesson:lab/tale\nadvance 400\n");
  REQUIRE(kiosk.wait_screen("story"));
  REQUIRE(kiosk.screenshot(k.shot("page1")));
  REQUIRE(kiosk.act("key Right\nadvance 500\n"));
  REQUIRE_FALSE(k.element("story:prev").is_null());
  REQUIRE(kiosk.screenshot(k.shot("page2")));
  REQUIRE(kiosk.act("key Right\nadvance 500\n"));
  REQUIRE(kiosk.screenshot(k.shot("page3")));
  REQUIRE(kiosk.act("key Right\nadvance 500\n"));
  REQUIRE(kiosk.screenshot(k.shot("page4")));
  REQUIRE(kiosk.act("key Right\nadvance 300\n"));
  REQUIRE_FALSE(k.element("story:replay").is_null());  // the end card
  kiosk.send("key Escape\n");
  REQUIRE(kiosk.wait_screen("topic"));
  REQUIRE(kiosk.quit() == 0);

  Png page1 = load_png(k.shot("page1"));
  CHECK(page1.at(960, 250).near(kRed, 40));
  CHECK(page1.at(960, 700).near(kBlue, 40));
  // Page 2: stored 600x800 with blue over red and orientation 8 (turn 90° counter-clockwise to
  // show): upright it is 800x600, landscape, with blue on the left and red on the right.
  Png page2 = load_png(k.shot("page2"));
  CHECK(page2.width == 1920);
  CHECK(page2.at(700, 450).near(kBlue, 40));
  CHECK(page2.at(1220, 450).near(kRed, 40));
  CHECK(page2.at(700, 60).near(kBlue, 40));  // landscape, as tall as the frame allows
  Png page3 = load_png(k.shot("page3"));  // the HEIC shows as the JPEG does
  CHECK(page3.at(700, 450).near(kBlue, 40));
  CHECK(page3.at(1220, 450).near(kRed, 40));
  Png page4 = load_png(k.shot("page4"));  // the WebP too: blue on the left, red on the right
  CHECK(page4.at(700, 450).near(kBlue, 40));
  CHECK(page4.at(1220, 450).near(kRed, 40));

  auto rows = query(k.data / "journal.sqlite", "SELECT * FROM activities");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["status"] == "finished");
  auto details = nlohmann::json::parse(rows[0]["details"]);
  CHECK(details["pages_seen"] == 4);
  CHECK(details["finished"] == true);
}

TEST_CASE("what a teacher brings plays: WebM, MKV, AVI and a video without sound") {
  KioskRun k;
  k.content = make_pack(k.dir, R"([
      {"id": "webm", "type": "video", "title": {"vi": "WebM"}, "file": "media/a.webm"},
      {"id": "mkv", "type": "video", "title": {"vi": "MKV"}, "file": "media/b.mkv"},
      {"id": "avi", "type": "video", "title": {"vi": "AVI"}, "file": "media/c.avi"},
      {"id": "silent", "type": "video", "title": {"vi": "Không tiếng"}, "file": "media/d.mp4"}])");
  auto media = k.content / "lab" / "media";
  const std::string picture = "-f lavfi -i testsrc2=size=640x360:rate=25:duration=1.5 ";
  const std::string sound = "-f lavfi -i sine=duration=1.5 ";
  REQUIRE(ffmpeg(picture + sound + "-c:v libvpx -b:v 300k -c:a libvorbis -shortest " + (media / "a.webm").string()));
  REQUIRE(ffmpeg(picture + sound + "-c:v libx264 -pix_fmt yuv420p -c:a libopus -shortest " + (media / "b.mkv").string()));
  REQUIRE(ffmpeg(picture + sound + "-c:v mpeg4 -c:a pcm_s16le -shortest " + (media / "c.avi").string()));
  REQUIRE(ffmpeg(picture + "-c:v libx264 -pix_fmt yuv420p " + (media / "d.mp4").string()));

  LiveKiosk kiosk(k);
  kiosk.send("tap @class:La\ntap @topic:lab\n");
  for (const char* id : {"webm", "mkv", "avi", "silent"}) {
    INFO(id);
    REQUIRE(kiosk.wait_screen("topic"));
    kiosk.send(std::string("tap @lesson:lab/") + id + "\n");
    CHECK(kiosk.wait_element("lesson:replay"));  // played to its end card
    kiosk.send("tap @lesson:back\n");
  }
  REQUIRE(kiosk.wait_screen("topic"));
  REQUIRE(kiosk.quit() == 0);
  auto rows = query(k.data / "journal.sqlite", "SELECT ref, status FROM activities ORDER BY rowid");
  REQUIRE(rows.size() == 4);
  for (const auto& row : rows) {
    INFO(row.at("ref"));
    CHECK(row.at("status") == "finished");
  }
}

TEST_CASE("teacher controls: a tap brings them up, the position bar drags, and pause holds the frame") {
  KioskRun k;
  k.content = make_long_video_pack(k.dir);
  LiveKiosk kiosk(k);
  kiosk.send("tap @class:La\ntap @topic:lab\ntap @lesson:lab/long\nwait 800\n");  // the video plays on
  REQUIRE(kiosk.wait_screen("lesson"));
  CHECK(k.element("lesson:play-pause").is_null());  // controls hidden while the class watches
  REQUIRE(kiosk.act("tap 960 400\n"));                 // a tap on the picture
  REQUIRE_FALSE(k.element("lesson:seek").is_null());
  for (const char* id : {"lesson:play-pause", "lesson:rewind", "lesson:prev-cue", "lesson:next-cue", "lesson:back",
                         "lesson:volume-down", "lesson:volume-up"}) {
    INFO(id);
    auto e = k.element(id);
    REQUIRE_FALSE(e.is_null());
    CHECK(e["rect"][3].get<int>() >= 1080 / 9);  // big enough for a finger on a TV
  }
  // Drag the position bar to 70% (11.2 s): playback jumps there and soon reaches the cue at 12 s.
  auto bar = k.element("lesson:seek")["rect"];
  int y = bar[1].get<int>() + bar[3].get<int>() / 2;
  int x0 = bar[0].get<int>() + 5, x1 = bar[0].get<int>() + bar[2].get<int>() * 7 / 10;
  kiosk.send("drag " + std::to_string(x0) + " " + std::to_string(y) + " " + std::to_string(x1) + " " +
             std::to_string(y) + " 400\n");
  REQUIRE(kiosk.wait_element("cue:continue", 8));
  REQUIRE(kiosk.act("tap @cue:continue\ntap 960 400\n"));
  REQUIRE_FALSE(k.element("lesson:play-pause").is_null());
  REQUIRE(kiosk.act("tap @lesson:play-pause\n"));
  CHECK(k.element("lesson:play-pause")["label"] == "Phát");  // the button now says play
  // Paused, the controls stay (playing, they hide after 4 s) and the picture holds: once mpv has
  // stopped, two pictures a second of real time apart are the same.
  bool held = false;
  for (int i = 0; i < 5 && !held; ++i) {
    REQUIRE(kiosk.screenshot(k.shot("paused1")));
    REQUIRE(kiosk.act("wait 1000\nadvance 5000\n"));
    REQUIRE(kiosk.screenshot(k.shot("paused2")));
    held = load_png(k.shot("paused1")).rgba == load_png(k.shot("paused2")).rgba;
  }
  CHECK(held);
  CHECK_FALSE(k.element("lesson:play-pause").is_null());
  kiosk.send("tap @lesson:back\n");
  REQUIRE(kiosk.wait_screen("topic"));
  REQUIRE(kiosk.quit() == 0);
  auto rows = query(k.data / "journal.sqlite", "SELECT status, details FROM activities");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["status"] == "left");
  auto details = nlohmann::json::parse(rows[0]["details"]);
  CHECK(details["cues_reached"] == 1);
  CHECK(details["furthest_s"].get<double>() > 11.5);
  CHECK(details["finished"] == false);
}

TEST_CASE("teacher controls by remote: Up reaches the position bar, and Right moves it on 10 seconds") {
  KioskRun k;
  k.content = make_long_video_pack(k.dir);
  LiveKiosk kiosk(k);
  kiosk.send("tap @class:La\ntap @topic:lab\ntap @lesson:lab/long\nwait 800\nkey Space\n");  // paused near 1 s
  REQUIRE(kiosk.wait_element("lesson:seek"));
  CHECK(read_json(k.tree)["focus"] == "lesson:play-pause");
  REQUIRE(kiosk.act("key Up\n"));
  REQUIRE(read_json(k.tree)["focus"] == "lesson:seek");
  REQUIRE(kiosk.act("key Right\n"));
  CHECK(read_json(k.tree)["focus"] == "lesson:seek");  // the focus stays on the bar
  // The bar fills in the selection colour to the position: from about 1 s to 11 s of 16, past 58 %.
  auto bar = k.element("lesson:seek")["rect"];
  const int x = bar[0].get<int>() + bar[2].get<int>() * 58 / 100, y = bar[1].get<int>() + bar[3].get<int>() / 2;
  CHECK(kiosk.wait_picture(k.shot("moved"), [&](const Png& p) { return p.at(x, y).near(0xFFB703, 40); }));
  // Playing on from there reaches the cue at 12 s.
  kiosk.send("key Space\n");
  CHECK(kiosk.wait_element("cue:continue"));
  REQUIRE(kiosk.quit() == 0);
}

TEST_CASE("a story can turn its pages by itself") {
  KioskRun k;
  k.content = make_pack(k.dir, R"([{"id": "auto", "type": "story", "title": {"vi": "Tự lật"}, "auto_seconds": 0.5, "pages": [
      {"picture": "media/p1.png", "caption": {"vi": "Một"}}, {"picture": "media/p2.png", "caption": {"vi": "Hai"}},
      {"picture": "media/p3.png", "caption": {"vi": "Ba"}}]}])");
  for (const char* p : {"p1.png", "p2.png", "p3.png"}) write_two_tone_picture(k.content / "lab" / "media" / p, 400, 300, kRed, kBlue);
  LiveKiosk kiosk(k);
  kiosk.send("tap @class:La\ntap @topic:lab\ntap @lesson:lab/auto\n");
  REQUIRE(kiosk.wait_element("story:auto"));
  REQUIRE(kiosk.act("tap @story:auto\nadvance 600\nadvance 600\nadvance 600\n"));  // three turns of 0.5 s
  CHECK_FALSE(k.element("story:replay").is_null());  // the end card, with no other touch
  REQUIRE(kiosk.quit() == 0);
  auto details = nlohmann::json::parse(query(k.data / "journal.sqlite", "SELECT details FROM activities")[0]["details"]);
  CHECK(details["pages_seen"] == 3);
}

namespace {
// Plays a video with a steady tone for two seconds under `volume_limit`; the sound goes to a WAV file.
int peak_under_limit(int volume_limit) {
  KioskRun k;
  k.content = make_pack(k.dir, R"([{"id": "tone", "type": "video", "title": {"vi": "Tiếng"}, "file": "media/tone.mp4"}])");
  REQUIRE(ffmpeg("-f lavfi -i testsrc2=size=320x240:rate=25:duration=4 -f lavfi -i sine=frequency=440:duration=4 "
                 "-c:v libx264 -pix_fmt yuv420p -c:a aac -shortest " + (k.content / "lab" / "media" / "tone.mp4").string()));
  write_file(k.data / "settings.json", "{\"volume_limit\": " + std::to_string(volume_limit) + "}");
  const auto wav = k.dir / "sound.wav";
  setenv("KIOSK_MPV", ("ao=pcm,ao-pcm-file=" + wav.string() + ",audio-format=s16,audio-channels=mono").c_str(), 1);
  int rc = k.run("tap @class:La\ntap @topic:lab\ntap @lesson:lab/tone\nwait 2000\nquit\n");  // two seconds of sound
  unsetenv("KIOSK_MPV");
  REQUIRE(rc == 0);
  return peak_of_wav(wav);
}
}  // namespace

TEST_CASE("the admin's volume limit makes videos quieter") {
  const int full = peak_under_limit(100), half = peak_under_limit(50);
  CHECK(full > 3000);        // the tone, at the level it was made (1/8 of full scale)
  CHECK(half < full / 4);    // mpv's volume is cubic: 50 % of the limit is 1/8 of the amplitude
  CHECK(half > full / 20);   // quieter, not silent
}
