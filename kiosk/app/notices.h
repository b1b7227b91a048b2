#pragma once
// The message card shown over any screen for a few seconds (the App draws it): a problem a teacher
// should see (orange, a warning sign), or good news (green, a star). Each message also goes to
// stderr. A new message replaces the one shown. UI thread only.
#include <string>

class Notices {
 public:
  enum class Kind { Problem, Done };
  void notify(std::string text, Kind kind = Kind::Problem);
  // Times are ui_now() seconds (app/ui_clock.h).
  bool shown(double now) const { return now < until_; }
  double until() const { return until_; }
  const std::string& text() const { return text_; }
  Kind kind() const { return kind_; }

 private:
  std::string text_;
  Kind kind_ = Kind::Problem;
  double until_ = 0;
};
