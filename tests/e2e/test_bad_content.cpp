// A broken pack or a missing picture shows a clear card; everything else keeps working.
#include <catch2/catch.hpp>

#include "harness.h"

namespace {
void break_content(const std::filesystem::path& content) {
  std::filesystem::copy(SAMPLE_CONTENT_DIR, content, std::filesystem::copy_options::recursive);
  write_file(content / "hand-washing" / "topic.json", "{\"title\": {\"vi\": \"Rửa tay\"},\n \"cover\": ");
  std::filesystem::remove(content / "public-behaviour" / "cover.png");
  std::filesystem::create_directories(content / "stray-folder");
}
}  // namespace

TEST_CASE("broken packs and missing covers show cards, and the good topics still run") {
  KioskRun k;
  k.content = k.dir / "content";
  break_content(k.content);
  REQUIRE(k.run("advance 800\nscreenshot " + k.shot("home").string() + "\nquit\n") == 0);
  INFO(k.stderr_text);
  Png home = load_png(k.shot("home"));
  CHECK(home.colour_count() > 300);
  CHECK(k.element("topic:hand-washing").is_null());  // the broken pack cannot be tapped
  auto ts = k.element("topic:traffic-safety"), pb = k.element("topic:public-behaviour");
  REQUIRE_FALSE(pb.is_null());  // the topic with the missing cover can still be started
  REQUIRE_FALSE(ts.is_null());
  // Working topics come first, then the error cards: hand washing is the third tile, a grey card.
  int pitch = pb["rect"][0].get<int>() - ts["rect"][0].get<int>();
  CHECK(pitch > 0);
  CHECK(home.at(pb["rect"][0].get<int>() + pitch + 30, pb["rect"][1].get<int>() + 30).near(0xEDEDED, 6));

  REQUIRE(k.run("tap @class:Choi\ntap @topic:public-behaviour\nadvance 400\ntap @end-session\ntap @finish:yes\nquit\n") == 0);

  // stderr names each file and field.
  CHECK(k.stderr_text.find("hand-washing/topic.json: not valid JSON") != std::string::npos);
  CHECK(k.stderr_text.find("public-behaviour/topic.json: cover: 'cover.png' is missing") != std::string::npos);
  CHECK(k.stderr_text.find("stray-folder/topic.json: missing") != std::string::npos);

  // The session on the topic with the missing cover still ran and was recorded.
  auto rows = k.sessions();
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["topic"] == "public-behaviour");
  CHECK(rows[0]["status"] == "completed");
}

TEST_CASE("check-content lists every problem with file and field and exits 1") {
  TempDir dir;
  break_content(dir / "content");
  auto out = dir / "out.txt";
  std::string cmd = std::string(KIOSK_EXE) + " check-content " + (dir / "content").string() + " > " + out.string() + " 2>&1";
  int status = std::system(cmd.c_str());
  CHECK(WEXITSTATUS(status) == 1);
  std::string text = read_file(out);
  CHECK(text.find("hand-washing/topic.json: not valid JSON") != std::string::npos);
  CHECK(text.find("public-behaviour/topic.json: cover: 'cover.png' is missing") != std::string::npos);
  CHECK(text.find("4 topic(s)") != std::string::npos);
}

TEST_CASE("check-content passes the bundled samples") {
  std::string cmd = std::string(KIOSK_EXE) + " check-content " + SAMPLE_CONTENT_DIR + " > /dev/null";
  CHECK(std::system(cmd.c_str()) == 0);
}
