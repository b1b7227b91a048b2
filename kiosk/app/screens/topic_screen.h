#pragma once
#include <filesystem>
#include <memory>
#include <string>

#include "app/icons.h"
#include "app/notices.h"
#include "app/routes.h"
#include "core/content_library.h"
#include "core/session_keeper.h"

// Inside a running session: the topic's lessons and games as cards, and the teacher's "finish"
// button that ends the session with a summary.
class TopicScreen : public Screen {
 public:
  // The session on `topic` is running in `sessions`; `content` gives the newest snapshot of the topic.
  TopicScreen(Routes& routes, const Icons& icons, Notices& notices, SessionKeeper& sessions, const ContentLibrary& content,
              std::shared_ptr<const Topic> topic);
  std::string name() const override { return "topic"; }
  // Each time, back from a lesson too: the cards rise, and a lesson opens with the cues a teacher
  // added in the meantime (a new snapshot of the catalog).
  void enter(double now) override;
  void update(const Canvas& canvas, Targets& targets, double now) override;
  void draw(const Canvas& canvas, double now) const override;
  void activate(const std::string& id) override;
  void back() override { confirming_ = !confirming_; }
  bool animating(double now) const override { return now - entered_ < 0.5; }

 private:
  struct Card {
    const Entry* entry;
    std::string id;
    std::string icon;
    std::filesystem::path picture;  // the card's art, when it has one (a story's first page)
    Rect rect;
  };
  void finish();
  bool confirming_ = false;  // "finish the session?" is open: a stray tap or Back must not end a class
  Rect yes_rect_, no_rect_;
  void layout_row(const Canvas& c, Targets& targets, const std::vector<Entry>& entries, const char* kind, float y);
  void draw_confirm(const Canvas& c) const;
  void draw_row(const Canvas& c, const char* heading, const char* empty_text, float y, bool empty) const;

  Routes& routes_;
  const Icons& icons_;
  Notices& notices_;
  SessionKeeper& sessions_;
  const ContentLibrary& content_;
  std::shared_ptr<const Topic> topic_;  // keeps the catalog snapshot it is part of
  double entered_ = 0;
  Rect finish_rect_;
  std::vector<Card> cards_;
};
