#include <catch2/catch.hpp>

#include <cstdlib>

#include "core/export/log_export.h"
#include "core/export/log_merge.h"
#include "export_fixture.h"
#include "temp_dir.h"

namespace {
const auto kQuiet = [](double, const std::string&) {};

// A classroom's journal filled with the fixture's sessions, exported to dir/exports.
fs::path export_classroom(const TempDir& dir, const std::string& name, int64_t now = kNov3 + 86400) {
  ExportOptions o;
  o.journal_db = dir / (name + "/journal.sqlite");
  o.destination = dir / "exports";
  o.device_name = name;
  o.school = "Trường Mầm non Hoa Sen";
  o.topic_titles = {{"traffic-safety", "An toàn giao thông"}};
  o.now = now;
  fs::create_directories(o.destination);
  if (!fs::exists(o.journal_db)) {
    Journal j(o.journal_db);
    fill_journal(j);
  }
  return export_logs(o, kQuiet).folder;
}

std::string csv_bytes(const fs::path& out) {
  return read_file(out / "sessions.csv") + read_file(out / "activities.csv") + read_file(out / "report.html");
}

// The message of the Damaged error that merging `folder` must give, writing nothing.
std::string damaged_message(const TempDir& dir, const fs::path& folder) {
  try {
    merge_exports(dir / "merged", {folder}, kQuiet);
  } catch (const ExportError& e) {
    CHECK(e.kind == ExportError::Kind::Damaged);
    CHECK(!fs::exists(dir / "merged/sessions.csv"));
    return e.what();
  }
  FAIL("merged without an error");
  return "";
}
}  // namespace

TEST_CASE("merge: two classrooms add up, each labelled by its name") {
  TempDir dir;
  auto a = export_classroom(dir, "Lop La 1");
  auto b = export_classroom(dir, "Lop Mam 2");
  auto r = merge_exports(dir / "merged", {a, b}, kQuiet);
  CHECK(r.exports == 2);
  CHECK(r.devices == 2);
  CHECK(r.sessions == 6);
  CHECK(r.activities == 10);
  CHECK(r.new_sessions == 6);
  CHECK(listing(dir / "merged") ==
        std::vector<std::string>{"SHA256SUMS", "activities.csv", "bao-cao.docx", "merged.sqlite",
                                                            "report.html", "sessions.csv", "so-lieu.xlsx"});
  CHECK(parse_csv(read_file(dir / "merged/sessions.csv")).size() == 7);
  CHECK(parse_csv(read_file(dir / "merged/activities.csv")).size() == 11);
  CHECK(query(dir / "merged/merged.sqlite", "PRAGMA integrity_check") == "ok");

  ReportFigures f = compute_report(dir / "merged/merged.sqlite");
  CHECK(f.total.sessions == 6);
  CHECK(f.total.games == 6);
  REQUIRE(f.by_device.size() == 2);
  std::vector<std::string> labels{f.by_device[0].label, f.by_device[1].label};
  std::sort(labels.begin(), labels.end());
  CHECK(labels == std::vector<std::string>{"Lop La 1", "Lop Mam 2"});
  CHECK(f.by_topic[0].label == "An toàn giao thông");  // from the exports' topics tables
  auto html = read_file(dir / "merged/report.html");
  CHECK(html.find("Trường Mầm non Hoa Sen — 2 thiết bị / devices") != std::string::npos);
  auto check = "cd '" + (dir / "merged").string() + "' && sha256sum --quiet -c SHA256SUMS";
  CHECK(std::system(check.c_str()) == 0);
}

TEST_CASE("merge: the same export twice, and merging again, changes nothing") {
  TempDir dir;
  auto a = export_classroom(dir, "Lop La 1");
  auto once = merge_exports(dir / "once", {a}, kQuiet);
  auto twice = merge_exports(dir / "twice", {a, a}, kQuiet);
  CHECK(twice.sessions == once.sessions);
  CHECK(twice.activities == once.activities);
  CHECK(csv_bytes(dir / "twice") == csv_bytes(dir / "once"));

  auto again = merge_exports(dir / "once", {a}, kQuiet);
  CHECK(again.sessions == once.sessions);
  CHECK(again.activities == once.activities);
  CHECK(again.new_sessions == 0);
  CHECK(again.new_activities == 0);
  CHECK(csv_bytes(dir / "once") == csv_bytes(dir / "twice"));
  CHECK(listing(dir / "once").size() == 7);  // no temporary file left
}

TEST_CASE("merge: a session seen again with a later heartbeat takes the later row, in either order") {
  TempDir dir;
  std::string id;
  ExportOptions o;
  o.journal_db = dir / "data/journal.sqlite";
  o.destination = dir / "early";
  fs::create_directories(dir / "early");
  fs::create_directories(dir / "late");
  Journal j(o.journal_db);
  id = j.start_session("Lá", "traffic-safety", kOct15);
  j.heartbeat(id, kOct15 + 30);
  o.now = kOct15 + 40;
  auto early = export_logs(o, kQuiet).folder;
  j.end_session(id, kOct15 + 900);
  o.destination = dir / "late";
  auto late = export_logs(o, kQuiet).folder;

  auto sql = "SELECT status || ' ' || duration_s FROM sessions WHERE id = '" + id + "'";
  merge_exports(dir / "m1", {early, late}, kQuiet);
  CHECK(query(dir / "m1/merged.sqlite", sql) == "completed 900");
  merge_exports(dir / "m2", {late, early}, kQuiet);
  CHECK(query(dir / "m2/merged.sqlite", sql) == "completed 900");
  merge_exports(dir / "m3", {early}, kQuiet);
  merge_exports(dir / "m3", {late}, kQuiet);
  CHECK(query(dir / "m3/merged.sqlite", sql) == "completed 900");
}

TEST_CASE("merge: a damaged export or a folder that is not one is refused, naming the folder") {
  TempDir dir;
  auto a = export_classroom(dir, "Lop La 1");
  auto csv = read_file(a / "sessions.csv");
  csv[csv.size() / 2] ^= 1;
  write_file(a / "sessions.csv", csv);
  CHECK_THAT(damaged_message(dir, a), Catch::Contains(a.string()));
  fs::create_directories(dir / "not-an-export");
  try {
    merge_exports(dir / "merged", {dir / "not-an-export"}, kQuiet);
    FAIL("no error");
  } catch (const ExportError& e) {
    CHECK(e.kind == ExportError::Kind::Other);
    CHECK_THAT(e.what(), Catch::Contains("not-an-export"));
  }
  CHECK(!fs::exists(dir / "merged/sessions.csv"));
}

TEST_CASE("merge: an export whose SHA256SUMS does not cover journal.sqlite is refused") {
  TempDir dir;
  auto a = export_classroom(dir, "Lop La 1");
  SECTION("no SHA256SUMS") {
    fs::remove(a / "SHA256SUMS");
    CHECK_THAT(damaged_message(dir, a), Catch::Contains(a.string()) && Catch::Contains("no SHA256SUMS"));
  }
  SECTION("SHA256SUMS without journal.sqlite, edited since") {
    std::istringstream lines(read_file(a / "SHA256SUMS"));
    std::string kept;
    for (std::string line; std::getline(lines, line);)
      if (line.find("journal.sqlite") == std::string::npos) kept += line + "\n";
    write_file(a / "SHA256SUMS", kept);
    std::ofstream(a / "journal.sqlite", std::ios::binary | std::ios::app) << "edited";
    CHECK_THAT(damaged_message(dir, a),
               Catch::Contains(a.string()) && Catch::Contains("does not list journal.sqlite"));
  }
}

TEST_CASE("merge: a listed file missing from an export is damage, not a USB stick pulled out") {
  TempDir dir;
  auto a = export_classroom(dir, "Lop La 1");
  fs::remove(a / "report.html");
  auto message = damaged_message(dir, a);
  CHECK_THAT(message, Catch::Contains(a.string()) && Catch::Contains("report.html is missing"));
  CHECK_THAT(message, !Catch::Contains("USB"));
}

TEST_CASE("merge: a session exported running, then again once recovered, merges the same in either order") {
  TempDir dir;
  ExportOptions o;
  o.journal_db = dir / "data/journal.sqlite";
  o.now = kOct15 + 100;
  auto export_to = [&](const std::string& name) {
    o.destination = dir / name;
    fs::create_directories(o.destination);
    return export_logs(o, kQuiet).folder;
  };
  fs::path running;
  {
    Journal j(o.journal_db);
    auto id = j.start_session("Lá", "traffic-safety", kOct15);
    auto a = j.start_activity(id, "game", "traffic-safety/lights", kOct15 + 10);
    j.update_activity(a, R"({"rounds": 1})", kOct15 + 40);
    j.heartbeat(id, kOct15 + 60);
    running = export_to("running");
  }  // the kiosk crashes here; on restart the journal closes the session as interrupted
  REQUIRE(Journal(o.journal_db).recovered_on_open() == 1);
  auto recovered = export_to("recovered");

  merge_exports(dir / "m1", {running, recovered}, kQuiet);
  merge_exports(dir / "m2", {recovered, running}, kQuiet);
  auto rows = "SELECT group_concat(id || ' ' || status || ' ' || ended_at || ' ' || duration_s || ' ' || "
              "heartbeat_unix, ';') FROM sessions";
  CHECK(query(dir / "m1/merged.sqlite", rows) == query(dir / "m2/merged.sqlite", rows));
  CHECK(query(dir / "m1/merged.sqlite", "SELECT status || ' ' || duration_s FROM sessions") == "interrupted 60");
  CHECK(query(dir / "m1/merged.sqlite", "SELECT status || ' ' || duration_s FROM activities") == "interrupted 30");
  CHECK(csv_bytes(dir / "m1") == csv_bytes(dir / "m2"));
}
