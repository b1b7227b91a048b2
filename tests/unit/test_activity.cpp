#include <catch2/catch.hpp>

#include "core/activity.h"
#include "core/journal.h"
#include "temp_dir.h"

namespace {
struct Row {
  std::string status, details;
};
std::vector<Row> activities(const std::filesystem::path& db, const std::string& session) {
  std::vector<Row> rows;
  Journal j(db);
  for (const auto& a : j.activities(session)) rows.push_back({a.status, a.details});
  return rows;
}
}  // namespace

TEST_CASE("an activity is written once: started, its figures on the way, ended with its status") {
  TempDir dir;
  std::string session;
  {
    Journal journal(dir / "journal.sqlite");
    SessionKeeper sessions(&journal, 30);
    sessions.start("Lá", "lab", 100);
    session = sessions.current()->id;
    int step = 0;
    {
      Activity game(sessions, "game", "lab/m", [&] { return "{\"step\":" + std::to_string(step) + "}"; });
      CHECK_FALSE(game.open());
      game.start();
      CHECK(game.open());
      step = 1;
      game.progress();
      step = 2;
      game.end("finished");
      game.end("left");  // ended already: nothing
      game.start();      // "play again": a second record
      step = 3;
    }  // dropped open: the program quit under it
    sessions.abandon(200);  // the session after its activity
  }
  auto rows = activities(dir / "journal.sqlite", session);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].status == "finished");
  CHECK(rows[0].details == "{\"step\":2}");
  CHECK(rows[1].status == "interrupted");
  CHECK(rows[1].details == "{\"step\":3}");
}

TEST_CASE("without a session an activity records nothing and its calls do nothing") {
  SessionKeeper sessions(nullptr, 30);
  Activity story(sessions, "lesson", "lab/tale", [] { return std::string("{}"); });
  story.start();
  CHECK_FALSE(story.open());
  story.end("finished");
}
