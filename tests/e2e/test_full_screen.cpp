// Full screen on a real X server with no window manager, as on a classroom mini-PC: the kiosk fills
// the screen exactly at 16:10, 16:9 and 4:3, and follows the TV when it changes mode (xrandr).
// Xvfb 21.1 cannot change its screen size, so these tests run Xorg itself with the dummy video
// driver (xserver-xorg-video-dummy), which is an Xorg like the classroom's, with modes xrandr can
// switch between. Starting Xorg needs root, as CI has.
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <csignal>
#include <optional>

#include "harness.h"

extern char** environ;

namespace {
constexpr uint32_t kSkyTop = 0xBDE8FF;  // kiosk/app/style.h: the home screen's sky at the top edge

// Xorg with the dummy driver on a display of its own; DISPLAY points at it while this lives.
class DummyXorg {
 public:
  explicit DummyXorg(const TempDir& dir) {
    write_file(dir / "xorg.conf", R"(Section "Device"
  Identifier "dummy"
  Driver "dummy"
  VideoRam 32768
EndSection
Section "Monitor"
  Identifier "tv"
  HorizSync 5.0-1000.0
  VertRefresh 5.0-200.0
  Modeline "1280x800" 83.50 1280 1352 1480 1680 800 803 809 831 -hsync +vsync
  Modeline "1920x1080" 148.50 1920 2008 2052 2200 1080 1084 1089 1125 +hsync +vsync
  Modeline "1024x768" 65.00 1024 1048 1184 1344 768 771 777 806 -hsync -vsync
EndSection
Section "Screen"
  Identifier "screen"
  Device "dummy"
  Monitor "tv"
  DefaultDepth 24
  SubSection "Display"
    Depth 24
    Virtual 1920 1080
    Modes "1280x800" "1920x1080" "1024x768"
  EndSubSection
EndSection
Section "ServerFlags"
  Option "AutoAddDevices" "false"
EndSection
)");
    std::filesystem::create_directories(dir / "xorg.conf.d");  // none of the machine's own config
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    std::vector<std::string> args = {"Xorg", "-displayfd", std::to_string(fds[1]), "-config", (dir / "xorg.conf").string(),
                                     "-configdir", (dir / "xorg.conf.d").string(), "-logfile", (dir / "Xorg.log").string(),
                                     "-nolisten", "tcp", "-noreset"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, 2, (dir / "Xorg.stderr").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int rc = posix_spawnp(&pid_, "Xorg", &files, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&files);
    close(fds[1]);
    std::string number;
    char c;
    while (rc == 0 && read(fds[0], &c, 1) == 1 && c != '\n') number += c;
    close(fds[0]);
    INFO(read_file(dir / "Xorg.stderr") + read_file(dir / "Xorg.log"));
    REQUIRE(!number.empty());  // apt-get install xserver-xorg-core xserver-xorg-video-dummy; run as root
    if (const char* d = std::getenv("DISPLAY")) old_display_ = d;
    setenv("DISPLAY", (":" + number).c_str(), 1);
  }
  ~DummyXorg() {
    if (old_display_) setenv("DISPLAY", old_display_->c_str(), 1);
    else unsetenv("DISPLAY");
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
  }
  // Switches the screen to WxH as a TV changing mode does.
  void set_mode(const std::string& mode) {
    REQUIRE(std::system(("xrandr --output DUMMY0 --mode " + mode).c_str()) == 0);
  }

 private:
  pid_t pid_ = -1;
  std::optional<std::string> old_display_;
};

// The home screen reaches every edge of the screen: sky in both top corners, and not the bare
// X root (black) in the bottom ones.
bool fills(const Png& screen, int width, int height) {
  if (screen.width != width || screen.height != height) return false;
  for (int x : {2, width - 3}) {
    if (!screen.at(x, 2).near(kSkyTop, 24)) return false;
    Rgb bottom = screen.at(x, height - 3);
    if (bottom.r + bottom.g + bottom.b < 300) return false;
  }
  return true;
}
}  // namespace

TEST_CASE("full screen without a window manager fills 16:10, 16:9 and 4:3 exactly and follows mode changes") {
  KioskRun k;
  DummyXorg xorg(k.dir);  // starts at 1280x800, where the window once covered only 1280x720, 40 px down
  LiveKiosk kiosk(k, /*full_screen=*/true);
  REQUIRE(kiosk.wait_screen("home"));
  Png screen;
  CHECK(wait_until([&] { return fills(screen = grab_screen(), 1280, 800); }, 20));
  REQUIRE(kiosk.screenshot(k.shot("home-1280x800")));
  CHECK(load_png(k.shot("home-1280x800")).width == 1280);
  CHECK(load_png(k.shot("home-1280x800")).height == 800);

  for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1024, 768}}) {
    std::string mode = std::to_string(w) + "x" + std::to_string(h);
    xorg.set_mode(mode);
    INFO(mode);
    CHECK(wait_until([&] { return fills(screen = grab_screen(), w, h); }, 20));
    REQUIRE(kiosk.screenshot(k.shot("home-" + mode)));  // the kiosk draws at the new size, laid out for it
    Png shot = load_png(k.shot("home-" + mode));
    CHECK(shot.width == w);
    CHECK(shot.height == h);
    CHECK(shot.colour_count() > 500);
    auto cls = k.element("class:La");  // the class buttons still lie inside the screen
    REQUIRE(!cls.is_null());
    auto r = cls["rect"];
    CHECK(r[0].get<int>() + r[2].get<int>() <= w);
    CHECK(r[1].get<int>() + r[3].get<int>() <= h);
  }
  CHECK(kiosk.quit() == 0);
}
