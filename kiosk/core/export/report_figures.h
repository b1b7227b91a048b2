#pragma once
// The campaign's figures, read from a journal-format SQLite database (a kiosk's journal, an
// export's copy, or a merge of many): sessions, time and lessons/games played, by month, topic,
// class group and device. A session counts, completed or interrupted, when a lesson was watched or
// a game played in it; the journal and the CSVs keep every row.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

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

struct ReportFigures {
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
  std::string first_day, last_day;   // "2026-09-05"
};

using TopicTitles = std::map<std::string, std::string>;  // topic id -> title (Vietnamese)

// Titles come from `titles`, else from the database's topics table (exports and merges have one);
// device names from its devices table (merges) or its meta device_name (exports).
// Throws SqliteError (core/export/sqlite_db.h) when the database cannot be read.
ReportFigures compute_report(const std::filesystem::path& db, const TopicTitles& titles = {});
