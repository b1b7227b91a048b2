#include "core/clock.h"

#include <ctime>

int64_t unix_now() { return static_cast<int64_t>(std::time(nullptr)); }

std::string iso8601_local(int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm local{};
  localtime_r(&t, &local);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S%z", &local);
  std::string s(buf);
  // strftime gives +0700; ISO 8601 extended format wants +07:00.
  if (s.size() >= 5) s.insert(s.size() - 2, ":");
  return s;
}

int64_t whole_minutes(int64_t seconds) { return (seconds + 30) / 60; }
