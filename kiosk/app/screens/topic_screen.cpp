#include "app/screens/topic_screen.h"

#include <algorithm>

#include "app/scenery.h"
#include "app/style.h"
#include "app/widgets.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/text.h"

namespace {
constexpr float kMargin = 60, kHeaderH = 180;
constexpr float kLessonsY = 210, kGamesY = 610;
constexpr float kCardW = 400, kCardH = 300, kGap = 36, kRowHeadingH = 80;

std::string entry_icon(const std::string& list, const Entry& e) {
  if (list == "game") return "game";
  return e.kind == "story" ? "lesson-story" : "lesson-video";
}
}  // namespace

TopicScreen::TopicScreen(Routes& routes, const Icons& icons, Notices& notices, SessionKeeper& sessions,
                         const ContentLibrary& content, std::shared_ptr<const Topic> topic)
    : routes_(routes), icons_(icons), notices_(notices), sessions_(sessions), content_(content), topic_(std::move(topic)) {}

void TopicScreen::enter(double now) {
  entered_ = now;
  if (auto latest = share_topic(content_.catalog(), topic_->id)) topic_ = std::move(latest);
}

void TopicScreen::update(const Canvas& c, Targets& targets, double /*now*/) {
  const float w = c.design_width();
  finish_rect_ = c.px(w - kMargin - 360, 35, 360, 110);
  yes_rect_ = c.px(w / 2 - 520, c.design_height() / 2 + 60, 480, 130);
  no_rect_ = c.px(w / 2 + 40, c.design_height() / 2 + 60, 480, 130);
  cards_.clear();
  layout_row(c, targets, topic_->lessons, "lesson", kLessonsY + kRowHeadingH);
  layout_row(c, targets, topic_->games, "game", kGamesY + kRowHeadingH);
  targets.add("end-session", tr("Finish"), finish_rect_);  // last: the focus starts on the first lesson
  if (confirming_) {  // the dialog covers the rest; "keep learning" first, so the safe choice has the focus
    targets.clear();
    targets.add("finish:no", tr("Keep learning"), no_rect_);
    targets.add("finish:yes", tr("Finish"), yes_rect_);
  }
}

void TopicScreen::layout_row(const Canvas& c, Targets& targets, const std::vector<Entry>& entries, const char* kind,
                             float y) {
  const float n = static_cast<float>(entries.size());
  const float card_w = std::min(kCardW, (c.design_width() - 2 * kMargin - (n - 1) * kGap) / n);
  float x = kMargin;
  for (const auto& e : entries) {
    Rect r = c.px(x, y, card_w, kCardH);
    std::string id = std::string(kind) + ":" + topic_->id + "/" + e.id;
    cards_.push_back({&e, id, entry_icon(kind, e), e.problems.empty() ? e.art : std::filesystem::path(), r});
    if (e.problems.empty()) targets.add(id, e.title.in(ui_language()), r);
    x += card_w + kGap;
  }
}

void TopicScreen::activate(const std::string& id) {
  if (id == "end-session" || id == "finish:no") {
    confirming_ = id == "end-session";
    return;
  }
  if (id == "finish:yes") return finish();
  for (const auto& card : cards_) {  // entries with problems are not targets
    if (card.id != id) continue;
    const Entry& e = *card.entry;
    if (e.video || e.story || e.game) return routes_.entry(topic_, e);
  }
  notices_.notify(tr("This activity cannot open on this kiosk yet"));
}

void TopicScreen::finish() {
  SessionRow row = sessions_.end(unix_now());
  routes_.summary(topic_, row);
}

void TopicScreen::draw(const Canvas& c, double now) const {
  draw_sky(c);
  const float w = c.design_width();
  const unsigned int color = topic_->color ? topic_->color : 0x219EBC;

  // Header band in the topic's colour: cover, title, class; the finish button on the right.
  c.fill(c.px(0, 0, w, kHeaderH), rgb(color));
  if (!topic_->cover.empty()) c.picture(c.px(kMargin - 20, 20, 186, 140), c.textures().get(topic_->cover), c.px(20));
  const auto& session = sessions_.current();
  c.text(c.px(kMargin + 190), c.px(26), FontSize::Title, rgb(0xFFFFFF), topic_->title.in(ui_language()),
         c.px(w - kMargin * 2 - 600));
  if (session) {
    c.text(c.px(kMargin + 190), c.px(108), FontSize::Heading, rgb(0xFFFFFF, 230),
           format(tr("Class %s"), session->class_group.c_str()));
  }
  c.card(finish_rect_, rgb(0xFFFFFF), c.px(style::kRadius));
  Rect f = finish_rect_;
  c.icon({f.x + c.px(18), f.y + c.px(15), c.px(80), c.px(80)}, icons_.get("end-session"));
  c.text_centered({f.x + c.px(100), f.y, f.w - c.px(110), f.h}, FontSize::Title, rgb(style::kGo), tr("Finish"));

  float rise = 1 - style::ease_out(now, entered_, 0.4);
  draw_row(c, tr("Watch and talk"), tr("No lessons yet"), kLessonsY, topic_->lessons.empty());
  draw_row(c, tr("Games"), tr("No games yet"), kGamesY, topic_->games.empty());
  for (const auto& card : cards_) {
    Rect r = card.rect;
    r.y += c.px(50) * rise;
    const float radius = c.px(style::kRadius);
    const bool broken = !card.entry->problems.empty();
    c.card(r, rgb(0xFFFFFF), radius);
    Rect art{r.x, r.y, r.w, r.h - c.px(100)};
    c.fill(art, broken ? rgb(0xE5E5E5) : rgb(color, 70), radius, ImDrawFlags_RoundCornersTop);
    if (card.picture.empty() || !c.picture(art, c.textures().get(card.picture), radius, ImDrawFlags_RoundCornersTop))
      c.icon(art.inset(c.px(28)), icons_.get(broken ? "warning" : card.icon));
    else  // a story or a game shows its first picture, with its kind in the corner
      c.icon({art.x + c.px(10), art.y + c.px(10), c.px(70), c.px(70)}, icons_.get(card.icon));
    Rect label{r.x + c.px(12), r.y + r.h - c.px(100), r.w - c.px(24), c.px(100)};
    if (broken) {
      c.text_centered(label, FontSize::Small, rgb(0x9A3412), card.entry->problems.front().describe());
    } else {
      c.text_fitted(label, rgb(style::kInk), card.entry->title.in(ui_language()));
    }
  }
  if (confirming_) draw_confirm(c);
}

void TopicScreen::draw_confirm(const Canvas& c) const {
  Rect card = dimmed_card(c, 1160, 520);
  c.icon({card.cx() - c.px(80), card.y + c.px(30), c.px(160), c.px(160)}, icons_.get("end-session"));
  c.text_centered({card.x, card.y + c.px(200), card.w, c.px(100)}, FontSize::Title, rgb(style::kInk),
                  tr("Finish this session?"));
  pill_button(c, yes_rect_, Glyph::Back, tr("Finish"), rgb(style::kGo));
  pill_button(c, no_rect_, Glyph::Play, tr("Keep learning"), rgb(style::kFocus));
}

void TopicScreen::draw_row(const Canvas& c, const char* heading, const char* empty_text, float y, bool empty) const {
  c.text(c.px(kMargin), c.px(y), FontSize::Title, rgb(style::kInk), heading);
  if (empty) {
    Rect r = c.px(kMargin, y + kRowHeadingH, kCardW * 2, kCardH * 0.6f);
    c.fill(r, rgb(0xFFFFFF, 150), c.px(style::kRadius));
    c.outline(r, rgb(style::kMuted, 160), c.px(style::kRadius), c.px(3));
    c.text_centered(r, FontSize::Heading, rgb(style::kMuted), empty_text);
  }
}
