#pragma once
// Timings for benchmarks and profiling, written to stderr only when asked for in the environment:
//
// KIOSK_TRACE_STARTUP=1: each step of the start-up up to the first frame, with the milliseconds
// since the process started and since the step before ("kiosk: startup  412.3 ms (+ 35.1) first
// frame rendered and swapped: home"). The process start comes from /proc/self/stat, so the first
// figure is exact to the kernel's clock tick (10 ms); the differences between steps are exact.
//
// KIOSK_TRACE_FRAMES=1: each frame's number, screen and the milliseconds from the start of its
// drawing to the end of its buffer swap ("kiosk: frame 42 game drawn in 8.1 ms").
//
// Threads: the UI thread only.
#include <cstdint>
#include <string>

void trace_startup(const char* step);

// The time between a FrameTimer's making and its done(), when KIOSK_TRACE_FRAMES=1.
class FrameTimer {
 public:
  FrameTimer();
  void done(uint64_t frame, const std::string& screen) const;

 private:
  double start_ = 0;
};
