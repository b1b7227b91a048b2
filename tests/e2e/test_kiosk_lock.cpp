// Children must not be able to leave the full-screen kiosk: Escape, Back and the window manager's
// close request (what Alt+F4 sends) are ignored.
#include <catch2/catch.hpp>
#include <csignal>
#include <sys/stat.h>

#include <fstream>

#include "harness.h"


TEST_CASE("full screen, the kiosk ignores Escape, Back and close requests") {
  KioskRun k;
  auto pipe_path = k.dir / "pipe";
  REQUIRE(mkfifo(pipe_path.c_str(), 0600) == 0);
  // Full screen: no --windowed.
  KioskProcess kiosk({"--data", k.data.string(), "--content", k.content.string(), "--ui-tree", k.tree.string(),
                      "--replay", pipe_path.string()},
                     k.dir.path);
  std::ofstream script(pipe_path);
  REQUIRE(wait_until([&] { return read_json(k.tree)["screen"] == "home"; }, 20));

  script << "key Escape\nkey AC Back\nwait 300\n" << std::flush;
  REQUIRE(request_close("Xem và Nói"));
  script << "wait 700\nscreenshot " << k.shot("after").string() << "\n" << std::flush;
  REQUIRE(wait_until([&] { return std::filesystem::exists(k.shot("after")); }, 20));
  CHECK(kiosk.running());
  Png after = load_png(k.shot("after"));
  CHECK(after.width == 1920);  // the whole Xvfb screen: full screen
  CHECK(after.colour_count() > 500);
  CHECK(read_json(k.tree)["screen"] == "home");

  script << "quit\n" << std::flush;
  CHECK(kiosk.wait(20) == 0);
}

TEST_CASE("windowed, closing the window quits") {
  KioskRun k;
  auto pipe_path = k.dir / "pipe";
  REQUIRE(mkfifo(pipe_path.c_str(), 0600) == 0);
  KioskProcess kiosk(k.args(pipe_path), k.dir.path);
  std::ofstream script(pipe_path);
  REQUIRE(wait_until([&] { return read_json(k.tree)["screen"] == "home"; }, 20));
  REQUIRE(request_close("Xem và Nói"));
  CHECK(kiosk.wait(20) == 0);
}

TEST_CASE("SIGTERM (systemctl stop, shutdown) closes a running session cleanly") {
  KioskRun k;
  auto pipe_path = k.dir / "pipe";
  REQUIRE(mkfifo(pipe_path.c_str(), 0600) == 0);
  KioskProcess kiosk({"--data", k.data.string(), "--content", k.content.string(), "--ui-tree", k.tree.string(),
                      "--replay", pipe_path.string()},
                     k.dir.path);
  std::ofstream script(pipe_path);
  script << "tap @class:La\ntap @topic:hand-washing\n" << std::flush;
  REQUIRE(wait_until([&] { return read_json(k.tree)["screen"] == "topic"; }, 20));
  kill(kiosk.pid(), SIGTERM);
  CHECK(kiosk.wait(20) == 0);
  auto rows = k.sessions();
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["status"] == "interrupted");
  CHECK_FALSE(rows[0]["ended_at"].empty());
}
