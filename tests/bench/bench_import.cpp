// Import time and peak memory of the big files teachers bring: a 200 MB H5P interactive video and a
// 100-page PDF. Prints numbers, asserts nothing. Each import runs in a child process so that its
// peak RSS is its own, not the test files' making.
//   build/tests/bench_import [WORK_DIR] [VIDEO_MB] [PDF_PAGES]
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "core/content_import.h"
#include "h5p_maker.h"
#include "pdf_maker.h"
#include "temp_dir.h"

namespace {
// Imports the one file on `stick` into `imported` in a child; prints its wall time and peak RSS.
void measure(const char* what, const fs::path& stick, const fs::path& imported) {
  std::fflush(stdout);  // or the child prints it again
  const auto start = std::chrono::steady_clock::now();
  const pid_t child = fork();
  if (child == 0) {
    try {
      auto packs = scan_stick(stick, imported);
      if (packs.size() != 1 || !packs[0].importable()) _exit(2);
      std::printf("  %s: %s\n", what, packs[0].becomes.c_str());
      std::fflush(stdout);
      import_pack(packs[0], imported, {});
      _exit(0);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "%s: %s\n", what, e.what());
      _exit(1);
    }
  }
  int status = 0;
  rusage usage{};
  wait4(child, &status, 0, &usage);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%-28s %s in %.2f s, peak RSS %.1f MB, CPU %.2f s\n", what,
              WIFEXITED(status) && WEXITSTATUS(status) == 0 ? "imported" : "FAILED", seconds, usage.ru_maxrss / 1024.0,
              usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6);
}
}  // namespace

int main(int argc, char** argv) {
  TempDir scratch;
  const fs::path work = argc > 1 ? fs::path(argv[1]) : scratch.path;
  const int video_mb = argc > 2 ? std::atoi(argv[2]) : 200, pages = argc > 3 ? std::atoi(argv[3]) : 100;
  const fs::path video = work / "video.mp4";
  fs::create_directories(work);
  if (!fs::exists(video)) {  // a lossless test pattern, cut so that the package (deflated as Lumi does) is VIDEO_MB
    const std::string cmd = "ffmpeg -nostdin -loglevel error -y -f lavfi -i testsrc2=size=1920x1080:rate=30 -t 900 "
                            "-c:v libx264 -preset ultrafast -qp 0 -fs " + std::to_string(video_mb * 1048576LL * 6 / 5) +
                            " " + video.string();
    if (std::system(cmd.c_str()) != 0) return 1;
  }
  {
    H5pSpec spec;
    spec.title = "Bài học dài";
    spec.library = "H5P.InteractiveVideo";
    spec.content = {{"interactiveVideo",
                     {{"video", {{"files", {{{"path", "videos/lesson.mp4"}, {"mime", "video/mp4"}}}}}},
                      {"assets", {{"interactions", {{{"pause", true}, {"duration", {{"from", 3}}},
                                                    {"action", {{"library", "H5P.Text 1.1"}, {"params", {{"text", "Câu hỏi?"}}}}}}}}}}}}};
    spec.media = {{"content/videos/lesson.mp4", read_file(video), ""}};
    make_h5p(work / "h5p-stick" / "lesson.h5p", spec);
  }
  std::vector<PdfPage> pdf_pages;
  for (int i = 0; i < pages; ++i) pdf_pages.push_back({"Page " + std::to_string(i + 1), 0x2A9D8Fu + 977u * i});
  make_pdf(work / "pdf-stick" / "book.pdf", pdf_pages, "Book");
  std::printf("H5P package %.1f MB, PDF of %d pages %.1f KB\n", fs::file_size(work / "h5p-stick/lesson.h5p") / 1048576.0,
              pages, fs::file_size(work / "pdf-stick/book.pdf") / 1024.0);
  fs::remove_all(work / "imported");
  measure("H5P interactive video", work / "h5p-stick", work / "imported");
  measure("PDF picture story", work / "pdf-stick", work / "imported");
  return 0;
}
