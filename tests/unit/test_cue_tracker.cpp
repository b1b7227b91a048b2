#include <catch2/catch.hpp>

#include "core/cue_tracker.h"

TEST_CASE("playback pauses once at each cue it crosses") {
  CueTracker t({20.0, 8.0});  // out of order in the manifest: sorted
  CHECK_FALSE(t.advance(0.0));
  CHECK_FALSE(t.advance(7.96));
  auto first = t.advance(8.02);  // the frame after the cue
  REQUIRE(first);
  CHECK(*first == 0);
  CHECK_FALSE(t.advance(8.05));  // resumed past it: no second pause
  CHECK_FALSE(t.advance(8.01));  // a position reported slightly earlier does not re-fire
  CHECK(t.advance(20.3) == std::optional<size_t>(1));
  CHECK(t.cues_reached() == 2);
  CHECK(t.furthest() == Approx(20.3));
}

TEST_CASE("a cue at the very start fires") {
  CueTracker t({0.0});
  CHECK(t.advance(0.0) == std::optional<size_t>(0));
}

TEST_CASE("cues skipped over in one step fire one after another") {
  CueTracker t({5.0, 6.0, 30.0});
  CHECK(t.advance(6.5) == std::optional<size_t>(0));
  CHECK(t.advance(6.5) == std::optional<size_t>(1));
  CHECK_FALSE(t.advance(6.5));
}

TEST_CASE("seeking back re-arms cues, seeking forward past a cue skips it") {
  CueTracker t({10.0, 40.0});
  CHECK(t.advance(10.1));
  t.seeked(0.1);  // back 10 s
  CHECK(t.advance(10.05) == std::optional<size_t>(0));
  t.seeked(45);  // dragged past the second cue
  CHECK_FALSE(t.advance(46));
  CHECK(t.cues_reached() == 1);
}

TEST_CASE("previous and next cue jump a little before the cue") {
  CueTracker t({10.0, 40.0});
  CHECK(t.next_jump(0) == Approx(8.0));
  CHECK(t.next_jump(8.0) == Approx(38.0));  // already at the lead-in of the first: go to the second
  CHECK_FALSE(t.next_jump(39));
  CHECK(t.previous_jump(45) == Approx(38.0));
  CHECK(t.previous_jump(40.2) == Approx(8.0));  // just paused at the second cue: previous is the first
  CHECK(t.previous_jump(9) == Approx(0.0));
}
