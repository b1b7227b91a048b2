#include <catch2/catch.hpp>
#include <algorithm>

#include "core/catalog.h"
#include "temp_dir.h"

namespace {
const std::string kPng = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);

// A pack with a good manifest; `manifest` replaces it when given.
void make_pack(const TempDir& root, const std::string& id, const std::string& manifest = "") {
  write_file(root / id / "cover.png", kPng);
  write_file(root / id / "a.mp4", "video bytes");
  write_file(root / id / "topic.json", manifest.empty() ? R"({"title": {"vi": "Chủ đề", "en": "Topic"},
    "cover": "cover.png", "color": "#112233",
    "lessons": [{"id": "a", "type": "video", "title": {"vi": "Bài A"}, "file": "a.mp4"}],
    "games": [{"id": "g", "template": "choose-picture", "title": {"vi": "Trò G", "en": "Game G"},
               "rounds": [{"prompt": {"vi": "Hình nào?"}, "pictures": ["cover.png", "cover.png"], "answer": 1}]}]})"
                                                        : manifest);
}

bool has_problem(const Catalog& c, const std::string& field, const std::string& words) {
  return std::any_of(c.problems.begin(), c.problems.end(), [&](const Problem& p) {
    return p.field == field && p.message.find(words) != std::string::npos;
  });
}
}  // namespace

TEST_CASE("a good pack loads with its titles, cover, colour, lessons and games") {
  TempDir root;
  make_pack(root, "traffic");
  Catalog c = load_catalog(root.path);
  REQUIRE(c.problems.empty());
  REQUIRE(c.topics.size() == 1);
  const Topic& t = c.topics[0];
  CHECK(t.id == "traffic");
  CHECK(t.title.in("vi") == "Chủ đề");
  CHECK(t.title.in("en") == "Topic");
  CHECK(t.cover == root.path / "traffic" / "cover.png");
  CHECK(t.color == 0x112233);
  CHECK_FALSE(t.broken);
  REQUIRE(t.lessons.size() == 1);
  CHECK(t.lessons[0].kind == "video");
  CHECK(t.lessons[0].title.in("en") == "Bài A");  // no English: Vietnamese stands in
  REQUIRE(t.games.size() == 1);
  CHECK(t.games[0].kind == "choose-picture");
  CHECK(c.find("traffic") == &t);
}

TEST_CASE("the bundled sample content has no problems") {
  Catalog c = load_catalog(SAMPLE_CONTENT_DIR);
  for (const auto& p : c.problems) UNSCOPED_INFO(p.describe());
  CHECK(c.problems.empty());
  std::vector<std::string> ids;
  for (const auto& t : c.topics) ids.push_back(t.id);
  CHECK(ids == std::vector<std::string>{"traffic-safety", "hand-washing", "public-behaviour"});
  for (const auto& t : c.topics) {
    CHECK_FALSE(t.title.vi.empty());
    CHECK_FALSE(t.title.en.empty());
    CHECK(std::filesystem::exists(t.cover));
  }
}

TEST_CASE("folders starting with _ or . are not packs, and topics sort by order then id") {
  TempDir root;
  make_pack(root, "b-topic", R"({"order": 1, "title": {"vi": "B"}, "cover": "cover.png"})");
  make_pack(root, "a-topic", R"({"order": 2, "title": {"vi": "A"}, "cover": "cover.png"})");
  make_pack(root, "c-topic", R"({"order": 1, "title": {"vi": "C"}, "cover": "cover.png"})");
  write_file(root / "_build" / "notes.txt", "sources");
  write_file(root / ".hidden" / "x", "");
  Catalog c = load_catalog(root.path);
  CHECK(c.problems.empty());
  REQUIRE(c.topics.size() == 3);
  CHECK(c.topics[0].id == "b-topic");
  CHECK(c.topics[1].id == "c-topic");
  CHECK(c.topics[2].id == "a-topic");
}

TEST_CASE("broken manifests are reported with file and field, and the rest still loads") {
  TempDir root;
  make_pack(root, "good");
  make_pack(root, "bad-json", "{\"title\": {\"vi\": \"x\"},\n  \"cover\": }");
  write_file(root / "no-manifest" / "cover.png", kPng);
  make_pack(root, "no-title", R"({"cover": "cover.png"})");
  Catalog c = load_catalog(root.path);
  REQUIRE(c.topics.size() == 4);
  CHECK_FALSE(c.find("good")->broken);
  CHECK(c.find("bad-json")->broken);
  CHECK(c.find("no-manifest")->broken);
  CHECK(c.find("no-title")->broken);
  CHECK(c.find("no-title")->title.vi == "no-title");  // the card shows the folder name

  auto bad = c.find("bad-json")->problems.at(0);
  CHECK(bad.file == root.path / "bad-json" / "topic.json");
  CHECK(bad.message.find("line 2") != std::string::npos);
  CHECK(has_problem(c, "title", "missing"));
  CHECK(c.find("no-manifest")->problems.at(0).describe() ==
        (root.path / "no-manifest" / "topic.json").string() + ": missing: every topic folder needs a topic.json");
}

TEST_CASE("field problems name the field") {
  TempDir root;
  make_pack(root, "t", R"({"title": {"vi": ""}, "cover": "nope.png", "color": "red", "order": "first",
    "lessons": [{"id": "Bad Id", "type": "video", "title": {"vi": "x"}, "file": "a.mp4"},
                {"id": "ok", "title": {"en": "only english"}},
                {"id": "ok", "type": "story", "title": {"vi": "twice"}, "pages": [{"picture": "cover.png", "caption": {"vi": "c"}}]},
                7],
    "games": {"id": "g"}})");
  Catalog c = load_catalog(root.path);
  CHECK(has_problem(c, "title.vi", "non-empty"));
  CHECK(has_problem(c, "cover", "missing"));
  CHECK(has_problem(c, "color", "colour"));
  CHECK(has_problem(c, "order", "whole number"));
  CHECK(has_problem(c, "lessons[0].id", "a-z"));
  CHECK(has_problem(c, "lessons[1].type", "missing"));
  CHECK(has_problem(c, "lessons[1].title.vi", "missing"));
  CHECK(has_problem(c, "lessons[2].id", "used twice"));
  CHECK(has_problem(c, "lessons[3]", "object"));
  CHECK(has_problem(c, "games", "list"));
  const Topic& t = c.topics.at(0);
  REQUIRE(t.lessons.size() == 3);
  CHECK(t.lessons[0].problems.size() == 1);  // entries keep their own problems for their error cards
  CHECK(t.lessons[1].problems.size() == 2);
}

TEST_CASE("a cover that is not a picture is refused") {
  TempDir root;
  make_pack(root, "t", R"({"title": {"vi": "T"}, "cover": "cover.txt"})");
  write_file(root / "t" / "cover.txt", "hello, not a picture");
  Catalog c = load_catalog(root.path);
  CHECK(has_problem(c, "cover", "not a PNG, JPEG, WebP, GIF or HEIC"));
  CHECK(c.topics.at(0).cover.empty());
}

TEST_CASE("paths that leave the pack are refused") {
  TempDir root;
  write_file(root / "secret.png", kPng);
  make_pack(root, "dots", R"({"title": {"vi": "T"}, "cover": "../secret.png"})");
  make_pack(root, "absolute", R"({"title": {"vi": "T"}, "cover": "/etc/hostname"})");
  make_pack(root, "link", R"({"title": {"vi": "T"}, "cover": "escape.png"})");
  std::filesystem::create_symlink(root / "secret.png", root / "link" / "escape.png");
  Catalog c = load_catalog(root.path);
  CHECK(has_problem(c, "cover", "must not leave the pack"));
  CHECK(has_problem(c, "cover", "absolute path"));
  CHECK(has_problem(c, "cover", "outside the pack"));
  for (const auto& t : c.topics) CHECK(t.cover.empty());
}

TEST_CASE("a manifest finds files whose names differ from it only in Unicode normalisation") {
  TempDir root;
  // "Đèn đỏ/Xe máy.png" stored decomposed, as a Mac writes it (e + U+0300, o + U+0309, a + U+0301),
  // named precomposed in the manifest; and "bài.mp4" stored precomposed, named decomposed.
  const std::string folder_nfd = "\u0110e\u0300n \u0111o\u0309", picture_nfd = "Xe ma\u0301y.png";
  const std::string video_nfc = "b\u00e0i.mp4", video_nfd = "ba\u0300i.mp4";
  make_pack(root, "t", R"({"title": {"vi": "T"}, "cover": "\u0110\u00e8n \u0111\u1ecf/Xe m\u00e1y.png",
    "lessons": [{"id": "a", "type": "video", "title": {"vi": "A"}, "file": ")" + video_nfd + R"("}]})");
  write_file(root / "t" / folder_nfd / picture_nfd, kPng);
  write_file(root / "t" / video_nfc, "video bytes");
  REQUIRE(std::filesystem::exists(root / "t" / folder_nfd / picture_nfd));  // the names on disk are as written
  REQUIRE_FALSE(std::filesystem::exists(root / "t" / "\u0110\u00e8n \u0111\u1ecf"));

  Catalog c = load_catalog(root.path);
  for (const auto& p : c.problems) UNSCOPED_INFO(p.describe());
  REQUIRE(c.problems.empty());
  const Topic* t = c.find("t");
  REQUIRE(t);
  CHECK(t->cover == root.path / "t" / folder_nfd / picture_nfd);  // the file as it is on disk
  REQUIRE(t->lessons.size() == 1);
  CHECK(t->lessons[0].video->file == root.path / "t" / video_nfc);
}

TEST_CASE("a name that matches no file, in any normalisation, is still missing") {
  TempDir root;
  make_pack(root, "t", R"({"title": {"vi": "T"}, "cover": "m\u00e8o.png"})");
  write_file(root / "t" / "meo.png", kPng);  // no accent at all: another name
  Catalog c = load_catalog(root.path);
  CHECK(has_problem(c, "cover", "is missing"));
}

TEST_CASE("a missing or empty content folder is a problem, not a crash") {
  TempDir root;
  CHECK(load_catalog(root / "nowhere").problems.at(0).message == "content folder not found");
  CHECK(load_catalog(root.path).problems.at(0).message == "holds no topic packs");
}

TEST_CASE("unknown fields and a newer format are reported") {
  TempDir root;
  make_pack(root, "t", R"({"format": 2, "title": {"vi": "T"}, "cover": "cover.png",
    "lesson": [], "lessons": [{"id": "a", "type": "video", "title": {"vi": "A"}, "file": "a.mp4",
                               "cues": [{"at": 1, "question": {"vi": "?"}, "narattion": "x.ogg"}]}]})");
  Catalog c = load_catalog(root.path);
  CHECK(has_problem(c, "format", "format 1"));
  CHECK(has_problem(c, "lesson", "unknown field"));
  CHECK(has_problem(c, "lessons[0].cues[0].narattion", "unknown field"));
}

TEST_CASE("lessons are checked by their type") {
  TempDir root;
  write_file(root / "t" / "page.png", kPng);
  make_pack(root, "t", R"({"title": {"vi": "T"}, "cover": "cover.png", "lessons": [
    {"id": "v", "type": "video", "title": {"vi": "V"}, "file": "missing.mp4",
     "cues": [{"at": -1, "question": {"vi": "?"}}, {"at": 3}, {"at": 5, "question": {"vi": "Q"}, "picture": "a.mp4"}]},
    {"id": "s", "type": "story", "title": {"vi": "S"}, "pages": [{"picture": "page.png"}, {"caption": {"vi": "c"}}]},
    {"id": "e", "type": "story", "title": {"vi": "E"}, "pages": []},
    {"id": "x", "type": "slideshow", "title": {"vi": "X"}}]})");
  Catalog c = load_catalog(root.path);
  CHECK(has_problem(c, "lessons[0].file", "is missing"));
  CHECK(has_problem(c, "lessons[0].cues[0].at", "0 or more"));
  CHECK(has_problem(c, "lessons[0].cues[1].question", "missing"));
  CHECK(has_problem(c, "lessons[0].cues[2].picture", "not a PNG"));
  CHECK(has_problem(c, "lessons[1].pages[0].caption", "missing"));
  CHECK(has_problem(c, "lessons[1].pages[1].picture", "missing"));
  CHECK(has_problem(c, "lessons[2].pages", "at least one page"));
  CHECK(has_problem(c, "lessons[3].type", "not a lesson type"));
  for (const auto& lesson : c.topics.at(0).lessons) CHECK_FALSE(lesson.problems.empty());
}
