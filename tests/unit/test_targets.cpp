#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/targets.h"

namespace {
// A row of four chips above a row of three tiles, like the home screen.
Targets home_like() {
  Targets t;
  for (int i = 0; i < 4; ++i) t.add("chip" + std::to_string(i), "", {220.0f + i * 328, 190, 300, 120});
  for (int i = 0; i < 3; ++i) t.add("tile" + std::to_string(i), "", {72.0f + i * 608, 360, 560, 540});
  return t;
}
}  // namespace

TEST_CASE("arrow keys move focus to the nearest element that way") {
  Targets t = home_like();
  CHECK(t.neighbour("chip0", 1, 0) == "chip1");
  CHECK(t.neighbour("chip1", -1, 0) == "chip0");
  CHECK(t.neighbour("chip0", -1, 0) == "chip0");  // nothing further left: stay
  CHECK(t.neighbour("chip0", 0, -1) == "chip0");
  CHECK(t.neighbour("chip0", 0, 1) == "tile0");
  CHECK(t.neighbour("chip3", 0, 1) == "tile2");
  CHECK(t.neighbour("tile1", 0, -1) == "chip2");
  CHECK(t.neighbour("tile0", 1, 0) == "tile1");
  CHECK(t.neighbour("tile2", 1, 0) == "tile2");
  CHECK(t.neighbour("gone", 1, 0) == "chip0");  // lost focus comes back to the first element
}

TEST_CASE("hit tests find the element under a point, topmost first") {
  Targets t = home_like();
  t.add("dialog", "", {0, 0, 100, 100});
  CHECK(t.at(300, 250)->id == "chip0");
  CHECK(t.at(50, 50)->id == "dialog");
  CHECK(t.at(1900, 1070) == nullptr);
}

TEST_CASE("the ui tree lists screen, focus, the replay's progress and elements") {
  Targets t;
  t.add("class:La", "Lớp Lá", {10.4f, 20, 300, 120.6f});
  auto j = nlohmann::json::parse(t.to_json("home", "class:La", 7, 42, {{"textures", 3}}));
  CHECK(j["screen"] == "home");
  CHECK(j["focus"] == "class:La");
  CHECK(j["commands"] == 7);
  CHECK(j["frame"] == 42);
  CHECK(j["counts"] == nlohmann::json({{"textures", 3}}));
  REQUIRE(j["elements"].size() == 1);
  CHECK(j["elements"][0]["label"] == "Lớp Lá");
  CHECK(j["elements"][0]["rect"] == nlohmann::json({10, 20, 300, 121}));
}

TEST_CASE("an element off to the side is still reachable when nothing lies straight that way") {
  Targets t;
  t.add("finish", "", {1500, 35, 360, 110});
  t.add("card0", "", {60, 290, 400, 300});
  t.add("card1", "", {496, 290, 400, 300});
  CHECK(t.neighbour("card0", 0, -1) == "finish");
  CHECK(t.neighbour("finish", 0, 1) == "card1");
}

#include "core/grid.h"

TEST_CASE("grid cells are as large as the area allows, centred, and never overlap") {
  auto four = grid_cells(4, {0, 0, 1800, 800}, 40, 440);
  REQUIRE(four.size() == 4);
  CHECK(four[0].w == 420);        // one row, as wide as the area allows
  CHECK(four[0].y == four[3].y);
  auto three = grid_cells(3, {0, 0, 1800, 800}, 40, 440);
  CHECK(three[0].w == 440);       // capped
  CHECK(three[0].x == Approx(1800 - (three[2].x + three[2].w)));  // centred
  auto twelve = grid_cells(12, {0, 0, 1800, 800}, 20, 1000);
  REQUIRE(twelve.size() == 12);
  for (size_t i = 0; i < 12; ++i)
    for (size_t j = i + 1; j < 12; ++j) {
      bool apart = twelve[i].x + twelve[i].w <= twelve[j].x || twelve[j].x + twelve[j].w <= twelve[i].x ||
                   twelve[i].y + twelve[i].h <= twelve[j].y || twelve[j].y + twelve[j].h <= twelve[i].y;
      CHECK(apart);
    }
  CHECK(twelve[0].w > 180);
  CHECK(twelve.back().y + twelve.back().h <= 800.01f);
}
