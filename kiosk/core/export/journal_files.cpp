#include "core/export/journal_files.h"

#include "core/export/csv.h"
#include "core/export/output_files.h"
#include "core/export/report_html.h"
#include "core/export/sqlite_db.h"

namespace {
constexpr int kRowsPerTick = 5000;

// Chronological, then by UUID: the same database always gives the same bytes.
constexpr const char* kSessions =
    "SELECT s.id, s.device_id, ifnull(d.device_name, ''), ifnull(d.school, ''), s.class_group, s.topic, "
    "ifnull(t.title, ''), s.started_at, ifnull(s.ended_at, ''), s.duration_s, s.status, "
    "(SELECT count(*) FROM activities a WHERE a.session_id = s.id) "
    "FROM sessions s LEFT JOIN devices d ON d.device_id = s.device_id LEFT JOIN topics t ON t.id = s.topic "
    "ORDER BY s.started_unix, s.id";

constexpr const char* kActivities =
    "SELECT a.id, a.session_id, ifnull(s.device_id, ''), ifnull(d.device_name, ''), a.kind, a.ref, a.started_at, "
    "ifnull(a.ended_at, ''), a.duration_s, a.status, a.details "
    "FROM activities a LEFT JOIN sessions s ON s.id = a.session_id "
    "LEFT JOIN devices d ON d.device_id = s.device_id ORDER BY a.started_unix, a.id";

// Runs `sql` and writes one CSV row per result through `row`, ticking progress as it goes.
template <typename RowWriter>
WrittenFile write_csv(SqliteDb& db, const char* count_sql, const char* sql, const std::string& header,
                      const std::filesystem::path& path, const FileProgress& progress, RowWriter row) {
  double total = std::max(1.0, std::stod("0" + db.value(count_sql)));
  FileOut out(path);
  out.write(kUtf8Bom);
  out.write(header);
  SqliteStmt st(db, sql);
  std::string line;
  WrittenFile written;
  while (st.step()) {
    line.clear();
    row(st, line);
    out.write(line);
    if (++written.rows % kRowsPerTick == 0) progress(written.rows / total);
  }
  written.sha256 = out.finish();
  written.bytes = out.bytes();
  progress(1);
  return written;
}
}  // namespace

WrittenFile write_sessions_csv(SqliteDb& db, const std::filesystem::path& path, const FileProgress& progress) {
  return write_csv(db, "SELECT count(*) FROM sessions", kSessions,
                   "session_id,device_id,device_name,school,class_group,topic,topic_title,started_at,ended_at,"
                   "duration_s,status,activities\r\n",
                   path, progress, [](const SqliteStmt& st, std::string& line) {
                     auto duration = std::to_string(st.integer(9)), activities = std::to_string(st.integer(11));
                     append_csv_row(line, {st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5),
                                           st.text(6), st.text(7), st.text(8), duration, st.text(10), activities});
                   });
}

WrittenFile write_activities_csv(SqliteDb& db, const std::filesystem::path& path, const FileProgress& progress) {
  return write_csv(db, "SELECT count(*) FROM activities", kActivities,
                   "activity_id,session_id,device_id,device_name,kind,topic,entry,started_at,ended_at,duration_s,"
                   "status,details\r\n",
                   path, progress, [](const SqliteStmt& st, std::string& line) {
                     auto ref = st.text(5);  // "topic/entry"
                     auto slash = ref.find('/');
                     auto topic = ref.substr(0, slash);
                     auto entry = slash == std::string_view::npos ? std::string_view() : ref.substr(slash + 1);
                     auto duration = std::to_string(st.integer(8));
                     append_csv_row(line, {st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), topic, entry,
                                           st.text(6), st.text(7), duration, st.text(9), st.text(10)});
                   });
}

WrittenFile write_report(const ReportFigures& figures, const std::string& heading, const std::filesystem::path& path) {
  FileOut out(path);
  out.write(report_html(figures, heading));
  WrittenFile written;
  written.sha256 = out.finish();
  written.bytes = out.bytes();
  return written;
}
