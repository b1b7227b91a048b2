#include "core/export/report_figures.h"

#include <sqlite3.h>

#include <algorithm>

#include "core/export/sqlite_db.h"

namespace {
using Labels = std::map<std::string, std::string>;

Labels read_labels(SqliteDb& db, const std::string& sql) {
  Labels labels;
  SqliteStmt st(db, sql);
  while (st.step())
    if (!st.text(1).empty()) labels.emplace(st.text(0), st.text(1));
  return labels;
}

void add(Tally& t, int64_t seconds, int lessons, int games) {
  t.sessions += 1;
  t.seconds += seconds;
  t.lessons += lessons;
  t.games += games;
}

std::vector<Tally> to_list(std::map<std::string, Tally>& tallies, const Labels& labels, bool most_first) {
  std::vector<Tally> list;
  for (auto& [key, t] : tallies) {
    t.key = key;
    auto it = labels.find(key);
    t.label = it != labels.end() ? it->second : key;
    list.push_back(t);
  }
  if (most_first)  // stable: equal counts stay in key order
    std::stable_sort(list.begin(), list.end(), [](const Tally& a, const Tally& b) { return a.sessions > b.sessions; });
  return list;
}
}  // namespace

ReportFigures compute_report(const std::filesystem::path& path, const TopicTitles& titles) {
  SqliteDb db(sqlite_uri(path, "mode=ro"), SQLITE_OPEN_READONLY);
  Labels topic_labels = db.has_table("main", "topics") ? read_labels(db, "SELECT id, title FROM topics") : Labels{};
  for (const auto& [id, title] : titles) topic_labels[id] = title;
  Labels device_labels =
      db.has_table("main", "devices")
          ? read_labels(db, "SELECT device_id, device_name FROM devices")
          : read_labels(db, "SELECT (SELECT value FROM meta WHERE key = 'device_id'), value FROM meta "
                            "WHERE key = 'device_name'");

  // One pass over the sessions, each with its lesson and game counts.
  SqliteStmt st(db,
                "SELECT s.device_id, s.class_group, s.topic, substr(s.started_at, 1, 10), s.duration_s, "
                "ifnull(a.lessons, 0), ifnull(a.games, 0) FROM sessions s LEFT JOIN "
                "(SELECT session_id, sum(kind = 'lesson') AS lessons, sum(kind = 'game') AS games "
                " FROM activities GROUP BY session_id) a ON a.session_id = s.id");
  ReportFigures f;
  std::map<std::string, Tally> months, topics, classes, devices;
  while (st.step()) {
    std::string day(st.text(3));
    int64_t seconds = st.integer(4);
    int lessons = static_cast<int>(st.integer(5)), games = static_cast<int>(st.integer(6));
    add(f.total, seconds, lessons, games);
    add(months[day.substr(0, 7)], seconds, lessons, games);
    add(topics[std::string(st.text(2))], seconds, lessons, games);
    add(classes[std::string(st.text(1))], seconds, lessons, games);
    add(devices[std::string(st.text(0))], seconds, lessons, games);
    if (f.first_day.empty() || day < f.first_day) f.first_day = day;
    if (day > f.last_day) f.last_day = day;
  }
  f.total.key = "total";
  Labels month_labels;  // "2026-11" -> "11/2026", as a Vietnamese reader writes a month
  for (const auto& [key, t] : months)
    if (key.size() == 7) month_labels[key] = key.substr(5) + "/" + key.substr(0, 4);
  f.by_month = to_list(months, month_labels, false);
  f.by_topic = to_list(topics, topic_labels, true);
  f.by_class = to_list(classes, {}, true);
  f.by_device = to_list(devices, device_labels, true);
  return f;
}
