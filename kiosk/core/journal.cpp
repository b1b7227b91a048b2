#include "core/journal.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/clock.h"
#include "core/uuid.h"

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
  id             TEXT PRIMARY KEY,      -- UUID
  device_id      TEXT NOT NULL,
  class_group    TEXT NOT NULL,
  topic          TEXT NOT NULL,
  started_at     TEXT NOT NULL,         -- ISO 8601 local time with offset
  ended_at       TEXT,
  duration_s     INTEGER NOT NULL DEFAULT 0,
  status         TEXT NOT NULL CHECK (status IN ('running', 'completed', 'interrupted')),
  started_unix   INTEGER NOT NULL,
  heartbeat_unix INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS activities (
  id          TEXT PRIMARY KEY,         -- UUID
  session_id  TEXT NOT NULL REFERENCES sessions(id),
  kind        TEXT NOT NULL,            -- 'lesson' or 'game'
  ref         TEXT NOT NULL,            -- topic/entry id from the content pack
  started_at  TEXT NOT NULL,
  ended_at    TEXT,
  duration_s  INTEGER NOT NULL DEFAULT 0,
  status      TEXT NOT NULL CHECK (status IN ('running', 'finished', 'left', 'failed', 'interrupted')),
  details     TEXT NOT NULL DEFAULT '{}', -- JSON: position, cues reached, rounds, taps...
  started_unix INTEGER NOT NULL,
  updated_unix INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS activities_session ON activities(session_id);
PRAGMA user_version = 1;
)sql";

// One prepared statement, finalized on scope exit.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK)
      throw JournalError(std::string("journal: ") + sqlite3_errmsg(db));
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement& bind(int i, const std::string& v) {
    sqlite3_bind_text(stmt_, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& bind(int i, int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  // True while a row is available.
  bool step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw JournalError(std::string("journal: ") + sqlite3_errmsg(db_));
  }
  std::string text(int col) const {
    auto* p = sqlite3_column_text(stmt_, col);
    return p ? reinterpret_cast<const char*>(p) : "";
  }
  int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

constexpr const char* kSelectSessions =
    "SELECT s.id, s.device_id, s.class_group, s.topic, s.started_at, ifnull(s.ended_at, ''), s.status, "
    "s.duration_s, (SELECT count(*) FROM activities a WHERE a.session_id = s.id) FROM sessions s ";

SessionRow read_session(const Statement& st) {
  return SessionRow{st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6),
                    st.integer(7), static_cast<int>(st.integer(8))};
}

}  // namespace

Journal::Journal(const std::filesystem::path& db_path) {
  std::error_code ec;
  std::filesystem::create_directories(db_path.parent_path(), ec);
  if (ec) throw JournalError("cannot create " + db_path.parent_path().string() + ": " + ec.message());
  // One kiosk per journal: a second one would take the first one's running session for a crashed one.
  lock_fd_ = open((db_path.string() + ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (lock_fd_ < 0) throw JournalError("cannot open " + db_path.string() + ".lock: " + std::strerror(errno));
  if (flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    close(lock_fd_);
    throw JournalError("another kiosk is already using " + db_path.string());
  }
  if (sqlite3_open(db_path.c_str(), &db_) != SQLITE_OK) {
    std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    close(lock_fd_);
    throw JournalError("cannot open journal " + db_path.string() + ": " + why);
  }
  try {
    sqlite3_busy_timeout(db_, 5000);
    if (pragma("journal_mode = WAL") != "wal") throw JournalError("journal: WAL mode unavailable on this filesystem");
    exec("PRAGMA synchronous = FULL");  // FULL: a committed session survives a power cut
    exec("PRAGMA foreign_keys = ON");
    exec(kSchema);
    device_id_ = load_or_create_device_id();
    recovered_ = recover_interrupted();
  } catch (...) {
    sqlite3_close(db_);
    close(lock_fd_);
    throw;
  }
}

std::string Journal::pragma(const std::string& statement) const {
  Statement st(db_, ("PRAGMA " + statement).c_str());
  return st.step() ? st.text(0) : "";
}

Journal::~Journal() {
  sqlite3_close(db_);
  close(lock_fd_);  // releases the lock
}

void Journal::exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string why = err ? err : "unknown error";
    sqlite3_free(err);
    throw JournalError("journal: " + why);
  }
}

std::string Journal::load_or_create_device_id() {
  Statement get(db_, "SELECT value FROM meta WHERE key = 'device_id'");
  if (get.step()) return get.text(0);
  auto id = new_uuid();
  Statement put(db_, "INSERT INTO meta (key, value) VALUES ('device_id', ?)");
  put.bind(1, id).step();
  return id;
}

int Journal::recover_interrupted() {
  Statement find(db_, "SELECT id, heartbeat_unix FROM sessions WHERE status = 'running'");
  std::vector<std::pair<std::string, int64_t>> running;
  while (find.step()) running.emplace_back(find.text(0), find.integer(1));
  for (const auto& [id, last_seen] : running) {
    Statement fix(db_,
                  "UPDATE sessions SET status = 'interrupted', ended_at = ?, "
                  "duration_s = max(0, ? - started_unix) WHERE id = ?");
    fix.bind(1, iso8601_local(last_seen)).bind(2, last_seen).bind(3, id).step();
  }
  exec("UPDATE activities SET status = 'interrupted', duration_s = max(0, updated_unix - started_unix) "
       "WHERE status = 'running'");
  Statement fix_ends(db_, "SELECT id, updated_unix FROM activities WHERE status = 'interrupted' AND ended_at IS NULL");
  std::vector<std::pair<std::string, int64_t>> open;
  while (fix_ends.step()) open.emplace_back(fix_ends.text(0), fix_ends.integer(1));
  for (const auto& [id, last] : open) {
    Statement end(db_, "UPDATE activities SET ended_at = ? WHERE id = ?");
    end.bind(1, iso8601_local(last)).bind(2, id).step();
  }
  return static_cast<int>(running.size());
}

std::string Journal::start_session(const std::string& class_group, const std::string& topic, int64_t now) {
  auto id = new_uuid();
  Statement st(db_,
               "INSERT INTO sessions (id, device_id, class_group, topic, started_at, status, started_unix, "
               "heartbeat_unix) VALUES (?, ?, ?, ?, ?, 'running', ?, ?)");
  st.bind(1, id).bind(2, device_id_).bind(3, class_group).bind(4, topic).bind(5, iso8601_local(now));
  st.bind(6, now).bind(7, now).step();
  return id;
}

void Journal::heartbeat(const std::string& session_id, int64_t now) {
  Statement st(db_,
               "UPDATE sessions SET heartbeat_unix = ?, duration_s = max(0, ? - started_unix) "
               "WHERE id = ? AND status = 'running'");
  st.bind(1, now).bind(2, now).bind(3, session_id).step();
}

void Journal::close_session(const std::string& session_id, const char* status, int64_t now) {
  Statement st(db_,
               "UPDATE sessions SET status = ?, ended_at = ?, heartbeat_unix = ?, "
               "duration_s = max(0, ? - started_unix) WHERE id = ? AND status = 'running'");
  st.bind(1, std::string(status)).bind(2, iso8601_local(now)).bind(3, now).bind(4, now).bind(5, session_id).step();
}

SessionRow Journal::end_session(const std::string& session_id, int64_t now) {
  close_session(session_id, "completed", now);
  return session(session_id);
}

void Journal::interrupt_session(const std::string& session_id, int64_t now) {
  close_session(session_id, "interrupted", now);
}

int Journal::session_count() const {
  Statement st(db_, "SELECT count(*) FROM sessions");
  st.step();
  return static_cast<int>(st.integer(0));
}

int64_t Journal::latest_session_start() const {
  Statement st(db_, "SELECT coalesce(max(started_unix), 0) FROM sessions");
  st.step();
  return st.integer(0);
}

std::vector<SessionRow> Journal::sessions() const {
  Statement st(db_, (std::string(kSelectSessions) + "ORDER BY s.started_unix, s.rowid").c_str());
  std::vector<SessionRow> rows;
  while (st.step()) rows.push_back(read_session(st));
  return rows;
}

SessionRow Journal::session(const std::string& session_id) const {
  Statement st(db_, (std::string(kSelectSessions) + "WHERE s.id = ?").c_str());
  st.bind(1, session_id);
  if (!st.step()) throw JournalError("journal: no session " + session_id);
  return read_session(st);
}

std::string Journal::start_activity(const std::string& session_id, const std::string& kind, const std::string& ref,
                                    int64_t now) {
  auto id = new_uuid();
  Statement st(db_,
               "INSERT INTO activities (id, session_id, kind, ref, started_at, status, started_unix, updated_unix) "
               "VALUES (?, ?, ?, ?, ?, 'running', ?, ?)");
  st.bind(1, id).bind(2, session_id).bind(3, kind).bind(4, ref).bind(5, iso8601_local(now)).bind(6, now).bind(7, now);
  st.step();
  return id;
}

void Journal::update_activity(const std::string& activity_id, const std::string& details_json, int64_t now) {
  Statement st(db_,
               "UPDATE activities SET details = ?, updated_unix = ?, duration_s = max(0, ? - started_unix) "
               "WHERE id = ? AND status = 'running'");
  st.bind(1, details_json).bind(2, now).bind(3, now).bind(4, activity_id).step();
}

void Journal::end_activity(const std::string& activity_id, const std::string& status, const std::string& details_json,
                           int64_t now) {
  Statement st(db_,
               "UPDATE activities SET status = ?, details = ?, ended_at = ?, updated_unix = ?, "
               "duration_s = max(0, ? - started_unix) WHERE id = ? AND status = 'running'");
  st.bind(1, status).bind(2, details_json).bind(3, iso8601_local(now)).bind(4, now).bind(5, now).bind(6, activity_id);
  st.step();
}

std::vector<ActivityRow> Journal::activities(const std::string& session_id) const {
  Statement st(db_,
               "SELECT id, session_id, kind, ref, started_at, ifnull(ended_at, ''), status, duration_s, details "
               "FROM activities WHERE session_id = ? ORDER BY started_unix, rowid");
  st.bind(1, session_id);
  std::vector<ActivityRow> rows;
  while (st.step()) {
    rows.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6), st.integer(7),
                    st.text(8)});
  }
  return rows;
}
