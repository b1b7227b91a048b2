#include <catch2/catch.hpp>

#include "core/added_cues.h"
#include "core/content_library.h"
#include "temp_dir.h"

namespace {
const std::string kPng = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);

// Content with topic "lab": video "clip" with cues at 2 s and 8 s, video "plain" with none, a story.
void make_content(const TempDir& dir) {
  write_file(dir / "content/lab/cover.png", kPng);
  write_file(dir / "content/lab/clip.mp4", "video bytes");
  write_file(dir / "content/lab/plain.mp4", "video bytes");
  write_file(dir / "content/lab/topic.json", R"({"title": {"vi": "Phòng thử"}, "cover": "cover.png", "lessons": [
    {"id": "clip", "type": "video", "title": {"vi": "Phim"}, "file": "clip.mp4", "cues": [
      {"at": 8, "question": {"vi": "Bạn nhỏ làm gì?", "en": "What does the child do?"}},
      {"at": 2, "question": {"vi": "Con thấy gì?"}}]},
    {"id": "plain", "type": "video", "title": {"vi": "Phim trơn"}, "file": "plain.mp4"},
    {"id": "tale", "type": "story", "title": {"vi": "Truyện"}, "pages": [{"picture": "cover.png", "caption": {"vi": "Một"}}]}]})");
}

VideoLesson read(const Catalog& catalog, size_t lesson) {
  const auto& video = catalog.topics.at(0).lessons.at(lesson).video;
  REQUIRE(video);
  return *video;
}

std::vector<Cue::Origin> origins(const VideoLesson& lesson) {
  std::vector<Cue::Origin> o;
  for (const auto& c : lesson.cues) o.push_back(c.origin);
  return o;
}
constexpr auto kPack = Cue::Origin::Pack, kTeacher = Cue::Origin::Teacher;

std::vector<double> times(const VideoLesson& lesson) {
  std::vector<double> t;
  for (const auto& c : lesson.cues) t.push_back(c.at);
  return t;
}
}  // namespace

TEST_CASE("added cues survive a save and load, Vietnamese and all") {
  TempDir dir;
  AddedCues cues;
  cues["lab/clip"] = {{5.5, {"Vì sao bạn ấy khóc?", "Why is the friend crying?"}}, {1, {"Con sẽ làm gì?", ""}}};
  cues["lab/plain"] = {{0.3, {"Ai đây?", ""}}};
  save_added_cues(dir / "data", cues);
  CHECK_FALSE(std::filesystem::exists(dir / "data" / "added-cues.json.tmp"));
  std::string warning;
  AddedCues back = load_added_cues(dir / "data", warning);
  CHECK(warning.empty());
  REQUIRE(back.size() == 2);
  REQUIRE(back["lab/clip"].size() == 2);
  CHECK(back["lab/clip"][0].at == 5.5);
  CHECK(back["lab/clip"][0].question.vi == "Vì sao bạn ấy khóc?");
  CHECK(back["lab/clip"][0].question.en == "Why is the friend crying?");
  CHECK(back["lab/clip"][1].question.en.empty());
  CHECK(back["lab/plain"][0].question.vi == "Ai đây?");
  CHECK(load_added_cues(dir / "nothing-yet", warning).empty());
  CHECK(warning.empty());
}

TEST_CASE("added cues join their lesson's cues as the teacher's, sorted by time, and can be taken out again") {
  TempDir dir;
  make_content(dir);
  AddedCues cues;
  cues["lab/clip"] = {{5, {"Vì sao?", "Why?"}}, {1, {"Ai đây?", ""}}, {8, {"Rồi sao?", ""}}};
  cues["lab/plain"] = {{3, {"Con thấy gì?", ""}}};
  cues["lab/tale"] = {{1, {"Không phải phim", ""}}};  // a story has no cues: skipped
  cues["gone/lesson"] = {{1, {"Bài đã xoá", ""}}};    // a lesson no longer there: skipped
  save_added_cues(dir / "data", cues);
  ContentLibrary library(dir / "content", dir / "data");
  CHECK(library.reload().empty());
  auto before = library.catalog();
  CHECK(times(read(*before, 0)) == std::vector<double>{1, 2, 5, 8, 8});
  CHECK(origins(read(*before, 0)) == std::vector<Cue::Origin>{kTeacher, kPack, kTeacher, kPack, kTeacher});
  CHECK(read(*before, 0).cues[2].question.en == "Why?");
  REQUIRE(read(*before, 1).cues.size() == 1);  // a plain video gets its first cue
  CHECK(read(*before, 1).cues[0].question.vi == "Con thấy gì?");
  CHECK_FALSE(before->topics[0].lessons[2].video);

  CHECK_FALSE(library.remove_cue("lab/clip", 1));  // the pack's own stays
  CHECK(library.remove_cue("lab/clip", 2));        // "Vì sao?" at 5 s
  CHECK(times(read(*library.catalog(), 0)) == std::vector<double>{1, 2, 8, 8});
  CHECK(times(read(*before, 0)) == std::vector<double>{1, 2, 5, 8, 8});  // a screen's snapshot stays as it was
  CHECK(library.remove_cue("lab/clip", 0));
  CHECK(library.remove_cue("lab/clip", 2));
  CHECK(times(read(*library.catalog(), 0)) == std::vector<double>{2, 8});
  library.add_cue("lab/clip", {2, {"Thêm", ""}});
  CHECK(origins(read(*library.catalog(), 0)) == std::vector<Cue::Origin>{kPack, kTeacher, kPack});

  std::string warning;  // what the library saved is what the next start reads
  AddedCues saved = load_added_cues(dir / "data", warning);
  REQUIRE(saved["lab/clip"].size() == 1);
  CHECK(saved["lab/clip"][0].question.vi == "Thêm");
  CHECK(saved["lab/plain"].size() == 1);
}

TEST_CASE("the questions of a topic come from all its video lessons, each once") {
  TempDir dir;
  make_content(dir);
  ContentLibrary library(dir / "content", dir / "data");
  library.reload();
  library.add_cue("lab/plain", {3, {"Con thấy gì?", ""}});  // the same as one of clip's
  library.add_cue("lab/plain", {4, {"Con sẽ làm gì?", "What would you do?"}});
  auto questions = topic_questions(library.catalog()->topics.at(0));
  REQUIRE(questions.size() == 3);
  CHECK(questions[0].vi == "Con thấy gì?");
  CHECK(questions[1].vi == "Bạn nhỏ làm gì?");
  CHECK(questions[1].en == "What does the child do?");
  CHECK(questions[2].vi == "Con sẽ làm gì?");
}

TEST_CASE("a broken added-cues.json is kept aside and reported, and the pack's cues still play") {
  TempDir dir;
  make_content(dir);
  write_file(dir / "data" / "added-cues.json", R"({"lab/clip": [{"at": 1, "question": )");
  ContentLibrary library(dir / "content", dir / "data");
  auto warnings = library.reload();
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("added-cues.json") != std::string::npos);
  CHECK(std::filesystem::exists(dir / "data" / "added-cues.json.broken"));
  CHECK_FALSE(std::filesystem::exists(dir / "data" / "added-cues.json"));
  CHECK(times(read(*library.catalog(), 0)) == std::vector<double>{2, 8});
}

TEST_CASE("a faulty added cue is left out and reported, the others load") {
  TempDir dir;
  write_file(dir / "added-cues.json", R"({"lab/clip": [{"at": -1, "question": {"vi": "Sai"}}, {"at": 2},
    {"at": 3, "question": {"vi": "Đúng"}}], "lab/plain": "not a list"})");
  std::string warning;
  AddedCues cues = load_added_cues(dir.path, warning);
  REQUIRE(cues["lab/clip"].size() == 1);
  CHECK(cues["lab/clip"][0].question.vi == "Đúng");
  CHECK(warning.find("lab/clip[0].at") != std::string::npos);
  CHECK(warning.find("lab/clip[1].question") != std::string::npos);
  CHECK(warning.find("lab/plain") != std::string::npos);
  CHECK(std::filesystem::exists(dir / "added-cues.json"));  // not broken as a whole: left where it is
}
