#pragma once
// Helpers for the export and merge tests: a small journal with known contents, a CSV reader, and
// file and database peeks.
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/journal.h"

namespace fs = std::filesystem;

// Mid-month, mid-day UTC times: the same month in every time zone.
constexpr int64_t kOct15 = 1792040400, kOct16 = 1792126800, kNov3 = 1793682000;

// Three sessions in October and November: two of "traffic-safety" (one interrupted), one of
// "hand-washing"; 2 lessons and 3 games. A class group that needs CSV quoting.
inline void fill_journal(Journal& j) {
  auto s1 = j.start_session("Lá", "traffic-safety", kOct15);
  auto a = j.start_activity(s1, "lesson", "traffic-safety/crossing", kOct15 + 10);
  j.end_activity(a, "finished", R"({"cues_reached": 2, "note": "a, \"b\""})", kOct15 + 300);
  a = j.start_activity(s1, "game", "traffic-safety/lights", kOct15 + 310);
  j.end_activity(a, "finished", R"({"rounds": 3})", kOct15 + 400);
  j.end_session(s1, kOct15 + 1200);

  auto s2 = j.start_session("Mầm \"B\", 2", "hand-washing", kOct16);
  for (int i = 0; i < 2; ++i) {
    a = j.start_activity(s2, "game", "hand-washing/steps", kOct16 + 100 * i);
    j.end_activity(a, "left", "{}", kOct16 + 100 * i + 50);
  }
  j.end_session(s2, kOct16 + 600);

  auto s3 = j.start_session("Lá", "traffic-safety", kNov3);
  a = j.start_activity(s3, "lesson", "traffic-safety/helmet", kNov3 + 5);
  j.heartbeat(s3, kNov3 + 300);
  j.end_activity(a, "finished", "{}", kNov3 + 290);
  j.interrupt_session(s3, kNov3 + 300);
}


// RFC 4180 reader: rows of fields, the BOM dropped.
inline std::vector<std::vector<std::string>> parse_csv(std::string text) {
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += text[++i];
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      row.push_back(field);
      rows.push_back(row);
      row.clear();
      field.clear();
      ++i;
    } else {
      field += c;
    }
  }
  return rows;
}

// The first value of a query through a fresh read-only connection.
inline std::string query(const fs::path& db, const std::string& sql) {
  sqlite3* h = nullptr;
  sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
    auto* p = sqlite3_column_text(st, 0);
    out = p ? reinterpret_cast<const char*>(p) : "";
  }
  sqlite3_finalize(st);
  sqlite3_close(h);
  return out;
}

// What a folder holds: names, sorted.
inline std::vector<std::string> listing(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}
