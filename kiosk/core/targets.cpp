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
  const Target* best = nullptr;
  float best_score = std::numeric_limits<float>::max();
  for (const auto& t : items_) {
    if (&t == origin) continue;
    float along = (t.rect.cx() - origin->rect.cx()) * dx + (t.rect.cy() - origin->rect.cy()) * dy;
    if (along <= 1) continue;  // not in that direction
    float across = std::fabs((t.rect.cx() - origin->rect.cx()) * dy) + std::fabs((t.rect.cy() - origin->rect.cy()) * dx);
    float score = along + 2 * across;  // stay in the same row or column when one exists
    if (score < best_score) {
      best_score = score;
      best = &t;
    }
  }
  return best ? best->id : from;
}

std::string Targets::to_json(const std::string& screen, const std::string& focus) const {
  nlohmann::json elements = nlohmann::json::array();
  for (const auto& t : items_) {
    elements.push_back({{"id", t.id},
                        {"label", t.label},
                        {"rect", {std::lround(t.rect.x), std::lround(t.rect.y), std::lround(t.rect.w), std::lround(t.rect.h)}}});
  }
  return nlohmann::json{{"screen", screen}, {"focus", focus}, {"elements", elements}}.dump(1);
}
