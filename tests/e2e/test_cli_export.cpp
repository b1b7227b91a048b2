// The admin's export and the campaign merge from the command line, as a school's IT person runs them.
#include <catch2/catch.hpp>

#include "core/journal.h"
#include "core/settings.h"
#include "harness.h"

namespace fs = std::filesystem;

namespace {
// A classroom's journal with `sessions` finished sessions, each with one game.
void classroom(const fs::path& data, const std::string& name, int sessions) {
  Journal j(data / "journal.sqlite");
  for (int i = 0; i < sessions; ++i) {
    const int64_t t = 1'790'000'000 + i * 3600;
    auto s = j.start_session("Chồi", "hand-washing", t);
    auto g = j.start_activity(s, "game", "hand-washing/clean-or-dirty", t + 60);
    j.end_activity(g, "finished", "{}", t + 120);
    j.end_session(s, t + 900);
  }
  Settings settings;
  settings.device_name = name;
  save_settings(data, settings);
}

int run_kiosk(const std::vector<std::string>& args, const fs::path& dir) {
  KioskProcess p(args, dir);
  return p.wait(60);
}

std::string count(const fs::path& db, const std::string& table) {
  return query(db, "SELECT count(*) AS n FROM " + table)[0]["n"];
}
}  // namespace

TEST_CASE("cli: kiosk export and kiosk merge, merging the same export twice changes nothing") {
  TempDir dir;
  classroom(dir / "la1", "Lớp Lá 1", 3);
  classroom(dir / "choi2", "Lớp Chồi 2", 2);
  fs::create_directories(dir / "stick");
  REQUIRE(run_kiosk({"export", "--data", (dir / "la1").string(), "--to", (dir / "stick").string()}, dir.path) == 0);
  REQUIRE(run_kiosk({"export", "--data", (dir / "choi2").string(), "--to", (dir / "stick").string()}, dir.path) == 0);
  std::vector<fs::path> exports;
  for (const auto& e : fs::directory_iterator(dir / "stick")) exports.push_back(e.path());
  REQUIRE(exports.size() == 2);
  for (const auto& e : exports)
    for (auto file : {"sessions.csv", "activities.csv", "journal.sqlite", "report.html", "SHA256SUMS"})
      CHECK(fs::exists(e / file));

  const fs::path out = dir / "district";
  std::vector<std::string> merge = {"merge", out.string(), exports[0].string(), exports[1].string(), exports[0].string()};
  REQUIRE(run_kiosk(merge, dir.path) == 0);
  CHECK(count(out / "merged.sqlite", "sessions") == "5");
  CHECK(count(out / "merged.sqlite", "activities") == "5");
  std::string before = read_file(out / "sessions.csv");
  REQUIRE(run_kiosk(merge, dir.path) == 0);  // again, into the same folder
  CHECK(count(out / "merged.sqlite", "sessions") == "5");
  CHECK(read_file(out / "sessions.csv") == before);
  CHECK(before.find("Lớp Chồi 2") != std::string::npos);
  CHECK(read_file(out / "report.html").find("Lớp Lá 1") != std::string::npos);

  fs::create_directories(dir / "photos");
  CHECK(run_kiosk({"merge", out.string(), (dir / "photos").string()}, dir.path) == 1);  // not an export: said so
  CHECK(read_file(dir / "kiosk.stderr").find("photos") != std::string::npos);
  CHECK(count(out / "merged.sqlite", "sessions") == "5");  // and the merge so far is kept
}
