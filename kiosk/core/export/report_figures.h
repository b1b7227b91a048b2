#pragma once
// The campaign's figures, read from a journal-format SQLite database (a kiosk's journal, an
// export's copy, or a merge of many): sessions, time and lessons/games played, by month, topic,
// class group and device, over a period (report_period.h). A session counts, completed or
// interrupted, when a lesson was watched or a game played in it; the journal and the CSVs keep
// every row. Counts are sessions ("lượt"), never children: the kiosk does not know who was there.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/export/report_period.h"
#include "core/export/report_settings.h"

// A lesson or game counts as watched or played when it finished, or ran at least this long without
// failing: one left within seconds was opened by mistake, one that failed could not be seen.
constexpr int kShortestActivitySeconds = 10;

struct Tally {
  std::string key, label;  // label: what to show; the key itself when nothing better is known
  int sessions = 0;
  int64_t seconds = 0;
  int lessons = 0;
  int games = 0;
};

// Nhà trẻ (nursery, under 3) as against Mẫu giáo (Mầm, Chồi, Lá): the report gives both subtotals.
bool is_nursery(const std::string& class_group);

struct ReportFigures {
  ReportPeriod period;               // as asked
  Tally total;                       // all sessions counted
  int uncounted_sessions = 0;        // sessions without any lesson watched or game played: in no figure
  // Vietnamese school years run from September to May; a summer month counts in the year just ended.
  std::vector<Tally> by_school_year; // key "2026-2027", label "2026–2027"; oldest first
  // Key "2026-11", oldest first; a month without sessions between two with some has a zero row,
  // unless the gap is years long (a kiosk whose clock was wrong).
  std::vector<Tally> by_month;
  std::vector<Tally> by_topic;       // key topic id, label its title when known; most sessions first
  std::vector<Tally> by_class;       // key class group
  std::vector<Tally> by_device;      // key device id, label the device (classroom) name when known
  // Month key -> class group -> tally, for the months x class groups table; only pairs with sessions.
  std::map<std::string, std::map<std::string, Tally>> by_month_class;
  std::string first_day, last_day;   // of the sessions counted: "2026-09-05"

  // The days the report states ("Số liệu từ ngày ... đến ngày ..."): the period's ends, an open end
  // taken from the sessions counted.
  std::string from_day() const { return period.from.empty() ? first_day : period.from; }
  std::string to_day() const { return period.to.empty() ? last_day : period.to; }
  // "năm học 2026-2027 (từ ngày 01/09/2026 đến ngày 31/05/2027)", or only the days for a plain
  // range; "" when there is no day to state (an open period and no session).
  std::string period_vi() const;
  // Class groups in the order a report lists them: Nhà trẻ, Mầm, Chồi, Lá, then any other by name.
  std::vector<std::string> class_groups() const;
  Tally nursery() const;       // the sum of the nursery groups
  Tally kindergarten() const;  // the sum of the others (Mẫu giáo)
};

// "Lượt trẻ (ước tính)": each class group's sessions times the children in one class of it, summed
// over the groups whose count is known (children_in_class); 0 when none is.
int64_t estimated_child_sessions(const ReportFigures& figures, const std::map<std::string, int>& children_per_class);

using TopicTitles = std::map<std::string, std::string>;  // topic id -> title (Vietnamese)

// Only sessions that started on a day of `period` count (its months without sessions are listed
// as zero rows). Titles come from `titles`, else from the database's topics table (exports and merges have one);
// device names from its devices table (merges) or its meta device_name (exports).
// Throws SqliteError (core/export/sqlite_db.h) when the database cannot be read.
ReportFigures compute_report(const std::filesystem::path& db, const TopicTitles& titles = {},
                             const ReportPeriod& period = {});
