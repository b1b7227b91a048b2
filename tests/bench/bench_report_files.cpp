// Times the yearly report files alone, for bench_export.py: the figures of a journal-format
// database (an export's journal.sqlite), then bao-cao.docx, then so-lieu.xlsx, written into a
// folder. Prints one line of seconds; peak memory is the caller's to measure (wait4).
//
// Usage: bench_report_files DB OUT_DIR
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "core/export/report_docx.h"
#include "core/export/report_figures.h"
#include "core/export/report_xlsx.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s DB OUT_DIR\n", argv[0]);
    return 2;
  }
  using Clock = std::chrono::steady_clock;
  auto seconds = [](Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); };
  const std::filesystem::path out = argv[2];
  std::filesystem::create_directories(out);
  ReportingSchool who{"Trường Mầm non Hoa Sen", {"UBND xã Thanh Nưa", "Thanh Nưa", "Nguyễn Thị Hoa", "MNHS", {{"Lá", 30}}, ""},
                      "2027-06-10"};
  try {
    auto t0 = Clock::now();
    ReportFigures figures = compute_report(argv[1]);
    auto t1 = Clock::now();
    auto docx = write_report_docx(figures, who, out / "bao-cao.docx");
    auto t2 = Clock::now();
    auto xlsx = write_report_xlsx(figures, who, out / "so-lieu.xlsx");
    auto t3 = Clock::now();
    std::printf("figures %.3f s, bao-cao.docx %.3f s (%llu bytes), so-lieu.xlsx %.3f s (%llu bytes)\n",
                seconds(t0, t1), seconds(t1, t2), static_cast<unsigned long long>(docx.bytes), seconds(t2, t3),
                static_cast<unsigned long long>(xlsx.bytes));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  return 0;
}
