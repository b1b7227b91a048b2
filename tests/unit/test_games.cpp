#include <catch2/catch.hpp>
#include <algorithm>
#include <set>

#include "core/catalog.h"
#include "core/games/game_rules.h"
#include "temp_dir.h"

namespace {
const std::string kPng = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
constexpr unsigned kSeed = 7;  // the order of shuffled cards and steps; the tests find each by its picture

// A pack "p" holding pictures a.png ... f.png and one game entry `game` (JSON object text).
struct GamePack {
  TempDir root;
  Catalog catalog;
  std::unique_ptr<GameRules> rules;
  explicit GamePack(const std::string& game) {
    for (char c = 'a'; c <= 'f'; ++c) write_file(root / "p" / (std::string(1, c) + ".png"), kPng);
    write_file(root / "p" / "topic.json",
               R"({"title": {"vi": "T"}, "cover": "a.png", "games": [)" + game + "]}");
    catalog = load_catalog(root.path);
    const Topic& t = catalog.topics.at(0);
    if (!t.games.empty() && t.games[0].game) rules = t.games[0].game->start(kSeed);
  }
  bool has(const std::string& field, const std::string& words) const {
    return std::any_of(catalog.problems.begin(), catalog.problems.end(), [&](const Problem& p) {
      return p.field == field && p.message.find(words) != std::string::npos;
    });
  }
};
}  // namespace

TEST_CASE("choose the right picture: right taps move on, wrong taps are counted and retried") {
  GamePack g(R"({"id": "g", "template": "choose-picture", "title": {"vi": "G"}, "rounds": [
      {"prompt": {"vi": "Bạn nào đi đúng luật?"}, "pictures": ["a.png", "b.png", "c.png"], "answer": 2},
      {"prompt": {"vi": "Đèn nào cho đi?"}, "pictures": ["d.png", "e.png"], "answer": 0}]})");
  REQUIRE(g.catalog.problems.empty());
  REQUIRE(g.rules);
  auto& r = *g.rules;
  CHECK(r.prompt().vi == "Bạn nào đi đúng luật?");
  CHECK(r.pieces().size() == 3);
  CHECK(r.tap(0) == Outcome::Wrong);
  CHECK(r.tap(7) == Outcome::None);  // no such picture
  CHECK(r.tap(2) == Outcome::Right);
  CHECK(r.prompt().vi == "Đèn nào cho đi?");
  CHECK(r.pieces().size() == 2);
  CHECK(r.tap(0) == Outcome::Done);
  CHECK(r.tap(0) == Outcome::None);  // over
  CHECK(r.stats().rounds == 2);
  CHECK(r.stats().right == 2);
  CHECK(r.stats().wrong == 1);
  CHECK(r.stats().finished);
}

TEST_CASE("memory pairs: a match stays open, a miss turns back, all pairs end the game") {
  GamePack g(R"({"id": "m", "template": "memory-pairs", "title": {"vi": "M"}, "prompt": {"vi": "Tìm đôi"},
      "pairs": [["a.png", "b.png"], ["c.png", "c.png"]]})");
  REQUIRE(g.catalog.problems.empty());
  auto& r = *g.rules;
  auto cards = r.pieces();
  REQUIRE(cards.size() == 4);
  for (const auto& c : cards) CHECK_FALSE(c.face_up);
  // Find which cards belong together from the pictures: a/b are one pair, c/c the other.
  auto index_of = [&](const char* name, size_t skip = 99) {
    for (size_t i = 0; i < cards.size(); ++i)
      if (i != skip && cards[i].picture.filename() == name) return i;
    return size_t(99);
  };
  size_t a = index_of("a.png"), b = index_of("b.png"), c1 = index_of("c.png"), c2 = index_of("c.png", c1);
  CHECK(r.tap(a) == Outcome::None);  // the first card of a turn
  CHECK(r.pieces()[a].face_up);
  CHECK(r.tap(a) == Outcome::None);  // the same card again does nothing
  CHECK(r.tap(c1) == Outcome::Wrong);
  r.settle();
  CHECK_FALSE(r.pieces()[a].face_up);
  CHECK_FALSE(r.pieces()[c1].face_up);
  CHECK(r.tap(c1) == Outcome::None);
  CHECK(r.tap(c2) == Outcome::Right);
  CHECK(r.pieces()[c2].done);
  CHECK(r.tap(b) == Outcome::None);
  CHECK(r.tap(a) == Outcome::Done);
  CHECK(r.stats().wrong == 1);
  CHECK(r.stats().finished);
}

TEST_CASE("sort into groups: a picture in the right basket stays, in the wrong one it comes back") {
  GamePack g(R"({"id": "s", "template": "sort-groups", "title": {"vi": "S"}, "prompt": {"vi": "Sạch hay bẩn?"},
      "groups": [{"label": {"vi": "Sạch"}, "picture": "a.png"}, {"label": {"vi": "Bẩn"}, "picture": "b.png"}],
      "items": [{"picture": "c.png", "group": 0}, {"picture": "d.png", "group": 1}]})");
  REQUIRE(g.catalog.problems.empty());
  auto& r = *g.rules;
  CHECK(r.zones().size() == 2);
  CHECK(r.zones()[1].label.vi == "Bẩn");
  CHECK(r.drop(0, 1) == Outcome::Wrong);
  CHECK_FALSE(r.pieces()[0].done);
  CHECK(r.drop(0, 0) == Outcome::Right);
  CHECK(r.pieces()[0].done);
  CHECK(r.drop(0, 0) == Outcome::None);  // already sorted
  CHECK(r.drop(1, 5) == Outcome::None);  // no such basket
  CHECK(r.drop(1, 1) == Outcome::Done);
}

TEST_CASE("put in order: steps come shuffled and each goes only to its own place") {
  GamePack g(R"({"id": "o", "template": "put-in-order", "title": {"vi": "O"}, "prompt": {"vi": "Rửa tay thế nào?"},
      "steps": ["a.png", "b.png", "c.png", "d.png", "e.png", "f.png"]})");
  REQUIRE(g.catalog.problems.empty());
  auto& r = *g.rules;
  auto pieces = r.pieces();
  REQUIRE(pieces.size() == 6);
  REQUIRE(r.zones().size() == 6);
  std::vector<std::string> shown;
  for (const auto& p : pieces) shown.push_back(p.picture.filename().string());
  CHECK_FALSE(std::is_sorted(shown.begin(), shown.end()));  // never already in order
  // Place each step: its place is its letter's position in a..f.
  int wrong = 0;
  for (size_t i = 0; i < pieces.size(); ++i) {
    size_t place = static_cast<size_t>(shown[i][0] - 'a');
    if (r.drop(i, (place + 1) % 6) == Outcome::Wrong) ++wrong;
    Outcome o = r.drop(i, place);
    CHECK((o == Outcome::Right || o == Outcome::Done));
  }
  CHECK(wrong == 6);
  CHECK(r.stats().finished);
  CHECK(r.stats().right == 6);
}

TEST_CASE("memory pairs: a card may carry its own sound, which the screen plays as it turns") {
  TempDir root;
  write_file(root / "p" / "a.png", kPng);
  write_file(root / "p" / "b.png", kPng);
  write_file(root / "p" / "meo.ogg", "OggS sound");
  write_file(root / "p" / "topic.json", R"({"title": {"vi": "T"}, "cover": "a.png", "games": [
      {"id": "m", "template": "memory-pairs", "title": {"vi": "M"}, "prompt": {"vi": "Tìm đôi"},
       "pairs": [[{"picture": "a.png", "audio": "meo.ogg"}, "a.png"], ["b.png", {"picture": "b.png"}]]}]})");
  const Catalog catalog = load_catalog(root.path);
  for (const auto& p : catalog.problems) UNSCOPED_INFO(p.describe());
  REQUIRE(catalog.problems.empty());
  const auto cards = catalog.topics.at(0).games.at(0).game->start(kSeed)->pieces();
  REQUIRE(cards.size() == 4);
  size_t with_sound = 0;
  for (const auto& c : cards) {
    if (!c.audio.empty()) {
      ++with_sound;
      CHECK(c.picture.filename() == "a.png");
      CHECK(c.audio == root.path / "p" / "meo.ogg");
    }
  }
  CHECK(with_sound == 1);  // only the card that names one

  write_file(root / "p" / "topic.json", R"({"title": {"vi": "T"}, "cover": "a.png", "games": [
      {"id": "m", "template": "memory-pairs", "title": {"vi": "M"}, "prompt": {"vi": "Tìm đôi"},
       "pairs": [["a.png", {"picture": "a.png", "audio": "gau.ogg"}], ["b.png", {"picture": "b.png", "sound": "x"}]]}]})");
  const Catalog broken = load_catalog(root.path);
  auto has = [&](const std::string& field, const std::string& words) {
    return std::any_of(broken.problems.begin(), broken.problems.end(),
                       [&](const Problem& p) { return p.field == field && p.message.find(words) != std::string::npos; });
  };
  CHECK(has("games[0].pairs[0][1].audio", "missing"));
  CHECK(has("games[0].pairs[1][1].sound", ""));  // a typo is named, not silently dropped
}

TEST_CASE("spot it: taps inside a place count once, taps elsewhere are gentle misses") {
  GamePack g(R"({"id": "x", "template": "spot-it", "title": {"vi": "X"}, "prompt": {"vi": "Bạn nào không nắm tay?"},
      "scene": "a.png", "spots": [{"x": 0.2, "y": 0.5, "r": 0.1}, {"x": 0.8, "y": 0.5, "r": 0.05}]})");
  REQUIRE(g.catalog.problems.empty());
  auto& r = *g.rules;
  CHECK(r.pieces().size() == 3);
  CHECK(r.tap_at(0.5, 0.5) == Outcome::Wrong);
  CHECK(r.tap_at(0.25, 0.55) == Outcome::Right);  // inside the first circle
  CHECK(r.tap_at(0.2, 0.5) == Outcome::None);     // found already
  CHECK(r.tap_at(0.86, 0.5) == Outcome::Wrong);   // just outside the small one
  CHECK(r.tap_at(0.82, 0.5) == Outcome::Done);
  CHECK(r.pieces()[2].done);
}

TEST_CASE("check-content names what is wrong in a game") {
  GamePack missing(R"({"id": "g", "template": "choose-picture", "title": {"vi": "G"},
      "rounds": [{"prompt": {"vi": "?"}, "pictures": ["a.png", "nope.png"], "answer": 2}]})");
  CHECK(missing.has("games[0].rounds[0].pictures[1]", "missing"));
  CHECK(missing.has("games[0].rounds[0].answer", "from 0 to 1"));

  GamePack mateless(R"({"id": "m", "template": "memory-pairs", "title": {"vi": "M"}, "prompt": {"vi": "?"},
      "pairs": [["a.png", "b.png"], ["c.png"]]})");
  CHECK(mateless.has("games[0].pairs[1]", "exactly two pictures"));

  GamePack groups(R"({"id": "s", "template": "sort-groups", "title": {"vi": "S"}, "prompt": {"vi": "?"},
      "groups": [{"label": {"vi": "A"}, "picture": "a.png"}], "items": [{"picture": "b.png", "group": 3}]})");
  CHECK(groups.has("games[0].groups", "2 or 3 groups"));
  CHECK(groups.has("games[0].items[0].group", "number of its group"));

  GamePack spots(R"({"id": "x", "template": "spot-it", "title": {"vi": "X"}, "prompt": {"vi": "?"},
      "scene": "a.png", "spots": [{"x": 1.5, "y": 0.5, "r": 0.1}]})");
  CHECK(spots.has("games[0].spots[0]", "fractions"));

  GamePack unknown(R"({"id": "u", "template": "crossword", "title": {"vi": "U"}})");
  CHECK(unknown.has("games[0].template", "not a game template (choose-picture, memory-pairs"));
  for (const auto* g : {&missing, &mateless, &groups, &spots, &unknown}) CHECK_FALSE(g->rules);
}

TEST_CASE("each game start shuffles anew, and one seed always gives one board") {
  GamePack memory(R"({"id": "m", "template": "memory-pairs", "title": {"vi": "M"}, "prompt": {"vi": "Tìm đôi"},
      "pairs": [["a.png", "b.png"], ["c.png", "d.png"], ["e.png", "f.png"]]})");
  GamePack order(R"({"id": "o", "template": "put-in-order", "title": {"vi": "O"}, "prompt": {"vi": "Xếp"},
      "steps": ["a.png", "b.png", "c.png", "d.png", "e.png", "f.png"]})");
  for (const auto* g : {&memory, &order}) {
    const GameSpec& spec = *g->catalog.topics.at(0).games.at(0).game;
    auto board = [&](unsigned seed) {
      std::string names;
      for (const auto& p : spec.start(seed)->pieces()) names += p.picture.filename().string() + " ";
      return names;
    };
    CHECK(board(kSeed) == board(kSeed));
    std::set<std::string> boards;
    for (unsigned seed = 0; seed < 20; ++seed) boards.insert(board(seed));
    CHECK(boards.size() > 5);  // 720 orders of six pictures: twenty starts do not give one or two
  }
}
