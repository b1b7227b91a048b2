#pragma once
// A children's game, any template: it draws what the rules expose (pieces to tap, zones to drop them
// on, or one scene to tap places of) and turns taps, drags and remote keys into moves. Right moves
// get a happy sound and a star, wrong ones a gentle "try again"; the end is a celebration.
#include <memory>
#include <optional>
#include <random>

#include "app/narrator.h"
#include "app/routes.h"
#include "app/screens/activity_services.h"
#include "app/sound_effects.h"
#include "app/ui_clock.h"
#include "app/widgets.h"
#include "core/activity.h"
#include "core/games/game_rules.h"

class GameScreen : public Screen {
 public:
  // `entry` (a game) lives in `topic`. Each game start shuffles its board with a seed from `seeds`.
  GameScreen(Routes& routes, const ActivityServices& services, SoundEffects& sounds, std::mt19937& seeds,
             std::shared_ptr<const Topic> topic, const Entry& entry);
  std::string name() const override { return "game"; }
  void enter(double now) override;
  void leave() override;
  void update(const Canvas& canvas, Targets& targets, double now) override;
  void draw(const Canvas& canvas, double now) const override;
  void activate(const std::string& id) override;
  void back() override { routes_.back(); }
  bool key(int sdl_keycode) override;
  bool pointer(Pointer phase, float x, float y) override;
  bool tick(double now) override;
  double wake_in(double now) const override;
  bool animating(double now) const override;

 private:
  enum class Mode { Tap, Drop, Scene };
  void play(Outcome outcome, std::optional<size_t> piece);
  void tap_piece(size_t i);  // in Mode::Tap
  void start();
  std::string details() const;
  bool celebrating() const { return rules_->stats().finished && ui_now() >= done_at_ + kCelebrateDelay; }
  std::optional<size_t> piece_at(float x, float y) const;
  std::optional<size_t> zone_at(float x, float y) const;

  static constexpr double kFlash = 0.6, kCelebrateDelay = 0.9, kSettle = 1.1;
  Routes& routes_;
  const Icons& icons_;
  SoundEffects& sounds_;
  std::mt19937& seeds_;
  std::shared_ptr<const Topic> topic_;  // keeps entry_ alive
  const Entry& entry_;
  std::unique_ptr<GameRules> rules_;  // from enter() on
  Mode mode_ = Mode::Tap;
  Narrator narrator_;
  // Layout, from update().
  std::vector<Rect> piece_rects_, zone_rects_;
  Rect scene_rect_;
  std::vector<Button> buttons_;
  // Moves in progress and their feedback.
  std::optional<size_t> held_;   // picked up by a tap or Enter, waiting for a zone
  std::optional<size_t> dragging_;
  float drag_x_ = 0, drag_y_ = 0, press_x_ = 0, press_y_ = 0;
  double cursor_x_ = 0.5, cursor_y_ = 0.5;  // the remote's pointer on a scene
  bool cursor_shown_ = false;
  Outcome flash_ = Outcome::None;
  std::optional<size_t> flash_piece_;
  double flash_at_ = -10, settle_at_ = -1, done_at_ = 0;
  Activity activity_;  // last: its destructor asks details() of rules_
};
