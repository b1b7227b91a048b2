#include <catch2/catch.hpp>
#include <csignal>
#include <random>
#include <sqlite3.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "core/clock.h"
#include "core/journal.h"
#include "temp_dir.h"

namespace {
// A pragma read through a separate connection (the journal's own is closed or in another process).
std::string pragma(const std::filesystem::path& db, const char* sql) {
  sqlite3* h = nullptr;
  sqlite3_open(db.c_str(), &h);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(h, sql, -1, &st, nullptr);
  std::string out = sqlite3_step(st) == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(st, 0)) : "";
  sqlite3_finalize(st);
  sqlite3_close(h);
  return out;
}
}  // namespace

TEST_CASE("a session is written at start, kept current, and completed at the end") {
  TempDir dir;
  Journal j(dir / "data" / "journal.sqlite");
  auto id = j.start_session("Lá", "hand-washing", 1000);
  CHECK(id.size() == 36);

  SessionRow running = j.session(id);
  CHECK(running.status == "running");
  CHECK(running.class_group == "Lá");
  CHECK(running.topic == "hand-washing");
  CHECK(running.device_id == j.device_id());
  CHECK(running.started_at == iso8601_local(1000));
  CHECK(running.ended_at.empty());

  j.heartbeat(id, 1030);
  CHECK(j.session(id).duration_s == 30);

  SessionRow done = j.end_session(id, 1725);
  CHECK(done.status == "completed");
  CHECK(done.duration_s == 725);
  CHECK(done.ended_at == iso8601_local(1725));
  CHECK(done.activities == 0);
  CHECK(j.sessions().size() == 1);
  CHECK(j.session_count() == 1);
}

TEST_CASE("the journal uses WAL with synchronous FULL, and keeps one device id") {
  TempDir dir;
  std::string device;
  {
    Journal j(dir / "journal.sqlite");
    device = j.device_id();
    CHECK(j.pragma("journal_mode") == "wal");
    CHECK(j.pragma("synchronous") == "2");  // FULL, on the connection that writes
  }
  CHECK(pragma(dir / "journal.sqlite", "PRAGMA journal_mode") == "wal");
  Journal again(dir / "journal.sqlite");
  CHECK(again.device_id() == device);
}

TEST_CASE("a session left running is recovered as interrupted at its last heartbeat") {
  TempDir dir;
  std::string id;
  {
    Journal j(dir / "journal.sqlite");
    id = j.start_session("Mầm", "traffic-safety", 5000);
    j.heartbeat(id, 5090);
  }  // closed without end_session: as if the program had died
  Journal j(dir / "journal.sqlite");
  CHECK(j.recovered_on_open() == 1);
  SessionRow row = j.session(id);
  CHECK(row.status == "interrupted");
  CHECK(row.duration_s == 90);
  CHECK(row.ended_at == iso8601_local(5090));
}

TEST_CASE("SIGKILL mid-session: the next start marks the session interrupted") {
  TempDir dir;
  auto db = dir / "journal.sqlite";
  int ready[2];
  REQUIRE(pipe(ready) == 0);
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    try {
      Journal j(db);
      auto id = j.start_session("Chồi", "public-behaviour", 20000);
      j.heartbeat(id, 20042);
      (void)!write(ready[1], "R", 1);
      for (;;) pause();  // a class in progress, until the power goes
    } catch (...) {
      _exit(1);  // never run the rest of the suite in the child
    }
  }
  close(ready[1]);  // so a child that died early ends the read below
  char c;
  REQUIRE(read(ready[0], &c, 1) == 1);
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  REQUIRE(WIFSIGNALED(status));

  Journal j(db);
  CHECK(j.recovered_on_open() == 1);
  auto rows = j.sessions();
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].status == "interrupted");
  CHECK(rows[0].duration_s == 42);
  CHECK(rows[0].class_group == "Chồi");
  CHECK(pragma(db, "PRAGMA integrity_check") == "ok");
}

TEST_CASE("killed at random points, the journal stays whole and keeps every reported commit") {
  std::mt19937 rng(20261125);
  for (int round = 0; round < 8; ++round) {
    TempDir dir;
    auto db = dir / "journal.sqlite";
    int report[2];
    REQUIRE(pipe(report) == 0);
    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      close(report[0]);
      try {
        Journal j(db);
        for (int64_t t = 0;; t += 10) {  // sessions open, beat and close as fast as the disk allows
          auto id = j.start_session("Lá", "traffic-safety", 1000 + t);
          (void)!write(report[1], "s", 1);
          j.heartbeat(id, 1005 + t);
          if (t % 20 == 0) j.end_session(id, 1008 + t);
        }
      } catch (...) {
        _exit(1);
      }
    }
    close(report[1]);
    std::this_thread::sleep_for(std::chrono::milliseconds(20 + rng() % 200));
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
    size_t reported = 0;
    char buf[4096];
    for (ssize_t n; (n = read(report[0], buf, sizeof buf)) > 0;) reported += static_cast<size_t>(n);
    close(report[0]);

    Journal j(db);
    CHECK(pragma(db, "PRAGMA integrity_check") == "ok");
    auto rows = j.sessions();
    CHECK(rows.size() >= reported);  // every session reported as started is there
    CHECK(rows.size() <= reported + 1);
    for (const auto& r : rows) CHECK(r.status != "running");
  }
}

TEST_CASE("a journal that cannot be opened says why") {
  TempDir dir;
  write_file(dir / "not-a-db.sqlite", std::string(4096, 'x'));
  CHECK_THROWS_WITH(Journal(dir / "not-a-db.sqlite"), Catch::Contains("not a database"));
  write_file(dir / "file", "");
  CHECK_THROWS_WITH(Journal(dir / "file" / "journal.sqlite"), Catch::Contains("cannot create"));
}

TEST_CASE("a second kiosk on the same journal is refused and recovers nothing") {
  TempDir dir;
  Journal first(dir / "journal.sqlite");
  auto id = first.start_session("Lá", "x", 100);
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {  // another process, as a second kiosk would be
    try {
      Journal second(dir / "journal.sqlite");
      _exit(1);
    } catch (const JournalError& e) {
      _exit(std::string(e.what()).find("another kiosk") != std::string::npos ? 0 : 2);
    } catch (...) {
      _exit(3);
    }
  }
  int status = 0;
  waitpid(child, &status, 0);
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(first.session(id).status == "running");
}

TEST_CASE("activities are recorded inside their session") {
  TempDir dir;
  Journal j(dir / "journal.sqlite");
  auto session = j.start_session("Lá", "traffic-safety", 100);
  auto lesson = j.start_activity(session, "lesson", "traffic-safety/crossing", 110);
  j.update_activity(lesson, R"({"cues_reached": 1})", 140);
  j.end_activity(lesson, "finished", R"({"cues_reached": 2, "finished": true})", 170);
  auto game = j.start_activity(session, "game", "traffic-safety/lights", 180);
  j.end_activity(game, "left", "{}", 185);

  auto rows = j.activities(session);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].kind == "lesson");
  CHECK(rows[0].ref == "traffic-safety/crossing");
  CHECK(rows[0].status == "finished");
  CHECK(rows[0].duration_s == 60);
  CHECK(rows[0].details == R"({"cues_reached": 2, "finished": true})");
  CHECK(rows[0].ended_at == iso8601_local(170));
  CHECK(rows[1].status == "left");
  CHECK(j.end_session(session, 200).activities == 2);
}

TEST_CASE("an activity cut short by a crash is recovered as interrupted with its last progress") {
  TempDir dir;
  std::string session;
  {
    Journal j(dir / "journal.sqlite");
    session = j.start_session("Lá", "hand-washing", 100);
    auto a = j.start_activity(session, "lesson", "hand-washing/six-steps", 100);
    j.update_activity(a, R"({"position_s": 25})", 125);
  }
  Journal j(dir / "journal.sqlite");
  auto rows = j.activities(session);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].status == "interrupted");
  CHECK(rows[0].duration_s == 25);
  CHECK(rows[0].ended_at == iso8601_local(125));
  CHECK(rows[0].details == R"({"position_s": 25})");
}

TEST_CASE("the clock is doubted when it is before the program's first year or behind a recorded session") {
  TempDir dir;
  Journal j(dir / "journal.sqlite");
  CHECK(j.latest_session_start() == 0);
  const int64_t nov_2026 = 1'795'000'000;
  j.start_session("Lá", "traffic-safety", nov_2026 - 86'400 * 30);
  j.start_session("Mầm", "hand-washing", nov_2026);
  CHECK(j.latest_session_start() == nov_2026);

  CHECK(clock_problem(nov_2026 + 600, j.latest_session_start()).empty());  // the normal case
  CHECK(clock_problem(nov_2026 - 3600, j.latest_session_start()).empty());  // within a day: a time zone change
  CHECK(clock_problem(nov_2026 + 600, 0).empty());                          // nothing recorded yet
  std::string behind = clock_problem(nov_2026 - 86'400 * 3, j.latest_session_start());
  CHECK_THAT(behind, Catch::Contains("earlier than a session already recorded"));
  CHECK_THAT(behind, Catch::Contains("/2026"));
  CHECK_THAT(clock_problem(946'684'800, 0), Catch::Contains("before this program existed"));  // 2000: a dead clock battery
}
