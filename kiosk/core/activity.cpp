#include "core/activity.h"

#include "core/clock.h"

Activity::Activity(SessionKeeper& sessions, std::string kind, std::string ref, Details details)
    : sessions_(sessions), kind_(std::move(kind)), ref_(std::move(ref)), details_(std::move(details)) {}

Activity::~Activity() { end("interrupted"); }

void Activity::start() {
  end("left");
  id_ = sessions_.start_activity(kind_, ref_, unix_now());
}

void Activity::progress() {
  if (open()) sessions_.update_activity(id_, details_(), unix_now());
}

void Activity::end(const std::string& status) {
  if (!open()) return;
  sessions_.end_activity(id_, status, details_(), unix_now());
  id_.clear();
}
