// A teacher adds talk questions to a plain video from the kiosk's own controls: chosen from the
// topic's questions or typed, saved in DATA/added-cues.json, played like the pack's, and removed.
#include <catch2/catch.hpp>

#include "core/targets.h"
#include "harness.h"
#include "media_files.h"

namespace {
const uint32_t kInk = 0x2B2D42, kGo = 0x2EB872, kFocus = 0x3A86FF;

// Topic "lab": "plain", a video with no cues, and "clip", the same video with a cue of the pack's.
std::filesystem::path make_pack(const TempDir& dir) {
  auto pack = dir / "content" / "lab";
  std::filesystem::create_directories(pack / "media");
  std::filesystem::copy_file(std::filesystem::path(SAMPLE_CONTENT_DIR) / "traffic-safety" / "cover.png", pack / "cover.png");
  write_file(pack / "topic.json", R"({"title": {"vi": "Phòng thử"}, "cover": "cover.png", "color": "#336699", "lessons": [
    {"id": "plain", "type": "video", "title": {"vi": "Phim trơn"}, "file": "media/clip.mp4"},
    {"id": "clip", "type": "video", "title": {"vi": "Phim có câu hỏi"}, "file": "media/clip.mp4",
     "cues": [{"at": 1, "question": {"vi": "Bạn nhỏ qua đường thế nào?"}}]}]})");
  REQUIRE(ffmpeg("-f lavfi -i testsrc2=size=640x360:rate=25:duration=10 -c:v libx264 -pix_fmt yuv420p " +
                 (pack / "media" / "clip.mp4").string()));
  return dir / "content";
}

int count_near(const Png& png, const Rect& r, uint32_t rgb) { return png.count_near(int(r.x), int(r.y), int(r.w), int(r.h), rgb); }

Rect rect_of(const nlohmann::json& element) {
  const auto& r = element.at("rect");
  return {r[0].get<float>(), r[1].get<float>(), r[2].get<float>(), r[3].get<float>()};
}

nlohmann::json added_cues(const KioskRun& k) { return read_json(k.data / "added-cues.json"); }
}  // namespace

TEST_CASE("a teacher adds a question from the list and a typed one, and removes one") {
  KioskRun k;
  k.content = make_pack(k.dir);
  LiveKiosk kiosk(k);
  kiosk.send("tap @class:La\ntap @topic:lab\ntap @lesson:lab/plain\nwait 1500\ntap 960 400\n");  // the video plays on
  REQUIRE(kiosk.wait_element("lesson:add-cue"));
  CHECK(k.element("lesson:add-cue")["rect"][3].get<int>() >= 100);  // big enough for a finger

  // The chooser: the topic's question first, then the general prompts; the video pauses under it.
  kiosk.send("tap @lesson:add-cue\n");
  REQUIRE(kiosk.wait_element("cue-choice:0"));
  CHECK(k.element("cue-choice:0")["label"] == "Bạn nhỏ qua đường thế nào?");
  CHECK_FALSE(k.element("cue-choice:6").is_null());  // and six general prompts
  CHECK_FALSE(k.element("cue-choice:type").is_null());
  CHECK_FALSE(k.element("cue-choice:cancel").is_null());
  CHECK(k.element("lesson:play-pause").is_null());  // the controls are under the chooser
  REQUIRE(kiosk.screenshot(k.shot("chooser")));
  Png chooser = load_png(k.shot("chooser"));
  Rect first = rect_of(k.element("cue-choice:0"));
  CHECK(chooser.at(int(first.x + 20), int(first.y + 20)).near(0xD6E0EA, 6));  // tinted in the topic's colour
  CHECK(count_near(chooser, first, kInk) > 1500);                              // with the question on it

  kiosk.send("tap @cue-choice:0\n");
  REQUIRE(wait_until([&] { return added_cues(k).contains("lab/plain"); }, 10));
  auto saved = added_cues(k)["lab/plain"];
  REQUIRE(saved.size() == 1);
  CHECK(saved[0]["question"]["vi"] == "Bạn nhỏ qua đường thế nào?");
  const double first_at = saved[0]["at"].get<double>();
  CHECK(first_at > 1.0);
  CHECK(first_at < 3.5);
  REQUIRE(kiosk.wait_element("lesson:play-pause"));
  CHECK(k.element("cue-choice:0").is_null());
  REQUIRE(kiosk.screenshot(k.shot("added")));
  CHECK(count_near(load_png(k.shot("added")), {560, 70, 800, 110}, kGo) > 20000);  // "question added"

  // Back to the start: playback pauses at the new question.
  kiosk.send("tap @lesson:rewind\ntap @lesson:play-pause\n");
  REQUIRE(kiosk.wait_element("cue:continue", 8));
  CHECK_FALSE(k.element("cue:remove").is_null());  // added here, so it can be removed
  REQUIRE(kiosk.screenshot(k.shot("cue")));
  CHECK(count_near(load_png(k.shot("cue")), {500, 330, 920, 200}, kInk) > 3000);

  // A typed question, with its Vietnamese diacritics.
  kiosk.send("tap @cue:continue\nwait 1000\ntap 960 400\n");  // a second of video on
  REQUIRE(kiosk.wait_element("lesson:add-cue"));
  kiosk.send("tap @lesson:add-cue\n");
  REQUIRE(kiosk.wait_element("cue-choice:type"));
  kiosk.send("tap @cue-choice:type\n");
  REQUIRE(kiosk.wait_element("cue-type:ok"));
  CHECK_FALSE(k.element("cue-type:cancel").is_null());
  REQUIRE(kiosk.act("text Vì sao bạn ấy vui?\n"));
  REQUIRE(kiosk.screenshot(k.shot("typing")));
  Png typing = load_png(k.shot("typing"));
  CHECK(count_near(typing, {240, 360, 1440, 120}, kInk) > 2000);   // the typed text in the field...
  CHECK(count_near(typing, {300, 328, 1320, 4}, kFocus) > 4000);  // ...which has a blue outline
  kiosk.send("key Return\n");
  REQUIRE(wait_until([&] { return added_cues(k)["lab/plain"].size() == 2; }, 10));
  saved = added_cues(k)["lab/plain"];
  CHECK(saved[1]["question"]["vi"] == "Vì sao bạn ấy vui?");
  CHECK(saved[1]["at"].get<double>() > first_at);
  REQUIRE(kiosk.wait_element("lesson:play-pause"));

  // Removing the first asks first; "Keep" keeps it.
  kiosk.send("tap @lesson:rewind\ntap @lesson:play-pause\n");
  REQUIRE(kiosk.wait_element("cue:remove", 8));
  kiosk.send("tap @cue:remove\n");
  REQUIRE(kiosk.wait_element("cue:remove-yes"));
  CHECK(k.element("cue:remove").is_null());
  CHECK(read_json(k.tree)["focus"] == "cue:remove-no");  // the remote's OK keeps it
  REQUIRE(kiosk.screenshot(k.shot("remove?")));
  CHECK(count_near(load_png(k.shot("remove?")), rect_of(k.element("cue:remove-yes")), 0xF77F00) > 5000);  // orange
  kiosk.send("tap @cue:remove-no\n");
  REQUIRE(kiosk.wait_element("cue:remove"));
  CHECK(added_cues(k)["lab/plain"].size() == 2);
  // Then removed: the file keeps the typed one, and the video goes on from there.
  kiosk.send("tap @cue:remove\n");
  REQUIRE(kiosk.wait_element("cue:remove-yes"));
  kiosk.send("tap @cue:remove-yes\n");
  REQUIRE(kiosk.wait_element("lesson:play-pause"));
  CHECK(k.element("cue:continue").is_null());
  saved = added_cues(k)["lab/plain"];
  REQUIRE(saved.size() == 1);
  CHECK(saved[0]["question"]["vi"] == "Vì sao bạn ấy vui?");

  // The pack's own cue cannot be removed.
  kiosk.send("tap @lesson:back\n");
  REQUIRE(kiosk.wait_screen("topic"));
  kiosk.send("tap @lesson:lab/clip\n");
  REQUIRE(kiosk.wait_element("cue:continue", 8));
  CHECK(k.element("cue:remove").is_null());

  // Opened again, the lesson has the typed question.
  kiosk.send("key Escape\n");
  REQUIRE(kiosk.wait_screen("topic"));
  kiosk.send("tap @lesson:lab/plain\n");
  REQUIRE(kiosk.wait_element("cue:remove", 8));
  REQUIRE(kiosk.quit() == 0);
  auto rows = query(k.data / "journal.sqlite", "SELECT ref, details FROM activities ORDER BY rowid");
  REQUIRE(rows.size() == 3);
  CHECK(nlohmann::json::parse(rows[0]["details"])["cues_total"] == 1);  // two added, one removed
}

TEST_CASE("questions added before are there when the kiosk starts, and a typed one can be cancelled") {
  KioskRun k;
  k.content = make_pack(k.dir);
  write_file(k.data / "added-cues.json", R"({"lab/plain": [{"at": 1.2, "question": {"vi": "Ai đang đi?"}},
    {"at": 8, "question": {"vi": "Một"}}, {"at": 8.5, "question": {"vi": "Hai"}}, {"at": 9, "question": {"vi": "Ba"}}]})");
  LiveKiosk kiosk(k);
  kiosk.send("tap @class:La\ntap @topic:lab\ntap @lesson:lab/plain\n");
  REQUIRE(kiosk.wait_element("cue:remove", 8));
  kiosk.send("tap @cue:continue\nwait 300\ntap 960 400\n");
  REQUIRE(kiosk.wait_element("lesson:add-cue"));
  kiosk.send("tap @lesson:add-cue\n");
  REQUIRE(kiosk.wait_element("cue-choice:type"));
  CHECK(k.element("cue-choice:0")["label"] == "Ai đang đi?");  // added questions are the topic's too
  CHECK(k.element("cue-choice:9").is_null());                   // 5 + 6 prompts: two pages
  kiosk.send("tap @cue-choice:next\n");
  REQUIRE(kiosk.wait_element("cue-choice:prev"));
  CHECK(k.element("cue-choice:0").is_null());
  CHECK_FALSE(k.element("cue-choice:10").is_null());
  CHECK(k.element("cue-choice:next").is_null());
  REQUIRE(kiosk.screenshot(k.shot("page2")));
  kiosk.send("tap @cue-choice:prev\n");
  REQUIRE(kiosk.wait_element("cue-choice:0"));
  kiosk.send("tap @cue-choice:type\n");
  REQUIRE(kiosk.wait_element("cue-type:cancel"));
  kiosk.send("text Không lưu\ntap @cue-type:cancel\n");  // back to the list
  REQUIRE(kiosk.wait_element("cue-choice:cancel"));
  kiosk.send("key Escape\n");  // Back closes the chooser, not the lesson
  REQUIRE(kiosk.wait_element("lesson:play-pause"));
  CHECK(k.element("cue-choice:cancel").is_null());
  REQUIRE(kiosk.quit() == 0);
  auto saved = added_cues(k)["lab/plain"];
  REQUIRE(saved.size() == 4);
  CHECK(saved[0]["question"]["vi"] == "Ai đang đi?");
}

TEST_CASE("a general prompt chosen on a kiosk in English is saved in both languages") {
  KioskRun k;
  k.content = make_pack(k.dir);
  k.extra_args = {"--lang", "en"};
  LiveKiosk kiosk(k);
  kiosk.send("tap @class:La\ntap @topic:lab\ntap @lesson:lab/plain\nwait 1000\ntap 960 400\n");
  REQUIRE(kiosk.wait_element("lesson:add-cue"));
  kiosk.send("tap @lesson:add-cue\n");
  REQUIRE(kiosk.wait_element("cue-choice:1"));
  CHECK(k.element("cue-choice:1")["label"] == "What do you see?");  // after the topic's own question
  kiosk.send("tap @cue-choice:1\n");
  REQUIRE(wait_until([&] { return added_cues(k).contains("lab/plain"); }, 10));
  auto question = added_cues(k)["lab/plain"][0]["question"];
  CHECK(question["vi"] == "Con nhìn thấy gì?");  // a Vietnamese kiosk shows it in Vietnamese
  CHECK(question["en"] == "What do you see?");
  REQUIRE(kiosk.quit() == 0);
}
