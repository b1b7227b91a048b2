#include "app/trace.h"

#include <time.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

namespace {
bool asked(const char* variable) {
  const char* flag = std::getenv(variable);
  return flag && std::strcmp(flag, "1") == 0;
}

double boot_ms() {
  timespec ts;
  clock_gettime(CLOCK_BOOTTIME, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

// The process's start in ms since boot (field 22 of proc(5)'s stat, in clock ticks), or 0.
double process_start_ms() {
  std::ifstream in("/proc/self/stat");
  std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto paren = stat.rfind(')');
  if (paren == std::string::npos) return 0;
  std::istringstream fields(stat.substr(paren + 2));  // from field 3 on
  std::string field;
  for (int i = 3; i <= 22 && fields >> field; ++i) {
    if (i == 22) return std::stod(field) * 1e3 / sysconf(_SC_CLK_TCK);
  }
  return 0;
}

const bool kTraceFrames = asked("KIOSK_TRACE_FRAMES");
}  // namespace

void trace_startup(const char* step) {
  static const bool enabled = asked("KIOSK_TRACE_STARTUP");
  if (!enabled) return;
  static const double start = process_start_ms();
  static double last = start;
  const double now = boot_ms();
  std::fprintf(stderr, "kiosk: startup %7.1f ms (+%6.1f) %s\n", now - start, now - last, step);
  last = now;
}

FrameTimer::FrameTimer() : start_(kTraceFrames ? boot_ms() : 0) {}

void FrameTimer::done(uint64_t frame, const std::string& screen) const {
  if (kTraceFrames)
    std::fprintf(stderr, "kiosk: frame %llu %s drawn in %.2f ms\n", static_cast<unsigned long long>(frame),
                 screen.c_str(), boot_ms() - start_);
}
