#pragma once
// Where a video lesson is with its talk cues: which cue playback just crossed (to pause there),
// where "previous / next cue" jump to, and how far the class got. Pure logic, driven by the
// playback position; no player inside.
#include <cstddef>
#include <optional>
#include <set>
#include <vector>

class CueTracker {
 public:
  explicit CueTracker(std::vector<double> cue_times);

  // Playback moved forward to `position`. Returns the first cue crossed since the last call, if any;
  // the caller pauses there. When playback skipped over several cues, the next calls return the
  // others in turn. A cue fires again only after a seek back before it.
  std::optional<size_t> advance(double position);
  // The teacher jumped to `position` (back or forward): cues after it fire when reached.
  void seeked(double position);
  // Where "previous cue" / "next cue" jump to: a little before the cue, so the class sees what leads
  // to the question. Previous skips a cue playback is at or just past.
  double previous_jump(double position) const;
  std::optional<double> next_jump(double position) const;

  size_t cues_reached() const { return reached_.size(); }
  size_t cue_count() const { return times_.size(); }
  double furthest() const { return furthest_; }
  static constexpr double kLeadIn = 2.0;  // seconds of context before a cue after a jump

 private:
  std::vector<double> times_;
  std::set<size_t> reached_;
  double position_ = -1, furthest_ = 0;  // -1: a cue at 0 s fires at the start
};
