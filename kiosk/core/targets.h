#pragma once
// What a user can act on in the current screen: id, label and rectangle (window pixels).
// Used for pointer hit tests, arrow-key focus moves, `tap @ID` in replays and the --ui-tree dump.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
  float cx() const { return x + w / 2; }
  float cy() const { return y + h / 2; }
  bool contains(float px, float py) const { return px >= x && px < x + w && py >= y && py < y + h; }
  Rect inset(float d) const { return {x + d, y + d, w - 2 * d, h - 2 * d}; }
};

struct Target {
  std::string id;
  std::string label;
  Rect rect;
};

class Targets {
 public:
  void clear() { items_.clear(); }
  void add(std::string id, std::string label, Rect rect) { items_.push_back({std::move(id), std::move(label), rect}); }
  const std::vector<Target>& items() const { return items_; }
  const Target* find(const std::string& id) const;
  const Target* at(float x, float y) const;
  // The target an arrow key moves to from `from` (direction dx, dy in {-1, 0, 1}): the nearest one
  // whose centre lies that way, preferring those in line. Returns `from` when there is none.
  std::string neighbour(const std::string& from, int dx, int dy) const;
  // {"screen", "focus", "commands", "frame", "counts", "elements": [{"id", "label", "rect": [x, y, w, h]}]}:
  // `commands` is the number of replay commands handled, `frame` the number of the frame drawn,
  // `counts` what the program holds (textures and their bytes), for tests and the soak.
  std::string to_json(const std::string& screen, const std::string& focus, uint64_t commands, uint64_t frame,
                      const std::map<std::string, uint64_t>& counts = {}) const;

 private:
  std::vector<Target> items_;
};
