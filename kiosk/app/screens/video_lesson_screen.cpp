#include "app/screens/video_lesson_screen.h"

#include <SDL.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <nlohmann/json.hpp>

#include "app/style.h"
#include "app/widgets.h"
#include "core/i18n.h"
#include "core/text.h"

namespace {
constexpr float kPanelH = 250, kButton = 120, kPlayButton = 150;

std::string clock_text(double seconds) {
  int s = static_cast<int>(seconds + 0.5);
  return format("%d:%02d", s / 60, s % 60);
}

// The teacher's "add a question here" button: a white pill with a blue plus.
void draw_add_cue(const Canvas& c, const Rect& r) {
  c.card(r, rgb(0xFFFFFF), r.h / 2);
  Rect plus = {r.x + r.h * 0.14f, r.y + r.h * 0.14f, r.h * 0.72f, r.h * 0.72f};
  const float bar = plus.w * 0.14f, arm = plus.w * 0.56f;
  c.circle(plus.cx(), plus.cy(), plus.w / 2, rgb(style::kFocus));
  c.fill({plus.cx() - arm / 2, plus.cy() - bar / 2, arm, bar}, rgb(0xFFFFFF), bar / 2);
  c.fill({plus.cx() - bar / 2, plus.cy() - arm / 2, bar, arm}, rgb(0xFFFFFF), bar / 2);
  c.text_centered({r.x + r.h, r.y, r.w - r.h * 1.2f, r.h}, FontSize::Heading, rgb(style::kInk), tr("Add a question here"));
}

std::vector<double> cue_times(const VideoLesson& lesson) {
  std::vector<double> times;
  for (const auto& c : lesson.cues) times.push_back(c.at);
  return times;
}
}  // namespace

VideoLessonScreen::VideoLessonScreen(Routes& routes, const ActivityServices& services, ContentLibrary& content,
                                     Notices& notices, SDL_Window* window, std::shared_ptr<const Topic> topic,
                                     const Entry& entry)
    : routes_(routes), icons_(services.icons), content_(content), notices_(notices), window_(window),
      wake_event_(services.wake_event), topic_(std::move(topic)), ref_(topic_->id + "/" + entry.id),
      lesson_(entry.video), narrator_(services.wake_event), cues_(cue_times(*lesson_)),
      activity_(services.sessions, "lesson", ref_, [this] { return details(); }) {}

void VideoLessonScreen::enter(double /*now*/) {
  if (player_ || phase_ == Phase::Failed) return;  // opened already
  activity_.start();
  try {
    player_ = MediaPlayer::create(MediaPlayer::Kind::Video, wake_event_, window_);
    player_->load(lesson_->file);
  } catch (const std::exception& e) {
    fail(e.what());
  }
}

void VideoLessonScreen::fail(std::string why) {
  error_ = std::move(why);
  phase_ = Phase::Failed;
  std::fprintf(stderr, "kiosk: cannot play %s: %s\n", lesson_->file.c_str(), error_.c_str());
  activity_.end("failed");
}

void VideoLessonScreen::leave() {
  activity_.end(phase_ == Phase::Ended ? "finished" : phase_ == Phase::Failed ? "failed" : "left");
}

std::string VideoLessonScreen::details() const {
  nlohmann::json d = {{"position_s", player_ ? player_->position() : 0.0},
                      {"duration_s", player_ ? player_->duration() : 0.0},
                      {"furthest_s", cues_.furthest()},
                      {"cues_reached", cues_.cues_reached()},
                      {"cues_total", cues_.cue_count()},
                      {"finished", phase_ == Phase::Ended}};
  if (!error_.empty()) d["error"] = error_;
  return d.dump();
}


bool VideoLessonScreen::tick(double /*now*/) {
  if (!player_) return false;
  bool changed = player_->poll() | narrator_.poll();
  if (player_->frame_ready()) frame_due_ = true;
  // A file cut short after its header plays to an "end" without a single picture: not a lesson watched.
  const bool no_picture = player_->ended() && !player_->showed_frame();
  if (phase_ != Phase::Failed && (!player_->error().empty() || no_picture)) {
    fail(no_picture ? tr("it ended without showing a picture: the file is cut short or damaged") : player_->error());
    return true;
  }
  // Not only while playing: at its end mpv pauses by itself (keep-open), maybe in the same batch of
  // events as the last position.
  if (phase_ == Phase::Playing && !chooser_) {
    if (auto cue = cues_.advance(player_->position())) {
      player_->set_paused(true);
      phase_ = Phase::AtCue;
      cue_ = *cue;
      confirm_remove_ = false;
      if (!lesson_->cues[cue_].narration.empty()) narrator_.say(lesson_->cues[cue_].narration);
      activity_.progress();
      changed = true;
    } else if (player_->ended()) {
      phase_ = Phase::Ended;
      activity_.end("finished");
      changed = true;
    }
  }
  return changed || frame_due_;
}

void VideoLessonScreen::render_below(int width_px, int height_px) {
  frame_due_ = false;
  if (player_ && phase_ != Phase::Failed) player_->render(width_px, height_px);
}

void VideoLessonScreen::toggle_pause() {
  player_->set_paused(!player_->paused());
  show_controls();
}

void VideoLessonScreen::seek(double seconds) {
  seconds = std::max(0.0, std::min(seconds, std::max(0.0, player_->duration() - 0.1)));
  player_->seek_to(seconds);
  cues_.seeked(seconds);
  show_controls();
}

void VideoLessonScreen::continue_from_cue() {
  narrator_.stop();
  phase_ = Phase::Playing;
  player_->set_paused(false);
}

void VideoLessonScreen::open_chooser() {
  player_->set_paused(true);
  // Rounded down, so the cue is behind playback and does not fire when it goes on.
  add_at_ = std::floor(player_->position() * 10) / 10;
  chooser_.emplace(topic_questions(*topic_), topic_->color, clock_text(add_at_));
}

void VideoLessonScreen::add_cue(const LocalText& question) {
  if (!change_cues([&] { content_.add_cue(ref_, {add_at_, question}); })) return;
  confirm(tr("Question added"));
}

void VideoLessonScreen::remove_cue() {
  if (!change_cues([&] { content_.remove_cue(ref_, cue_); })) return;
  narrator_.stop();
  phase_ = Phase::Playing;  // still paused there, with the controls up
  show_controls();
  confirm(tr("Question removed"));
}

bool VideoLessonScreen::change_cues(const std::function<void()>& change) {
  try {
    change();
  } catch (const std::exception& e) {
    notices_.notify(format(tr("The question cannot be saved: %s"), e.what()));
    return false;
  }
  // The new snapshot has the lesson with its cues as they are now; the topic's questions too.
  const Entry* entry = find_lesson(*content_.catalog(), ref_);
  if (!entry || !entry->video) return false;  // content is only replaced from admin mode, never under a lesson
  topic_ = share_topic(content_.catalog(), topic_->id);
  lesson_ = entry->video;
  retrack();
  return true;
}

// A tracker for the changed cues: the cues up to where the class has been count as reached, and
// playback goes on from where it is.
void VideoLessonScreen::retrack() {
  const double furthest = cues_.furthest();
  cues_ = CueTracker(cue_times(*lesson_));
  while (cues_.advance(furthest)) {
  }
  cues_.seeked(player_->position());
}

void VideoLessonScreen::confirm(std::string text) {
  confirmation_ = std::move(text);
  confirm_until_ = ui_now() + kConfirmSeconds;
}

bool VideoLessonScreen::animating(double now) const {
  // While typing, the field's cursor blinks and typed letters show: text input asks for no frame.
  return now < controls_until_ || now < confirm_until_ || (chooser_ && chooser_->typing());
}

void VideoLessonScreen::back() {
  if (!chooser_) return routes_.back();
  chooser_->back();
  if (chooser_->done()) chooser_.reset();
}


void VideoLessonScreen::activate(const std::string& id) {
  if (chooser_) {
    if (auto question = chooser_->activate(id)) add_cue(*question);
    if (chooser_->done()) chooser_.reset();
    return;
  }
  if (id == "lesson:back") return routes_.back();
  if (id == "cue:continue") return continue_from_cue();
  if (id == "cue:repeat" && !lesson_->cues[cue_].narration.empty()) return narrator_.say(lesson_->cues[cue_].narration);
  if (id == "lesson:replay") {
    activity_.start();
    phase_ = Phase::Playing;
    seek(0);
    player_->set_paused(false);
    return;
  }
  if (id == "lesson:play-pause") return toggle_pause();
  if (id == "lesson:add-cue") return open_chooser();
  if (id == "cue:remove") {  // asks first: a teacher's question is not lost to a stray tap
    confirm_remove_ = true;
    return;
  }
  if (id == "cue:remove-no") {
    confirm_remove_ = false;
    return;
  }
  if (id == "cue:remove-yes") return remove_cue();
  if (id == "lesson:rewind") return seek(player_->position() - kSeekStepSeconds);
  if (id == "lesson:prev-cue") return seek(cues_.previous_jump(player_->position()));
  if (id == "lesson:next-cue") {
    if (auto to = cues_.next_jump(player_->position())) seek(*to);
    return show_controls();
  }
  if (id == "lesson:volume-down" || id == "lesson:volume-up") {
    player_->set_volume(player_->volume() + (id == "lesson:volume-up" ? 10 : -10));
    narrator_.set_volume(player_->volume());
    return show_controls();
  }
}

bool VideoLessonScreen::key(int sdl_keycode) {
  if (chooser_) return chooser_->key(sdl_keycode);
  if (phase_ == Phase::AtCue && sdl_keycode == SDLK_SPACE) {
    continue_from_cue();
    return true;
  }
  if (phase_ != Phase::Playing) return false;
  bool hidden = !controls_visible();
  show_controls();
  if (sdl_keycode == SDLK_SPACE) {
    toggle_pause();
    return true;
  }
  bool back = sdl_keycode == SDLK_ESCAPE || sdl_keycode == SDLK_AC_BACK || sdl_keycode == SDLK_BACKSPACE;
  return hidden && !back;  // the first key only brings the controls up
}

// The position bar, focused with the remote: each Left/Right moves 10 seconds.
bool VideoLessonScreen::adjust(const std::string& id, int step) {
  if (id != "lesson:seek" || phase_ != Phase::Playing || chooser_) return false;
  seek(player_->position() + step * kSeekStepSeconds);
  show_controls();
  return true;
}

bool VideoLessonScreen::pointer(Pointer phase, float x, float y) {
  if (phase_ != Phase::Playing || chooser_) return false;
  auto bar_seconds = [&] {
    float f = std::max(0.0f, std::min(1.0f, (x - bar_.x) / bar_.w));
    return f * player_->duration();
  };
  if (phase == Pointer::Down) {
    const bool on_controls = controls_panel_.contains(x, y) || add_cue_.contains(x, y);
    if (!controls_visible() || !on_controls) {  // a tap on the picture: controls up
      show_controls();
      return true;
    }
    show_controls();
    if (bar_.inset(-bar_.h * 0.2f).contains(x, y)) {
      drag_ = bar_seconds();
      return true;
    }
    return false;
  }
  if (!drag_) return false;
  drag_ = bar_seconds();
  if (phase == Pointer::Up) {
    seek(*drag_);
    drag_.reset();
  }
  return true;
}

void VideoLessonScreen::update(const Canvas& c, Targets& targets, double /*now*/) {
  const float w = c.design_width(), h = c.design_height(), mid = w / 2;
  const ImU32 white = rgb(0xFFFFFF), light = IM_COL32(255, 255, 255, 235), ink = rgb(style::kInk);
  buttons_.clear();
  add_cue_ = remove_cue_ = remove_yes_ = remove_no_ = {};
  if (chooser_) return chooser_->update(c, targets);
  auto pill = [&](const char* id, const char* label, Rect r, Glyph g, unsigned int fill) {
    buttons_.push_back({id, label, r, g, rgb(fill), white, true});
  };
  auto round = [&](const char* id, const char* label, Rect r, Glyph g, ImU32 fill, ImU32 glyph_ink) {
    buttons_.push_back({id, label, r, g, fill, glyph_ink, false});
  };
  controls_panel_ = c.px(40, h - kPanelH - 30, w - 80, kPanelH);
  bar_ = c.px(120, h - kPanelH - 10, w - 240, 60);
  if (phase_ == Phase::AtCue) {
    pill("cue:continue", tr("Keep watching"), c.px(mid - 300, h / 2 + 150, 600, 130), Glyph::Play, style::kGo);
    if (!lesson_->cues[cue_].narration.empty())
      round("cue:repeat", tr("Say it again"), c.px(mid + 560, h / 2 - 290, 110, 110), Glyph::Speaker, rgb(style::kSun), white);
    if (lesson_->cues[cue_].origin == Cue::Origin::Teacher) {  // small buttons: for the teacher
      if (confirm_remove_) {
        remove_yes_ = c.px(mid - 720, h / 2 + 245, 190, 70);
        remove_no_ = c.px(mid - 515, h / 2 + 245, 180, 70);
      } else {
        remove_cue_ = c.px(mid - 710, h / 2 + 245, 340, 70);
      }
    }
  } else if (phase_ == Phase::Ended) {
    pill("lesson:replay", tr("Watch again"), c.px(mid - 500, h / 2 + 110, 480, 130), Glyph::Replay, style::kFocus);
    pill("lesson:back", tr("Back to the topic"), c.px(mid + 20, h / 2 + 110, 480, 130), Glyph::Back, style::kGo);
  } else if (phase_ == Phase::Failed) {
    pill("lesson:back", tr("Back to the topic"), c.px(mid - 280, h / 2 + 150, 560, 130), Glyph::Back, style::kGo);
  } else if (controls_visible()) {
    const float row = h - 30 - kButton - 20;
    // Play/pause first: it takes the focus when the controls come up.
    round("lesson:play-pause", player_->paused() ? tr("Play") : tr("Pause"),
          c.px(mid - kPlayButton / 2, row - (kPlayButton - kButton) / 2, kPlayButton, kPlayButton),
          player_->paused() ? Glyph::Play : Glyph::Pause, rgb(style::kSun), white);
    round("lesson:prev-cue", tr("Previous question"), c.px(mid - kPlayButton / 2 - 30 - kButton, row, kButton, kButton),
          Glyph::PreviousCue, light, ink);
    round("lesson:rewind", tr("Back 10 seconds"), c.px(mid - kPlayButton / 2 - 60 - 2 * kButton, row, kButton, kButton),
          Glyph::Rewind, light, ink);
    round("lesson:next-cue", tr("Next question"), c.px(mid + kPlayButton / 2 + 30, row, kButton, kButton), Glyph::NextCue,
          light, ink);
    round("lesson:back", tr("Back to the topic"), c.px(90, row, kButton, kButton), Glyph::Back, light, ink);
    round("lesson:volume-down", tr("Quieter"), c.px(w - 90 - 2 * kButton - 30, row, kButton, kButton), Glyph::VolumeDown,
          light, ink);
    round("lesson:volume-up", tr("Louder"), c.px(w - 90 - kButton, row, kButton, kButton), Glyph::VolumeUp, light, ink);
    add_cue_ = c.px(w - 90 - 620, h - kPanelH - 170, 620, 110);
  }
  if (remove_no_.w > 0) {  // first, so that the remote's focus lands on "Keep"
    targets.add("cue:remove-no", tr("Keep"), remove_no_);
    targets.add("cue:remove-yes", tr("Remove"), remove_yes_);
  }
  for (const auto& b : buttons_) targets.add(b.id, b.label, b.rect);
  if (remove_cue_.w > 0) targets.add("cue:remove", tr("Remove this question"), remove_cue_);
  if (add_cue_.w > 0) targets.add("lesson:add-cue", tr("Add a question here"), add_cue_);
  if (controls_visible()) targets.add("lesson:seek", tr("Position"), bar_);
}

void VideoLessonScreen::draw(const Canvas& c, double now) const {
  const float w = c.design_width(), h = c.design_height();
  if (chooser_) return chooser_->draw(c);
  if (phase_ == Phase::AtCue) {
    const Cue& cue = lesson_->cues[cue_];
    Rect card = dimmed_card(c, 1500, 680);
    float text_x = card.x + c.px(60);
    if (!cue.picture.empty() && c.picture({card.x + c.px(50), card.y + c.px(70), c.px(480), c.px(360)},
                                          c.textures().get(cue.picture), c.px(24))) {
      text_x = card.x + c.px(570);
    }
    c.text_centered({text_x, card.y + c.px(50), card.x + card.w - c.px(160) - text_x, c.px(400)}, FontSize::Huge,
                    rgb(style::kInk), cue.question.in(ui_language()));
    auto small_button = [&](const Rect& r, unsigned int fill, unsigned int ink, const char* label) {
      c.fill(r, rgb(fill), r.h / 2);
      c.text_centered(r, FontSize::Small, rgb(ink), label);
    };
    if (remove_cue_.w > 0) small_button(remove_cue_, 0xEEF0F4, style::kMuted, tr("Remove this question"));
    if (remove_yes_.w > 0) {
      c.text_centered(c.px(w / 2 - 720, h / 2 + 175, 385, 60), FontSize::Small, rgb(style::kInk), tr("Remove this question?"));
      small_button(remove_yes_, style::kWarn, 0xFFFFFF, tr("Remove"));
      small_button(remove_no_, 0xEEF0F4, style::kInk, tr("Keep"));
    }
  } else if (phase_ == Phase::Ended) {
    end_card(c, icons_.get("star"), tr("The end!"));
  } else if (phase_ == Phase::Failed) {
    c.fill(c.px(0, 0, w, h), rgb(style::kSkyTop));
    Rect card = dimmed_card(c, 1300, 640);
    c.icon({card.cx() - c.px(80), card.y + c.px(30), c.px(160), c.px(160)}, icons_.get("warning"));
    c.text_centered({card.x, card.y + c.px(200), card.w, c.px(90)}, FontSize::Title, rgb(style::kInk),
                    tr("This video cannot be played"));
    c.text_centered({card.x + c.px(60), card.y + c.px(290), card.w - c.px(120), c.px(120)}, FontSize::Body,
                    rgb(style::kMuted), lesson_->file.filename().string() + ": " + error_);
  } else if (controls_visible()) {
    c.fill(controls_panel_, IM_COL32(15, 15, 35, 170), c.px(40));
    // The position bar with the cues marked on it.
    const double duration = std::max(0.001, player_->duration());
    const double position = drag_ ? *drag_ : player_->position();
    Rect track{bar_.x, bar_.cy() - c.px(8), bar_.w, c.px(16)};
    auto x_of = [&](double t) { return track.x + static_cast<float>(track.w * std::min(1.0, t / duration)); };
    c.fill(track, IM_COL32(255, 255, 255, 90), c.px(8));
    c.fill({track.x, track.y, x_of(position) - track.x, track.h}, rgb(style::kSun), c.px(8));
    for (const auto& cue : lesson_->cues) c.circle(x_of(cue.at), track.cy(), c.px(14), rgb(0xFFFFFF));
    c.circle(x_of(position), track.cy(), c.px(22), rgb(style::kSun));
    c.text(c.px(250), c.px(h - 30 - kButton + 10), FontSize::Heading, rgb(0xFFFFFF),
           clock_text(position) + " / " + clock_text(player_->duration()));
    draw_add_cue(c, add_cue_);
  }
  for (const auto& b : buttons_) draw_button(c, b);
  if (now < confirm_until_) {  // "question added / removed"
    Rect r = c.px(w / 2 - 450, 60, 900, 130);
    c.card(r, rgb(style::kGo), r.h / 2);
    c.icon({r.x + c.px(25), r.y + c.px(15), c.px(100), c.px(100)}, icons_.get("star"));
    c.text_centered({r.x + c.px(130), r.y, r.w - c.px(170), r.h}, FontSize::Title, rgb(0xFFFFFF), confirmation_, true);
  }
}
