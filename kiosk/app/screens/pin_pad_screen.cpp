#include "app/screens/pin_pad_screen.h"

#include <SDL.h>

#include <cmath>

#include "app/scenery.h"
#include "app/style.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/text.h"

namespace {
constexpr float kKeyW = 230, kKeyH = 140, kGap = 22;
}  // namespace

PinPadScreen::PinPadScreen(Routes& routes, PinStore& pins, Notices& notices, Mode mode)
    : routes_(routes), pins_(pins), notices_(notices), mode_(mode) {
  if (mode_ == Mode::Choose) message_ = tr("4 to 8 digits. Only grown-ups should know it.");
}

std::string PinPadScreen::heading() const {
  if (mode_ == Mode::Check) return tr("Admin PIN");
  return first_choice_.empty() ? tr("Choose an admin PIN") : tr("Enter the new PIN again");
}

void PinPadScreen::update(const Canvas& c, Targets& targets, double now) {
  now_ = now;
  idle_.start(now);
  locked_for_ = mode_ == Mode::Check ? pins_.seconds_locked(unix_now()) : 0;
  const float w = c.design_width(), h = c.design_height();
  const float pad_w = 3 * kKeyW + 2 * kGap, pad_h = 4 * kKeyH + 3 * kGap;
  card_ = c.px(w / 2 - 520, h / 2 - 515, 1040, 1030);
  keys_.clear();
  const float x0 = w / 2 - pad_w / 2, y0 = h / 2 + 515 - 40 - pad_h;
  const char* labels = "123456789<0>";
  for (int i = 0; i < 12; ++i) {
    Rect r = c.px(x0 + (i % 3) * (kKeyW + kGap), y0 + (i / 3) * (kKeyH + kGap), kKeyW, kKeyH);
    char l = labels[i];
    if (l == '<') keys_.push_back({"pin:erase", tr("Erase"), r, Glyph::Previous, rgb(0xE9ECF2), rgb(style::kInk)});
    else if (l == '>') keys_.push_back({"pin:ok", tr("OK"), r, Glyph::Next, rgb(style::kGo), rgb(0xFFFFFF)});
    else keys_.push_back({std::string("pin:") + l, std::string(1, l), r, Glyph::Next, rgb(0xF3F6FB), rgb(style::kInk)});
  }
  if (locked_for_ == 0)
    for (const auto& k : keys_) targets.add(k.id, k.label, k.rect);
  Rect back = c.px(w / 2 - 520 + 30, h / 2 - 515 + 30, 110, 110);
  keys_.push_back({"pin:back", tr("Back"), back, Glyph::Back, rgb(0xE9ECF2), rgb(style::kInk)});
  targets.add("pin:back", tr("Back"), back);
}

void PinPadScreen::draw(const Canvas& c, double now) const {
  draw_sky(c);
  c.fill({0, 0, c.px(c.design_width()), c.px(c.design_height())}, rgb(0x1D3557, 120));
  c.card(card_, rgb(0xFFFFFF), c.px(48));
  const Rect& p = card_;
  c.text_centered({p.x + c.px(150), p.y + c.px(40), p.w - c.px(300), c.px(90)}, FontSize::Title, rgb(style::kInk), heading());

  // One dot per digit typed, shaking after a wrong PIN.
  float shake = now < shake_until_ ? c.px(24) * std::sin(float(now * 40)) * float(shake_until_ - now) / 0.5f : 0;
  const int slots = std::max<int>(4, int(digits_.size()));
  const float dot = c.px(44), gap = c.px(30);
  float x = p.cx() - (slots * dot + (slots - 1) * gap) / 2 + shake;
  for (int i = 0; i < slots; ++i) {
    float cx = x + i * (dot + gap) + dot / 2, cy = p.y + c.px(185);
    if (i < int(digits_.size())) c.circle(cx, cy, dot / 2, rgb(style::kInk));
    else c.ring(cx, cy, dot / 2 - c.px(3), rgb(style::kMuted), c.px(5));
  }
  std::string message = message_;
  bool error = message_is_error_;
  if (locked_for_ > 0) {
    message = format(tr("Too many wrong PINs. Try again in %d:%02d."), int(locked_for_ / 60), int(locked_for_ % 60));
    error = true;
  }
  c.text_centered({p.x + c.px(40), p.y + c.px(225), p.w - c.px(80), c.px(70)}, FontSize::Body,
                  rgb(error ? 0xC1121F : style::kMuted), message);

  for (const auto& k : keys_) {
    if (k.id == "pin:back") {
      draw_button(c, k);
      continue;
    }
    const bool off = locked_for_ > 0;
    c.fill(k.rect, off ? rgb(0xF0F0F0) : k.fill, c.px(28));
    if (k.id == "pin:erase" || k.id == "pin:ok")
      c.text_centered(k.rect, FontSize::Title, off ? rgb(0xC0C0C0) : k.ink, k.label);
    else
      c.text_centered(k.rect, FontSize::Huge, off ? rgb(0xC0C0C0) : k.ink, k.label);
  }
}

void PinPadScreen::press(char digit) {
  if (digits_.size() < 8) digits_ += digit;
  message_.clear();
}

void PinPadScreen::activate(const std::string& id) {
  idle_.touch(now_);
  typed_ = false;
  if (id == "pin:back") {
    routes_.back();  // to the home screen, or to admin mode when a PIN was being changed
  } else if (id == "pin:erase") {
    if (!digits_.empty()) digits_.pop_back();
  } else if (id == "pin:ok") {
    submit();
  } else if (id.size() == 5 && id.rfind("pin:", 0) == 0) {
    press(id[4]);
  }
}

bool PinPadScreen::key(int k) {
  idle_.touch(now_);
  if (locked_for_ > 0) return false;
  char digit = 0;
  if (k >= SDLK_0 && k <= SDLK_9) digit = char('0' + (k - SDLK_0));
  if (k >= SDLK_KP_1 && k <= SDLK_KP_9) digit = char('1' + (k - SDLK_KP_1));
  if (k == SDLK_KP_0) digit = '0';
  if (digit) {
    press(digit);
    typed_ = true;
    return true;
  }
  if (k == SDLK_BACKSPACE && !digits_.empty()) {  // with nothing typed, Backspace is Back
    digits_.pop_back();
    return true;
  }
  if (k == SDLK_KP_ENTER || (k == SDLK_RETURN && typed_)) {
    submit();
    return true;
  }
  return false;
}

void PinPadScreen::submit() {
  std::string pin = std::exchange(digits_, "");
  message_is_error_ = true;
  if (mode_ == Mode::Check) {
    switch (pins_.check(pin, unix_now())) {
      case PinStore::Check::Right:
        routes_.admin();
        return;
      case PinStore::Check::Wrong:
        message_ = tr("Wrong PIN.");
        shake_until_ = now_ + 0.5;
        return;
      case PinStore::Check::Locked:
        return;
    }
  }
  if (!PinStore::valid_pin(pin)) {
    message_ = tr("A PIN has 4 to 8 digits.");
    shake_until_ = now_ + 0.5;
  } else if (first_choice_.empty()) {
    first_choice_ = pin;
    message_.clear();
  } else if (pin != first_choice_) {
    first_choice_.clear();
    message_ = tr("The two PINs were not the same. Choose again.");
    shake_until_ = now_ + 0.5;
  } else {
    try {
      pins_.set_pin(pin);
      notices_.notify(tr("The admin PIN is saved."), Notices::Kind::Done);
      routes_.admin();
    } catch (const std::exception& e) {
      first_choice_.clear();
      message_ = format(tr("The PIN cannot be saved: %s"), e.what());
    }
  }
}

// Leaves by itself when nobody touches it; redraws each second of a lock-out countdown.
bool PinPadScreen::tick(double now) {
  now_ = now;
  if (idle_.expired(now)) {
    routes_.home();
    return true;
  }
  return locked_for_ > 0 && pins_.seconds_locked(unix_now()) != locked_for_;
}

double PinPadScreen::wake_in(double now) const {
  double idle = idle_.seconds_left(now);
  return locked_for_ > 0 ? std::min(idle, 1.0) : idle;
}
