#pragma once
// Which cached items to drop so that their total size stays under a cap: the least recently used
// first, never one used in the current round. The kiosk's picture cache (app/textures.h) counts a
// round as one frame, so a picture the screen shows now is never dropped, even when the screen
// alone needs more than the cap; the cap then holds again once the screen changes.
//
// Only bookkeeping: the owner frees what end_round() names. Threads: one owner, not thread-safe.
#include <cstdint>
#include <list>
#include <string>
#include <unordered_map>
#include <vector>

class LruBudget {
 public:
  explicit LruBudget(uint64_t cap_bytes) : cap_(cap_bytes) {}

  // An item kept from now on (a key already kept is replaced), used in this round.
  void add(const std::string& key, uint64_t bytes);
  // An item kept earlier is used again in this round; unknown keys are ignored.
  void touch(const std::string& key);
  void clear();
  // Ends the round: names the items to free (and forgets them), least recently used first, until
  // the total is within the cap or only this round's items are left.
  std::vector<std::string> end_round();

  uint64_t bytes() const { return bytes_; }
  size_t count() const { return index_.size(); }
  uint64_t cap() const { return cap_; }

 private:
  struct Item {
    std::string key;
    uint64_t bytes;
    uint64_t round;  // the last round it was used in
  };
  uint64_t cap_, bytes_ = 0, round_ = 0;
  std::list<Item> items_;  // most recently used first
  std::unordered_map<std::string, std::list<Item>::iterator> index_;
};
