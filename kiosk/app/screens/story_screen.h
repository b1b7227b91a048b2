#pragma once
// A picture story: one picture at a time with its caption and narration; the teacher steps back and
// forth, or lets the pages turn by themselves after each narration.
#include <memory>

#include "app/kiosk.h"
#include "app/narrator.h"
#include "app/widgets.h"

class StoryScreen : public Screen {
 public:
  // `entry` (a story) lives in `topic`.
  StoryScreen(Kiosk& kiosk, std::shared_ptr<const Topic> topic, const Entry& entry);
  ~StoryScreen() override;
  std::string name() const override { return "story"; }
  void update(const Canvas& canvas, Targets& targets, double now) override;
  void draw(const Canvas& canvas, double now) const override;
  void activate(const std::string& id) override;
  void back() override { leave(); }
  bool key(int sdl_keycode) override;
  bool tick(double now) override;
  double wake_in(double now) const override;
  bool animating(double now) const override { return now - turned_at_ < 0.3; }

 private:
  void show_page(size_t page);
  void start();
  void record(const char* status);
  void leave();
  bool finished() const { return page_ >= story_.pages.size(); }

  Kiosk& kiosk_;
  std::shared_ptr<const Topic> topic_;  // keeps entry_ and story_ alive
  const Entry& entry_;
  const PictureStory& story_;
  Narrator narrator_;
  size_t page_ = 0, furthest_ = 0;  // page_ == pages.size(): the end card
  bool auto_turn_ = false;
  double turned_at_ = 0;
  double turn_at_ = -1;  // when auto-turning, the time the page turns (-1: waiting for the narration)
  std::string activity_;
  std::vector<Button> buttons_;
};
