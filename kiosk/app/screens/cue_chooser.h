#pragma once
// The teacher's chooser of a talk question to add where a video is paused: the topic's own
// questions, a few general talk prompts, or one typed on a keyboard. Big cards like the rest of
// the lesson screens, so touch, mouse and a TV remote all work; only the typing field is a stock
// ImGui widget, for a grown-up with a keyboard.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "app/widgets.h"
#include "core/catalog.h"

class CueChooser {
 public:
  // `questions`: the topic's; `color`: the topic's; `at`: where the question goes, as "1:05".
  CueChooser(std::vector<LocalText> questions, unsigned int color, std::string at);
  // Lays out and registers the cards; while typing, also runs the text field.
  void update(const Canvas& c, Targets& targets);
  void draw(const Canvas& c) const;
  // A chooser target was activated: returns the question when one was chosen.
  std::optional<LocalText> activate(const std::string& id);
  // While typing, text keys belong to the field: true keeps them from the focus moves and Back.
  bool key(int sdl_keycode) const;
  // Back: from typing to the list, from the list out.
  void back();
  bool done() const { return done_; }
  bool typing() const { return typing_; }

 private:
  struct Card {
    std::string id;
    LocalText question;
    Rect rect;
    bool general;  // one of the built-in prompts
  };
  std::vector<LocalText> questions_;  // the topic's, then the built-in prompts
  size_t topic_count_;
  unsigned int color_;
  std::string at_;
  size_t page_ = 0;
  bool typing_ = false, done_ = false;
  std::array<char, 300> typed_{};
  std::vector<Card> cards_;      // laid out by update(), drawn by draw()
  std::vector<Button> buttons_;
  Rect field_;
};
