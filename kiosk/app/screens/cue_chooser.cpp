#include "app/screens/cue_chooser.h"

#include <SDL.h>
#include <imgui.h>

#include "app/style.h"
#include "core/i18n.h"
#include "core/text.h"

namespace {
constexpr int kColumns = 3, kRows = 3, kPerPage = kColumns * kRows;
constexpr float kCardW = 1800, kCardH = 1000, kTypingCardH = 760;  // the chooser's white card
constexpr float kChoiceW = 550, kChoiceH = 180, kGap = 30, kGridY = 150, kButtonsY = 800, kButtonH = 130;

// Talk prompts that fit any video. Saved with the cue in both languages, like a pack's own questions,
// so they are content (not interface strings): whichever language the kiosk shows later, they follow.
std::vector<LocalText> general_prompts() {
  return {{"Con nhìn thấy gì?", "What do you see?"},
          {"Bạn nhỏ đang làm gì?", "What is the friend doing?"},
          {"Bạn nhỏ cảm thấy thế nào?", "How does the friend feel?"},
          {"Bạn làm vậy đúng hay sai? Vì sao?", "Is that right or wrong? Why?"},
          {"Nếu là con, con sẽ làm gì?", "What would you do?"},
          {"Điều gì sẽ xảy ra tiếp theo?", "What will happen next?"}};
}

// `color` (0xRRGGBB) mixed with white: `f` of the colour.
ImU32 tint(unsigned int color, float f) {
  auto mix = [&](int shift) { return static_cast<unsigned int>(((color >> shift) & 0xFF) * f + 255 * (1 - f)) << shift; };
  return rgb(mix(16) | mix(8) | mix(0));
}

ImVec4 colour(unsigned int hex) { return ImGui::ColorConvertU32ToFloat4(rgb(hex)); }
}  // namespace

CueChooser::CueChooser(std::vector<LocalText> questions, unsigned int color, std::string at)
    : questions_(std::move(questions)), topic_count_(questions_.size()), color_(color), at_(std::move(at)) {
  for (auto& prompt : general_prompts()) {
    bool known = false;  // a topic may already ask it
    for (size_t i = 0; i < topic_count_; ++i) known |= questions_[i].vi == prompt.vi;
    if (!known) questions_.push_back(std::move(prompt));
  }
}

void CueChooser::update(const Canvas& c, Targets& targets) {
  const float mid = c.design_width() / 2, top = (c.design_height() - (typing_ ? kTypingCardH : kCardH)) / 2;
  const ImU32 white = rgb(0xFFFFFF);
  cards_.clear();
  buttons_.clear();
  auto pill = [&](const char* id, const char* label, Rect r, Glyph g, unsigned int fill) {
    buttons_.push_back({id, label, r, g, rgb(fill), white, true});
  };
  if (typing_) {
    field_ = c.px(mid - 760, top + 170, 1520, 160);
    pill("cue-type:ok", tr("Add this question"), c.px(mid - 620, top + 470, 700, kButtonH), Glyph::Next, style::kGo);
    pill("cue-type:cancel", tr("Back"), c.px(mid + 140, top + 470, 480, kButtonH), Glyph::Back, style::kMuted);
  } else {
    const size_t first = page_ * kPerPage, pages = (questions_.size() + kPerPage - 1) / kPerPage;
    const float left = mid - (kColumns * kChoiceW + (kColumns - 1) * kGap) / 2;
    for (size_t i = first; i < std::min(questions_.size(), first + kPerPage); ++i) {
      const float col = float((i - first) % kColumns), row = float((i - first) / kColumns);
      Rect r = c.px(left + col * (kChoiceW + kGap), top + kGridY + row * (kChoiceH + kGap), kChoiceW, kChoiceH);
      cards_.push_back({"cue-choice:" + std::to_string(i), questions_[i], r, i >= topic_count_});
    }
    pill("cue-choice:type", tr("Type a question"), c.px(mid - 620, top + kButtonsY, 700, kButtonH), Glyph::Next,
         style::kFocus);
    pill("cue-choice:cancel", tr("Cancel"), c.px(mid + 140, top + kButtonsY, 480, kButtonH), Glyph::Back, style::kMuted);
    if (page_ > 0)
      buttons_.push_back({"cue-choice:prev", tr("More questions"), c.px(mid - 860, top + kButtonsY + 10, 110, 110),
                          Glyph::Previous, rgb(style::kSun), white});
    if (page_ + 1 < pages)
      buttons_.push_back({"cue-choice:next", tr("More questions"), c.px(mid + 750, top + kButtonsY + 10, 110, 110),
                          Glyph::Next, rgb(style::kSun), white});
  }
  for (const auto& card : cards_) targets.add(card.id, card.question.in(ui_language()), card.rect);
  for (const auto& b : buttons_) targets.add(b.id, b.label, b.rect);
  if (!typing_) return;

  // The typing field: a stock ImGui text input, without its frame, over the field drawn in draw().
  const float font_px = c.px(Fonts::design_px(FontSize::Title));
  ImGui::SetNextWindowPos({field_.x, field_.y});
  ImGui::SetNextWindowSize({field_.w, field_.h});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, {c.px(40), (field_.h - font_px) / 2});
  ImGui::PushStyleColor(ImGuiCol_Text, colour(style::kInk));
  ImGui::PushStyleColor(ImGuiCol_TextSelectedBg, colour(style::kSkyTop));
  for (auto frame : {ImGuiCol_FrameBg, ImGuiCol_FrameBgHovered, ImGuiCol_FrameBgActive})
    ImGui::PushStyleColor(frame, IM_COL32(0, 0, 0, 0));
  ImGui::Begin("##cue-typing", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings);
  ImGui::PushFont(c.fonts().get(FontSize::Title));
  ImGui::SetNextItemWidth(field_.w);
  if (!ImGui::IsAnyItemActive()) ImGui::SetKeyboardFocusHere();  // the keys always go into the field
  ImGui::InputText("##question", typed_.data(), typed_.size());
  ImGui::PopFont();
  ImGui::End();
  ImGui::PopStyleColor(5);
  ImGui::PopStyleVar(3);
}

void CueChooser::draw(const Canvas& c) const {
  Rect card = dimmed_card(c, kCardW, typing_ ? kTypingCardH : kCardH);
  const ImU32 ink = rgb(style::kInk);
  c.text_centered({card.x, card.y + c.px(25), card.w, c.px(100)}, FontSize::Title, ink,
                  typing_ ? tr("Type a question") : format(tr("Add a question at %s"), at_.c_str()));
  if (typing_) {
    c.fill(field_, tint(style::kFocus, 0.08f), c.px(style::kRadius));
    c.outline(field_, rgb(style::kFocus), c.px(style::kRadius), c.px(6));
    c.text_centered({card.x, field_.y + field_.h + c.px(20), card.w, c.px(70)}, FontSize::Body, rgb(style::kMuted),
                    tr("The video stops there and shows it to the class."));
  }
  for (const auto& q : cards_) {
    c.card(q.rect, q.general ? tint(style::kSun, 0.22f) : tint(color_, 0.2f), c.px(style::kRadius));
    c.text_fitted(q.rect.inset(c.px(22)), ink, q.question.in(ui_language()));
  }
  for (const auto& b : buttons_) draw_button(c, b);
}

std::optional<LocalText> CueChooser::activate(const std::string& id) {
  if (id == "cue-choice:type") {
    typing_ = true;
    typed_.fill('\0');
  } else if (id == "cue-choice:cancel") {
    done_ = true;
  } else if (id == "cue-choice:prev" || id == "cue-choice:next") {
    page_ = id == "cue-choice:next" ? page_ + 1 : page_ - 1;
  } else if (id == "cue-type:cancel") {
    typing_ = false;
  } else if (id == "cue-type:ok") {
    std::string text = typed_.data();
    text.erase(0, text.find_first_not_of(' '));
    text.erase(text.find_last_not_of(' ') + 1);
    if (text.empty()) return std::nullopt;
    done_ = true;
    return LocalText{text, ""};  // typed in the classroom's language: the "vi" field, shown in all
  } else if (id.rfind("cue-choice:", 0) == 0) {
    for (const auto& card : cards_) {
      if (card.id != id) continue;
      done_ = true;
      return card.question;
    }
  }
  return std::nullopt;
}

bool CueChooser::key(int sdl_keycode) const {
  if (!typing_) return false;
  switch (sdl_keycode) {
    case SDLK_RETURN:  // the focused button: "add" at first
    case SDLK_KP_ENTER:
    case SDLK_ESCAPE:
    case SDLK_AC_BACK:
    case SDLK_UP:
    case SDLK_DOWN:
      return false;
    default:
      return true;
  }
}

void CueChooser::back() {
  if (typing_) typing_ = false;
  else done_ = true;
}
