// The yearly report files as the principal gets them from `kiosk export` and `kiosk merge`:
// LibreOffice (headless, a fresh profile each run) turns bao-cao.docx into a PDF that pdftotext
// and pdfinfo read, and openpyxl, an independent reader, reads so-lieu.xlsx (Debian's python3-openpyxl,
// hence /usr/bin/python3).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <regex>

#include "core/journal.h"
#include "core/settings.h"
#include "core/text.h"
#include "harness.h"
#include "local_time.h"

namespace fs = std::filesystem;

namespace {
constexpr double kMm = 72 / 25.4;  // PDF points per millimetre

void session(Journal& j, const std::string& group, int64_t start, bool lesson, bool game, int64_t seconds) {
  auto s = j.start_session(group, "hand-washing", start);
  if (lesson) j.end_activity(j.start_activity(s, "lesson", "hand-washing/six-steps", start + 10), "finished", "{}", start + 200);
  if (game) j.end_activity(j.start_activity(s, "game", "hand-washing/clean-or-dirty", start + 300), "finished", "{}", start + 400);
  j.end_session(s, start + seconds);
}

void settings_for(const fs::path& data, const std::string& classroom) {
  Settings s;
  s.device_name = classroom;
  s.school = "Trường Mầm non Sơn Ca";
  s.report = {"UBND xã Thanh Nưa", "Thanh Nưa", "Nguyễn Thị Hoa", "MNSC", {{"Lá", 30}, {"Chồi", 28}}, "school-year:2026"};
  save_settings(data, s);
}

// Lớp Lá 1: in the school year 2026-2027, 4 sessions (Nhà trẻ 1, Mẫu giáo 3; 3 lessons, 2 games),
// the last starting on 31 May and running past midnight; one before and one after it.
void la1(const fs::path& data) {
  {
    Journal j(data / "journal.sqlite");
    session(j, "Lá", local_time(2026, 8, 31, 9, 0), true, false, 900);  // before the year
    session(j, "Lá", local_time(2026, 9, 15, 9, 0), true, true, 1800);
    session(j, "Nhà trẻ", local_time(2026, 10, 6, 9, 0), false, true, 1200);
    session(j, "Chồi", local_time(2026, 10, 7, 9, 0), true, false, 900);
    session(j, "Lá", local_time(2027, 5, 31, 23, 50), true, false, 2400);
    session(j, "Lá", local_time(2027, 6, 2, 9, 0), true, true, 1800);  // after it
  }
  settings_for(data, "Lớp Lá 1");
}

// Lớp Chồi 2: two sessions of Chồi in November 2026.
void choi2(const fs::path& data) {
  {
    Journal j(data / "journal.sqlite");
    session(j, "Chồi", local_time(2026, 11, 3, 9, 0), true, true, 1500);
    session(j, "Chồi", local_time(2026, 11, 4, 9, 0), false, true, 1500);
  }
  settings_for(data, "Lớp Chồi 2");
}

int shell(const std::string& command) { return std::system(command.c_str()); }
std::string arg(const fs::path& p) { return "'" + p.string() + "'"; }

// The docx files as PDFs beside them, in one LibreOffice run with a profile of its own.
void to_pdf(const fs::path& dir, const std::vector<fs::path>& docx) {
  std::string command = "soffice -env:UserInstallation=file://" + (dir / "lo-profile").string() +
                        " --headless --convert-to pdf --outdir " + arg(dir);
  for (const auto& d : docx) command += " " + arg(d);
  REQUIRE(shell(command + " > " + arg(dir / "soffice.log") + " 2>&1") == 0);
}

// Text without white space: pdftotext puts spaces inside justified words ("l ượt") and line
// breaks where a line wraps, so the checks compare the letters and figures only.
std::string squash(const std::string& text) { return std::regex_replace(text, std::regex("\\s+"), ""); }

// The PDF's text as laid out (a table's row on one line), squashed.
std::string pdf_text(const fs::path& pdf) {
  auto txt = pdf.string() + ".txt";
  REQUIRE(shell("pdftotext -layout " + arg(pdf) + " " + arg(txt)) == 0);
  return squash(read_file(txt));
}

struct Box {
  double x0 = 1e9, y0 = 1e9, x1 = 0, y1 = 0;  // the extent of every word, in points from the top left
  double width = 0, height = 0;              // of the page
};

// Where the words of `page` are (pdftotext -bbox).
Box words(const fs::path& pdf, int page) {
  auto html = pdf.string() + format("-%d.html", page);
  REQUIRE(shell(format("pdftotext -bbox -f %d -l %d ", page, page) + arg(pdf) + " " + arg(html)) == 0);
  std::string text = read_file(html);
  Box box;
  std::smatch m;
  REQUIRE(std::regex_search(text, m, std::regex("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\"")));
  box.width = std::stod(m[1]);
  box.height = std::stod(m[2]);
  std::regex word("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\"");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator(); ++it) {
    box.x0 = std::min(box.x0, std::stod((*it)[1]));
    box.y0 = std::min(box.y0, std::stod((*it)[2]));
    box.x1 = std::max(box.x1, std::stod((*it)[3]));
    box.y1 = std::max(box.y1, std::stod((*it)[4]));
  }
  return box;
}

int pages(const fs::path& pdf) {
  auto info = pdf.string() + ".info";
  REQUIRE(shell("pdfinfo " + arg(pdf) + " > " + arg(info)) == 0);
  std::string text = read_file(info);
  CHECK(text.find("Page size:") != std::string::npos);
  CHECK(text.find("(A4)") != std::string::npos);
  std::smatch m;
  REQUIRE(std::regex_search(text, m, std::regex("Pages:\\s+([0-9]+)")));
  return std::stoi(m[1]);
}

// Page 1 of the draft as the header and the layout demand: A4, every word inside margins of 30 mm
// on the left, 15 mm on the right, 20 mm at the top and bottom, the body reaching the right margin.
void check_layout(const fs::path& pdf) {
  int n = pages(pdf);
  REQUIRE(n >= 1);
  for (int page = 1; page <= n; ++page) {
    Box b = words(pdf, page);
    INFO("page " << page);
    CHECK(b.width == Approx(210 * kMm).margin(1));
    CHECK(b.height == Approx(297 * kMm).margin(1));
    CHECK(b.x0 >= 30 * kMm - 3 * kMm);  // the header table may reach 2.5 mm into the margin
    CHECK(b.x1 <= b.width - 15 * kMm + 1.5);
    CHECK(b.y0 >= 10 * kMm - 1);         // the page number sits in the top margin, from page 2 on
    CHECK(b.y1 <= b.height - 20 * kMm + 1);
    if (page == 1) {
      CHECK(b.y0 >= 20 * kMm - 1);
      CHECK(b.y0 <= 25 * kMm);
      CHECK(b.x1 >= b.width - 15 * kMm - 3);  // justified lines end at the right margin
      CHECK(b.x0 <= 30 * kMm + 1);            // "Thực hiện ..." indented, the next line at the margin
    }
  }
}

nlohmann::json xlsx(const fs::path& file, const fs::path& dir) {
  auto out = dir / (file.parent_path().filename().string() + "-xlsx.json");
  REQUIRE(shell("/usr/bin/python3 " + arg(fs::path(SOURCE_DIR) / "tests/e2e/xlsx_cells.py") + " " + arg(file) + " > " +
                arg(out)) == 0);
  return read_json(out);
}

// The row of a sheet whose first cell (or second, for TT-numbered rows) is `label`.
nlohmann::json row_of(const nlohmann::json& sheet, const std::string& label) {
  for (const auto& row : sheet)
    for (size_t i = 0; i < 2 && i < row.size(); ++i)
      if (row[i].is_string() && row[i] == label) return row;
  FAIL("no row " << label);
  return {};
}

int run_kiosk(const std::vector<std::string>& args, const fs::path& dir) {
  KioskProcess p(args, dir);
  return p.wait(60);
}
}  // namespace

TEST_CASE("report files: export and merge give a Word draft LibreOffice lays out on A4 and a sheet openpyxl reads") {
  TempDir dir;
  la1(dir / "la1");
  choi2(dir / "choi2");
  fs::create_directories(dir / "stick");
  // The period from the settings (school-year:2026), and from the command line.
  REQUIRE(run_kiosk({"export", "--data", (dir / "la1").string(), "--to", (dir / "stick").string()}, dir.path) == 0);
  REQUIRE(run_kiosk({"export", "--data", (dir / "choi2").string(), "--to", (dir / "stick").string(), "--from",
                     "2026-11-04", "--until", "2026-11-30"},
                    dir.path) == 0);
  fs::path la, choi;
  for (const auto& e : fs::directory_iterator(dir / "stick"))
    (e.path().filename().string().rfind("Lop-La-1", 0) == 0 ? la : choi) = e.path();
  REQUIRE(!la.empty());
  REQUIRE(!choi.empty());
  const fs::path school = dir / "school";
  REQUIRE(run_kiosk({"merge", school.string(), la.string(), choi.string(), "--period", "school-year:2026"}, dir.path) == 0);
  for (const auto& folder : {la, choi, school}) {
    auto sums = read_file(folder / "SHA256SUMS");
    CHECK(sums.find("  bao-cao.docx\n") != std::string::npos);
    CHECK(sums.find("  so-lieu.xlsx\n") != std::string::npos);
    CHECK(shell("cd " + arg(folder) + " && sha256sum --quiet -c SHA256SUMS") == 0);
  }
  CHECK(run_kiosk({"merge", (dir / "x").string(), la.string(), "--from", "2026-02-30"}, dir.path) == 2);
  CHECK(read_file(dir / "kiosk.stderr").find("2026-02-30") != std::string::npos);

  fs::copy_file(la / "bao-cao.docx", dir / "lop-la-1.docx");
  fs::copy_file(choi / "bao-cao.docx", dir / "lop-choi-2.docx");
  fs::copy_file(school / "bao-cao.docx", dir / "truong.docx");
  auto start = std::chrono::steady_clock::now();
  to_pdf(dir.path, {dir / "lop-la-1.docx", dir / "lop-choi-2.docx", dir / "truong.docx"});
  WARN("LibreOffice: 3 documents to PDF in "
       << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() << " s");

  {  // a classroom's draft: header, title, period and its figures
    std::string text = pdf_text(dir / "lop-la-1.pdf");
    for (const char* line :
         {"UBND XÃ THANH NƯA", "TRƯỜNG MẦM NON SƠN CA", "Số: /BC-MNSC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
          "Độc lập - Tự do - Hạnh phúc", "Thanh Nưa, ngày tháng năm", "BÁO CÁO",
          "“Bình dân học vụ số” qua chương trình “Xem và Nói”, năm học 2026-2027",
          "Số liệu từ ngày 01/09/2026 đến ngày 31/05/2027", "ở Lớp Lá 1",
          "các lớp đã tổ chức 4 lượt hoạt động “xem và nói”", "3 lượt xem bài học và 2 lượt chơi trò chơi",
          "Nhà trẻ: 1 lượt; Mẫu giáo (Mầm, Chồi, Lá): 3 lượt", "Ước tính khoảng 88 lượt trẻ",
          "II. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI", "[Nhà trường viết:", "Nơi nhận:", "- UBND xã Thanh Nưa;",
          "HIỆU TRƯỞNG", "Nguyễn Thị Hoa"})
      CHECK_THAT(text, Catch::Contains(squash(line)));
    CHECK_THAT(text, !Catch::Contains("{"));
    check_layout(dir / "lop-la-1.pdf");
    // Page 1 as a principal sees it: the two header columns and the title are drawn.
    REQUIRE(shell("pdftoppm -r 50 -f 1 -l 1 -png " + arg(dir / "lop-la-1.pdf") + " " + arg(dir / "page")) == 0);
    Png page = load_png(dir / "page-1.png");
    REQUIRE(page.width == Approx(210 / 25.4 * 50).margin(2));
    const int top = page.height * 25 / 297, band = page.height * 15 / 297;  // the header's first lines
    CHECK(page.count_near(page.width * 30 / 210, top, page.width * 60 / 210, band, 0x000000, 120) > 50);
    CHECK(page.count_near(page.width * 110 / 210, top, page.width * 90 / 210, band, 0x000000, 120) > 50);
  }

  {  // a range from the command line is printed as such
    std::string text = pdf_text(dir / "lop-choi-2.pdf");
    CHECK_THAT(text, Catch::Contains(squash("Số liệu từ ngày 04/11/2026 đến ngày 30/11/2026")));
    CHECK_THAT(text, Catch::Contains(squash("các lớp đã tổ chức 1 lượt")));
  }

  {  // the school's draft from the merge: every classroom, a table by classroom
    std::string text = pdf_text(dir / "truong.pdf");
    CHECK_THAT(text, Catch::Contains(squash("Số liệu từ ngày 01/09/2026 đến ngày 31/05/2027")));
    CHECK_THAT(text, Catch::Contains(squash("ở 2 lớp học")));
    CHECK_THAT(text, Catch::Contains(squash("các lớp đã tổ chức 6 lượt")));
    CHECK_THAT(text, Catch::Contains(squash("5. Theo lớp học")));
    CHECK_THAT(text, Catch::Contains(squash("1. Lớp Lá 1 4")));
    CHECK_THAT(text, Catch::Contains(squash("2. Lớp Chồi 2 2")));
    CHECK_THAT(text, Catch::Contains(squash("TRƯỜNG MẦM NON SƠN CA")));
    check_layout(dir / "truong.pdf");
  }

  {  // so-lieu.xlsx read by openpyxl: the statistical form, the figures, Vietnamese intact, Times New Roman
    auto book = xlsx(la / "so-lieu.xlsx", dir.path);
    CHECK(book["order"] == nlohmann::json({"Tổng hợp", "Theo tháng", "Theo chủ đề", "Theo lớp học"}));
    CHECK(book["fonts"] == nlohmann::json({"Times New Roman"}));
    const auto& summary = book["sheets"]["Tổng hợp"];
    CHECK(summary[0][0] == "Đơn vị báo cáo: Trường Mầm non Sơn Ca");
    CHECK(summary[1][0] == "Đơn vị nhận báo cáo: UBND xã Thanh Nưa");
    CHECK(summary[4][0] == "Kỳ báo cáo: năm học 2026-2027 (từ ngày 01/09/2026 đến ngày 31/05/2027)");
    CHECK(summary[6] == nlohmann::json({"TT", "Chỉ tiêu", "Đơn vị tính", "Số lượng", "Ghi chú"}));
    CHECK(summary[7] == nlohmann::json({"A", "B", "C", "1", "2"}));
    CHECK(row_of(summary, "Số lượt hoạt động “xem và nói”")[3] == 4);
    CHECK(row_of(summary, "Nhà trẻ")[3] == 1);
    CHECK(row_of(summary, "Mẫu giáo (Mầm, Chồi, Lá)")[3] == 3);
    CHECK(row_of(summary, "Lượt xem bài học")[3] == 3);
    CHECK(row_of(summary, "Lượt chơi trò chơi")[3] == 2);
    CHECK(row_of(summary, "Lượt trẻ (ước tính)")[3] == 88);  // Lá 2 x 30 + Chồi 1 x 28
    CHECK(row_of(summary, "Tổng thời gian")[3] == Approx((1800 + 1200 + 900 + 2400) / 3600.0).margin(0.05));

    const auto& months = book["sheets"]["Theo tháng"];
    auto header = row_of(months, "Tháng");
    CHECK(header[1] == "Nhà trẻ");
    CHECK(header[2] == "Chồi");
    CHECK(header[3] == "Lá");
    CHECK(row_of(months, "10/2026") == nlohmann::json({"10/2026", 1, 1, 0, 1, 1, 2, 2, 0.6, 1, 1}));
    CHECK(row_of(months, "12/2026")[6] == 0);  // a month without sessions is a zero row
    CHECK(row_of(months, "Cộng")[6] == 4);

    auto school_book = xlsx(school / "so-lieu.xlsx", dir.path);
    const auto& rooms = school_book["sheets"]["Theo lớp học"];
    CHECK(row_of(rooms, "Lớp Lá 1")[3] == 4);
    CHECK(row_of(rooms, "Lớp Chồi 2")[3] == 2);
    CHECK(row_of(rooms, "Cộng")[3] == 6);
    CHECK(row_of(school_book["sheets"]["Tổng hợp"], "Số lớp học (thiết bị) có số liệu")[3] == 2);
  }
}
