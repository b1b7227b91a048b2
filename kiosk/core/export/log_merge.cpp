#include "core/export/log_merge.h"

#include <sqlite3.h>

#include <algorithm>
#include <set>

#include "core/export/journal_files.h"
#include "core/export/output_files.h"
#include "core/export/report_docx.h"
#include "core/export/report_xlsx.h"
#include "core/export/sqlite_db.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/text.h"

namespace fs = std::filesystem;
using Kind = ExportError::Kind;

namespace {
constexpr const char* kExtraTables = R"sql(
CREATE TABLE IF NOT EXISTS devices (device_id TEXT PRIMARY KEY, device_name TEXT NOT NULL, school TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS topics (id TEXT PRIMARY KEY, title TEXT NOT NULL);
)sql";

// Upserts: a row already there is replaced only by a later version of itself. At an equal heartbeat
// the closed row is the later one: recovery closes a crashed session (and its activities) without
// moving the heartbeat, so an export from before the restart holds the same heartbeat, still running.
constexpr const char* kMergeRows = R"sql(
INSERT INTO sessions (id, device_id, class_group, topic, started_at, ended_at, duration_s, status, started_unix,
                      heartbeat_unix)
  SELECT id, device_id, class_group, topic, started_at, ended_at, duration_s, status, started_unix, heartbeat_unix
  FROM src.sessions WHERE true
  ON CONFLICT (id) DO UPDATE SET device_id = excluded.device_id, class_group = excluded.class_group,
    topic = excluded.topic, started_at = excluded.started_at, ended_at = excluded.ended_at,
    duration_s = excluded.duration_s, status = excluded.status, started_unix = excluded.started_unix,
    heartbeat_unix = excluded.heartbeat_unix
  WHERE (excluded.heartbeat_unix, excluded.status != 'running') >
        (sessions.heartbeat_unix, sessions.status != 'running');
INSERT INTO activities (id, session_id, kind, ref, started_at, ended_at, duration_s, status, details, started_unix,
                        updated_unix)
  SELECT id, session_id, kind, ref, started_at, ended_at, duration_s, status, details, started_unix, updated_unix
  FROM src.activities WHERE true
  ON CONFLICT (id) DO UPDATE SET session_id = excluded.session_id, kind = excluded.kind, ref = excluded.ref,
    started_at = excluded.started_at, ended_at = excluded.ended_at, duration_s = excluded.duration_s,
    status = excluded.status, details = excluded.details, started_unix = excluded.started_unix,
    updated_unix = excluded.updated_unix
  WHERE (excluded.updated_unix, excluded.status != 'running') >
        (activities.updated_unix, activities.status != 'running');
INSERT INTO devices (device_id, device_name, school)
  SELECT value, ifnull((SELECT value FROM src.meta WHERE key = 'device_name'), ''),
         ifnull((SELECT value FROM src.meta WHERE key = 'school'), '')
  FROM src.meta WHERE key = 'device_id'
  ON CONFLICT (device_id) DO UPDATE SET
    device_name = CASE excluded.device_name WHEN '' THEN devices.device_name ELSE excluded.device_name END,
    school = CASE excluded.school WHEN '' THEN devices.school ELSE excluded.school END;
)sql";

// The report settings of the export made last (by its exported_at), whatever order they come in.
constexpr const char* kMergeReportSettings = R"sql(
INSERT OR REPLACE INTO meta (key, value)
  SELECT k.key, k.value FROM src.meta k, src.meta t
  WHERE k.key IN ('report_settings', 'exported_at') AND t.key = 'exported_at'
    AND t.value >= ifnull((SELECT value FROM main.meta WHERE key = 'exported_at'), '')
  ORDER BY k.key = 'exported_at';
)sql";

int count(SqliteDb& db, const char* table) { return std::stoi(db.value(std::string("SELECT count(*) FROM ") + table)); }

// The checksums of an export folder. They must cover journal.sqlite: that is the file the merge reads.
std::vector<Checksum> export_checksums(const fs::path& dir) {
  auto folder = dir.string();
  if (!fs::exists(dir / "SHA256SUMS"))
    throw ExportError(Kind::Damaged,
                      format(tr("The export folder %s is damaged: it has no SHA256SUMS."), folder.c_str()));
  auto sums = read_checksums(dir);
  if (std::none_of(sums.begin(), sums.end(), [](const Checksum& s) { return s.name == "journal.sqlite"; }))
    throw ExportError(Kind::Damaged,
                      format(tr("The export folder %s is damaged: SHA256SUMS does not list journal.sqlite."),
                             folder.c_str()));
  return sums;
}

// An export folder: journal.sqlite there, and every file as its SHA256SUMS says.
void check_export(const fs::path& dir) {
  auto folder = dir.string();
  if (!fs::is_regular_file(dir / "journal.sqlite"))
    throw ExportError(Kind::Other, format(tr("%s is not an export folder: it has no journal.sqlite."), folder.c_str()));
  auto sums = export_checksums(dir);
  // verify_files takes a missing file for a stick pulled out; here the folder is still there.
  for (const auto& s : sums)
    if (!fs::exists(dir / s.name))
      throw ExportError(Kind::Damaged, format(tr("The export folder %s is damaged: %s is missing."), folder.c_str(),
                                              s.name.c_str()));
  try {
    verify_files(dir, sums);
  } catch (const ExportError& e) {
    if (e.kind != Kind::Damaged) throw;
    throw ExportError(Kind::Damaged, format(tr("The export folder %s is damaged: its files do not match SHA256SUMS."),
                                            folder.c_str()));
  }
}

// The journal's own tables, taken from the first export so the schema is written in one place.
void create_schema(SqliteDb& merged) {
  if (!merged.has_table("main", "sessions")) {
    SqliteStmt st(merged,
                  "SELECT sql FROM src.sqlite_master WHERE name IN ('meta', 'sessions', 'activities', "
                  "'activities_session') AND sql IS NOT NULL ORDER BY type DESC, rowid");
    std::vector<std::string> statements;
    while (st.step()) statements.emplace_back(st.text(0));
    for (const auto& sql : statements) merged.exec(sql);
  }
  merged.exec(kExtraTables);
}

void merge_one(SqliteDb& merged, const fs::path& dir) {
  SqliteStmt attach(merged, "ATTACH DATABASE ? AS src");
  attach.bind(1, sqlite_uri(dir / "journal.sqlite", "mode=ro")).step();
  try {
    merged.exec("BEGIN");
    create_schema(merged);
    merged.exec(kMergeRows);
    merged.exec(kMergeReportSettings);
    if (merged.has_table("src", "topics"))
      merged.exec("INSERT INTO topics (id, title) SELECT id, title FROM src.topics WHERE title != '' "
                  "ON CONFLICT (id) DO UPDATE SET title = excluded.title");
    merged.exec("COMMIT");
  } catch (...) {
    sqlite3_exec(merged.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    merged.exec("DETACH DATABASE src");
    throw;
  }
  merged.exec("DETACH DATABASE src");
}

// Writes dir/name through a temporary name: a reader never sees it half-written.
Checksum replace_file(const fs::path& dir, const std::string& name, const std::function<std::string(const fs::path&)>& write) {
  auto tmp = dir / partial_name(name);
  try {
    Checksum sum{tmp.filename().string(), write(tmp)};
    verify_files(dir, {sum});
    publish_file(tmp, dir / name);
    return {name, sum.sha256};
  } catch (...) {
    std::error_code ec;
    fs::remove(tmp, ec);
    throw;
  }
}

// The school of the merged classrooms, "" when they name none or several.
std::string merged_school(SqliteDb& merged) {
  std::set<std::string> schools;
  SqliteStmt st(merged, "SELECT DISTINCT school FROM devices WHERE school != ''");
  while (st.step()) schools.emplace(st.text(0));
  return schools.size() == 1 ? *schools.begin() : "";
}
}  // namespace

MergeResult merge_exports(const fs::path& out_dir, const std::vector<fs::path>& export_dirs,
                          const std::function<void(double, const std::string&)>& progress, const ReportPeriod& period) {
  auto db_path = out_dir / "merged.sqlite";
  MergeResult r;
  std::vector<Checksum> sums;
  std::string heading;
  ReportingSchool who;
  try {
    std::error_code ec;
    fs::create_directories(out_dir, ec);
    if (ec) throw destination_error(ec.value(), out_dir);
    SqliteDb merged(sqlite_uri(db_path), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    merged.exec("PRAGMA journal_mode = DELETE");  // one self-contained file to carry around
    merged.exec(kExtraTables);
    int sessions_before = merged.has_table("main", "sessions") ? count(merged, "sessions") : 0;
    int activities_before = merged.has_table("main", "activities") ? count(merged, "activities") : 0;
    // Every folder is checked before anything is merged: a damaged one stops the merge untouched.
    double step = 1.0 / std::max<size_t>(1, export_dirs.size());
    for (size_t i = 0; i < export_dirs.size(); ++i) {
      progress(0.2 * step * i, "Checking " + export_dirs[i].filename().string());
      check_export(export_dirs[i]);
    }
    for (const auto& dir : export_dirs) {
      progress(0.2 + 0.4 * step * r.exports, "Merging " + dir.filename().string());
      merge_one(merged, dir);
      ++r.exports;
    }
    if (!merged.has_table("main", "sessions"))
      throw ExportError(Kind::Other, tr("Nothing to merge: give at least one export folder."));
    r.devices = count(merged, "devices");
    r.sessions = count(merged, "sessions");
    r.activities = count(merged, "activities");
    r.new_sessions = r.sessions - sessions_before;
    r.new_activities = r.activities - activities_before;
    who.school = merged_school(merged);
    who.settings = parse_report_settings(merged.value("SELECT ifnull((SELECT value FROM meta WHERE key = 'report_settings'), '')"));
    who.written_on = iso8601_local(unix_now()).substr(0, 10);
    heading = (who.school.empty() ? "Tổng hợp" : who.school) + format(" — %d thiết bị / devices", r.devices);
    sums.push_back(replace_file(out_dir, "activities.csv", [&](const fs::path& p) {
      return write_activities_csv(merged, p, [&](double f) { progress(0.6 + 0.25 * f, "Writing activities.csv"); }).sha256;
    }));
    sums.push_back(replace_file(out_dir, "sessions.csv", [&](const fs::path& p) {
      return write_sessions_csv(merged, p, [&](double f) { progress(0.85 + 0.05 * f, "Writing sessions.csv"); }).sha256;
    }));
  } catch (const SqliteError& e) {
    throw destination_error(e, db_path);
  }
  try {
    progress(0.9, "Writing report.html");
    sums.push_back({"merged.sqlite", seal_file(db_path)});
    ReportFigures figures = compute_report(db_path, {}, period);
    sums.push_back(replace_file(out_dir, "report.html",
                                [&](const fs::path& p) { return write_report(figures, heading, p).sha256; }));
    progress(0.93, "Writing bao-cao.docx");
    sums.push_back(replace_file(out_dir, "bao-cao.docx",
                                [&](const fs::path& p) { return write_report_docx(figures, who, p).sha256; }));
    progress(0.96, "Writing so-lieu.xlsx");
    sums.push_back(replace_file(out_dir, "so-lieu.xlsx",
                                [&](const fs::path& p) { return write_report_xlsx(figures, who, p).sha256; }));
    replace_file(out_dir, "SHA256SUMS", [&](const fs::path& p) { return write_checksums(p, sums); });
  } catch (const SqliteError& e) {
    throw destination_error(e, db_path);
  } catch (const std::system_error& e) {
    throw destination_error(e.code().value(), db_path);
  }
  progress(1, "Done");
  return r;
}
