#pragma once
// One activity of the running session (a video watched, a story read, a game played) as the
// journal records it: started, its figures updated on the way, ended once as "finished", "left"
// or "failed", or "interrupted" when it is dropped still open (the program quits under it).
//
// The screen that plays the activity owns one and gives it `details`, which returns the figures as
// a JSON object; it is asked at each write, the destructor's included, so it must stay callable as
// long as the Activity lives (declare the Activity after whatever `details` reads). All calls are on
// the UI thread and write synchronously through the SessionKeeper (whose errors they never throw).
#include <functional>
#include <string>

#include "core/session_keeper.h"

class Activity {
 public:
  using Details = std::function<std::string()>;
  // `kind`: "lesson" or "game"; `ref`: "topic/entry". Writes nothing yet: see start().
  Activity(SessionKeeper& sessions, std::string kind, std::string ref, Details details);
  ~Activity();  // still open: recorded as "interrupted"
  Activity(const Activity&) = delete;
  Activity& operator=(const Activity&) = delete;

  // A new record: the first one, and each "again" (an open one is recorded "left" first). Without
  // a running session or a journal nothing is recorded and the other calls do nothing.
  void start();
  // Writes the current details (a cue reached), so a power cut loses nothing of it.
  void progress();
  // Ends the record with `status`; nothing when it is not open (ended already).
  void end(const std::string& status);
  bool open() const { return !id_.empty(); }

 private:
  SessionKeeper& sessions_;
  std::string kind_, ref_;
  Details details_;
  std::string id_;  // the journal's activity id while open
};
