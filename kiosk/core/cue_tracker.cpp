#include "core/cue_tracker.h"

#include <algorithm>

CueTracker::CueTracker(std::vector<double> cue_times) : times_(std::move(cue_times)) {
  std::sort(times_.begin(), times_.end());
}

std::optional<size_t> CueTracker::advance(double position) {
  furthest_ = std::max(furthest_, position);
  for (size_t i = 0; i < times_.size(); ++i) {
    if (times_[i] > position_ && times_[i] <= position) {
      reached_.insert(i);
      position_ = times_[i];  // later cues crossed in the same step fire on the next calls
      return i;
    }
  }
  position_ = std::max(position_, position);  // small backward jitter must not re-fire a cue
  return std::nullopt;
}

void CueTracker::seeked(double position) { position_ = position; }

double CueTracker::previous_jump(double position) const {
  for (size_t i = times_.size(); i-- > 0;)
    if (times_[i] < position - kLeadIn - 1.0) return std::max(0.0, times_[i] - kLeadIn);
  return 0;
}

std::optional<double> CueTracker::next_jump(double position) const {
  for (double t : times_)
    if (t - kLeadIn > position + 0.5) return t - kLeadIn;
  return std::nullopt;
}
