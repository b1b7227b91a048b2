#include "core/export/log_export.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <vector>

#include "core/clock.h"
#include "core/export/journal_files.h"
#include "core/export/output_files.h"
#include "core/export/report_docx.h"
#include "core/export/report_xlsx.h"
#include "core/export/sqlite_db.h"
#include "core/i18n.h"
#include "core/text.h"

namespace fs = std::filesystem;
using Kind = ExportError::Kind;
using Progress = std::function<void(double, const std::string&)>;

namespace {
constexpr int kPagesPerStep = 2048;

ExportError journal_error(const fs::path& journal, const std::string& why) {
  return {Kind::Journal, format(tr("The journal %s cannot be read: %s"), journal.string().c_str(), why.c_str())};
}

uint64_t size_or_zero(const fs::path& file) {
  std::error_code ec;
  auto size = fs::file_size(file, ec);
  return ec ? 0 : size;
}

// The stick is there, writable and roomy enough for the copy, the CSVs (about as large again) and
// the report, with a margin. Returns its device number, to notice it being swapped or unmounted.
dev_t check_destination(const fs::path& destination, const fs::path& journal) {
  struct stat st;
  if (stat(destination.c_str(), &st) != 0) throw destination_error(errno, destination);
  if (!S_ISDIR(st.st_mode)) throw destination_error(ENOTDIR, destination);
  struct statvfs vfs;
  if (statvfs(destination.c_str(), &vfs) != 0) throw destination_error(errno, destination);
  if (vfs.f_flag & ST_RDONLY) throw destination_error(EROFS, destination);
  uint64_t journal_bytes = size_or_zero(journal) + size_or_zero(journal.string() + "-wal");
  uint64_t needed = journal_bytes * 3 + (1 << 20);
  uint64_t free = static_cast<uint64_t>(vfs.f_bavail) * vfs.f_frsize;
  if (free < needed)
    throw ExportError(Kind::Full, format(tr("The USB stick is full: %s needed, %s free."), human_size(needed).c_str(),
                                         human_size(free).c_str()));
  return st.st_dev;
}

// Read access to the journal that leaves nothing behind. While the kiosk runs, a plain read-only
// connection shares its WAL. When no kiosk holds the journal's lock and no WAL is left over, the
// lock is taken (so no kiosk starts meanwhile) and the file is read as immutable: a read-only WAL
// connection would otherwise create -wal and -shm files the kiosk's own user may not be able to open.
struct JournalReader {
  int lock_fd = -1;
  std::unique_ptr<SqliteDb> db;

  explicit JournalReader(const fs::path& journal) {
    if (!fs::is_regular_file(journal)) throw journal_error(journal, tr("there is no journal file"));
    lock_fd = open((journal.string() + ".lock").c_str(), O_RDWR | O_CLOEXEC);
    bool alone = lock_fd >= 0 && flock(lock_fd, LOCK_EX | LOCK_NB) == 0;
    bool immutable = alone && !fs::exists(journal.string() + "-wal");
    try {
      db = std::make_unique<SqliteDb>(sqlite_uri(journal, immutable ? "mode=ro&immutable=1" : "mode=ro"),
                                      SQLITE_OPEN_READONLY);
      db->exec("BEGIN");  // one snapshot for the whole copy, whatever the kiosk commits meanwhile
      db->value("SELECT count(*) FROM sqlite_master");
    } catch (const SqliteError& e) {
      release();
      throw journal_error(journal, e.what());
    }
  }
  ~JournalReader() { release(); }
  void release() {
    db.reset();
    if (lock_fd >= 0) close(lock_fd);
    lock_fd = -1;
  }
};

// SQLite's online backup: a consistent copy even while the kiosk writes.
void backup(SqliteDb& source, SqliteDb& copy, const fs::path& journal, const fs::path& copy_path,
            const std::function<void(double)>& progress) {
  sqlite3_backup* b = sqlite3_backup_init(copy.handle(), "main", source.handle(), "main");
  if (!b) {
    try {
      copy.fail("backup");
    } catch (const SqliteError& e) {
      throw destination_error(e, copy_path);
    }
  }
  int rc;
  while ((rc = sqlite3_backup_step(b, kPagesPerStep)) == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
    int total = sqlite3_backup_pagecount(b);
    if (total > 0) progress(1.0 - static_cast<double>(sqlite3_backup_remaining(b)) / total);
    if (rc != SQLITE_OK) sqlite3_sleep(50);
  }
  sqlite3_backup_finish(b);
  if (rc == SQLITE_DONE) return progress(1);
  int primary = rc & 0xff;
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) throw journal_error(journal, sqlite3_errstr(rc));
  throw destination_error(SqliteError(sqlite3_errstr(rc), primary, sqlite3_system_errno(copy.handle())), copy_path);
}

// "Lop-La-1_2026-11-25_3f9a2c1e": the classroom and day for the admin, and the start of the device
// id, so that two kiosks of the same name (or names that differ only by accents) exporting on the
// same day never replace each other's folder on the stick; the same kiosk's later export does.
std::string folder_name(const std::string& device_name, const std::string& device_id, int64_t now) {
  const std::string id = device_id.substr(0, 8), who = ascii_slug(device_name);
  const std::string day = iso8601_local(now).substr(0, 10);
  if (who.empty()) return (id.empty() ? "kiosk" : id) + "_" + day;
  return who + "_" + day + (id.empty() ? "" : "_" + id);
}

std::string heading(const ExportOptions& o, const std::string& device_id) {
  std::string who = o.device_name.empty() ? device_id.substr(0, 8) : o.device_name;
  return o.school.empty() ? who : o.school + " — " + who;
}

// The copy learns what a merge needs to label things: the device's name, its school, the topics.
void label_copy(SqliteDb& copy, const ExportOptions& o) {
  copy.exec("BEGIN");
  const std::pair<const char*, std::string> meta[] = {
      {"device_name", o.device_name}, {"school", o.school}, {"exported_at", iso8601_local(o.now)},
      {"report_settings", report_settings_json(o.report)}};
  for (const auto& [key, value] : meta) {
    SqliteStmt st(copy, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
    st.bind(1, std::string(key)).bind(2, value).step();
  }
  copy.exec("CREATE TABLE IF NOT EXISTS topics (id TEXT PRIMARY KEY, title TEXT NOT NULL)");
  for (const auto& [id, title] : o.topic_titles) {
    SqliteStmt st(copy, "INSERT OR REPLACE INTO topics (id, title) VALUES (?, ?)");
    st.bind(1, id).bind(2, title).step();
  }
  copy.exec("COMMIT");
  // Seen by this connection only (TEMP), so the CSV writers find device names as in a merge.
  copy.exec("CREATE TEMP VIEW devices AS SELECT "
            "(SELECT value FROM meta WHERE key = 'device_id') AS device_id, "
            "(SELECT value FROM meta WHERE key = 'device_name') AS device_name, "
            "(SELECT value FROM meta WHERE key = 'school') AS school");
}
}  // namespace

ExportResult export_logs(const ExportOptions& o, const Progress& progress) {
  progress(0, tr("Checking the USB stick"));
  dev_t stick = check_destination(o.destination, o.journal_db);
  JournalReader journal(o.journal_db);
  std::string device_id;
  try {
    device_id = journal.db->value("SELECT value FROM meta WHERE key = 'device_id'");
  } catch (const SqliteError& e) {
    throw journal_error(o.journal_db, e.what());
  }

  StagingFolder stage(o.destination, folder_name(o.device_name, device_id, o.now));
  auto copy_path = stage.path() / "journal.sqlite";
  std::vector<Checksum> sums;
  ExportResult result;
  try {
    {
      SqliteDb copy(sqlite_uri(copy_path), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
      backup(*journal.db, copy, o.journal_db, copy_path, [&](double f) { progress(0.02 + 0.38 * f, tr("Copying the journal")); });
      journal.release();
      // The copy is one self-contained file: no WAL beside it on the stick.
      copy.exec("PRAGMA journal_mode = DELETE");
      label_copy(copy, o);
      auto sessions = write_sessions_csv(copy, stage.path() / "sessions.csv",
                                         [&](double f) { progress(0.40 + 0.10 * f, tr("Writing sessions.csv")); });
      auto activities = write_activities_csv(copy, stage.path() / "activities.csv",
                                             [&](double f) { progress(0.50 + 0.30 * f, tr("Writing activities.csv")); });
      sums.push_back({"activities.csv", activities.sha256});
      sums.push_back({"sessions.csv", sessions.sha256});
      result.sessions = sessions.rows;
      result.activities = activities.rows;
    }
    progress(0.80, tr("Writing report.html"));
    sums.push_back({"journal.sqlite", seal_file(copy_path)});
    ReportFigures figures = compute_report(copy_path, o.topic_titles, o.period);
    sums.push_back({"report.html", write_report(figures, heading(o, device_id), stage.path() / "report.html").sha256});
    ReportingSchool who{o.school, o.report, iso8601_local(o.now).substr(0, 10)};
    progress(0.82, tr("Writing bao-cao.docx"));
    sums.push_back({"bao-cao.docx", write_report_docx(figures, who, stage.path() / "bao-cao.docx").sha256});
    progress(0.84, tr("Writing so-lieu.xlsx"));
    sums.push_back({"so-lieu.xlsx", write_report_xlsx(figures, who, stage.path() / "so-lieu.xlsx").sha256});
  } catch (const SqliteError& e) {
    throw destination_error(e, copy_path);
  } catch (const std::system_error& e) {
    throw destination_error(e.code().value(), copy_path);
  }
  auto all = sums;
  all.push_back({"SHA256SUMS", write_checksums(stage.path() / "SHA256SUMS", sums)});

  progress(0.86, tr("Checking the copy"));
  verify_files(stage.path(), all);
  struct stat st;
  if (stat(o.destination.c_str(), &st) != 0) throw destination_error(errno, o.destination);
  if (st.st_dev != stick) throw destination_error(ENODEV, o.destination);
  for (const auto& s : all) result.bytes += size_or_zero(stage.path() / s.name);
  result.folder = stage.publish();
  progress(1, tr("Done"));
  return result;
}
