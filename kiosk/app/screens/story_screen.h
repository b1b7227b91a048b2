#pragma once
// A picture story: one picture at a time with its caption and narration; the teacher steps back and
// forth, or lets the pages turn by themselves after each narration.
#include <memory>

#include "app/narrator.h"
#include "app/routes.h"
#include "app/screens/activity_services.h"
#include "app/widgets.h"
#include "core/activity.h"

class StoryScreen : public Screen {
 public:
  // `entry` (a story) lives in `topic`.
  StoryScreen(Routes& routes, const ActivityServices& services, std::shared_ptr<const Topic> topic, const Entry& entry);
  std::string name() const override { return "story"; }
  void enter(double now) override;
  void leave() override;
  void update(const Canvas& canvas, Targets& targets, double now) override;
  void draw(const Canvas& canvas, double now) const override;
  void activate(const std::string& id) override;
  void back() override { routes_.back(); }
  bool key(int sdl_keycode) override;
  bool tick(double now) override;
  double wake_in(double now) const override;
  bool animating(double now) const override { return now - turned_at_ < 0.3; }

 private:
  void show_page(size_t page);
  void start();
  std::string details() const;
  bool finished() const { return page_ >= story_.pages.size(); }

  Routes& routes_;
  const Icons& icons_;
  std::shared_ptr<const Topic> topic_;  // keeps entry_ and story_ alive
  const Entry& entry_;
  const PictureStory& story_;
  Narrator narrator_;
  size_t page_ = 0, furthest_ = 0;  // page_ == pages.size(): the end card
  bool auto_turn_ = false;
  double turned_at_ = 0;
  double turn_at_ = -1;  // when auto-turning, the time the page turns (-1: waiting for the narration)
  bool started_ = false;
  std::vector<Button> buttons_;
  Activity activity_;  // last: its destructor asks details() of the members above
};
