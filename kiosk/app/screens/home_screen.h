#pragma once
#include <string>

#include "app/kiosk.h"
#include "app/routes.h"

// The kiosk's first screen: the class groups to choose from and the topics as big picture tiles.
// Choosing a topic (once a class is chosen) starts a session and opens the topic screen.
class HomeScreen : public Screen {
 public:
  HomeScreen(Kiosk& kiosk, Routes& routes) : kiosk_(kiosk), routes_(routes) {}
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

  Kiosk& kiosk_;
  Routes& routes_;
  std::shared_ptr<const Catalog> catalog_;  // the snapshot the tiles point into
  double entered_ = 0;
  double hint_until_ = 0;  // "choose a class first" shows until then
  std::vector<Tile> tiles_;
  std::vector<Chip> chips_;
};
