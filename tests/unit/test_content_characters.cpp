#include <catch2/catch.hpp>

#include "core/catalog.h"
#include "core/content_library.h"
#include "core/content_characters.h"
#include "temp_dir.h"

namespace {
const std::string kPng = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
}

TEST_CASE("characters of texts: distinct and sorted, without control characters or broken bytes") {
  CHECK(characters_of({"ba", "ab\n", "\t\x7F"}) == std::vector<char32_t>{U'a', U'b'});
  const auto lao = characters_of({"Bé ★ ສະບາຍດີ 😀"});
  CHECK(std::is_sorted(lao.begin(), lao.end()));
  CHECK(std::adjacent_find(lao.begin(), lao.end()) == lao.end());
  CHECK(lao.front() == U' ');
  CHECK(lao.back() == 0x1F600);
  CHECK(std::count(lao.begin(), lao.end(), U'★') == 1);
  CHECK(lao.size() == 12);  // space, B, é, ★, the 7 Lao letters and vowel signs, 😀
  CHECK(characters_of({std::string("a\xC3", 2), "\xFF" "b", "\xE2\x98"}) == std::vector<char32_t>{U'a', U'b'});
  CHECK(characters_of({}).empty());
}

TEST_CASE("content characters: every text of every pack, the games' prompts and labels and the teachers' questions") {
  TempDir root;
  write_file(root / "t" / "cover.png", kPng);
  write_file(root / "t" / "a.mp4", "video bytes");
  write_file(root / "t" / "topic.json", R"({"title": {"vi": "Ngôi sao ★", "en": "Stars"}, "cover": "cover.png",
    "lessons": [{"id": "a", "type": "video", "title": {"vi": "Bài Ω"}, "file": "a.mp4",
                 "cues": [{"at": 1, "question": {"vi": "Con gì → đây?"}}]}],
    "games": [{"id": "g", "template": "sort-groups", "title": {"vi": "Trò"}, "prompt": {"vi": "Xếp ♥"},
               "groups": [{"label": {"vi": "ສັດ"}, "picture": "cover.png"}, {"label": {"vi": "Хлеб"}, "picture": "cover.png"}],
               "items": [{"picture": "cover.png", "group": 0}, {"picture": "cover.png", "group": 1}]}]})");
  const Catalog catalog = load_catalog(root.path);
  for (const auto& p : catalog.problems) UNSCOPED_INFO(p.describe());
  REQUIRE(catalog.problems.empty());
  const auto all = content_characters(catalog);
  auto has = [&](char32_t c) { return std::binary_search(all.begin(), all.end(), c); };
  CHECK(has(U'★'));   // a topic title
  CHECK(has(U'S'));   // its English title
  CHECK(has(U'Ω'));   // a lesson title
  CHECK(has(U'→'));   // a cue's question
  CHECK(has(U'♥'));   // a game's prompt, inside the game's own spec
  CHECK(has(0x0EAA)); // a group's label in Lao (ສ)
  CHECK(has(U'Х'));   // and in Cyrillic
  CHECK_FALSE(has(U'.'));  // file names are not shown: "cover.png" adds nothing

  // A teacher's own question, typed on the kiosk, is content too.
  ContentLibrary library(root.path, root / "data");
  library.reload();
  CHECK_FALSE(std::binary_search(all.begin(), all.end(), U'☂'));
  library.add_cue("t/a", {2, {"Cái ☂ đâu?", ""}});
  const auto with_question = content_characters(*library.catalog());
  CHECK(std::binary_search(with_question.begin(), with_question.end(), U'☂'));
}
