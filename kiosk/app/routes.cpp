#include "app/routes.h"

#include "app/kiosk.h"
#include "app/screens/admin_screen.h"
#include "app/screens/game_screen.h"
#include "app/screens/home_screen.h"
#include "app/screens/pin_pad_screen.h"
#include "app/screens/story_screen.h"
#include "app/screens/summary_screen.h"
#include "app/screens/topic_screen.h"
#include "app/screens/video_lesson_screen.h"

void Routes::start() {
  auto save_settings = [&kiosk = kiosk_] { kiosk.save_settings_or_warn(); };
  navigator_.push(std::make_unique<HomeScreen>(
      *this, HomeScreen::Services{*kiosk_.icons, kiosk_.notices, *kiosk_.sessions, *kiosk_.content, kiosk_.settings,
                                  save_settings, kiosk_.journal_error, kiosk_.clock_problem}));
}

void Routes::topic(std::shared_ptr<const Topic> topic) {
  navigator_.push(
      std::make_unique<TopicScreen>(*this, *kiosk_.icons, kiosk_.notices, *kiosk_.sessions, *kiosk_.content, std::move(topic)));
}

void Routes::entry(std::shared_ptr<const Topic> topic, const Entry& entry) {
  const ActivityServices services{*kiosk_.icons, *kiosk_.sessions, kiosk_.wake_event};
  if (entry.video)
    navigator_.push(std::make_unique<VideoLessonScreen>(*this, services, *kiosk_.content, kiosk_.notices, kiosk_.window,
                                                        std::move(topic), entry));
  else if (entry.story) navigator_.push(std::make_unique<StoryScreen>(*this, services, std::move(topic), entry));
  else if (entry.game)
    navigator_.push(std::make_unique<GameScreen>(*this, services, *kiosk_.sounds, kiosk_.game_seeds, std::move(topic), entry));
}

void Routes::summary(std::shared_ptr<const Topic> topic, SessionRow row) {
  navigator_.replace(std::make_unique<SummaryScreen>(*this, *kiosk_.icons, std::move(topic), std::move(row)));
}

void Routes::admin_door() {
  auto mode = kiosk_.pins->has_pin() ? PinPadScreen::Mode::Check : PinPadScreen::Mode::Choose;
  navigator_.push(std::make_unique<PinPadScreen>(*this, *kiosk_.pins, kiosk_.notices, mode));
}

void Routes::admin() {
  const Screen* below = navigator_.below();
  if (below && below->name() == "admin") navigator_.pop();  // a PIN changed from admin mode
  else navigator_.replace(std::make_unique<AdminScreen>(kiosk_, *this));
}

void Routes::change_pin() {
  navigator_.push(std::make_unique<PinPadScreen>(*this, *kiosk_.pins, kiosk_.notices, PinPadScreen::Mode::Choose));
}

void Routes::back() { navigator_.pop(); }

void Routes::home() { navigator_.home(); }
