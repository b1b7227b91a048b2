#include <catch2/catch.hpp>
#include <cstdlib>
#include <ctime>

#include "core/clock.h"
#include "core/text.h"

TEST_CASE("ascii_slug removes Vietnamese diacritics for stable ids") {
  CHECK(ascii_slug("Lá") == "La");
  CHECK(ascii_slug("Nhà trẻ") == "Nha-tre");
  CHECK(ascii_slug("Mầm") == "Mam");
  CHECK(ascii_slug("Chồi") == "Choi");
  CHECK(ascii_slug("Đi học đúng giờ!") == "Di-hoc-dung-gio");
  CHECK(ascii_slug("  Lớp 5A  ") == "Lop-5A");
  CHECK(ascii_slug("") == "");
}

TEST_CASE("format fills a translated pattern") {
  CHECK(format("Lớp %s", "Lá") == "Lớp Lá");
  CHECK(format("%d phút", 12) == "12 phút");
}

TEST_CASE("iso8601_local writes local time with its UTC offset") {
  const char* old = std::getenv("TZ");
  std::string saved = old ? old : "";
  setenv("TZ", "UTC-7", 1);  // POSIX spelling of UTC+07:00, the time zone of Vietnam
  tzset();
  CHECK(iso8601_local(0) == "1970-01-01T07:00:00+07:00");
  CHECK(iso8601_local(1795596478) == "2026-11-25T15:47:58+07:00");
  if (old) setenv("TZ", saved.c_str(), 1); else unsetenv("TZ");
  tzset();
}
