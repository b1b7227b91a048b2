// Admin mode's "Sound and picture": the sound outputs of a machine (a fake /proc/asound given with
// --asound-root), the admin's choice kept and used by mpv and the sound effects, and how this
// machine decodes video and draws.
#include <catch2/catch.hpp>

#include "core/pin_store.h"
#include "core/settings.h"
#include "harness.h"

namespace fs = std::filesystem;

namespace {
// An Intel mini-PC whose three HDMI pins have a Samsung TV on the second (tests/unit/data/asound).
fs::path intel_mini_pc(const fs::path& dir) {
  const fs::path root = dir / "asound";
  fs::copy(fs::path(SOURCE_DIR) / "tests/unit/data/asound/intel-hda", root, fs::copy_options::recursive);
  return root;
}

void set_pin(const fs::path& data) {
  std::string warning;
  fs::create_directories(data);
  PinStore(data, warning, PinStore::HashCost::TestOnly).set_pin("2468");
}

void open_sound_and_picture(LiveKiosk& live) {
  REQUIRE(live.wait_screen("home"));
  live.send("drag 40 40 42 42 3300\n");  // the admin gesture
  REQUIRE(live.wait_screen("pin"));
  live.send("tap @pin:2\ntap @pin:4\ntap @pin:6\ntap @pin:8\ntap @pin:ok\n");
  REQUIRE(live.wait_screen("admin"));
  live.send("tap @admin:tab-sound-video\n");
  REQUIRE(live.wait_element("admin:sound:auto"));
}

std::string label(const KioskRun& k, const std::string& id) {
  auto e = k.element(id);
  return e.is_null() ? "" : e["label"].get<std::string>();
}

[[nodiscard]] bool wait_stderr(LiveKiosk& live, const std::string& text) {
  return wait_until([&] { return live.process().stderr_text().find(text) != std::string::npos; }, 20);
}

// From the traffic-safety topic screen: a game opens, and with it the effects' device, on `device`.
void effects_play_on(LiveKiosk& live, const std::string& device) {
  REQUIRE(live.wait_screen("topic"));
  live.send("tap @game:traffic-safety/who-is-right\n");
  REQUIRE(live.wait_screen("game"));
  CHECK(wait_stderr(live, "kiosk: sound effects on " + device + " "));
}
}  // namespace

TEST_CASE("sound and picture: the outputs are listed, the admin's choice is kept, and videos and effects use it") {
  KioskRun k;
  set_pin(k.data);
  const fs::path asound = intel_mini_pc(k.dir.path);
  k.extra_args = {"--asound-root", asound.string()};
  {
    LiveKiosk live(k);
    // Automatic: the HDMI pin with the TV, for mpv and for SDL's effects alike.
    REQUIRE(live.wait_screen("home"));
    CHECK(wait_stderr(live, "kiosk: sound output: hdmi:CARD=PCH,DEV=1\n"));
    // The effects' device is open only while a game is shown.
    live.send("tap @class:La\ntap @topic:traffic-safety\n");
    effects_play_on(live, "hdmi:CARD=PCH,DEV=1");
    live.send("tap @game:back\n");
    REQUIRE(end_session(live));
    open_sound_and_picture(live);
    CHECK(label(k, "admin:sound:auto") == "Tự động (bây giờ: HDMI – SAMSUNG (đang nối TV))");
    CHECK(label(k, "admin:sound:plughw:CARD=PCH,DEV=0") == "Loa/tai nghe (analog) – HDA Intel PCH");
    CHECK(label(k, "admin:sound:hdmi:CARD=PCH,DEV=0") == "HDMI – HDA Intel PCH, HDMI 0 (không có TV)");
    CHECK(label(k, "admin:sound:hdmi:CARD=PCH,DEV=1") == "HDMI – SAMSUNG (đang nối TV)");
    CHECK(label(k, "admin:sound:hdmi:CARD=PCH,DEV=2") == "HDMI – HDA Intel PCH, HDMI 2 (không có TV)");
    CHECK(label(k, "admin:sound:default") == "Mặc định của hệ thống (ALSA \"default\")");
    CHECK(!k.element("admin:sound-test:hdmi:CARD=PCH,DEV=2").is_null());
    REQUIRE(live.screenshot(k.shot("sound-1920x1080")));

    // The test sound plays on the output of its row.
    live.send("tap @admin:sound-test:hdmi:CARD=PCH,DEV=2\n");
    CHECK(wait_stderr(live, "kiosk: mpv plays sound on alsa/hdmi:CARD=PCH,DEV=2\n"));
    // The analog jack, chosen: kept in the settings.
    live.send("tap @admin:sound:plughw:CARD=PCH,DEV=0\n");
    CHECK(wait_until([&] {
      std::string warning;
      return load_settings(k.data, warning).sound_output == "plughw:CARD=PCH,DEV=0";
    }, 20));
    CHECK(live.quit() == 0);
  }
  {
    // Next start: the choice holds, and a lesson's video plays there.
    KioskRun again;
    again.data = k.data;
    again.extra_args = k.extra_args;
    LiveKiosk live(again);
    REQUIRE(live.wait_screen("home"));
    CHECK(wait_stderr(live, "kiosk: sound output: plughw:CARD=PCH,DEV=0\n"));
    live.send("tap @class:La\ntap @topic:traffic-safety\ntap @lesson:traffic-safety/crossing-the-road\n");
    REQUIRE(live.wait_screen("lesson"));
    CHECK(wait_stderr(live, "kiosk: mpv plays sound on alsa/plughw:CARD=PCH,DEV=0\n"));
    // And a game's effects.
    live.send("key Escape\n");
    effects_play_on(live, "plughw:CARD=PCH,DEV=0");
    CHECK(live.quit() == 0);
  }
}

TEST_CASE("sound and picture: automatic follows the TV to another HDMI port") {
  KioskRun k;
  const fs::path asound = intel_mini_pc(k.dir.path);
  k.extra_args = {"--asound-root", asound.string()};
  LiveKiosk live(k);
  REQUIRE(live.wait_screen("home"));
  CHECK(wait_stderr(live, "kiosk: sound output: hdmi:CARD=PCH,DEV=1\n"));
  // The TV moves from the second HDMI port to the third (its ELD follows it there).
  fs::copy_file(asound / "card0/eld#2.1", asound / "card0/eld#2.2", fs::copy_options::overwrite_existing);
  fs::copy_file(asound / "card0/eld#2.0", asound / "card0/eld#2.1", fs::copy_options::overwrite_existing);
  live.send("tap @class:La\ntap @topic:traffic-safety\ntap @lesson:traffic-safety/crossing-the-road\n");
  REQUIRE(live.wait_screen("lesson"));
  CHECK(wait_stderr(live, "kiosk: sound output: hdmi:CARD=PCH,DEV=2\n"));
  CHECK(wait_stderr(live, "kiosk: mpv plays sound on alsa/hdmi:CARD=PCH,DEV=2\n"));
  CHECK(live.quit() == 0);
}

TEST_CASE("sound and picture: the admin sees how video is decoded here and the OpenGL renderer") {
  for (const char* size : {"1920x1080", "1024x768"}) {
    DYNAMIC_SECTION(size) {
      KioskRun k;
      k.size = size;
      set_pin(k.data);
      k.extra_args = {"--asound-root", intel_mini_pc(k.dir.path).string()};
      LiveKiosk live(k);
      open_sound_and_picture(live);
      // Xvfb has no video decoder: mpv plays the probe clip in software.
      REQUIRE(wait_until([&] { return label(k, "admin:video-decoder").find("Giải mã video: giải mã bằng phần mềm") == 0; }, 30));
      CHECK(wait_stderr(live, "kiosk: video decoding on this machine (hwdec-current): no\n"));
      // The renderer the kiosk logged at start, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)".
      const std::string err = live.process().stderr_text();
      const auto on = err.find(" on ", err.find("kiosk: OpenGL "));
      REQUIRE(on != std::string::npos);
      const std::string renderer = err.substr(on + 4, err.find('\n', on) - on - 4);
      CHECK(!renderer.empty());
      CHECK(label(k, "admin:gl-renderer") == "Đồ họa (bộ dựng hình OpenGL): " + renderer);
      // Every row fits on the screen, its test button too, with no need to scroll.
      const int width = std::stoi(size), height = std::stoi(std::string(size).substr(5));
      const auto tree = read_json(k.tree);  // kept: a loop over a temporary's member reads freed memory
      for (const auto& e : tree["elements"]) {
        CHECK(e["rect"][0].get<int>() + e["rect"][2].get<int>() <= width);
        CHECK(e["rect"][1].get<int>() + e["rect"][3].get<int>() <= height * 0.97);
      }
      REQUIRE(live.screenshot(k.shot(std::string("sound-video-") + size)));
      CHECK(live.quit() == 0);
    }
  }
}
