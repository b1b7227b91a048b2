// A teacher's session from the home screen to the summary, by touch and by TV remote.
#include <catch2/catch.hpp>

#include "harness.h"

namespace {
// A point inside an element's rectangle, as fractions of its size.
std::pair<int, int> inside(const nlohmann::json& e, double fx, double fy) {
  auto r = e["rect"];
  return {int(r[0].get<int>() + r[2].get<int>() * fx), int(r[1].get<int>() + r[3].get<int>() * fy)};
}
}  // namespace

TEST_CASE("touch: choose a class and a topic, finish, and the session is in the journal") {
  KioskRun k;
  int rc = k.run(R"(advance 700
screenshot )" + k.shot("home").string() + R"(
tap @class:La
tap @topic:hand-washing
advance 600
screenshot )" + k.shot("topic").string() + R"(
tap @end-session
tap @finish:yes
advance 900
screenshot )" + k.shot("summary").string() + R"(
tap @home
quit
)");
  INFO(k.stderr_text);
  REQUIRE(rc == 0);

  // Home: a full, colourful picture; each topic tile's title band in the topic's colour.
  Png home = load_png(k.shot("home"));
  CHECK(home.width == 1920);
  CHECK(home.height == 1080);
  CHECK(home.colour_count() > 500);

  // Topic screen: the header band in hand washing's colour (#2A9D8F).
  Png topic = load_png(k.shot("topic"));
  CHECK(topic.at(8, 8).near(0x2A9D8F));
  CHECK(topic.at(960, 170).near(0x2A9D8F));

  // Summary: the white panel and the green "back to home" button.
  Png summary = load_png(k.shot("summary"));
  CHECK(summary.at(960, 330).near(0xFFFFFF, 4));
  CHECK(summary.at(1230, 840).near(0x2EB872));

  auto tree = read_json(k.tree);
  CHECK(tree["screen"] == "home");  // back home after the summary

  auto rows = k.sessions();
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["class_group"] == "Lá");
  CHECK(rows[0]["topic"] == "hand-washing");
  CHECK(rows[0]["status"] == "completed");
  CHECK(rows[0]["id"].size() == 36);
  CHECK(rows[0]["device_id"].size() == 36);
  CHECK_FALSE(rows[0]["ended_at"].empty());
  CHECK(std::stoi(rows[0]["duration_s"]) >= 1);
  CHECK(std::stoi(rows[0]["duration_s"]) < 30);
}

TEST_CASE("home tiles show each topic's picture and title band") {
  KioskRun k;
  REQUIRE(k.run("advance 800\nscreenshot " + k.shot("home").string() + "\nquit\n") == 0);
  Png home = load_png(k.shot("home"));
  const std::pair<const char*, uint32_t> topics[] = {
      {"topic:traffic-safety", 0xE76F51}, {"topic:hand-washing", 0x2A9D8F}, {"topic:public-behaviour", 0x8E5BD0}};
  for (auto [id, colour] : topics) {
    INFO(id);
    auto tile = k.element(id);
    REQUIRE_FALSE(tile.is_null());
    CHECK(tile["rect"][2].get<int>() >= 400);  // big targets: a third of the screen wide
    auto [bx, by] = inside(tile, 0.04, 0.97);  // title band, away from the text
    CHECK(home.at(bx, by).near(colour));
    auto [px, py] = inside(tile, 0.5, 0.35);  // the cover picture is drawn, not the band colour
    CHECK_FALSE(home.at(px, py).near(colour, 30));
  }
  for (const char* id : {"class:Nha-tre", "class:Mam", "class:Choi", "class:La"}) CHECK_FALSE(k.element(id).is_null());
}

TEST_CASE("remote: arrows, Enter and Back run a whole session") {
  KioskRun k;
  // Focus starts on the first class; three steps right is Lá, Down reaches the topic below it.
  // On the topic, Back asks "finish?", Back again cancels; Back, Left (to "finish"), Enter ends.
  int rc = k.run(R"(key Right
key Right
key Right
key Return
key Down
advance 100
screenshot )" + k.shot("focus").string() + R"(
key Return
advance 300
key Escape
key Escape
key Escape
key Left
key Return
advance 300
key Return
quit
)");
  INFO(k.stderr_text);
  REQUIRE(rc == 0);
  auto rows = k.sessions();
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["class_group"] == "Lá");
  CHECK(rows[0]["topic"] == "public-behaviour");
  CHECK(rows[0]["status"] == "completed");
  CHECK(read_json(k.tree)["screen"] == "home");

  // The focus ring (blue) is visible around the focused tile.
  Png focus = load_png(k.shot("focus"));
  auto tile = k.element("topic:public-behaviour");
  REQUIRE_FALSE(tile.is_null());
  int x = tile["rect"][0].get<int>() + tile["rect"][2].get<int>() / 2;
  int y = tile["rect"][1].get<int>() - 8;
  CHECK(focus.at(x, y).near(0x3A86FF, 30));
}

TEST_CASE("a topic cannot start before a class is chosen, and the notice says so, then goes by itself") {
  KioskRun k;
  LiveKiosk kiosk(k);
  REQUIRE(kiosk.wait_screen("home"));
  kiosk.send("tap @topic:traffic-safety\nadvance 300\n");
  REQUIRE(kiosk.screenshot(k.shot("hint")));
  CHECK(read_json(k.tree)["screen"] == "home");
  CHECK(k.sessions().empty());
  // The notice card at the bottom: its warm background, its orange edge.
  Png hint = load_png(k.shot("hint"));
  CHECK(hint.at(1500, 930).near(0xFFF1D6, 6));
  CHECK(hint.at(960, 1038).near(0xF77F00, 40));
  // When its 5 s are over, with nothing else happening, the screen itself (read from X, not a
  // screenshot that would make the kiosk draw) no longer shows it: the kiosk wakes up by itself.
  // Real time, not `advance`: a replay command would draw the frame itself.
  CHECK(grab_window(kiosk.process().pid()).at(1500, 930).near(0xFFF1D6, 6));
  CHECK(wait_until([&] {
    Png now = grab_window(kiosk.process().pid());
    return now.width == 1920 && !now.at(1500, 930).near(0xFFF1D6, 6);
  }, 10));
  CHECK(kiosk.quit() == 0);
  CHECK(kiosk.process().stderr_text().find("Cô hãy chọn lớp trước nhé!") != std::string::npos);
}

TEST_CASE("the chosen class is remembered for the next start") {
  KioskRun k;
  REQUIRE(k.run("tap @class:Mam\nquit\n") == 0);
  REQUIRE(k.run("tap @topic:traffic-safety\nquit\n") == 0);
  CHECK(read_json(k.tree)["screen"] == "topic");
  REQUIRE(k.sessions().size() == 1);
  CHECK(k.sessions()[0]["class_group"] == "Mầm");
  CHECK(k.sessions()[0]["status"] == "interrupted");  // quit mid-session without finishing
}

TEST_CASE("English interface and a 1280x720 window") {
  KioskRun k;
  k.size = "1280x720";
  k.extra_args = {"--lang", "en"};
  REQUIRE(k.run("advance 500\nscreenshot " + k.shot("home").string() + "\nquit\n") == 0);
  Png home = load_png(k.shot("home"));
  CHECK(home.width == 1280);
  CHECK(home.height == 720);
  auto tile = k.element("topic:traffic-safety");
  REQUIRE_FALSE(tile.is_null());
  CHECK(tile["label"] == "Traffic safety");
  CHECK(tile["rect"][2].get<int>() == 373);  // 560 design units at 2/3 scale
  CHECK(k.element("class:La")["label"] == "Class Lá");
}

TEST_CASE("Vietnamese is the default interface language") {
  KioskRun k;
  REQUIRE(k.run("quit\n") == 0);
  CHECK(k.element("topic:traffic-safety")["label"] == "An toàn giao thông");
  CHECK(k.element("class:La")["label"] == "Lớp Lá");
}

TEST_CASE("a bad replay line is reported and fails the run") {
  KioskRun k;
  CHECK(k.run("tap @no-such-thing\nquit\n") == 3);
  CHECK(k.stderr_text.find("no element @no-such-thing on screen 'home'") != std::string::npos);
}
