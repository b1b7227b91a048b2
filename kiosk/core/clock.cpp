#include "core/clock.h"

#include <atomic>
#include <ctime>
#include <utility>

#include "core/i18n.h"
#include "core/text.h"

namespace {
std::atomic<double> g_advance{0};
}

double clock_advance() { return g_advance.load(); }
void advance_clocks(double seconds) { g_advance.store(g_advance.load() + seconds); }

int64_t unix_now() { return static_cast<int64_t>(std::time(nullptr)) + static_cast<int64_t>(clock_advance()); }

namespace {
// The local time in strftime's `format`, and its UTC offset as ISO 8601's extended form has it
// ("+07:00"; strftime's %z gives "+0700").
std::pair<std::string, std::string> local_time(int64_t unix_seconds, const char* format) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm local{};
  localtime_r(&t, &local);
  char text[32], zone[8];
  std::strftime(text, sizeof text, format, &local);
  std::strftime(zone, sizeof zone, "%z", &local);
  return {text, std::string(zone, 3) + ":" + std::string(zone + 3)};
}
}  // namespace

std::string iso8601_local(int64_t unix_seconds) {
  auto [date, offset] = local_time(unix_seconds, "%Y-%m-%dT%H:%M:%S");
  return date + offset;
}

std::string local_date_time(int64_t unix_seconds) {
  auto [date, offset] = local_time(unix_seconds, "%d/%m/%Y %H:%M");
  return date + " (UTC" + offset + ")";
}

std::string clock_problem(int64_t now, int64_t latest_recorded) {
  constexpr int64_t kFirstYear = 1'767'225'600;  // 2026-01-01 UTC: no session can be older
  constexpr int64_t kDay = 86'400;
  if (now < kFirstYear) return format(tr("The kiosk's clock shows %s, before this program existed."), local_date_time(now).c_str());
  if (latest_recorded > now + kDay)
    return format(tr("The kiosk's clock shows %s, earlier than a session already recorded (%s)."),
                  local_date_time(now).c_str(), local_date_time(latest_recorded).c_str());
  return "";
}
