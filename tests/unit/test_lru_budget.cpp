#include <catch2/catch.hpp>

#include "core/lru_budget.h"

using Names = std::vector<std::string>;

TEST_CASE("the cache budget drops the least recently used items once the total passes the cap") {
  LruBudget b(100);
  b.add("a", 40);
  CHECK(b.end_round().empty());
  b.add("b", 40);
  CHECK(b.end_round().empty());
  b.touch("a");  // a was used after b
  b.add("c", 40);
  CHECK(b.bytes() == 120);
  CHECK(b.end_round() == Names{"b"});
  CHECK(b.bytes() == 80);
  CHECK(b.count() == 2);
  b.add("d", 40);
  b.add("e", 40);
  CHECK(b.end_round() == Names{"a", "c"});  // oldest first, until within the cap
  CHECK(b.bytes() == 80);
}

TEST_CASE("the cache budget never drops what the current round used, even over the cap") {
  LruBudget b(100);
  b.add("old", 50);
  CHECK(b.end_round().empty());
  b.add("big", 80);
  b.add("big2", 80);
  CHECK(b.end_round() == Names{"old"});  // the screen needs 160: both stay
  CHECK(b.bytes() == 160);
  b.touch("big");
  CHECK(b.end_round() == Names{"big2"});  // the next screen uses one of them
  CHECK(b.bytes() == 80);
  CHECK(b.count() == 1);
}

TEST_CASE("the cache budget forgets an item added again and everything on clear") {
  LruBudget b(100);
  b.add("a", 60);
  b.add("a", 30);  // reloaded at another size
  CHECK(b.bytes() == 30);
  CHECK(b.count() == 1);
  b.touch("unknown");
  CHECK(b.count() == 1);
  b.clear();
  CHECK(b.bytes() == 0);
  CHECK(b.count() == 0);
  CHECK(b.end_round().empty());
}

TEST_CASE("the cache budget keeps a cycle of screens within the cap over many rounds") {
  // Ten screens of three 30-byte pictures each, visited in turn a thousand times, under a cap of 100.
  LruBudget b(100);
  size_t dropped = 0;
  for (int round = 0; round < 10000; ++round) {
    const int screen = round % 10;
    for (int i = 0; i < 3; ++i) {
      std::string key = std::to_string(screen) + "/" + std::to_string(i);
      b.add(key, 30);
    }
    dropped += b.end_round().size();
    CHECK(b.bytes() <= 100);
  }
  CHECK(b.count() == 3);
  CHECK(dropped == 10000 * 3 - 3);
}
