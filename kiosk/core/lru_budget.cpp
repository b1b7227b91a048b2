#include "core/lru_budget.h"

void LruBudget::add(const std::string& key, uint64_t bytes) {
  if (auto it = index_.find(key); it != index_.end()) {
    bytes_ -= it->second->bytes;
    items_.erase(it->second);
  }
  items_.push_front({key, bytes, round_});
  index_[key] = items_.begin();
  bytes_ += bytes;
}

void LruBudget::touch(const std::string& key) {
  auto it = index_.find(key);
  if (it == index_.end()) return;
  it->second->round = round_;
  items_.splice(items_.begin(), items_, it->second);
}

void LruBudget::clear() {
  items_.clear();
  index_.clear();
  bytes_ = 0;
}

std::vector<std::string> LruBudget::end_round() {
  std::vector<std::string> dropped;
  while (bytes_ > cap_ && !items_.empty() && items_.back().round != round_) {
    Item& last = items_.back();
    dropped.push_back(last.key);
    bytes_ -= last.bytes;
    index_.erase(last.key);
    items_.pop_back();
  }
  ++round_;
  return dropped;
}
