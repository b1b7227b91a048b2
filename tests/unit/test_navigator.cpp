#include <catch2/catch.hpp>

#include "core/navigator.h"

namespace {
// A screen that writes what happens to it into a shared log.
struct FakeScreen {
  FakeScreen(std::string name, std::vector<std::string>& log) : name_(std::move(name)), log_(log) {}
  ~FakeScreen() { log_.push_back(name_ + " gone"); }
  std::string name() const { return name_; }
  void enter(double now) { log_.push_back(name_ + " enter " + std::to_string(int(now))); }
  void leave() { log_.push_back(name_ + " leave"); }
  std::string name_;
  std::vector<std::string>& log_;
};
using Log = std::vector<std::string>;
}  // namespace

TEST_CASE("Back returns to the screen already there, which enters again") {
  Log log;
  Navigator<FakeScreen> nav;
  nav.push(std::make_unique<FakeScreen>("home", log));
  CHECK(nav.top() == nullptr);  // queued until the App applies it between frames
  CHECK(nav.apply(1));
  nav.push(std::make_unique<FakeScreen>("topic", log));
  nav.apply(2);
  FakeScreen* topic = nav.top();
  nav.push(std::make_unique<FakeScreen>("game", log));
  nav.apply(3);
  CHECK(nav.below() == topic);
  nav.pop();
  CHECK(nav.apply(4));
  CHECK(nav.top() == topic);  // the same screen, as it was left
  CHECK(log == Log{"home enter 1", "home leave", "topic enter 2", "topic leave", "game enter 3", "game leave",
                   "topic enter 4", "game gone"});
}

TEST_CASE("replace, home, and a Back on the first screen") {
  Log log;
  Navigator<FakeScreen> nav;
  nav.push(std::make_unique<FakeScreen>("home", log));
  nav.apply(0);
  nav.pop();
  CHECK_FALSE(nav.apply(1));  // nothing below home
  CHECK(nav.top()->name() == "home");
  nav.push(std::make_unique<FakeScreen>("topic", log));
  nav.apply(2);
  nav.replace(std::make_unique<FakeScreen>("summary", log));
  nav.apply(3);
  CHECK(nav.below()->name() == "home");
  log.clear();
  nav.home();
  nav.apply(4);
  CHECK(log == Log{"summary leave", "home enter 4", "summary gone"});
}

TEST_CASE("at quit every screen goes, the top one first, without leave()") {
  Log log;
  {
    Navigator<FakeScreen> nav;
    nav.push(std::make_unique<FakeScreen>("home", log));
    nav.push(std::make_unique<FakeScreen>("lesson", log));
    nav.apply(0);
    log.clear();
    nav.clear();
    CHECK(nav.top() == nullptr);
  }
  CHECK(log == Log{"lesson gone", "home gone"});
}
