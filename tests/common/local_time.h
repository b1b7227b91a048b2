#pragma once
// Unix time of a local wall-clock time, so tests of day boundaries hold in any time zone.
#include <cstdint>
#include <ctime>

inline int64_t local_time(int year, int month, int day, int hour, int minute) {
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_isdst = -1;
  return std::mktime(&tm);
}
