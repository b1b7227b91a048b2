#include "app/screens/game_screen.h"

#include <SDL.h>
#include <cmath>
#include <nlohmann/json.hpp>

#include "app/scenery.h"
#include "app/style.h"
#include "core/grid.h"
#include "core/i18n.h"

namespace {
constexpr float kMargin = 60, kTop = 170, kGap = 36;
constexpr unsigned int kRight = 0x2EB872, kWrong = 0xE76F51;
}  // namespace

GameScreen::GameScreen(Routes& routes, const ActivityServices& services, SoundEffects& sounds, std::mt19937& seeds,
                       std::shared_ptr<const Topic> topic, const Entry& entry)
    : routes_(routes), icons_(services.icons), sounds_(sounds), seeds_(seeds), topic_(std::move(topic)), entry_(entry),
      narrator_(services.wake_event),
      activity_(services.sessions, "game", topic_->id + "/" + entry.id, [this] { return details(); }) {}

void GameScreen::enter(double /*now*/) {
  sounds_.open();  // only while a game is shown: an open device wakes the kiosk ~90 times a second
  if (!rules_) start();  // the first time it opens
}

void GameScreen::leave() {
  sounds_.close();
  activity_.end(rules_->stats().finished ? "finished" : "left");
}

std::string GameScreen::details() const {
  const auto& s = rules_->stats();
  nlohmann::json d = {{"rounds", s.rounds}, {"right", s.right}, {"wrong", s.wrong}, {"finished", s.finished}};
  return d.dump();
}

void GameScreen::start() {  // the first game and each "play again": a new board, a new activity
  activity_.start();  // before the new board: an open one is recorded with the old one's figures
  rules_ = entry_.game->start(seeds_());  // a new board: no class learns the positions
  mode_ = rules_->taps_scene() ? Mode::Scene : rules_->zones().empty() ? Mode::Tap : Mode::Drop;
  held_.reset();
  flash_ = Outcome::None;
  if (!rules_->narration().empty()) narrator_.say(rules_->narration());
}

void GameScreen::play(Outcome outcome, std::optional<size_t> piece) {
  if (outcome == Outcome::None) return;
  const auto prompt_before = rules_->prompt().vi;
  sounds_.play(outcome == Outcome::Wrong ? "wrong" : outcome == Outcome::Done ? "cheer" : "right");
  flash_ = outcome;
  flash_piece_ = piece;
  flash_at_ = ui_now();
  if (outcome == Outcome::Wrong && mode_ == Mode::Tap) settle_at_ = flash_at_ + kSettle;  // memory cards turn back
  if (outcome == Outcome::Done) {
    done_at_ = flash_at_;
    activity_.end("finished");
  }
  // A new round brings a new question: say it.
  if (outcome == Outcome::Right && rules_->prompt().vi != prompt_before && !rules_->narration().empty())
    narrator_.say(rules_->narration());
}

void GameScreen::tap_piece(size_t i) {
  const std::vector<Piece> before = rules_->pieces();
  const Outcome outcome = rules_->tap(i);
  // A memory card that has just turned face up says its own sound (a word, an animal's call).
  if (i < before.size() && !before[i].face_up && !before[i].audio.empty() && rules_->pieces()[i].face_up)
    narrator_.say(before[i].audio);
  play(outcome, i);
}

void GameScreen::activate(const std::string& id) {
  if (id == "game:back") return routes_.back();
  if (id == "game:again") return start();
  if (id == "game:repeat") {
    if (!rules_->narration().empty()) narrator_.say(rules_->narration());
    return;
  }
  if (id == "scene") return play(rules_->tap_at(cursor_x_, cursor_y_), std::nullopt);
  if (id.rfind("piece:", 0) == 0) {
    size_t i = std::stoul(id.substr(6));
    if (mode_ == Mode::Tap) return tap_piece(i);
    held_ = i;  // picked up: the next zone chosen receives it
    return;
  }
  if (id.rfind("zone:", 0) == 0 && held_) {
    size_t piece = *held_;
    held_.reset();
    play(rules_->drop(piece, std::stoul(id.substr(5))), piece);
  }
}

bool GameScreen::key(int sdl_keycode) {
  if (mode_ != Mode::Scene || celebrating()) return false;
  // On a scene the remote moves a pointer in small steps; Enter taps there.
  const double step = 1.0 / 16;
  switch (sdl_keycode) {
    case SDLK_LEFT: cursor_x_ = std::max(0.0, cursor_x_ - step); break;
    case SDLK_RIGHT: cursor_x_ = std::min(1.0, cursor_x_ + step); break;
    case SDLK_UP: cursor_y_ = std::max(0.0, cursor_y_ - step); break;
    case SDLK_DOWN: cursor_y_ = std::min(1.0, cursor_y_ + step); break;
    default: return false;
  }
  cursor_shown_ = true;
  return true;
}

std::optional<size_t> GameScreen::piece_at(float x, float y) const {
  auto pieces = rules_->pieces();
  for (size_t i = 0; i < piece_rects_.size(); ++i)
    if (!pieces[i].done && piece_rects_[i].contains(x, y)) return i;
  return std::nullopt;
}

std::optional<size_t> GameScreen::zone_at(float x, float y) const {
  for (size_t k = 0; k < zone_rects_.size(); ++k)
    if (zone_rects_[k].contains(x, y)) return k;
  return std::nullopt;
}

bool GameScreen::pointer(Pointer phase, float x, float y) {
  if (celebrating()) return false;
  if (mode_ == Mode::Scene) {
    if (!scene_rect_.contains(x, y)) return false;
    if (phase == Pointer::Up) {
      cursor_x_ = (x - scene_rect_.x) / scene_rect_.w;
      cursor_y_ = (y - scene_rect_.y) / scene_rect_.h;
      cursor_shown_ = false;
      play(rules_->tap_at(cursor_x_, cursor_y_), std::nullopt);
    }
    return true;
  }
  if (mode_ != Mode::Drop) return false;
  if (phase == Pointer::Down) {
    dragging_ = piece_at(x, y);
    press_x_ = drag_x_ = x;
    press_y_ = drag_y_ = y;
    return dragging_.has_value();
  }
  if (!dragging_) return false;
  drag_x_ = x;
  drag_y_ = y;
  if (phase == Pointer::Up) {
    size_t piece = *dragging_;
    dragging_.reset();
    if (std::hypot(x - press_x_, y - press_y_) < 20) {  // a tap, not a drag: pick it up
      held_ = piece;
    } else if (auto zone = zone_at(x, y)) {
      held_.reset();
      play(rules_->drop(piece, *zone), piece);
    }
  }
  return true;
}

bool GameScreen::tick(double now) {
  bool changed = narrator_.poll();
  if (settle_at_ >= 0 && now >= settle_at_) {
    rules_->settle();
    settle_at_ = -1;
    changed = true;
  }
  return changed;
}

double GameScreen::wake_in(double now) const {
  double wake = -1;
  if (settle_at_ >= 0) wake = std::max(0.0, settle_at_ - now);
  if (rules_->stats().finished && now < done_at_ + kCelebrateDelay) {
    double w = done_at_ + kCelebrateDelay - now;
    wake = wake < 0 ? w : std::min(wake, w);
  }
  return wake;
}

bool GameScreen::animating(double now) const {
  return now - flash_at_ < kFlash || dragging_.has_value() || (celebrating() && now - done_at_ < kCelebrateDelay + 1.0);
}

void GameScreen::update(const Canvas& c, Targets& targets, double /*now*/) {
  const float w = c.design_width(), h = c.design_height();
  const ImU32 white = rgb(0xFFFFFF), light = IM_COL32(255, 255, 255, 240), ink = rgb(style::kInk);
  buttons_.clear();
  piece_rects_.clear();
  zone_rects_.clear();
  if (celebrating()) {
    buttons_.push_back({"game:again", tr("Play again"), c.px(w / 2 - 500, h / 2 + 130, 480, 130), Glyph::Replay,
                        rgb(style::kFocus), white, true});
    buttons_.push_back({"game:back", tr("Back to the topic"), c.px(w / 2 + 20, h / 2 + 130, 480, 130), Glyph::Back,
                        rgb(style::kGo), white, true});
    for (const auto& b : buttons_) targets.add(b.id, b.label, b.rect);
    return;
  }
  const auto pieces = rules_->pieces();
  const auto zones = rules_->zones();
  const Rect area = c.px(kMargin, kTop, w - 2 * kMargin, h - kTop - 30);
  if (mode_ == Mode::Scene) {
    const Texture& scene = c.textures().get(pieces[0].picture);
    float s = scene.id ? std::min(area.w / scene.width, area.h / scene.height) : 1;
    scene_rect_ = scene.id ? Rect{area.cx() - scene.width * s / 2, area.y, scene.width * s, scene.height * s} : area;
    targets.add("scene", rules_->prompt().in(ui_language()), scene_rect_);
  } else if (mode_ == Mode::Tap) {
    piece_rects_ = grid_cells(pieces.size(), area, c.px(kGap), c.px(460));
  } else {
    const float zone_h = zones.size() > 3 ? std::min(260.0f, (w - 2 * kMargin) / zones.size() - kGap) : 260.0f;
    const Rect zone_area = c.px(kMargin, kTop, w - 2 * kMargin, zone_h);
    if (zones.size() > 3) {
      zone_rects_ = grid_cells(zones.size(), zone_area, c.px(kGap / 2), c.px(zone_h));
    } else {
      float zw = (zone_area.w - (zones.size() - 1) * c.px(kGap)) / zones.size();
      for (size_t k = 0; k < zones.size(); ++k) zone_rects_.push_back({zone_area.x + k * (zw + c.px(kGap)), zone_area.y, zw, zone_area.h});
    }
    piece_rects_ = grid_cells(pieces.size(), c.px(kMargin, kTop + zone_h + 50, w - 2 * kMargin, h - kTop - zone_h - 80),
                              c.px(kGap / 2), c.px(300));
  }
  for (size_t i = 0; i < piece_rects_.size(); ++i)
    if (!pieces[i].done) targets.add("piece:" + std::to_string(i), tr("Picture"), piece_rects_[i]);
  for (size_t k = 0; k < zone_rects_.size(); ++k)
    targets.add("zone:" + std::to_string(k), zones[k].label.in(ui_language()), zone_rects_[k]);
  buttons_.push_back({"game:repeat", tr("Say it again"), c.px(150, 20, 120, 120), Glyph::Speaker, rgb(style::kSun), white, false});
  buttons_.push_back({"game:back", tr("Back to the topic"), c.px(20, 30, 100, 100), Glyph::Back, light, ink, false});
  for (const auto& b : buttons_) targets.add(b.id, b.label, b.rect);
}

void GameScreen::draw(const Canvas& c, double now) const {
  const float w = c.design_width();
  draw_sky(c);
  const auto& stats = rules_->stats();
  if (celebrating()) {
    draw_confetti(c, style::ease_out(now, done_at_ + kCelebrateDelay, 1.0));
    Rect card = dimmed_card(c, 1160, 600);
    float pop = style::ease_out(now, done_at_ + kCelebrateDelay, 0.5);
    float star = c.px(90 + 50 * pop);
    for (int k = -1; k <= 1; ++k)
      c.icon({card.cx() + k * c.px(200) - star, card.y + c.px(40), star * 2, star * 2}, icons_.get("star"));
    c.text_centered({card.x, card.y + c.px(270), card.w, c.px(110)}, FontSize::Huge, rgb(style::kInk), tr("Well done!"));
  } else {
    // The question, and one star per step to get right (filled as they are won).
    c.text_fitted(c.px(300, 15, w - 300 - 110 - 60 * std::min(stats.rounds, 8), 140), rgb(style::kInk),
                  rules_->prompt().in(ui_language()));
    for (int i = 0; i < std::min(stats.rounds, 8); ++i) {
      Rect s = c.px(w - 70 - 60.0f * (std::min(stats.rounds, 8) - i), 55, 56, 56);
      if (i < stats.right) c.icon(s, icons_.get("star"));
      else c.circle(s.cx(), s.cy(), s.w * 0.3f, rgb(style::kMuted, 120));
    }
    const auto pieces = rules_->pieces();
    const auto zones = rules_->zones();
    const bool flashing = now - flash_at_ < kFlash;
    const float radius = c.px(28);
    if (mode_ == Mode::Scene) {
      c.card(scene_rect_.inset(-c.px(8)), rgb(0xFFFFFF), c.px(24));
      c.picture(scene_rect_, c.textures().get(pieces[0].picture), c.px(16));
      for (size_t k = 1; k < pieces.size(); ++k)  // each place found: a green ring
        if (pieces[k].done)
          c.ring(scene_rect_.x + scene_rect_.w * static_cast<float>(pieces[k].x),
                 scene_rect_.y + scene_rect_.h * static_cast<float>(pieces[k].y),
                 scene_rect_.w * static_cast<float>(pieces[k].r), rgb(kRight), c.px(10));
      if (cursor_shown_)
        c.ring(scene_rect_.x + scene_rect_.w * cursor_x_, scene_rect_.y + scene_rect_.h * cursor_y_, c.px(50),
               rgb(style::kFocus), c.px(10));
      if (flashing) {
        float fx = scene_rect_.x + scene_rect_.w * cursor_x_, fy = scene_rect_.y + scene_rect_.h * cursor_y_;
        c.ring(fx, fy, c.px(60), rgb(flash_ == Outcome::Wrong ? kWrong : kRight), c.px(14));
        if (flash_ != Outcome::Wrong) c.icon({fx - c.px(60), fy - c.px(160), c.px(120), c.px(120)}, icons_.get("star"));
      }
    }
    for (size_t k = 0; k < zone_rects_.size(); ++k) {
      const Zone& zone = zones[k];
      Rect z = zone_rects_[k];
      c.card(z, rgb(0xFFFFFF), radius);
      c.outline(z, rgb(topic_->color ? topic_->color : 0x219EBC, 200), radius, c.px(6));
      if (!zone.picture.empty()) {
        c.icon({z.x + c.px(16), z.y + c.px(16), z.h - c.px(32), z.h - c.px(32)}, c.textures().get(zone.picture));
        c.text_centered({z.x + z.h, z.y, z.w - z.h - c.px(16), z.h}, FontSize::Title, rgb(style::kInk), zone.label.in(ui_language()));
      } else {
        c.text_centered(z, FontSize::Huge, rgb(style::kMuted, 120), zone.label.in(ui_language()));
      }
    }
    for (size_t i = 0; i < piece_rects_.size(); ++i) {
      const Piece& p = pieces[i];
      Rect r = piece_rects_[i];
      if (p.done && mode_ == Mode::Drop) continue;  // sorted or placed: shown in its zone below
      if (dragging_ && *dragging_ == i) continue;   // drawn under the finger last
      if (flashing && flash_piece_ && *flash_piece_ == i && flash_ == Outcome::Wrong)
        r.x += std::sin(static_cast<float>((now - flash_at_) * 40)) * c.px(14) * static_cast<float>(1 - (now - flash_at_) / kFlash);
      c.card(r, rgb(0xFFFFFF), radius);
      if (p.face_up) {
        c.icon(r.inset(c.px(14)), c.textures().get(p.picture));
      } else {  // a memory card's back
        c.fill(r.inset(c.px(10)), rgb(topic_->color ? topic_->color : 0x219EBC), radius);
        c.icon(r.inset(r.w * 0.28f), icons_.get("star"));
      }
      if (p.done) c.outline(r, rgb(kRight), radius, c.px(10));
      if (held_ && *held_ == i) c.outline(r.inset(-c.px(6)), rgb(style::kSun), radius + c.px(6), c.px(10));
      if (flashing && flash_piece_ && *flash_piece_ == i) {
        c.outline(r, rgb(flash_ == Outcome::Wrong ? kWrong : kRight), radius, c.px(12));
        if (flash_ != Outcome::Wrong) {  // a star pops up out of a right answer
          float rise = style::ease_out(now, flash_at_, kFlash) * c.px(90);
          c.icon({r.cx() - c.px(70), r.y - c.px(40) - rise, c.px(140), c.px(140)}, icons_.get("star"));
        }
      }
    }
    // Drop mode: what has been sorted or placed sits small in its zone, in a row along its bottom.
    std::vector<int> in_zone(zone_rects_.size(), 0);
    for (const auto& p : pieces) {
      if (!p.done || p.zone < 0 || p.zone >= static_cast<int>(zone_rects_.size())) continue;
      const Rect& z = zone_rects_[p.zone];
      const bool slot = zones[p.zone].picture.empty();  // a place of a routine holds one step
      const float size = slot ? z.h - c.px(24) : c.px(90);
      Rect thumb{z.x + c.px(12) + in_zone[p.zone]++ * (size + c.px(8)), z.y + z.h - size - c.px(12), size, size};
      if (slot) thumb.x = z.x + c.px(12);
      c.icon(thumb, c.textures().get(p.picture));
    }
    if (dragging_) {
      Rect r = piece_rects_[*dragging_];
      Rect moved{drag_x_ - r.w * 0.55f, drag_y_ - r.h * 0.55f, r.w * 1.1f, r.h * 1.1f};
      c.card(moved, rgb(0xFFFFFF), radius);
      c.icon(moved.inset(c.px(14)), c.textures().get(pieces[*dragging_].picture));
    }
  }
  for (const auto& b : buttons_) draw_button(c, b);
}
