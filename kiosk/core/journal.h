#pragma once
// The session journal: one SQLite database per kiosk, the campaign record.
//
// Durability contract: WAL mode with synchronous=FULL, so every committed write survives a power
// cut. A session row is written when it starts and refreshed by heartbeat() while it runs; opening
// the journal marks sessions still 'running' (the program died) as 'interrupted', with the
// duration they had at their last heartbeat. No children's names are ever stored: a session is a
// class group, a topic and times.
//
// One kiosk per journal: a second Journal on the same file (another process) is refused.
// Not thread-safe: one Journal per process, used from one thread (the kiosk's UI thread; each
// write commits before it returns, an fsync under synchronous=FULL, so a frame that writes one
// waits for the disk: writes happen on a tap, a cue or a heartbeat, never on every frame). Times are passed in (unix
// seconds) so callers and tests decide the clock.
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;

struct JournalError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct SessionRow {
  std::string id, device_id, class_group, topic, started_at, ended_at, status;
  int64_t duration_s = 0;
  int activities = 0;
};

// One lesson or game played inside a session.
struct ActivityRow {
  std::string id, session_id, kind, ref, started_at, ended_at;
  std::string status;  // running, finished, left (stopped early), failed (could not play), interrupted
  int64_t duration_s = 0;
  std::string details;  // JSON
};

class Journal {
 public:
  // Opens or creates the database (and its folder); recovers interrupted sessions. Throws JournalError.
  explicit Journal(const std::filesystem::path& db_path);
  ~Journal();
  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;

  int recovered_on_open() const { return recovered_; }
  // Runs "PRAGMA <statement>" on the journal's own connection and returns the first value.
  std::string pragma(const std::string& statement) const;
  const std::string& device_id() const { return device_id_; }

  // Returns the new session's UUID.
  std::string start_session(const std::string& class_group, const std::string& topic, int64_t now);
  void heartbeat(const std::string& session_id, int64_t now);
  // Closes the session as completed and returns its final row.
  SessionRow end_session(const std::string& session_id, int64_t now);
  // Closes the session as interrupted: the program is leaving while the class has not finished.
  void interrupt_session(const std::string& session_id, int64_t now);

  // Activities: `kind` is "lesson" or "game", `ref` is "topic/entry". Details are a JSON object.
  std::string start_activity(const std::string& session_id, const std::string& kind, const std::string& ref,
                             int64_t now);
  void update_activity(const std::string& activity_id, const std::string& details_json, int64_t now);
  void end_activity(const std::string& activity_id, const std::string& status, const std::string& details_json,
                    int64_t now);
  std::vector<ActivityRow> activities(const std::string& session_id) const;

  std::vector<SessionRow> sessions() const;  // oldest first
  int session_count() const;
  // When the newest session started (unix seconds), 0 when there is none.
  int64_t latest_session_start() const;
  SessionRow session(const std::string& session_id) const;

 private:
  void exec(const char* sql);
  void close_session(const std::string& session_id, const char* status, int64_t now);
  int recover_interrupted();
  std::string load_or_create_device_id();

  sqlite3* db_ = nullptr;
  int lock_fd_ = -1;  // flock()ed for the journal's lifetime
  std::string device_id_;
  int recovered_ = 0;
};
