#pragma once
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "app/icons.h"
#include "app/notices.h"
#include "app/routes.h"
#include "core/content_library.h"
#include "core/session_keeper.h"
#include "core/settings.h"

// The kiosk's first screen: the class groups to choose from and the topics as big picture tiles.
// Choosing a topic (once a class is chosen) starts a session and opens the topic screen.
class HomeScreen : public Screen {
 public:
  struct Services {
    const Icons& icons;
    Notices& notices;
    SessionKeeper& sessions;        // a topic chosen starts a session
    const ContentLibrary& content;  // the topics
    Settings& settings;             // the class groups, and the class chosen last, which the screen changes
    std::function<void()> save_settings;  // after a class is chosen (a notice when it cannot be saved)
    // A problem with the class records, shown to the teacher: why the journal cannot be written,
    // why the clock cannot be right (core/clock.h), or "".
    const std::string& journal_error;
    const std::string& clock_problem;
  };
  HomeScreen(Routes& routes, Services services) : routes_(routes), services_(std::move(services)) {}
  // The pictures the screen draws for these class groups and topics (TextureCache::prefetch).
  static std::vector<std::filesystem::path> pictures(const Icons& icons, const std::vector<std::string>& class_groups,
                                                     const Catalog& catalog);
  std::string name() const override { return "home"; }
  // At start and back from a session or admin mode: the tiles rise, from the newest catalog (an
  // import in admin mode swapped in a new one).
  void enter(double now) override;
  void update(const Canvas& canvas, Targets& targets, double now) override;
  void draw(const Canvas& canvas, double now) const override;
  void activate(const std::string& id) override;
  bool animating(double now) const override;

 private:
  struct Tile {
    const Topic* topic;
    Rect rect;
  };
  struct Chip {
    std::string group;
    Rect rect;
  };
  void draw_tile(const Canvas& c, const Tile& tile, double now, size_t index) const;

  Routes& routes_;
  Services services_;
  std::shared_ptr<const Catalog> catalog_;  // the snapshot the tiles point into
  double entered_ = 0;
  double hint_until_ = 0;  // "choose a class first" shows until then
  std::vector<Tile> tiles_;
  std::vector<Chip> chips_;
};
