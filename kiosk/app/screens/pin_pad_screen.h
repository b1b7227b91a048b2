#pragma once
#include <string>
#include <vector>

#include "app/idle_timeout.h"
#include "app/notices.h"
#include "app/routes.h"
#include "core/pin_store.h"
#include "app/widgets.h"

// The door to admin mode: a number pad for the admin PIN. With no PIN stored yet (a new kiosk) or
// from the admin screen's "change PIN", it asks for a new PIN twice instead. Typing digits on a
// keyboard works too. Left alone for a minute it goes back to the home screen, so a child never
// finds it open.
class PinPadScreen : public Screen {
 public:
  enum class Mode { Check, Choose };
  PinPadScreen(Routes& routes, PinStore& pins, Notices& notices, Mode mode);
  std::string name() const override { return "pin"; }
  void update(const Canvas& canvas, Targets& targets, double now) override;
  void draw(const Canvas& canvas, double now) const override;
  void activate(const std::string& id) override;
  void back() override { activate("pin:back"); }
  bool key(int sdl_keycode) override;
  bool tick(double now) override;
  double wake_in(double now) const override;
  bool animating(double now) const override { return now < shake_until_; }

 private:
  void press(char digit);
  void submit();
  std::string heading() const;

  Routes& routes_;
  PinStore& pins_;
  Notices& notices_;
  Mode mode_;
  std::string digits_, first_choice_;  // first_choice_: the new PIN typed once, waiting for its repeat
  std::string message_;
  bool message_is_error_ = false;
  bool typed_ = false;  // the last digit came from a keyboard: Enter then means OK, not the focused key
  double now_ = 0, shake_until_ = 0;
  IdleTimeout idle_{60};
  int64_t locked_for_ = 0;
  Rect card_;
  std::vector<Button> keys_;
};
