#include "core/export/report_figures.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <optional>

#include "core/export/sqlite_db.h"
#include "core/text.h"

namespace {
using Labels = std::map<std::string, std::string>;

// Longer runs of empty months are a wrong clock's doing, not a campaign's pause: left out.
constexpr int kLongestFilledGap = 24;

std::string month_key(int index) { return format("%04d-%02d", index / 12, index % 12 + 1); }

// "2026-11" as months since year 0, so months can be counted and stepped through.
std::optional<int> month_index(const std::string& key) {
  int year = 0, month = 0;
  if (std::sscanf(key.c_str(), "%4d-%2d", &year, &month) != 2 || month < 1 || month > 12) return std::nullopt;
  int index = year * 12 + month - 1;
  return month_key(index) == key ? std::optional<int>(index) : std::nullopt;  // nothing more, nothing less
}

// "2026-09" .. "2027-08" -> "2026-2027"; a key that is no month stays as it is.
std::string school_year(const std::string& month) {
  auto index = month_index(month);
  if (!index) return month;
  int start = (*index - 8) / 12;  // index 8 of a year is its September
  return format("%d-%d", start, start + 1);
}

// Zero rows for the months without sessions between two with some (and from the period's first
// month to its last, when it has both), so the chart and the tables show time evenly.
void fill_months(std::map<std::string, Tally>& months, const ReportPeriod& period) {
  std::optional<int> first, last;
  if (!period.from.empty()) first = month_index(period.from.substr(0, 7));
  if (!period.to.empty()) last = month_index(period.to.substr(0, 7));
  if (first && last && *last - *first <= kLongestFilledGap) {
    months[month_key(*first)];
    months[month_key(*last)];
  }
  std::vector<int> seen;
  for (const auto& entry : months)
    if (auto index = month_index(entry.first)) seen.push_back(*index);
  for (size_t k = 1; k < seen.size(); ++k)
    if (seen[k] - seen[k - 1] - 1 <= kLongestFilledGap)
      for (int index = seen[k - 1] + 1; index < seen[k]; ++index) months[month_key(index)];
}

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

bool is_nursery(const std::string& class_group) { return ascii_slug(class_group).rfind("Nha-tre", 0) == 0; }

std::vector<std::string> ReportFigures::class_groups() const {
  static const std::vector<std::string> kUsual = {"Nha-tre", "Mam", "Choi", "La"};
  auto rank = [](const std::string& group) {
    auto it = std::find(kUsual.begin(), kUsual.end(), ascii_slug(group));
    return it - kUsual.begin();
  };
  std::vector<std::string> groups;
  for (const auto& t : by_class) groups.push_back(t.key);
  std::sort(groups.begin(), groups.end(), [&](const std::string& a, const std::string& b) {
    return std::make_pair(rank(a), a) < std::make_pair(rank(b), b);
  });
  return groups;
}

namespace {
Tally sum_of(const std::vector<Tally>& classes, bool nursery) {
  Tally sum;
  for (const auto& t : classes)
    if (is_nursery(t.key) == nursery) {
      sum.sessions += t.sessions;
      sum.seconds += t.seconds;
      sum.lessons += t.lessons;
      sum.games += t.games;
    }
  return sum;
}
}  // namespace

std::string ReportFigures::period_vi() const {
  if (from_day().empty()) return "";
  std::string days = "từ ngày " + day_vi(from_day()) + " đến ngày " + day_vi(to_day());
  return period.name.empty() ? days : period.name + " (" + days + ")";
}

Tally ReportFigures::nursery() const { return sum_of(by_class, true); }
Tally ReportFigures::kindergarten() const { return sum_of(by_class, false); }

int64_t estimated_child_sessions(const ReportFigures& f, const std::map<std::string, int>& children_per_class) {
  int64_t sum = 0;
  for (const auto& t : f.by_class) sum += int64_t{t.sessions} * children_in_class(children_per_class, t.key);
  return sum;
}

ReportFigures compute_report(const std::filesystem::path& path, const TopicTitles& titles, const ReportPeriod& period) {
  SqliteDb db(sqlite_uri(path, "mode=ro"), SQLITE_OPEN_READONLY);
  Labels topic_labels = db.has_table("main", "topics") ? read_labels(db, "SELECT id, title FROM topics") : Labels{};
  for (const auto& [id, title] : titles) topic_labels[id] = title;
  Labels device_labels =
      db.has_table("main", "devices")
          ? read_labels(db, "SELECT device_id, device_name FROM devices")
          : read_labels(db, "SELECT (SELECT value FROM meta WHERE key = 'device_id'), value FROM meta "
                            "WHERE key = 'device_name'");

  // One pass over the sessions, each with the lessons and games that count (kShortestActivitySeconds).
  SqliteStmt st(db, format("SELECT s.device_id, s.class_group, s.topic, substr(s.started_at, 1, 10), s.duration_s, "
                           "ifnull(a.lessons, 0), ifnull(a.games, 0) FROM sessions s LEFT JOIN "
                           "(SELECT session_id, sum(kind = 'lesson') AS lessons, sum(kind = 'game') AS games "
                           " FROM activities WHERE status = 'finished' OR (status <> 'failed' AND duration_s >= %d) "
                           " GROUP BY session_id) a ON a.session_id = s.id "
                           "WHERE substr(s.started_at, 1, 10) BETWEEN ? AND ?",
                           kShortestActivitySeconds));
  st.bind(1, period.from.empty() ? std::string("0000-00-00") : period.from)
      .bind(2, period.to.empty() ? std::string("9999-99-99") : period.to);
  ReportFigures f;
  f.period = period;
  std::map<std::string, Tally> years, months, topics, classes, devices;
  while (st.step()) {
    std::string day(st.text(3));
    int64_t seconds = st.integer(4);
    int lessons = static_cast<int>(st.integer(5)), games = static_cast<int>(st.integer(6));
    if (lessons + games == 0) {  // nothing watched or played: no class was held
      ++f.uncounted_sessions;
      continue;
    }
    add(f.total, seconds, lessons, games);
    std::string month = day.substr(0, 7);
    add(years[school_year(month)], seconds, lessons, games);
    add(months[month], seconds, lessons, games);
    add(topics[std::string(st.text(2))], seconds, lessons, games);
    add(classes[std::string(st.text(1))], seconds, lessons, games);
    add(f.by_month_class[month][std::string(st.text(1))], seconds, lessons, games);
    add(devices[std::string(st.text(0))], seconds, lessons, games);
    if (f.first_day.empty() || day < f.first_day) f.first_day = day;
    if (day > f.last_day) f.last_day = day;
  }
  f.total.key = "total";
  fill_months(months, period);
  Labels year_labels;  // "2026-2027" -> "2026–2027", with the dash a year range takes in print
  for (const auto& [key, t] : years)
    if (key.size() == 9) year_labels[key] = key.substr(0, 4) + "–" + key.substr(5);
  Labels month_labels;  // "2026-11" -> "11/2026", as a Vietnamese reader writes a month
  for (const auto& [key, t] : months)
    if (key.size() == 7) month_labels[key] = key.substr(5) + "/" + key.substr(0, 4);
  f.by_school_year = to_list(years, year_labels, false);
  f.by_month = to_list(months, month_labels, false);
  f.by_topic = to_list(topics, topic_labels, true);
  f.by_class = to_list(classes, {}, true);
  f.by_device = to_list(devices, device_labels, true);
  return f;
}
