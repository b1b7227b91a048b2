// Children must not be able to leave the full-screen kiosk: Escape, Back and the window manager's
// close request (what Alt+F4 sends) are ignored.
#include <catch2/catch.hpp>
#include <csignal>

#include "harness.h"


TEST_CASE("full screen, the kiosk ignores Escape, Back and close requests") {
  KioskRun k;
  LiveKiosk kiosk(k, /*full_screen=*/true);
  REQUIRE(kiosk.wait_screen("home"));
  REQUIRE(kiosk.act("key Escape\nkey AC Back\n"));
  REQUIRE(request_close(kiosk.process().pid()));
  // Nothing to wait for when nothing may happen: the close request gets time to arrive.
  kiosk.send("wait 700\n");
  REQUIRE(kiosk.screenshot(k.shot("after")));
  CHECK(kiosk.process().running());
  Png after = load_png(k.shot("after"));
  CHECK(after.width == 1920);  // the whole Xvfb screen, not the 1280x720 window it starts as
  CHECK(after.colour_count() > 500);
  CHECK(read_json(k.tree)["screen"] == "home");

  CHECK(kiosk.quit() == 0);
}

TEST_CASE("windowed, closing the window quits") {
  KioskRun k;
  LiveKiosk kiosk(k);
  REQUIRE(kiosk.wait_screen("home"));
  REQUIRE(request_close(kiosk.process().pid()));
  CHECK(kiosk.process().wait(20) == 0);
}

TEST_CASE("SIGTERM (systemctl stop, shutdown) closes a running session cleanly") {
  KioskRun k;
  LiveKiosk kiosk(k, /*full_screen=*/true);
  kiosk.send("tap @class:La\ntap @topic:hand-washing\n");
  REQUIRE(kiosk.wait_screen("topic"));
  kill(kiosk.process().pid(), SIGTERM);
  CHECK(kiosk.process().wait(20) == 0);
  auto rows = k.sessions();
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["status"] == "interrupted");
  CHECK_FALSE(rows[0]["ended_at"].empty());
}
