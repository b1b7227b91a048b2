#include <catch2/catch.hpp>

#include "core/replay_script.h"

using K = ReplayCommand::Kind;

TEST_CASE("replay lines parse into commands") {
  std::string err;
  auto wait = parse_replay_line("wait 250", err);
  REQUIRE(wait);
  CHECK(wait->kind == K::Wait);
  CHECK(wait->ms == 250);

  auto advance = parse_replay_line("advance 31000", err);
  REQUIRE(advance);
  CHECK(advance->kind == K::Advance);
  CHECK(advance->ms == 31000);

  auto tap = parse_replay_line("tap 100 200.5", err);
  REQUIRE(tap);
  CHECK(tap->kind == K::Tap);
  CHECK(tap->x == 100);
  CHECK(tap->y == 200.5f);

  auto tap_id = parse_replay_line("tap @topic:hand-washing", err);
  REQUIRE(tap_id);
  CHECK(tap_id->kind == K::TapId);
  CHECK(tap_id->text == "topic:hand-washing");

  auto drag = parse_replay_line("drag 1 2 3 4 500", err);
  REQUIRE(drag);
  CHECK(drag->kind == K::Drag);
  CHECK((drag->x2 == 3 && drag->y2 == 4 && drag->ms == 500));

  auto key = parse_replay_line("key AC Back\r", err);
  REQUIRE(key);
  CHECK(key->kind == K::Key);
  CHECK(key->text == "AC Back");

  auto shot = parse_replay_line("screenshot /tmp/a b.png", err);
  REQUIRE(shot);
  CHECK(shot->text == "/tmp/a b.png");

  auto quit = parse_replay_line("quit", err);
  REQUIRE(quit);
  CHECK(quit->kind == K::Quit);
  CHECK(err.empty());
}

TEST_CASE("blank lines and comments are skipped silently") {
  std::string err = "stale";
  CHECK_FALSE(parse_replay_line("", err));
  CHECK(err.empty());
  CHECK_FALSE(parse_replay_line("   # a comment", err));
  CHECK(err.empty());
}

TEST_CASE("bad replay lines say why") {
  std::string err;
  for (const char* bad : {"jump 1 2", "tap 10", "tap ten 20", "wait -5", "wait 10 extra", "advance", "advance -1", "drag 1 2 3", "key", "tap @",
                          "screenshot", "quit now"}) {
    INFO(bad);
    CHECK_FALSE(parse_replay_line(bad, err));
    CHECK_FALSE(err.empty());
  }
}
