// The yearly report's period presets, its figures over a period, and the Word draft's parts.
#include <catch2/catch.hpp>

#include <zip.h>


#include "core/export/export_error.h"
#include "core/export/report_docx.h"
#include "core/export/report_figures.h"
#include "core/export/report_period.h"
#include "core/export/sha256.h"
#include "export_fixture.h"
#include "local_time.h"
#include "temp_dir.h"

namespace {
// One finished session with one lesson of 5 minutes.
void session(Journal& j, const std::string& group, const std::string& topic, int64_t start, int64_t seconds) {
  auto s = j.start_session(group, topic, start);
  auto a = j.start_activity(s, "lesson", topic + "/intro", start + 10);
  j.end_activity(a, "finished", "{}", start + 310);
  j.end_session(s, start + seconds);
}

// The boundaries of a school year: 31 August and 1 June are out; 1 September and a session
// that starts on 31 May and runs past midnight are in.
void boundary_journal(const fs::path& db) {
  Journal j(db);
  session(j, "Lá", "traffic-safety", local_time(2026, 8, 31, 23, 0), 1800);  // before
  session(j, "Lá", "traffic-safety", local_time(2026, 9, 1, 0, 10), 1800);   // first day
  session(j, "Nhà trẻ", "hand-washing", local_time(2026, 10, 12, 9, 0), 1200);
  session(j, "Mầm", "hand-washing", local_time(2026, 10, 13, 9, 0), 1200);
  session(j, "Chồi", "traffic-safety", local_time(2027, 5, 31, 23, 50), 2400);  // last day, past midnight
  session(j, "Chồi", "traffic-safety", local_time(2027, 6, 1, 8, 0), 600);      // after
}

std::string zip_entry(const fs::path& file, const char* name) {
  int err = 0;
  zip_t* zip = zip_open(file.c_str(), ZIP_RDONLY, &err);
  REQUIRE(zip);
  zip_stat_t st;
  std::string bytes;
  if (zip_stat(zip, name, 0, &st) == 0) {
    zip_file_t* f = zip_fopen(zip, name, 0);
    bytes.resize(st.size);
    zip_fread(f, bytes.data(), st.size);
    zip_fclose(f);
  }
  zip_close(zip);
  return bytes;
}
}  // namespace

TEST_CASE("report period: school year, calendar year, whole journal and ranges") {
  auto p = school_year_period(2026);
  CHECK(p.from == "2026-09-01");
  CHECK(p.to == "2027-05-31");
  CHECK(p.name == "năm học 2026-2027");
  CHECK(school_year_of("2026-09-01") == 2026);
  CHECK(school_year_of("2027-05-31") == 2026);
  CHECK(school_year_of("2026-08-31") == 2025);
  CHECK(school_year_of("2027-07-15") == 2026);  // summer: the year just ended

  CHECK(parse_period("school-year", "2026-11-30").from == "2026-09-01");
  CHECK(parse_period("school-year", "2027-06-02").to == "2027-05-31");
  CHECK(parse_period("school-year:2025", "2026-11-30").name == "năm học 2025-2026");
  auto year = parse_period("year", "2026-11-30");
  CHECK(year.from == "2026-01-01");
  CHECK(year.to == "2026-11-30");
  CHECK(year.name == "năm 2026");
  CHECK(parse_period("year:2026-11-05", "2027-01-01").to == "2026-11-05");
  CHECK(parse_period("", "2026-11-30").from.empty());
  CHECK(parse_period("all", "2026-11-30").to.empty());
  auto range = parse_period("2026-10-01..2026-10-31", "2026-11-30");
  CHECK(range.from == "2026-10-01");
  CHECK(range.to == "2026-10-31");
  CHECK(range.name.empty());
  CHECK(parse_period("..2026-10-31", "2026-11-30").from.empty());
  CHECK(range.contains("2026-10-31"));
  CHECK_FALSE(range.contains("2026-11-01"));

  CHECK_THROWS_AS(parse_period("2026-02-30..", "2026-11-30"), std::invalid_argument);  // no such day
  CHECK_THROWS_AS(parse_period("2026-10-31..2026-10-01", "2026-11-30"), std::invalid_argument);
  CHECK_THROWS_AS(parse_period("school-year:26", "2026-11-30"), std::invalid_argument);
  CHECK_THROWS_AS(parse_period("last-week", "2026-11-30"), std::invalid_argument);
  CHECK_NOTHROW(parse_period("2028-02-29..2028-02-29", "2026-11-30"));  // a leap day
}

TEST_CASE("report figures over a school year: 1 September and a session across midnight on 31 May count") {
  TempDir dir;
  boundary_journal(dir / "journal.sqlite");
  ReportFigures all = compute_report(dir / "journal.sqlite");
  CHECK(all.total.sessions == 6);

  ReportFigures f = compute_report(dir / "journal.sqlite", {}, school_year_period(2026));
  CHECK(f.total.sessions == 4);
  CHECK(f.total.seconds == 1800 + 1200 + 1200 + 2400);
  CHECK(f.from_day() == "2026-09-01");
  CHECK(f.to_day() == "2027-05-31");
  CHECK(f.first_day == "2026-09-01");
  CHECK(f.last_day == "2027-05-31");
  // Every month of the period is listed, the empty ones as zero rows.
  REQUIRE(f.by_month.size() == 9);
  CHECK(f.by_month.front().key == "2026-09");
  CHECK(f.by_month.back().key == "2027-05");
  CHECK(f.by_month[1].sessions == 2);
  CHECK(f.by_month[2].sessions == 0);
  CHECK(f.by_month.back().sessions == 1);

  CHECK(f.class_groups() == std::vector<std::string>{"Nhà trẻ", "Mầm", "Chồi", "Lá"});
  CHECK(f.nursery().sessions == 1);
  CHECK(f.kindergarten().sessions == 3);
  CHECK(f.kindergarten().seconds == 1800 + 1200 + 2400);
  REQUIRE(f.by_month_class.count("2026-10"));
  CHECK(f.by_month_class.at("2026-10").size() == 2);  // two class groups used it in October
  CHECK(f.by_month_class.at("2026-10").at("Mầm").sessions == 1);
  CHECK(f.by_month_class.count("2026-11") == 0);

  // Children per class: "La" finds "Lá"; a group without a count adds nothing.
  CHECK(estimated_child_sessions(f, {{"La", 30}, {"Nhà trẻ", 20}}) == 30 + 20);
  CHECK(estimated_child_sessions(f, {}) == 0);

  ReportFigures summer = compute_report(dir / "journal.sqlite", {}, range_period("2027-06-01", ""));
  CHECK(summer.total.sessions == 1);
  CHECK(summer.to_day() == summer.last_day);
}

TEST_CASE("report settings: a round trip through JSON, Vietnamese upper case for the header") {
  ReportSettings s{"UBND xã Thanh Nưa", "Thanh Nưa", "Nguyễn Thị Hoa", "MNTH", {{"Lá", 30}, {"Mầm", 25}}, "school-year"};
  CHECK(parse_report_settings(report_settings_json(s)) == s);
  CHECK(parse_report_settings("{\"children\": {\"Lá\": 0, \"Mầm\": \"x\"}}").children.empty());
  CHECK(parse_report_settings("not json") == ReportSettings{});
  CHECK(upper_vi("UBND xã Thanh Nưa") == "UBND XÃ THANH NƯA");
  CHECK(upper_vi("Trường Mầm non Thanh Hưng, điểm bản Mường") == "TRƯỜNG MẦM NON THANH HƯNG, ĐIỂM BẢN MƯỜNG");
}

TEST_CASE("report docx: the template is filled, every placeholder replaced, and the same figures give the same bytes") {
  TempDir dir;
  boundary_journal(dir / "journal.sqlite");
  ReportFigures f = compute_report(dir / "journal.sqlite", {{"traffic-safety", "An toàn giao thông"}},
                                   school_year_period(2026));
  ReportingSchool who{"Trường Mầm non Thanh Hưng", {"UBND xã Thanh Nưa", "Thanh Nưa", "Nguyễn Thị Hoa", "MNTH", {}, ""},
                      "2027-06-10"};
  auto written = write_report_docx(f, who, dir / "bao-cao.docx");
  CHECK(written.sha256 == sha256_file(dir / "bao-cao.docx"));
  auto document = zip_entry(dir / "bao-cao.docx", "word/document.xml");
  CHECK(document.find("UBND XÃ THANH NƯA") != std::string::npos);
  CHECK(document.find("TRƯỜNG MẦM NON THANH HƯNG") != std::string::npos);
  CHECK(document.find("/BC-MNTH") != std::string::npos);
  CHECK(document.find("Thanh Nưa, ngày     tháng     năm 2027") != std::string::npos);
  CHECK(document.find("Số liệu từ ngày 01/09/2026 đến ngày 31/05/2027") != std::string::npos);
  CHECK(document.find("đã tổ chức 4 lượt") != std::string::npos);
  CHECK(document.find("Nhà trẻ: 1 lượt; Mẫu giáo (Mầm, Chồi, Lá): 3 lượt") != std::string::npos);
  CHECK(document.find("An toàn giao thông") != std::string::npos);
  CHECK(document.find("lượt trẻ") == std::string::npos);  // no children counts: no estimate
  CHECK(document.find("{") == std::string::npos);        // nothing left unfilled
  CHECK(document.find("<!--") == std::string::npos);     // the template's comments stay in the repository
  CHECK(zip_entry(dir / "bao-cao.docx", "word/styles.xml").find("Times New Roman") != std::string::npos);
  CHECK(zip_entry(dir / "bao-cao.docx", "docProps/core.xml").find("năm học 2026-2027") != std::string::npos);

  write_report_docx(f, who, dir / "again.docx");
  CHECK(read_file(dir / "again.docx") == read_file(dir / "bao-cao.docx"));
  CHECK_THROWS_AS(write_report_docx(f, who, dir / "bao-cao.docx"), ExportError);  // never over an existing file
  CHECK_THROWS_WITH(write_report_docx(f, who, dir / "x.docx", dir / "no-template"),
                    Catch::Contains("report template"));

  who.settings.children = {{"Lá", 30}, {"Chồi", 28}};
  write_report_docx(f, who, dir / "estimate.docx");
  auto estimate = zip_entry(dir / "estimate.docx", "word/document.xml");
  CHECK(estimate.find("Ước tính khoảng 58 lượt trẻ") != std::string::npos);  // Lá 1 x 30 + Chồi 1 x 28
  CHECK(estimate.find("Lượt trẻ (ước tính)") != std::string::npos);
}
