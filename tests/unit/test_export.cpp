#include <catch2/catch.hpp>

#include <cstdlib>

#include "core/clock.h"
#include "core/export/csv.h"
#include "core/export/log_export.h"
#include "core/export/report_html.h"
#include "core/export/sha256.h"
#include "export_fixture.h"
#include "temp_dir.h"

namespace {
const auto kQuiet = [](double, const std::string&) {};

ExportOptions options_for(const TempDir& dir, int64_t now) {
  ExportOptions o;
  o.journal_db = dir / "data/journal.sqlite";
  o.destination = dir / "stick";
  o.device_name = "Lớp Lá 1";
  o.school = "Trường Mầm non Hoa Sen";
  o.topic_titles = {{"traffic-safety", "An toàn giao thông"}, {"hand-washing", "Rửa tay"}};
  o.now = now;
  return o;
}
}  // namespace

TEST_CASE("csv: fields with commas, quotes and line breaks are quoted, Vietnamese passes as is") {
  std::string out;
  append_csv_row(out, {"plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "Nhà trẻ", ""});
  CHECK(out == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",Nhà trẻ,\r\n");
  auto rows = parse_csv(std::string(kUtf8Bom) + out);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0] == std::vector<std::string>{"plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "Nhà trẻ", ""});
  CHECK(kUtf8Bom == "\xEF\xBB\xBF");
}

TEST_CASE("csv: a field a spreadsheet would run as a formula is kept as text, numbers stay numbers") {
  std::string out;
  append_csv_row(out, {"=HYPERLINK(\"http://x\")", "@SUM(A1)", "+84 912", "-cmd", "-5", "2.5", "a=b"});
  CHECK(out == "\"'=HYPERLINK(\"\"http://x\"\")\",\"'@SUM(A1)\",\"'+84 912\",\"'-cmd\",-5,2.5,a=b\r\n");
}

TEST_CASE("export: sha256 of a file matches the known digest of its bytes") {
  TempDir dir;
  write_file(dir / "abc", "abc");
  CHECK(sha256_file(dir / "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK_THROWS_AS(sha256_file(dir / "missing"), std::system_error);
}

TEST_CASE("export: every file is written, the CSVs and the copy hold the journal's rows") {
  TempDir dir;
  auto o = options_for(dir, kNov3 + 86400);
  fs::create_directories(o.destination);
  std::vector<SessionRow> sessions;
  std::vector<ActivityRow> activities;
  std::string device;
  {
    Journal j(o.journal_db);
    fill_journal(j);
    sessions = j.sessions();
    for (const auto& s : sessions)
      for (auto& a : j.activities(s.id)) activities.push_back(a);
    device = j.device_id();
  }
  auto journal_before = read_file(o.journal_db);
  auto data_before = listing(dir / "data");

  std::vector<double> fractions;
  ExportResult r = export_logs(o, [&](double f, const std::string& step) {
    CHECK(!step.empty());
    fractions.push_back(f);
  });
  CHECK(std::is_sorted(fractions.begin(), fractions.end()));
  CHECK(fractions.back() == 1.0);

  auto folder_name = "Lop-La-1_" + iso8601_local(o.now).substr(0, 10) + "_" + device.substr(0, 8);
  CHECK(r.folder == o.destination / folder_name);
  CHECK(listing(o.destination) == std::vector<std::string>{folder_name});
  CHECK(listing(r.folder) ==
        std::vector<std::string>{"SHA256SUMS", "activities.csv", "bao-cao.docx", "journal.sqlite", "report.html",
                                                  "sessions.csv", "so-lieu.xlsx"});
  CHECK(r.sessions == 3);
  CHECK(r.activities == 5);
  CHECK(r.bytes > 0);

  // The journal is only read: same bytes, and no WAL or lock files left beside it.
  CHECK(read_file(o.journal_db) == journal_before);
  CHECK(listing(dir / "data") == data_before);

  auto s_rows = parse_csv(read_file(r.folder / "sessions.csv"));
  CHECK(read_file(r.folder / "sessions.csv").rfind("\xEF\xBB\xBF", 0) == 0);
  REQUIRE(s_rows.size() == sessions.size() + 1);
  CHECK(s_rows[0] == std::vector<std::string>{"session_id", "device_id", "device_name", "school", "class_group",
                                              "topic", "topic_title", "started_at", "ended_at", "duration_s",
                                              "status", "activities"});
  for (size_t i = 0; i < sessions.size(); ++i) {
    const auto& s = sessions[i];
    CHECK(s_rows[i + 1] == std::vector<std::string>{s.id, device, o.device_name, o.school, s.class_group, s.topic,
                                                    o.topic_titles.at(s.topic), s.started_at, s.ended_at,
                                                    std::to_string(s.duration_s), s.status,
                                                    std::to_string(s.activities)});
  }
  auto a_rows = parse_csv(read_file(r.folder / "activities.csv"));
  REQUIRE(a_rows.size() == activities.size() + 1);
  CHECK(a_rows[0] == std::vector<std::string>{"activity_id", "session_id", "device_id", "device_name", "kind", "topic",
                                              "entry", "started_at", "ended_at", "duration_s", "status", "details"});
  for (size_t i = 0; i < activities.size(); ++i) {
    const auto& a = activities[i];
    auto slash = a.ref.find('/');
    CHECK(a_rows[i + 1] == std::vector<std::string>{a.id, a.session_id, device, o.device_name, a.kind,
                                                    a.ref.substr(0, slash), a.ref.substr(slash + 1), a.started_at,
                                                    a.ended_at, std::to_string(a.duration_s), a.status, a.details});
  }

  auto copy = r.folder / "journal.sqlite";
  CHECK(query(copy, "PRAGMA integrity_check") == "ok");
  CHECK(query(copy, "PRAGMA journal_mode") == "delete");
  CHECK(query(copy, "SELECT count(*) FROM sessions") == "3");
  CHECK(query(copy, "SELECT count(*) FROM activities") == "5");
  CHECK(query(copy, "SELECT value FROM meta WHERE key = 'device_id'") == device);
  CHECK(query(copy, "SELECT value FROM meta WHERE key = 'device_name'") == o.device_name);
  CHECK(query(copy, "SELECT value FROM meta WHERE key = 'school'") == o.school);
  CHECK(query(copy, "SELECT value FROM meta WHERE key = 'exported_at'") == iso8601_local(o.now));
  CHECK(query(copy, "SELECT title FROM topics WHERE id = 'hand-washing'") == "Rửa tay");
  CHECK(query(copy, "SELECT group_concat(id || status || duration_s, ',') FROM (SELECT * FROM sessions ORDER BY id)") ==
        query(o.journal_db, "SELECT group_concat(id || status || duration_s, ',') FROM (SELECT * FROM sessions ORDER BY id)"));

  auto check = "cd '" + r.folder.string() + "' && sha256sum --quiet -c SHA256SUMS";
  CHECK(std::system(check.c_str()) == 0);
  auto html = read_file(r.folder / "report.html");
  CHECK(html.find("Trường Mầm non Hoa Sen — Lớp Lá 1") != std::string::npos);
  CHECK(html.find("An toàn giao thông") != std::string::npos);
}

TEST_CASE("export: two kiosks of the same classroom name on one stick on the same day keep both folders") {
  TempDir dir;
  auto o = options_for(dir, kNov3 + 86400);
  fs::create_directories(o.destination);
  std::vector<fs::path> folders;
  for (const char* name : {"Lớp Lá", "Lớp La"}) {  // one slug for both
    o.journal_db = dir / name / "journal.sqlite";
    o.device_name = name;
    {
      Journal j(o.journal_db);
      fill_journal(j);
    }
    folders.push_back(export_logs(o, kQuiet).folder);
  }
  CHECK(folders[0] != folders[1]);
  CHECK(listing(o.destination).size() == 2);
  for (const auto& folder : folders) CHECK(parse_csv(read_file(folder / "sessions.csv")).size() == 4);  // header and 3 rows
}

TEST_CASE("export: twice gives the same rows, and the newer folder replaces the older of the same day") {
  TempDir dir;
  auto o = options_for(dir, kNov3 + 86400);
  fs::create_directories(o.destination);
  {
    Journal j(o.journal_db);
    fill_journal(j);
  }
  auto first = export_logs(o, kQuiet);
  auto sessions = read_file(first.folder / "sessions.csv");
  auto activities = read_file(first.folder / "activities.csv");
  auto report = read_file(first.folder / "report.html");
  o.now += 60;
  auto second = export_logs(o, kQuiet);
  CHECK(second.folder == first.folder);
  CHECK(listing(o.destination).size() == 1);
  CHECK(read_file(second.folder / "sessions.csv") == sessions);
  CHECK(read_file(second.folder / "activities.csv") == activities);
  CHECK(read_file(second.folder / "report.html") == report);
  CHECK(query(second.folder / "journal.sqlite", "SELECT value FROM meta WHERE key = 'exported_at'") == iso8601_local(o.now));
}

TEST_CASE("export: works while the kiosk has the journal open, running session included") {
  TempDir dir;
  auto o = options_for(dir, kNov3 + 86400);
  o.device_name = "";
  fs::create_directories(o.destination);
  Journal j(o.journal_db);
  fill_journal(j);
  auto running = j.start_session("Chồi", "hand-washing", kNov3 + 3600);
  auto r = export_logs(o, kQuiet);
  CHECK(r.folder.filename() == j.device_id().substr(0, 8) + "_" + iso8601_local(o.now).substr(0, 10));
  CHECK(r.sessions == 4);
  CHECK(query(r.folder / "journal.sqlite", "SELECT status FROM sessions WHERE id = '" + running + "'") == "running");
  CHECK(j.session(running).status == "running");
  j.heartbeat(running, kNov3 + 3700);  // the kiosk goes on writing
}

TEST_CASE("export: a journal that is missing or not a database is a Journal error, and nothing is written") {
  TempDir dir;
  auto o = options_for(dir, kNov3);
  fs::create_directories(o.destination);
  try {
    export_logs(o, kQuiet);
    FAIL("no error");
  } catch (const ExportError& e) {
    CHECK(e.kind == ExportError::Kind::Journal);
  }
  write_file(o.journal_db, std::string(8192, 'x'));
  try {
    export_logs(o, kQuiet);
    FAIL("no error");
  } catch (const ExportError& e) {
    CHECK(e.kind == ExportError::Kind::Journal);
    CHECK_THAT(e.what(), Catch::Contains("journal.sqlite"));
  }
  CHECK(listing(o.destination).empty());
}

TEST_CASE("export: a destination that does not exist is Gone") {
  TempDir dir;
  auto o = options_for(dir, kNov3);
  { Journal j(o.journal_db); }
  try {
    export_logs(o, kQuiet);
    FAIL("no error");
  } catch (const ExportError& e) {
    CHECK(e.kind == ExportError::Kind::Gone);
  }
  CHECK(!fs::exists(o.destination));
}

TEST_CASE("report: figures of a known journal by month, topic, class group and device") {
  TempDir dir;
  std::string device;
  {
    Journal j(dir / "journal.sqlite");
    fill_journal(j);
    device = j.device_id();
  }
  ReportFigures f = compute_report(dir / "journal.sqlite", {{"traffic-safety", "An toàn giao thông"}});
  CHECK(f.total.sessions == 3);
  CHECK(f.total.seconds == 1200 + 600 + 300);
  CHECK(f.total.lessons == 2);
  CHECK(f.total.games == 3);
  CHECK(f.first_day == iso8601_local(kOct15).substr(0, 10));
  CHECK(f.last_day == iso8601_local(kNov3).substr(0, 10));

  REQUIRE(f.by_month.size() == 2);
  CHECK(f.by_month[0].key == "2026-10");
  CHECK(f.by_month[0].label == "10/2026");
  CHECK(f.by_month[0].sessions == 2);
  CHECK(f.by_month[0].seconds == 1800);
  CHECK(f.by_month[0].games == 3);
  CHECK(f.by_month[1].key == "2026-11");
  CHECK(f.by_month[1].lessons == 1);

  REQUIRE(f.by_topic.size() == 2);
  CHECK(f.by_topic[0].key == "traffic-safety");  // most sessions first
  CHECK(f.by_topic[0].label == "An toàn giao thông");
  CHECK(f.by_topic[0].sessions == 2);
  CHECK(f.by_topic[0].lessons == 2);
  CHECK(f.by_topic[0].games == 1);
  CHECK(f.by_topic[1].label == "hand-washing");  // no title known: the id

  REQUIRE(f.by_class.size() == 2);
  CHECK(f.by_class[0].key == "Lá");
  CHECK(f.by_class[0].sessions == 2);
  CHECK(f.by_class[1].key == "Mầm \"B\", 2");
  CHECK(f.by_class[1].seconds == 600);

  REQUIRE(f.by_device.size() == 1);
  CHECK(f.by_device[0].key == device);
  CHECK(f.by_device[0].sessions == 3);
}

TEST_CASE("report: an empty journal gives zero figures and a page that says so") {
  TempDir dir;
  { Journal j(dir / "journal.sqlite"); }
  ReportFigures f = compute_report(dir / "journal.sqlite");
  CHECK(f.total.sessions == 0);
  CHECK(f.by_month.empty());
  CHECK(report_html(f, "x").find("Chưa có buổi học nào") != std::string::npos);
}

TEST_CASE("report: the HTML page is self-contained, bilingual and escapes text") {
  TempDir dir;
  {
    Journal j(dir / "journal.sqlite");
    fill_journal(j);
  }
  auto html = report_html(compute_report(dir / "journal.sqlite"), "Lớp <Lá> & \"Mầm\"");
  CHECK(html.find("<h1>Lớp &lt;Lá&gt; &amp; &quot;Mầm&quot;</h1>") != std::string::npos);
  CHECK(html.find("Mầm &quot;B&quot;, 2") != std::string::npos);
  CHECK(html.find("Buổi học <span class=\"en\">/ Sessions</span>") != std::string::npos);
  CHECK(html.find("<svg") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("http") == std::string::npos);  // nothing fetched
  CHECK(html.find("src=") == std::string::npos);
}

TEST_CASE("report: a session without any lesson or game is left out of the figures, and the page says how many") {
  TempDir dir;
  {
    Journal j(dir / "journal.sqlite");
    fill_journal(j);
    auto empty = j.start_session("Chồi", "hand-washing", kNov3 + 3600);  // a topic chosen, then Finish at once
    j.end_session(empty, kNov3 + 3615);
  }
  ReportFigures f = compute_report(dir / "journal.sqlite");
  CHECK(f.total.sessions == 3);
  CHECK(f.uncounted_sessions == 1);
  CHECK(f.total.seconds == 1200 + 600 + 300);
  CHECK(f.by_class.size() == 2);  // no "Chồi" row
  CHECK(f.by_month.back().sessions == 1);
  auto html = report_html(f, "x");
  CHECK(html.find("<b>3</b>") != std::string::npos);
  CHECK(html.find("Sessions opened without any lesson watched or game played: 1, not counted.") != std::string::npos);
}

TEST_CASE("report: a lesson that failed to play, or was left within seconds, is not counted as watched") {
  TempDir dir;
  {
    Journal j(dir / "journal.sqlite");
    auto s = j.start_session("Lá", "traffic-safety", kOct15);
    auto play = [&](const char* kind, const char* status, int64_t seconds) {
      j.end_activity(j.start_activity(s, kind, "traffic-safety/crossing", kOct15), status, "{}", kOct15 + seconds);
    };
    play("lesson", "finished", 300);
    play("lesson", "interrupted", 60);  // the power went: watched all the same
    play("lesson", "failed", 0);        // the video would not open
    play("lesson", "failed", 120);      // it stopped playing
    play("lesson", "left", kShortestActivitySeconds - 1);  // opened by mistake
    play("game", "left", 3);
    play("game", "finished", 5);  // a quick game, but played to its end
    j.end_session(s, kOct15 + 900);
    s = j.start_session("Lá", "traffic-safety", kOct16);  // its only lesson failed: no class held
    play("lesson", "failed", 0);
    j.end_session(s, kOct16 + 60);
  }
  ReportFigures f = compute_report(dir / "journal.sqlite");
  CHECK(f.total.lessons == 2);
  CHECK(f.total.games == 1);
  CHECK(f.total.sessions == 1);
  CHECK(f.uncounted_sessions == 1);
  REQUIRE(f.by_topic.size() == 1);
  CHECK(f.by_topic[0].lessons == 2);
}

TEST_CASE("report: months without sessions between the first and the last are shown as zero") {
  TempDir dir;
  constexpr int64_t kDay = 86400, kJun2001 = 992581200;  // 2001-06-15: a kiosk whose clock was wrong
  {
    Journal j(dir / "journal.sqlite");
    for (int64_t at : {kJun2001, kOct15 - 30 * kDay, kNov3, kOct15 + 123 * kDay}) {  // and 09/2026, 11/2026, 02/2027
      auto s = j.start_session("Lá", "traffic-safety", at);
      j.end_activity(j.start_activity(s, "game", "traffic-safety/lights", at), "finished", "{}", at + 60);
      j.end_session(s, at + 600);
    }
  }
  ReportFigures f = compute_report(dir / "journal.sqlite");
  std::vector<std::string> keys;
  std::vector<int> sessions;
  for (const auto& m : f.by_month) {
    keys.push_back(m.key);
    sessions.push_back(m.sessions);
  }
  // Years of empty months after the wrong date are left out.
  CHECK(keys == std::vector<std::string>{"2001-06", "2026-09", "2026-10", "2026-11", "2026-12", "2027-01", "2027-02"});
  CHECK(sessions == std::vector<int>{1, 1, 0, 1, 0, 0, 1});
  CHECK(f.by_month[2].label == "10/2026");
  CHECK(f.by_month[2].seconds == 0);
  CHECK(report_html(f, "x").find("<td class=\"name\">12/2026</td>") != std::string::npos);
}

TEST_CASE("report: totals by school year, September to August, oldest first") {
  TempDir dir;
  constexpr int64_t kDay = 86400;
  {
    Journal j(dir / "journal.sqlite");
    // 05/2026, 09/2026, 05/2027, 07/2027 (the summer: the year just ended), 09/2027
    for (int64_t at : {kOct15 - 153 * kDay, kOct15 - 30 * kDay, kOct15 + 212 * kDay, kOct15 + 273 * kDay,
                       kOct15 + 335 * kDay}) {
      auto s = j.start_session("Lá", "traffic-safety", at);
      j.end_activity(j.start_activity(s, "game", "traffic-safety/lights", at), "finished", "{}", at + 60);
      j.end_session(s, at + 600);
    }
  }
  ReportFigures f = compute_report(dir / "journal.sqlite");
  REQUIRE(f.by_school_year.size() == 3);
  CHECK(f.by_school_year[0].key == "2025-2026");
  CHECK(f.by_school_year[0].sessions == 1);
  CHECK(f.by_school_year[1].key == "2026-2027");
  CHECK(f.by_school_year[1].label == "2026–2027");
  CHECK(f.by_school_year[1].sessions == 3);
  CHECK(f.by_school_year[1].seconds == 3 * 600);
  CHECK(f.by_school_year[1].games == 3);
  CHECK(f.by_school_year[2].key == "2027-2028");
  auto html = report_html(f, "x");
  CHECK(html.find("Theo năm học <span class=\"en\">/ By school year</span>") != std::string::npos);
  CHECK(html.find("<td class=\"name\">2026–2027</td>") != std::string::npos);
}
