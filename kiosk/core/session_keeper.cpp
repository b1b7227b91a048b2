#include "core/session_keeper.h"

#include <cstdio>

template <typename F>
void SessionKeeper::guarded(F&& write) {
  if (!journal_) return;
  try {
    write();
    error_.clear();
  } catch (const JournalError& e) {
    error_ = e.what();
    std::fprintf(stderr, "kiosk: %s\n", e.what());
  }
}

void SessionKeeper::start(const std::string& class_group, const std::string& topic_id, int64_t now) {
  abandon(now);  // never two open sessions
  session_ = ActiveSession{"", topic_id, class_group, now, 0};
  last_heartbeat_ = now;
  guarded([&] { session_->id = journal_->start_session(class_group, topic_id, now); });
}

void SessionKeeper::tick(int64_t now) {
  if (!session_ || now - last_heartbeat_ < heartbeat_s_) return;
  last_heartbeat_ = now;
  // A session whose start could not be written (disk full, busy) is written late, with its real start.
  if (session_->id.empty()) guarded([&] { session_->id = journal_->start_session(session_->class_group, session_->topic_id, session_->started); });
  if (!session_->id.empty()) guarded([&] { journal_->heartbeat(session_->id, now); });
}

int64_t SessionKeeper::seconds_to_next_heartbeat(int64_t now) const {
  if (!session_) return -1;
  auto left = last_heartbeat_ + heartbeat_s_ - now;
  return left > 0 ? left : 0;
}

SessionRow SessionKeeper::end(int64_t now) {
  SessionRow row;
  if (!session_) return row;
  row.topic = session_->topic_id;
  row.class_group = session_->class_group;
  row.duration_s = now - session_->started;
  row.activities = session_->activities;
  row.status = "completed";
  if (!session_->id.empty()) guarded([&] { row = journal_->end_session(session_->id, now); });
  session_.reset();
  return row;
}

void SessionKeeper::abandon(int64_t now) {
  if (session_ && !session_->id.empty()) guarded([&] { journal_->interrupt_session(session_->id, now); });
  session_.reset();
}

std::string SessionKeeper::start_activity(const std::string& kind, const std::string& ref, int64_t now) {
  if (!session_) return {};
  ++session_->activities;
  std::string id;
  if (!session_->id.empty()) guarded([&] { id = journal_->start_activity(session_->id, kind, ref, now); });
  return id;
}

void SessionKeeper::update_activity(const std::string& activity, const std::string& details_json, int64_t now) {
  if (!activity.empty()) guarded([&] { journal_->update_activity(activity, details_json, now); });
}

void SessionKeeper::end_activity(const std::string& activity, const std::string& status,
                                 const std::string& details_json, int64_t now) {
  if (!activity.empty()) guarded([&] { journal_->end_activity(activity, status, details_json, now); });
}
