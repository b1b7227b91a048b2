#include "core/clock.h"

#include <ctime>

int64_t unix_now() { return static_cast<int64_t>(std::time(nullptr)); }

std::string iso8601_local(int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm local{};
  localtime_r(&t, &local);
  char date[32], zone[8];
  std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S", &local);
  std::strftime(zone, sizeof zone, "%z", &local);  // +0700; ISO 8601's extended form wants +07:00
  return std::string(date) + std::string(zone, 3) + ":" + std::string(zone + 3);
}
