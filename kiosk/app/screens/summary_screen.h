#pragma once
#include <string>

#include "app/icons.h"
#include "app/routes.h"

// After "finish": how long the class worked on the topic and how many activities it did.
class SummaryScreen : public Screen {
 public:
  SummaryScreen(Routes& routes, const Icons& icons, std::shared_ptr<const Topic> topic, SessionRow row)
      : routes_(routes), icons_(icons), topic_(std::move(topic)), row_(std::move(row)) {}
  std::string name() const override { return "summary"; }
  void enter(double now) override { entered_ = now; }
  void update(const Canvas& canvas, Targets& targets, double now) override;
  void draw(const Canvas& canvas, double now) const override;
  void activate(const std::string& id) override;
  void back() override { activate("home"); }
  bool animating(double now) const override { return now - entered_ < 0.8; }

 private:
  Routes& routes_;
  const Icons& icons_;
  std::shared_ptr<const Topic> topic_;
  SessionRow row_;
  double entered_ = 0;
  Rect home_rect_, panel_;
};
