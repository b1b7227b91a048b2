#include "app/screens/summary_screen.h"

#include "app/scenery.h"
#include "app/style.h"
#include "core/i18n.h"
#include "core/text.h"

namespace {
std::string duration_text(int64_t seconds) {
  if (seconds < 60) return format(trn("%d second", "%d seconds", seconds), static_cast<int>(seconds));
  int minutes = static_cast<int>((seconds + 30) / 60);
  return format(trn("%d minute", "%d minutes", minutes), minutes);
}
}  // namespace

void SummaryScreen::update(const Canvas& c, Targets& targets, double /*now*/) {
  const float w = c.design_width(), h = c.design_height();
  panel_ = c.px(w / 2 - 560, h / 2 - 400, 1120, 800);
  home_rect_ = c.px(w / 2 - 300, h / 2 + 220, 600, 130);
  targets.add("home", tr("Back to home"), home_rect_);
}

void SummaryScreen::activate(const std::string& id) {
  if (id == "home") routes_.home();
}

void SummaryScreen::draw(const Canvas& c, double now) const {
  draw_sky(c);
  draw_confetti(c, style::ease_out(now, entered_, 0.8));

  const Rect& p = panel_;
  c.card(p, rgb(0xFFFFFF), c.px(48));
  float pop = style::ease_out(now, entered_, 0.5);
  float star = c.px(120 + 60 * pop);
  c.icon({p.cx() - star, p.y + c.px(30) + c.px(90) - star / 2, star * 2, star}, icons_.get("star"));
  c.text_centered({p.x, p.y + c.px(210), p.w, c.px(90)}, FontSize::Huge, rgb(style::kInk), tr("Session finished!"));
  std::string who = topic_->title.in(ui_language()) + " · " + format(tr("Class %s"), row_.class_group.c_str());
  c.text_centered({p.x + c.px(40), p.y + c.px(310), p.w - c.px(80), c.px(70)}, FontSize::Heading, rgb(style::kMuted), who);

  // Two figures side by side: time spent and activities done.
  struct Figure {
    const char* icon;
    std::string text;
  } figures[] = {{"clock", duration_text(row_.duration_s)},
                 {"star", format(trn("%d activity", "%d activities", row_.activities), row_.activities)}};
  for (int i = 0; i < 2; ++i) {
    Rect f{p.x + c.px(80 + i * 500), p.y + c.px(410), c.px(460), c.px(120)};
    c.fill(f, rgb(0xFFF4DC), c.px(60));
    c.icon({f.x + c.px(16), f.y + c.px(12), c.px(96), c.px(96)}, icons_.get(figures[i].icon));
    c.text_centered({f.x + c.px(110), f.y, f.w - c.px(120), f.h}, FontSize::Title, rgb(style::kInk), figures[i].text);
  }

  c.card(home_rect_, rgb(style::kGo), c.px(65));
  const Rect& b = home_rect_;
  c.icon({b.x + c.px(24), b.y + c.px(17), c.px(96), c.px(96)}, icons_.get("home"));
  c.text_centered({b.x + c.px(120), b.y, b.w - c.px(140), b.h}, FontSize::Title, rgb(0xFFFFFF), tr("Back to home"), true);
}
