#include "core/targets.h"

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

const Target* Targets::find(const std::string& id) const {
  for (const auto& t : items_)
    if (t.id == id) return &t;
  return nullptr;
}

const Target* Targets::at(float x, float y) const {
  // Later targets are drawn on top (dialogs, cards), so they win.
  for (auto it = items_.rbegin(); it != items_.rend(); ++it)
    if (it->rect.contains(x, y)) return &*it;
  return nullptr;
}

std::string Targets::neighbour(const std::string& from, int dx, int dy) const {
  const Target* origin = find(from);
  if (!origin) return items_.empty() ? from : items_.front().id;
  // Best candidate within about 60 degrees of the arrow's direction; failing that, within about 80,
  // so a corner button above a row of cards stays reachable, but a tile barely left of a chip does not
  // count as "left" of it.
  const Target* best[2] = {nullptr, nullptr};
  float best_score[2] = {std::numeric_limits<float>::max(), std::numeric_limits<float>::max()};
  for (const auto& t : items_) {
    if (&t == origin) continue;
    float ddx = t.rect.cx() - origin->rect.cx(), ddy = t.rect.cy() - origin->rect.cy();
    float along = ddx * dx + ddy * dy;
    if (along <= 1) continue;  // not in that direction
    float across = std::fabs(ddx * dy) + std::fabs(ddy * dx);
    float score = along + 2 * across;  // stay in the same row or column when one exists
    if (across > 6 * along) continue;
    int pass = across <= 2 * along ? 0 : 1;
    if (score < best_score[pass]) {
      best_score[pass] = score;
      best[pass] = &t;
    }
  }
  const Target* chosen = best[0] ? best[0] : best[1];
  return chosen ? chosen->id : from;
}

std::string Targets::to_json(const std::string& screen, const std::string& focus, uint64_t commands, uint64_t frame,
                             const std::map<std::string, uint64_t>& counts) const {
  nlohmann::json elements = nlohmann::json::array();
  for (const auto& t : items_) {
    elements.push_back({{"id", t.id},
                        {"label", t.label},
                        {"rect", {std::lround(t.rect.x), std::lround(t.rect.y), std::lround(t.rect.w), std::lround(t.rect.h)}}});
  }
  return nlohmann::json{{"screen", screen}, {"focus", focus}, {"commands", commands}, {"frame", frame}, {"counts", counts}, {"elements", elements}}
      .dump(1);
}
