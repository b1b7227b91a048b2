#pragma once
// The screens on a stack, as SuperTux's ScreenManager keeps them: the top one is shown and gets the
// input; Back returns to the screen below, as it was left. Which screen opens which is in one place,
// app/routes.h; the App applies the changes. `S` is the App's Screen (app/screen.h), or a test's:
// anything with name(), enter(double now) and leave().
//
// Order: push(), pop(), replace() and home() are only queued (a screen may ask from inside its own
// update() or activate()); apply() carries them out between frames: leave() on the screen that was
// on top (whether it goes or is only covered), then enter() on the one on top now; the screens that
// went are destroyed last, the newest first. clear() (at quit) destroys every screen, the top one
// first, without leave(): the program stops under it. A Back on the first screen changes nothing.
// UI thread only.
#include <memory>
#include <vector>

template <class S>
class Navigator {
 public:
  ~Navigator() { clear(); }
  void push(std::unique_ptr<S> screen) { queue_.push_back({Kind::Push, std::move(screen)}); }
  void pop() { queue_.push_back({Kind::Pop, nullptr}); }                  // Back: the screen below
  void replace(std::unique_ptr<S> screen) { queue_.push_back({Kind::Replace, std::move(screen)}); }
  void home() { queue_.push_back({Kind::Home, nullptr}); }                // all but the first go
  bool pending() const { return !queue_.empty(); }

  // Carries out the queued changes; true when another screen is on top now.
  bool apply(double now);
  S* top() const { return stack_.empty() ? nullptr : stack_.back().get(); }
  // The screen under the top one, if any.
  const S* below() const { return stack_.size() < 2 ? nullptr : stack_[stack_.size() - 2].get(); }
  void clear() {
    queue_.clear();
    shown_ = nullptr;
    while (!stack_.empty()) stack_.pop_back();
  }

 private:
  enum class Kind { Push, Pop, Replace, Home };
  struct Change {
    Kind kind;
    std::unique_ptr<S> screen;
  };
  std::vector<std::unique_ptr<S>> stack_;
  std::vector<Change> queue_;
  S* shown_ = nullptr;  // the screen that had enter() and not yet leave()
};

template <class S>
bool Navigator<S>::apply(double now) {
  if (queue_.empty()) return false;
  auto queue = std::move(queue_);  // what leave() or enter() asks for is done on the next pass
  queue_.clear();
  std::vector<std::unique_ptr<S>> gone;  // destroyed at the end, after their leave()
  auto drop = [&] {
    gone.push_back(std::move(stack_.back()));
    stack_.pop_back();
  };
  for (auto& change : queue) {
    switch (change.kind) {
      case Kind::Push: stack_.push_back(std::move(change.screen)); break;
      case Kind::Pop: if (stack_.size() > 1) drop(); break;
      case Kind::Replace:
        if (!stack_.empty()) drop();
        stack_.push_back(std::move(change.screen));
        break;
      case Kind::Home: while (stack_.size() > 1) drop(); break;
    }
  }
  if (top() == shown_) return false;
  if (shown_) shown_->leave();  // still alive when it goes: it records what it was showing
  shown_ = top();
  if (shown_) shown_->enter(now);
  while (!gone.empty()) gone.pop_back();
  return true;
}
