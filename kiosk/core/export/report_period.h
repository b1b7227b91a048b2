#pragma once
// The days a report covers. A session belongs to the local day it started on, so one that runs
// past midnight counts once, on its first day. Days are "YYYY-MM-DD", as the journal's local
// start times begin.
#include <stdexcept>
#include <string>

struct ReportPeriod {
  std::string from, to;  // inclusive; an empty one is open: since the first session / up to the last
  std::string name;      // how the report names it: "năm học 2026-2027", "năm 2026"; "" for a plain range

  bool contains(const std::string& day) const { return (from.empty() || day >= from) && (to.empty() || day <= to); }
};

// A Vietnamese school year: 1 September `start_year` to 31 May of the next year.
ReportPeriod school_year_period(int start_year);
// The school year a day is in, or the one just ended in the summer months: "2027-06-15" -> 2026.
int school_year_of(const std::string& day);
// 1 January of the cut-off's year to the cut-off day.
ReportPeriod calendar_year_period(const std::string& cutoff);
// Since the first recorded session, up to the last.
ReportPeriod whole_journal_period();
// Any range; either end may be empty (open). Throws std::invalid_argument for a day that is not a
// real date or a range that ends before it starts.
ReportPeriod range_period(const std::string& from, const std::string& to);

// A period as the admin's setting and the command line name it: "all" (or empty), "school-year"
// (the one `today` is in, or the one just ended in summer) or "school-year:2026" (2026-2027),
// "year" (this calendar year up to `today`) or "year:2026-11-05" (up to that day), or a range
// "2026-09-01..2027-05-31" (either end may be left out). Throws std::invalid_argument with a
// message for the user.
ReportPeriod parse_period(const std::string& choice, const std::string& today);

// "2026-09-01" -> "01/09/2026", as a Vietnamese date is written; anything else unchanged.
std::string day_vi(const std::string& iso_day);
