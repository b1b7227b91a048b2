#include <catch2/catch.hpp>
#include <sqlite3.h>

#include "core/clock.h"

#include "core/session_keeper.h"
#include "temp_dir.h"

TEST_CASE("the keeper writes a heartbeat only when one is due") {
  TempDir dir;
  Journal j(dir / "journal.sqlite");
  SessionKeeper keeper(&j, 30);
  CHECK(keeper.seconds_to_next_heartbeat(100) == -1);
  keeper.start("Lá", "hand-washing", 100);
  CHECK(keeper.seconds_to_next_heartbeat(100) == 30);
  keeper.tick(110);
  CHECK(j.session(keeper.current()->id).duration_s == 0);
  keeper.tick(131);
  CHECK(j.session(keeper.current()->id).duration_s == 31);
  CHECK(keeper.seconds_to_next_heartbeat(140) == 21);
  SessionRow row = keeper.end(200);
  CHECK(row.status == "completed");
  CHECK(row.duration_s == 100);
  CHECK_FALSE(keeper.current());
}

TEST_CASE("without a journal the class still runs and the summary still has its figures") {
  SessionKeeper keeper(nullptr, 30);
  keeper.start("Mầm", "traffic-safety", 0);
  REQUIRE(keeper.current());
  CHECK(keeper.current()->id.empty());
  SessionRow row = keeper.end(65);
  CHECK(row.duration_s == 65);
  CHECK(row.class_group == "Mầm");
}

TEST_CASE("a journal write that fails is reported, and the session goes on") {
  TempDir dir;
  Journal j(dir / "journal.sqlite");
  SessionKeeper keeper(&j, 30);
  keeper.start("Lá", "x", 0);
  REQUIRE(keeper.last_error().empty());
  // Another connection removes the table, as a replaced or damaged file would.
  sqlite3* other = nullptr;
  sqlite3_open((dir / "journal.sqlite").c_str(), &other);
  REQUIRE(sqlite3_exec(other, "DROP TABLE activities; DROP TABLE sessions;", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(other);
  keeper.tick(31);
  CHECK(keeper.last_error().find("sessions") != std::string::npos);
  REQUIRE(keeper.current());
  SessionRow row = keeper.end(90);
  CHECK(row.duration_s == 90);  // the summary still shows the time, from memory
}

TEST_CASE("leaving the program mid-session records it as interrupted") {
  TempDir dir;
  Journal j(dir / "journal.sqlite");
  SessionKeeper keeper(&j, 30);
  keeper.start("Chồi", "hand-washing", 1000);
  auto id = keeper.current()->id;
  keeper.abandon(1100);
  CHECK_FALSE(keeper.current());
  SessionRow row = j.session(id);
  CHECK(row.status == "interrupted");
  CHECK(row.duration_s == 100);
}

TEST_CASE("a session whose start could not be written is written at the next heartbeat") {
  TempDir dir;
  auto db = dir / "journal.sqlite";
  Journal j(db);
  sqlite3* other = nullptr;
  sqlite3_open(db.c_str(), &other);
  sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr);  // another writer holds the file
  sqlite3_busy_timeout(other, 0);
  SessionKeeper keeper(&j, 30);
  keeper.start("Lá", "traffic-safety", 1000);  // waits the busy timeout, then gives up
  CHECK_FALSE(keeper.last_error().empty());
  CHECK(keeper.current()->id.empty());
  sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  keeper.tick(1031);
  REQUIRE_FALSE(keeper.current()->id.empty());
  CHECK(keeper.last_error().empty());
  SessionRow row = j.session(keeper.current()->id);
  CHECK(row.started_at == iso8601_local(1000));
  CHECK(row.duration_s == 31);
}

TEST_CASE("starting a session while one is open closes the first as interrupted") {
  TempDir dir;
  Journal j(dir / "journal.sqlite");
  SessionKeeper keeper(&j, 30);
  keeper.start("Lá", "a", 100);
  auto first = keeper.current()->id;
  keeper.start("Lá", "b", 110);
  CHECK(j.session(first).status == "interrupted");
  CHECK(j.sessions().size() == 2);
}
