#include "core/export/report_period.h"

#include <cstdio>

#include "core/text.h"

namespace {
bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool real_day(const std::string& day) {
  int y = 0, m = 0, d = 0;
  if (day.size() != 10 || std::sscanf(day.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return false;
  if (format("%04d-%02d-%02d", y, m, d) != day || m < 1 || m > 12 || d < 1) return false;
  const int days[] = {31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return d <= days[m - 1];
}

std::string checked(const std::string& day) {
  if (!day.empty() && !real_day(day))
    throw std::invalid_argument("'" + day + "' is not a date: write it as YYYY-MM-DD, e.g. 2026-09-01");
  return day;
}

int year_of(const std::string& day) { return std::stoi(day.substr(0, 4)); }
}  // namespace

ReportPeriod school_year_period(int start_year) {
  return {format("%04d-09-01", start_year), format("%04d-05-31", start_year + 1),
          format("năm học %d-%d", start_year, start_year + 1)};
}

int school_year_of(const std::string& day) {
  int year = year_of(day), month = std::stoi(day.substr(5, 2));
  return month >= 9 ? year : year - 1;
}

ReportPeriod calendar_year_period(const std::string& cutoff) {
  checked(cutoff);
  return {cutoff.substr(0, 4) + "-01-01", cutoff, "năm " + cutoff.substr(0, 4)};
}

ReportPeriod whole_journal_period() { return {}; }

ReportPeriod range_period(const std::string& from, const std::string& to) {
  checked(from);
  checked(to);
  if (!from.empty() && !to.empty() && to < from)
    throw std::invalid_argument("the period ends (" + to + ") before it starts (" + from + ")");
  return {from, to, ""};
}

ReportPeriod parse_period(const std::string& choice, const std::string& today) {
  if (auto dots = choice.find(".."); dots != std::string::npos)
    return range_period(choice.substr(0, dots), choice.substr(dots + 2));
  if (choice.empty() || choice == "all") return whole_journal_period();
  auto colon = choice.find(':');
  std::string kind = choice.substr(0, colon), arg = colon == std::string::npos ? "" : choice.substr(colon + 1);
  if (kind == "school-year") {
    if (arg.empty()) return school_year_period(school_year_of(checked(today)));
    if (arg.size() == 4 && arg.find_first_not_of("0123456789") == std::string::npos)
      return school_year_period(std::stoi(arg));
    throw std::invalid_argument("school-year:" + arg + ": give the year it starts in, e.g. school-year:2026");
  }
  if (kind == "year") return calendar_year_period(arg.empty() ? today : arg);
  throw std::invalid_argument("unknown period '" + choice +
                              "': all, school-year[:YYYY], year[:YYYY-MM-DD] or YYYY-MM-DD..YYYY-MM-DD");
}

std::string day_vi(const std::string& iso) {
  return iso.size() == 10 ? iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4) : iso;
}
