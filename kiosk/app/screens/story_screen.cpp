#include "app/screens/story_screen.h"

#include <SDL.h>
#include <nlohmann/json.hpp>

#include "app/scenery.h"
#include "app/style.h"
#include "app/ui_clock.h"
#include "core/i18n.h"

namespace {
constexpr float kCaptionH = 210, kSide = 170;
}

StoryScreen::StoryScreen(Routes& routes, const ActivityServices& services, std::shared_ptr<const Topic> topic,
                         const Entry& entry)
    : routes_(routes), icons_(services.icons), topic_(std::move(topic)), entry_(entry), story_(*entry.story),
      narrator_(services.wake_event),
      activity_(services.sessions, "lesson", topic_->id + "/" + entry.id, [this] { return details(); }) {}

void StoryScreen::enter(double /*now*/) {
  if (!started_) start();  // the first time it opens
}

void StoryScreen::leave() { activity_.end(finished() ? "finished" : "left"); }

void StoryScreen::start() {  // the first reading and each "again"
  started_ = true;
  activity_.start();
  furthest_ = 0;
  show_page(0);
}

std::string StoryScreen::details() const {
  nlohmann::json d = {{"pages_total", story_.pages.size()},
                      {"pages_seen", std::min(furthest_ + 1, story_.pages.size())},
                      {"finished", finished()}};
  return d.dump();
}

void StoryScreen::show_page(size_t page) {
  page_ = std::min(page, story_.pages.size());
  furthest_ = std::max(furthest_, page_);
  turned_at_ = ui_now();
  turn_at_ = -1;
  narrator_.stop();
  if (finished()) {
    activity_.end("finished");
    return;
  }
  const auto& narration = story_.pages[page_].narration;
  if (!narration.empty()) narrator_.say(narration);
  else turn_at_ = turned_at_ + story_.auto_seconds;
}

bool StoryScreen::tick(double now) {
  bool changed = narrator_.poll();
  // The page's narration is over: with auto-turn on, the page stays a little longer, then turns.
  if (turn_at_ < 0 && narrator_.done())
    turn_at_ = now + story_.auto_seconds;
  if (auto_turn_ && !finished() && turn_at_ >= 0 && now >= turn_at_) {
    show_page(page_ + 1);
    changed = true;
  }
  return changed;
}

double StoryScreen::wake_in(double now) const {
  if (!auto_turn_ || finished() || turn_at_ < 0) return -1;
  return std::max(0.0, turn_at_ - now);
}

void StoryScreen::activate(const std::string& id) {
  if (id == "story:back") return routes_.back();
  if (id == "story:next") return show_page(page_ + 1);
  if (id == "story:prev" && page_ > 0) return show_page(page_ - 1);
  if (id == "story:auto") {
    auto_turn_ = !auto_turn_;
    return;
  }
  if (id == "story:repeat") return show_page(page_);
  if (id == "story:replay") return start();
}

bool StoryScreen::key(int sdl_keycode) {
  // Left and Right turn pages, as on a picture book; Up and Down still move the focus.
  if (finished()) return false;
  if (sdl_keycode == SDLK_RIGHT) activate("story:next");
  else if (sdl_keycode == SDLK_LEFT) activate("story:prev");
  else return false;
  return true;
}

void StoryScreen::update(const Canvas& c, Targets& targets, double /*now*/) {
  const float w = c.design_width(), h = c.design_height();
  const ImU32 white = rgb(0xFFFFFF), light = IM_COL32(255, 255, 255, 240), ink = rgb(style::kInk);
  buttons_.clear();
  if (finished()) {
    buttons_.push_back({"story:replay", tr("Read again"), c.px(w / 2 - 500, h / 2 + 110, 480, 130), Glyph::Replay,
                        rgb(style::kFocus), white, true});
    buttons_.push_back({"story:back", tr("Back to the topic"), c.px(w / 2 + 20, h / 2 + 110, 480, 130), Glyph::Back,
                        rgb(style::kGo), white, true});
  } else {
    const float mid_y = (h - kCaptionH) / 2 - 75;
    buttons_.push_back({"story:next", tr("Next page"), c.px(w - kSide + 10, mid_y, 150, 150), Glyph::Next,
                        rgb(style::kSun), white, false});
    if (page_ > 0)
      buttons_.push_back({"story:prev", tr("Previous page"), c.px(10, mid_y, 150, 150), Glyph::Previous, light, ink, false});
    buttons_.push_back({"story:back", tr("Back to the topic"), c.px(20, 20, 110, 110), Glyph::Back, light, ink, false});
    if (!story_.pages[page_].narration.empty())
      buttons_.push_back({"story:repeat", tr("Say it again"), c.px(w - 130, 20, 110, 110), Glyph::Speaker, light, ink, false});
    buttons_.push_back({"story:auto", auto_turn_ ? tr("Stop turning pages") : tr("Turn pages by themselves"),
                        c.px(w - 260, 20, 110, 110), auto_turn_ ? Glyph::Pause : Glyph::Play,
                        auto_turn_ ? rgb(style::kGo) : light, auto_turn_ ? white : ink, false});
  }
  for (const auto& b : buttons_) targets.add(b.id, b.label, b.rect);
}

void StoryScreen::draw(const Canvas& c, double now) const {
  const float w = c.design_width(), h = c.design_height();
  draw_sky(c);
  if (finished()) {
    end_card(c, icons_.get("star"), tr("The end!"));
  } else {
    const StoryPage& page = story_.pages[page_];
    float slide = (1 - style::ease_out(now, turned_at_, 0.3)) * c.px(60);
    Rect frame = c.px(kSide, 20, w - 2 * kSide, h - kCaptionH - 50);
    frame.x += slide;
    const Texture& tex = c.textures().get(page.picture);
    if (tex.id) {  // the picture whole, as large as fits, on a white frame
      float s = std::min(frame.w / tex.width, frame.h / tex.height);
      Rect pic{frame.cx() - tex.width * s / 2, frame.cy() - tex.height * s / 2, tex.width * s, tex.height * s};
      c.card(pic.inset(-c.px(12)), rgb(0xFFFFFF), c.px(28));
      c.picture(pic, tex, c.px(18));
    } else {
      c.card(frame, rgb(0xFFFFFF), c.px(28));
      c.text_centered(frame, FontSize::Title, rgb(style::kMuted), tr("Picture missing"));
    }
    Rect caption = c.px(kSide, h - kCaptionH - 10, w - 2 * kSide, kCaptionH - 20);
    c.card(caption, rgb(0xFFFFFF), c.px(40));
    c.text_centered(caption.inset(c.px(20)), FontSize::Title, rgb(style::kInk), page.caption.in(ui_language()));
    // Page dots.
    const float n = static_cast<float>(story_.pages.size());
    for (size_t i = 0; i < story_.pages.size(); ++i) {
      float x = w / 2 + (static_cast<float>(i) - (n - 1) / 2) * 40;
      c.circle(c.px(x), c.px(h - 18), c.px(i == page_ ? 12 : 8), i == page_ ? rgb(style::kSun) : rgb(style::kMuted, 160));
    }
  }
  for (const auto& b : buttons_) draw_button(c, b);
}
