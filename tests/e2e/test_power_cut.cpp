// kill -9 in the middle of a class (as a power cut would): the next start records the session as
// interrupted, with its time up to the last heartbeat.
#include <catch2/catch.hpp>

#include "harness.h"

TEST_CASE("SIGKILL mid-session: the restarted kiosk marks the session interrupted") {
  KioskRun k;
  k.extra_args = {"--heartbeat", "1"};
  {
    LiveKiosk kiosk(k);
    kiosk.send("tap @class:Mam\ntap @topic:traffic-safety\n");
    REQUIRE(kiosk.wait_screen("topic"));
    // Three seconds on, a heartbeat has landed; then cut the power.
    REQUIRE(kiosk.act("advance 3000\n"));
    auto rows = k.sessions();
    REQUIRE(rows.size() == 1);
    REQUIRE(std::stoi(rows[0]["duration_s"]) >= 3);
    kiosk.process().kill9();
  }
  auto before = k.sessions();
  REQUIRE(before.size() == 1);
  CHECK(before[0]["status"] == "running");  // nothing could close it
  int beat = std::stoi(before[0]["duration_s"]);

  REQUIRE(k.run("quit\n") == 0);
  CHECK(k.stderr_text.find("1 interrupted session(s) recovered") != std::string::npos);
  auto after = k.sessions();
  REQUIRE(after.size() == 1);
  CHECK(after[0]["status"] == "interrupted");
  CHECK(std::stoi(after[0]["duration_s"]) == beat);
  CHECK_FALSE(after[0]["ended_at"].empty());
  CHECK(after[0]["class_group"] == "Mầm");
  CHECK(query(k.data / "journal.sqlite", "PRAGMA integrity_check")[0].begin()->second == "ok");
}

TEST_CASE("what a power cut left in the data folder is gone after the next start, and named on stderr") {
  KioskRun k;
  const auto staging = k.data / "content" / ".staging-hand-washing-x1Y2z3";
  write_file(k.data / "settings.json.tmp", "{\"device_na");  // a save cut short
  write_file(staging / "topic.json", "{}");                   // an import cut short
  write_file(staging / "pages" / "01.png", std::string(4096, 'x'));
  REQUIRE(k.run("quit\n") == 0);
  CHECK_FALSE(std::filesystem::exists(k.data / "settings.json.tmp"));
  CHECK_FALSE(std::filesystem::exists(staging));
  CHECK(k.stderr_text.find("settings.json.tmp (11 bytes), left by a crash or a power cut") != std::string::npos);
  CHECK(k.stderr_text.find(".staging-hand-washing-x1Y2z3 (4098 bytes), left by a crash or a power cut") != std::string::npos);
}
