#pragma once
// The running class session: starts it in the journal, keeps it current with heartbeats, ends it.
// Journal failures (disk full, unwritable folder) never stop the class: they are kept in
// `last_error()` for the screen to show, and the session goes on in memory.
//
// Threads: the UI thread only; each call that writes commits to the journal before it returns.
// Times are unix seconds, passed in.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/journal.h"

struct ActiveSession {
  std::string id;  // journal UUID; empty when the journal could not record it
  std::string topic_id;
  std::string class_group;
  int64_t started = 0;
  int activities = 0;
};

class SessionKeeper {
 public:
  SessionKeeper(Journal* journal, int heartbeat_seconds) : journal_(journal), heartbeat_s_(heartbeat_seconds) {}
  // The kiosk opens its journal after the first frame (app.cpp), when the screens already hold
  // this keeper: it is handed over then, before any session can start. Null: nothing is recorded.
  void attach(Journal* journal) { journal_ = journal; }

  void start(const std::string& class_group, const std::string& topic_id, int64_t now);
  // Writes a heartbeat when one is due.
  void tick(int64_t now);
  // Seconds until the next heartbeat is due (-1: no session running).
  int64_t seconds_to_next_heartbeat(int64_t now) const;
  // Ends the running session; returns its final figures (duration, activities).
  SessionRow end(int64_t now);
  // The program is closing with a session still open: record it as interrupted.
  void abandon(int64_t now);

  // Activities of the running session. The returned handle is empty when nothing is recorded (no
  // session, or no journal); the other calls then do nothing.
  std::string start_activity(const std::string& kind, const std::string& ref, int64_t now);
  void update_activity(const std::string& activity, const std::string& details_json, int64_t now);
  void end_activity(const std::string& activity, const std::string& status, const std::string& details_json,
                    int64_t now);

  const std::optional<ActiveSession>& current() const { return session_; }
  const std::string& last_error() const { return error_; }

 private:
  template <typename F> void guarded(F&& write);

  Journal* journal_;
  int heartbeat_s_;
  std::optional<ActiveSession> session_;
  int64_t last_heartbeat_ = 0;
  std::string error_;
};
