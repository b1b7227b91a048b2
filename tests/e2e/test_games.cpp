// Each game template played to its end through the real kiosk: taps, drags and the remote; the
// celebration, and the journal row.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "harness.h"
#include "media_files.h"

namespace {
// A pack "lab" with one game; pictures p0..p7.png in distinct colours.
std::filesystem::path make_game_pack(const TempDir& dir, const std::string& game) {
  auto pack = dir / "content" / "lab";
  const uint32_t colours[] = {0xE63946, 0x2A9D8F, 0xE9C46A, 0x264653, 0xF4A261, 0x8E5BD0, 0x06D6A0, 0x118AB2};
  for (int i = 0; i < 8; ++i)
    write_two_tone_picture(pack / ("p" + std::to_string(i) + ".png"), 256, 256, colours[i], colours[i]);
  write_two_tone_picture(pack / "scene.png", 1280, 720, 0xFFE8B0, 0xA8DADC);
  write_file(pack / "topic.json", R"({"title": {"vi": "Trò chơi"}, "cover": "p0.png", "games": [)" + game + "]}");
  return dir / "content";
}

std::string center_of(const nlohmann::json& e) {
  auto r = e["rect"];
  return std::to_string(r[0].get<int>() + r[2].get<int>() / 2) + " " + std::to_string(r[1].get<int>() + r[3].get<int>() / 2);
}

// The celebration after its delay and its pop-in: checked on screen; then back, and the game's journal row.
Row finish(KioskRun& k, LiveKiosk& kiosk) {
  REQUIRE(kiosk.act("advance 2000\n"));
  REQUIRE_FALSE(k.element("game:again").is_null());
  REQUIRE(kiosk.screenshot(k.shot("celebration")));
  Png shot = load_png(k.shot("celebration"));
  CHECK(shot.at(420, 300).near(0xFFFFFF, 4));  // the celebration card
  Rgb dim = shot.at(100, 1060);                 // over the dimmed game
  CHECK(dim.r + dim.g + dim.b < 3 * 170);
  kiosk.send("tap @game:back\n");
  REQUIRE(kiosk.wait_screen("topic"));
  CHECK(kiosk.quit() == 0);
  auto rows = query(k.data / "journal.sqlite", "SELECT * FROM activities");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["kind"] == "game");
  CHECK(rows[0]["status"] == "finished");
  return rows[0];
}

nlohmann::json details(const Row& row) { return nlohmann::json::parse(row.at("details")); }
}  // namespace

TEST_CASE("choose the right picture, by touch") {
  KioskRun k;
  k.content = make_game_pack(k.dir, R"({"id": "g", "template": "choose-picture", "title": {"vi": "Chọn"}, "rounds": [
      {"prompt": {"vi": "Hình màu đỏ?"}, "pictures": ["p1.png", "p0.png", "p2.png"], "answer": 1},
      {"prompt": {"vi": "Hình màu vàng?"}, "pictures": ["p2.png", "p3.png"], "answer": 0}]})");
  LiveKiosk kiosk(k);
  kiosk.send("tap @class:La\ntap @topic:lab\ntap @game:lab/g\n");
  REQUIRE(kiosk.wait_screen("game"));
  for (const char* id : {"piece:0", "piece:1", "piece:2"}) {
    INFO(id);
    REQUIRE_FALSE(k.element(id).is_null());
    CHECK(k.element(id)["rect"][3].get<int>() >= 1080 / 8);  // targets at least 1/8 of the screen high
  }
  REQUIRE(kiosk.act("tap @piece:0\nadvance 100\n"));  // wrong: the round stays
  REQUIRE(kiosk.screenshot(k.shot("wrong")));
  CHECK_FALSE(k.element("piece:2").is_null());
  kiosk.send("advance 700\ntap @piece:1\nadvance 300\ntap @piece:0\n");
  auto row = finish(k, kiosk);
  CHECK(details(row)["right"] == 2);
  CHECK(details(row)["wrong"] == 1);
  CHECK(details(row)["rounds"] == 2);
}

TEST_CASE("memory pairs, by touch: matched cards leave, the last pair ends the game") {
  KioskRun k;
  k.content = make_game_pack(k.dir, R"({"id": "m", "template": "memory-pairs", "title": {"vi": "Lật"}, "prompt": {"vi": "Tìm đôi"},
      "pairs": [["p0.png", "p0.png"], ["p1.png", "p1.png"]]})");
  k.extra_args = {"--game-seed", "2"};  // the same board each run (the one the item count gave before)
  LiveKiosk kiosk(k);
  kiosk.send("tap @class:La\ntap @topic:lab\ntap @game:lab/m\n");
  REQUIRE(kiosk.wait_screen("game"));
  REQUIRE(solve_memory_pairs(k, kiosk));
  auto row = finish(k, kiosk);
  CHECK(details(row)["right"] == 2);
}

TEST_CASE("memory pairs: a card with its own sound says it as it turns") {
  KioskRun k;
  // The red twins say a tone when turned; the green ones have no sound; the game no narration, so
  // the cards are the only thing the narrator can play.
  k.content = make_game_pack(k.dir, R"({"id": "m", "template": "memory-pairs", "title": {"vi": "Lật"}, "prompt": {"vi": "Tìm đôi"},
      "pairs": [[{"picture": "p0.png", "audio": "tone.ogg"}, {"picture": "p0.png", "audio": "tone.ogg"}], ["p1.png", "p1.png"]]})");
  REQUIRE(ffmpeg("-f lavfi -i sine=frequency=440:duration=1 -c:a libvorbis " + (k.content / "lab" / "tone.ogg").string()));
  k.extra_args = {"--game-seed", "2"};
  const auto wav = k.dir / "sound.wav";
  setenv("KIOSK_MPV", ("ao=pcm,ao-pcm-file=" + wav.string() + ",audio-format=s16,audio-channels=mono").c_str(), 1);
  LiveKiosk kiosk(k);
  unsetenv("KIOSK_MPV");
  kiosk.send("tap @class:La\ntap @topic:lab\ntap @game:lab/m\n");
  REQUIRE(kiosk.wait_screen("game"));
  // Turn each card once, one at a time, and see which colour it shows: the red ones start the sound.
  int red = 0, green = 0;
  for (int i = 0; i < 4; ++i) {
    const std::string id = "piece:" + std::to_string(i), shot = k.shot("card" + std::to_string(i));
    const auto r = k.element(id)["rect"];  // a matched card is no target any more: its place, before
    REQUIRE(kiosk.act("tap @" + id + "\n"));
    REQUIRE(kiosk.screenshot(shot));
    const Rgb face = load_png(shot).at(r[0].get<int>() + r[2].get<int>() / 2, r[1].get<int>() + r[3].get<int>() / 2);
    const bool is_red = face.near(0xE63946, 40);
    CHECK((is_red || face.near(0x2A9D8F, 40)));
    if (is_red) ++red;
    else ++green;
    if (red == 0) CHECK_FALSE(std::filesystem::exists(wav));  // only green cards so far: nothing was said
    if (i % 2 == 1) REQUIRE(kiosk.act("advance 1300\n"));  // a turn of two: let a miss turn back
  }
  CHECK(red == 2);
  CHECK(green == 2);
  // A red card turned: its tone reaches the sound output (a file here) at the level it was made.
  REQUIRE(wait_until([&] { return std::filesystem::exists(wav) && peak_of_wav(wav) > 3000; }, 20));
  CHECK(kiosk.quit() == 0);
}

TEST_CASE("sort into groups, by dragging and by the remote") {
  KioskRun k;
  k.content = make_game_pack(k.dir, R"({"id": "s", "template": "sort-groups", "title": {"vi": "Xếp"}, "prompt": {"vi": "Xếp vào giỏ"},
      "groups": [{"label": {"vi": "Đỏ"}, "picture": "p0.png"}, {"label": {"vi": "Xanh"}, "picture": "p1.png"}],
      "items": [{"picture": "p0.png", "group": 0}, {"picture": "p1.png", "group": 1}]})");
  LiveKiosk kiosk(k);
  kiosk.send("tap @class:La\ntap @topic:lab\ntap @game:lab/s\n");
  REQUIRE(kiosk.wait_element("zone:1"));
  // Drag the red picture into the green basket (wrong: it comes back), then into the red one.
  REQUIRE(kiosk.act("drag " + center_of(k.element("piece:0")) + " " + center_of(k.element("zone:1")) + " 300\nadvance 500\n"));
  REQUIRE(kiosk.screenshot(k.shot("after-wrong")));
  REQUIRE_FALSE(k.element("piece:0").is_null());
  REQUIRE(kiosk.act("drag " + center_of(k.element("piece:0")) + " " + center_of(k.element("zone:0")) + " 300\nadvance 500\n"));
  REQUIRE(k.element("piece:0").is_null());
  // The remote: focus the other picture, Enter picks it up, the basket, Enter drops it.
  kiosk.send("key Down\nkey Down\nkey Return\nkey Up\nkey Right\nkey Return\n");
  auto row = finish(k, kiosk);
  CHECK(details(row)["wrong"] == 1);
  CHECK(details(row)["right"] == 2);
}

TEST_CASE("put in order, by tapping a step and then its place") {
  KioskRun k;
  k.content = make_game_pack(k.dir, R"({"id": "o", "template": "put-in-order", "title": {"vi": "Thứ tự"}, "prompt": {"vi": "Xếp theo thứ tự"},
      "steps": ["p0.png", "p1.png", "p2.png"]})");
  LiveKiosk kiosk(k);
  kiosk.send("tap @class:La\ntap @topic:lab\ntap @game:lab/o\n");
  REQUIRE(kiosk.wait_element("zone:2"));
  REQUIRE(kiosk.screenshot(k.shot("order")));
  // Which step is where: read each piece's colour from the screen.
  Png shot = load_png(k.shot("order"));
  const uint32_t colours[] = {0xE63946, 0x2A9D8F, 0xE9C46A};
  std::string script;
  for (int i = 0; i < 3; ++i) {
    auto e = k.element("piece:" + std::to_string(i));
    REQUIRE_FALSE(e.is_null());
    auto r = e["rect"];
    Rgb c = shot.at(r[0].get<int>() + r[2].get<int>() / 2, r[1].get<int>() + r[3].get<int>() / 2);
    int place = -1;
    for (int p = 0; p < 3; ++p)
      if (c.near(colours[p], 30)) place = p;
    REQUIRE(place >= 0);
    script += "tap @piece:" + std::to_string(i) + "\ntap @zone:" + std::to_string(place) + "\nadvance 200\n";
  }
  kiosk.send(script);
  auto row = finish(k, kiosk);
  CHECK(details(row)["right"] == 3);
  CHECK(details(row)["wrong"] == 0);
}

TEST_CASE("spot it, by touch and by the remote's pointer") {
  KioskRun k;
  k.content = make_game_pack(k.dir, R"({"id": "x", "template": "spot-it", "title": {"vi": "Tìm"}, "prompt": {"vi": "Tìm hai chỗ"},
      "scene": "scene.png", "spots": [{"x": 0.25, "y": 0.25, "r": 0.08}, {"x": 0.5, "y": 0.5, "r": 0.08}]})");
  LiveKiosk kiosk(k);
  kiosk.send("tap @class:La\ntap @topic:lab\ntap @game:lab/x\n");
  REQUIRE(kiosk.wait_element("scene"));
  auto r = k.element("scene")["rect"];
  auto at = [&](double fx, double fy) {
    return std::to_string(int(r[0].get<int>() + r[2].get<int>() * fx)) + " " +
           std::to_string(int(r[1].get<int>() + r[3].get<int>() * fy));
  };
  kiosk.send("tap " + at(0.9, 0.9) + "\nadvance 200\ntap " + at(0.26, 0.24) + "\nadvance 300\n");  // a miss, then a find
  REQUIRE(kiosk.screenshot(k.shot("found")));
  Png found = load_png(k.shot("found"));
  // A green ring around the found place, at its radius (0.08 of the scene's width) from its centre.
  int cx = int(r[0].get<int>() + r[2].get<int>() * 0.25), cy = int(r[1].get<int>() + r[3].get<int>() * 0.25);
  CHECK(found.at(cx, cy + int(r[2].get<int>() * 0.08)).near(0x2EB872, 50));
  // The remote's pointer is where the last tap was; four steps right and down reach the second place.
  kiosk.send("key Right\nkey Right\nkey Right\nkey Right\nkey Down\nkey Down\nkey Down\nkey Down\nkey Return\n");
  auto row = finish(k, kiosk);
  CHECK(details(row)["right"] == 2);
  CHECK(details(row)["wrong"] == 1);
}

namespace {
// Names of the kiosk's threads that belong to an open SDL audio device ("SDLAudioP2" plays).
int audio_threads(pid_t pid) {
  int n = 0;
  for (const auto& task : std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task")) {
    std::string name = read_file(task.path() / "comm");
    if (name.rfind("SDLAudio", 0) == 0) ++n;
  }
  return n;
}

// The 16-bit samples of a mono WAV file's data chunk.
std::vector<int16_t> wav_samples(const std::filesystem::path& file) {
  std::string bytes = read_file(file);
  size_t at = 12;  // after "RIFF", the size, "WAVE"
  while (at + 8 <= bytes.size() && bytes.compare(at, 4, "data") != 0) {
    uint32_t size;
    std::memcpy(&size, bytes.data() + at + 4, 4);
    at += 8 + size + (size & 1);
  }
  REQUIRE(at + 8 <= bytes.size());
  std::vector<int16_t> samples((bytes.size() - at - 8) / 2);
  std::memcpy(samples.data(), bytes.data() + at + 8, samples.size() * 2);
  return samples;
}
}  // namespace

// The sound-effect device is opened only while a game is shown (an open one wakes the kiosk about
// 90 times a second): SDL's disk audio driver writes what it plays to a file.
TEST_CASE("the sound device is open only while a game is shown, and plays its effects there") {
  KioskRun k;
  k.content = make_game_pack(k.dir, R"({"id": "g", "template": "choose-picture", "title": {"vi": "Chọn"}, "rounds": [
      {"prompt": {"vi": "Hình màu đỏ?"}, "pictures": ["p1.png", "p0.png"], "answer": 1},
      {"prompt": {"vi": "Hình màu vàng?"}, "pictures": ["p2.png", "p3.png"], "answer": 0}]})");
  const auto played = k.dir / "played.raw";  // 44.1 kHz, 16 bits, stereo, as the kiosk opens the device
  k.audio_driver = "disk";
  setenv("SDL_DISKAUDIOFILE", played.c_str(), 1);
  struct Restore {
    ~Restore() { unsetenv("SDL_DISKAUDIOFILE"); }
  } restore;
  LiveKiosk kiosk(k);
  REQUIRE(kiosk.wait_screen("home"));
  CHECK(audio_threads(kiosk.process().pid()) == 0);
  CHECK_FALSE(std::filesystem::exists(played));
  kiosk.send("tap @class:La\ntap @topic:lab\ntap @game:lab/g\n");
  REQUIRE(kiosk.wait_screen("game"));
  CHECK(audio_threads(kiosk.process().pid()) == 1);
  REQUIRE(kiosk.act("tap @piece:0\n"));  // wrong
  // The "try again" sound, both channels, from its first sample on.
  const auto wrong = wav_samples(SOURCE_DIR "/assets/sounds/wrong.wav");
  std::vector<int16_t> heard;
  REQUIRE(wait_until([&] {
    std::string bytes = read_file(played);
    std::vector<int16_t> all(bytes.size() / 2);
    std::memcpy(all.data(), bytes.data(), all.size() * 2);
    auto first = std::find_if(all.begin(), all.end(), [](int16_t s) { return s != 0; });
    heard.assign(first, all.end());
    return heard.size() >= 2000;
  }, 20));
  const auto sound = std::find_if(wrong.begin(), wrong.end(), [](int16_t s) { return s != 0; });
  for (size_t i = 0; i < 1000; ++i) {
    INFO(i);
    REQUIRE(heard[2 * i] == sound[i]);
    REQUIRE(heard[2 * i + 1] == sound[i]);
  }
  kiosk.send("tap @game:back\n");
  REQUIRE(kiosk.wait_screen("topic"));
  CHECK(wait_until([&] { return audio_threads(kiosk.process().pid()) == 0; }, 20));
  CHECK(kiosk.quit() == 0);
}
