// Admin mode: the hidden gesture, the PIN, exporting the logs to a USB stick, leaving for maintenance.
#include <catch2/catch.hpp>

#include <sys/mount.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "core/clock.h"
#include "core/journal.h"
#include "core/pin_store.h"
#include "core/settings.h"
#include "harness.h"
#include "media_files.h"

namespace fs = std::filesystem;

namespace {
constexpr const char* kHoldCorner = "drag 40 40 42 42 3300\n";  // the admin gesture: hold the top-left corner

size_t count_lines(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }

// A journal with three finished sessions (one with a lesson and a game) and a set PIN and classroom name.
void seed(const fs::path& data) {
  {
    Journal j(data / "journal.sqlite");
    const int64_t t = 1'790'000'000;  // September 2026
    for (int i = 0; i < 3; ++i) {
      auto s = j.start_session(i == 2 ? "Mầm" : "Lá", i == 0 ? "traffic-safety" : "hand-washing", t + i * 86400);
      if (i == 0) {
        auto a = j.start_activity(s, "lesson", "traffic-safety/crossing-the-road", t + 10);
        j.end_activity(a, "finished", R"({"note": "dấu, \"quotes\", commas"})", t + 70);
        auto g = j.start_activity(s, "game", "traffic-safety/lights", t + 80);
        j.end_activity(g, "finished", "{}", t + 140);
      }
      j.end_session(s, t + i * 86400 + 600);
    }
  }
  Settings s;
  s.device_name = "Lớp Lá 1";
  s.school = "Trường Mầm non Hoa Ban";
  save_settings(data, s);
  std::string warning;
  PinStore(data, warning, PinStore::HashCost::TestOnly).set_pin("2468");
}

// The way in: hold the corner of the home screen, then the seeded PIN on the pad.
void open_admin(LiveKiosk& live) {
  REQUIRE(live.wait_screen("home"));
  live.send(kHoldCorner);
  REQUIRE(live.wait_screen("pin"));
  live.send("tap @pin:2\ntap @pin:4\ntap @pin:6\ntap @pin:8\ntap @pin:ok\n");
  REQUIRE(live.wait_screen("admin"));
}

// The folder of Lớp Lá 1's export once it carries its final name, or "" after 30 s.
fs::path wait_for_export(const fs::path& stick) {
  fs::path folder;
  const bool found = wait_until([&] {
    for (const auto& e : fs::directory_iterator(stick))
      if (e.path().filename().string().rfind("Lop-La-1_", 0) == 0) folder = e.path();
    return !folder.empty();
  }, 30);
  return found ? folder : fs::path();
}

fs::path only_folder(const fs::path& dir) {
  fs::path found;
  for (const auto& e : fs::directory_iterator(dir)) found = e.path();
  return found;
}
}  // namespace

TEST_CASE("admin: the held corner and the PIN open admin mode, and the logs export to a USB stick") {
  KioskRun k;
  seed(k.data);
  const fs::path stick = k.dir / "usb" / "KINGSTON";
  fs::create_directories(stick);
  k.extra_args = {"--usb-root", (k.dir / "usb").string()};
  const auto journal_before = query(k.data / "journal.sqlite", "SELECT * FROM sessions ORDER BY id");

  LiveKiosk live(k);
  REQUIRE(live.wait_screen("home"));
  live.send("tap 40 40\n");  // a plain tap in the corner does nothing
  live.send(kHoldCorner);
  REQUIRE(live.wait_screen("pin"));
  REQUIRE(live.screenshot(k.shot("pin")));

  REQUIRE(live.act("tap @pin:1\ntap @pin:1\ntap @pin:1\ntap @pin:1\ntap @pin:ok\n"));  // wrong
  CHECK(read_file(k.data / "admin-pin.json").find("\"wrong_tries\": 1") != std::string::npos);
  CHECK(read_json(k.tree)["screen"] == "pin");
  live.send("tap @pin:2\ntap @pin:4\ntap @pin:6\ntap @pin:8\ntap @pin:ok\n");
  REQUIRE(live.wait_screen("admin"));
  REQUIRE(live.wait_element("admin:export"));  // the stick was found by itself
  REQUIRE(live.screenshot(k.shot("admin-usb")));
  live.send("tap @admin:export\n");

  // The folder appears under its final name only when it is complete and checked.
  const fs::path folder = wait_for_export(stick);
  REQUIRE(!folder.empty());
  REQUIRE(wait_until([&] { return live.process().stderr_text().find("Đã xuất 3 buổi học") != std::string::npos; }, 30));
  REQUIRE(live.screenshot(k.shot("admin-exported")));
  CHECK(only_folder(stick) == folder);  // nothing else left on the stick

  std::string sessions = read_file(folder / "sessions.csv");
  CHECK(sessions.rfind("\xEF\xBB\xBF", 0) == 0);  // Excel's UTF-8 byte-order mark
  CHECK(count_lines(sessions) == 4);
  for (const auto& row : journal_before) CHECK(sessions.find(row.at("id")) != std::string::npos);
  CHECK(sessions.find("Lớp Lá 1") != std::string::npos);
  std::string activities = read_file(folder / "activities.csv");
  CHECK(count_lines(activities) == 3);
  CHECK(activities.find(R"("{""note"": ""dấu, \""quotes\"", commas""}")") != std::string::npos);
  CHECK(query(folder / "journal.sqlite", "SELECT count(*) AS n FROM sessions")[0]["n"] == "3");
  CHECK(query(folder / "journal.sqlite", "PRAGMA integrity_check")[0].begin()->second == "ok");
  std::string report = read_file(folder / "report.html");
  CHECK(report.find("<svg") != std::string::npos);
  CHECK(report.find("http") == std::string::npos);  // self-contained: nothing to fetch
  std::string check = "cd '" + folder.string() + "' && sha256sum --quiet -c SHA256SUMS";
  CHECK(std::system(check.c_str()) == 0);

  live.send("tap @admin:close\n");
  REQUIRE(live.wait_screen("home"));
  CHECK(live.quit() == 0);
  CHECK(query(k.data / "journal.sqlite", "SELECT * FROM sessions ORDER BY id") == journal_before);  // untouched
}

TEST_CASE("admin: a new kiosk asks to choose a PIN first, typed on a keyboard, and exit to desktop leaves with code 10") {
  KioskRun k;
  LiveKiosk live(k);
  REQUIRE(live.wait_screen("home"));
  live.send(kHoldCorner);
  REQUIRE(live.wait_screen("pin"));
  live.send("key 1\nkey 3\nkey 5\nkey 7\nkey Return\n");
  live.send("key 1\nkey 3\nkey 5\nkey 8\nkey Return\n");  // not the same: choose again
  live.send("key 1\nkey 3\nkey 5\nkey 7\nkey Return\nkey 1\nkey 3\nkey 5\nkey 7\nkey Return\n");
  REQUIRE(live.wait_screen("admin"));
  REQUIRE(live.screenshot(k.shot("pin-saved")));
  Png saved = load_png(k.shot("pin-saved"));  // "PIN saved" is good news: green, not the orange of a problem
  CHECK(saved.count_near(320, 890, 1280, 150, 0x2EB872) > 5000);
  CHECK(saved.count_near(320, 890, 1280, 150, 0xF77F00) == 0);
  std::string warning;
  PinStore pins(k.data, warning);
  CHECK(pins.has_pin());
  CHECK(pins.check("1357", 0) == PinStore::Check::Right);

  live.send("tap @admin:exit\n");
  REQUIRE(live.wait_element("admin:exit-yes"));
  live.send("tap @admin:exit-yes\n");
  CHECK(live.process().wait(20) == 10);
}

TEST_CASE("admin: five wrong PINs lock the pad for 30 s, and a pad left alone goes home, with no real time passing") {
  KioskRun k;
  seed(k.data);
  LiveKiosk live(k);
  REQUIRE(live.wait_screen("home"));
  live.send(kHoldCorner);
  REQUIRE(live.wait_screen("pin"));
  for (int i = 0; i < PinStore::kFreeTries; ++i) REQUIRE(live.act("tap @pin:1\ntap @pin:1\ntap @pin:1\ntap @pin:1\ntap @pin:ok\n"));
  CHECK(k.element("pin:2").is_null());  // locked: no keys to tap
  REQUIRE(live.act("advance 25000\n"));
  CHECK(k.element("pin:2").is_null());
  REQUIRE(live.act("advance 6000\n"));  // the 30 s are over
  REQUIRE_FALSE(k.element("pin:2").is_null());
  CHECK(read_json(k.tree)["screen"] == "pin");
  REQUIRE(live.act("advance 61000\n"));  // a minute untouched: back to the children's screen
  CHECK(read_json(k.tree)["screen"] == "home");
  open_admin(live);
  CHECK(live.quit() == 0);
}

TEST_CASE("admin: Ctrl+Alt+A on a keyboard opens the PIN pad from the home screen") {
  KioskRun k;
  seed(k.data);
  LiveKiosk live(k);
  REQUIRE(live.wait_screen("home"));
  REQUIRE(live.act("key A\nkey Alt+A\n"));  // neither alone
  CHECK(read_json(k.tree)["screen"] == "home");
  live.send("key Ctrl+Alt+A\n");
  REQUIRE(live.wait_screen("pin"));
  live.send("key 2\nkey 4\nkey 6\nkey 8\nkey Return\n");
  REQUIRE(live.wait_screen("admin"));
  CHECK(live.quit() == 0);
}

TEST_CASE("admin: the corner does nothing during a session") {
  KioskRun k;
  LiveKiosk live(k);
  REQUIRE(live.wait_screen("home"));
  live.send("tap @class:La\ntap @topic:hand-washing\n");
  REQUIRE(live.wait_screen("topic"));
  REQUIRE(live.act(kHoldCorner));
  CHECK(read_json(k.tree)["screen"] == "topic");
  CHECK(live.quit() == 0);
}

TEST_CASE("admin: a read-only stick gets a clear message and the journal and stick stay as they were") {
  if (geteuid() != 0) {
    WARN("skipped: mounting a read-only stick needs root");
    return;
  }
  KioskRun k;
  seed(k.data);
  const fs::path stick = k.dir / "usb" / "LOCKED";
  fs::create_directories(stick);
  REQUIRE(mount("tmpfs", stick.c_str(), "tmpfs", MS_RDONLY, "size=1m") == 0);
  struct Unmount {
    fs::path p;
    ~Unmount() { umount2(p.c_str(), MNT_DETACH); }
  } unmount{stick};
  k.extra_args = {"--usb-root", (k.dir / "usb").string()};
  LiveKiosk live(k);
  open_admin(live);
  REQUIRE(live.wait_element("admin:export"));
  live.send("tap @admin:export\n");
  REQUIRE(wait_until([&] { return live.process().stderr_text().find("USB chỉ cho phép đọc") != std::string::npos; }, 30));
  REQUIRE(live.screenshot(k.shot("admin-read-only")));
  CHECK(fs::is_empty(stick));
  CHECK(query(k.data / "journal.sqlite", "SELECT count(*) AS n FROM sessions")[0]["n"] == "3");
  CHECK(live.quit() == 0);
}

TEST_CASE("admin: a folder of videos and pictures on the stick imports as a topic the class can start") {
  KioskRun k;
  seed(k.data);
  const fs::path folder = k.dir / "usb" / "USB CO LAN" / "An toan giao thong";
  fs::create_directories(folder);
  REQUIRE(ffmpeg("-f lavfi -i testsrc=size=320x240:rate=10 -t 1 -pix_fmt yuv420p '" + (folder / "Qua duong.mp4").string() + "'"));
  write_two_tone_picture(folder / "Den do.png", 400, 300, 0xE63946, 0xFFFFFF);
  k.extra_args = {"--usb-root", (k.dir / "usb").string()};

  LiveKiosk live(k);
  REQUIRE(live.wait_screen("home"));
  CHECK(k.element("topic:an-toan-giao-thong").is_null());
  live.send(kHoldCorner);
  REQUIRE(live.wait_screen("pin"));
  live.send("tap @pin:2\ntap @pin:4\ntap @pin:6\ntap @pin:8\ntap @pin:ok\n");
  REQUIRE(live.wait_element("admin:import:an-toan-giao-thong"));
  REQUIRE(live.screenshot(k.shot("admin-import")));
  live.send("tap @admin:import:an-toan-giao-thong\n");
  REQUIRE(wait_until([&] { return live.process().stderr_text().find("Đã nhập") != std::string::npos; }, 30));
  CHECK(fs::exists(k.data / "content" / "an-toan-giao-thong" / "topic.json"));

  live.send("tap @admin:close\n");
  REQUIRE(live.wait_element("topic:an-toan-giao-thong"));
  live.send("tap @class:La\ntap @topic:an-toan-giao-thong\n");
  REQUIRE(live.wait_screen("topic"));
  REQUIRE(live.wait_element("lesson:an-toan-giao-thong/qua-duong"));
  REQUIRE(live.screenshot(k.shot("imported-topic")));
  CHECK(live.quit() == 0);
}

TEST_CASE("admin: settings typed on the admin screen are saved, and the language changes at once") {
  KioskRun k;
  seed(k.data);
  LiveKiosk live(k);
  open_admin(live);
  REQUIRE(live.wait_element("admin:tab-settings"));
  CHECK(k.element("admin:close")["label"] == "Về lớp học");
  REQUIRE(live.act("tap @admin:tab-settings\n"));
  REQUIRE_FALSE(k.element("admin:school").is_null());
  REQUIRE(live.act("tap @admin:school\ntext , điểm bản Mường\ntap @admin:lang:en\ntap @admin:save\n"));
  REQUIRE(live.screenshot(k.shot("admin-settings")));
  std::string warning;
  Settings saved = load_settings(k.data, warning);
  CHECK(saved.school == "Trường Mầm non Hoa Ban, điểm bản Mường");
  CHECK(saved.device_name == "Lớp Lá 1");
  CHECK(saved.language == "en");
  CHECK(k.element("admin:close")["label"] == "Back to the classroom");
  CHECK(live.quit() == 0);
}

TEST_CASE("admin: a TV remote's arrows and OK work the admin screen") {
  KioskRun k;
  seed(k.data);
  LiveKiosk live(k);
  REQUIRE(live.wait_screen("home"));
  live.send(kHoldCorner);
  REQUIRE(live.wait_screen("pin"));
  // The pad by remote: the focus starts on 1; 2 is to its right, 4 below it...
  live.send("key Right\nkey Return\nkey Down\nkey Left\nkey Return\n");               // 2, 4
  live.send("key Right\nkey Right\nkey Return\nkey Down\nkey Left\nkey Return\n");   // 6, 8
  live.send("key Down\nkey Right\nkey Return\n");                                   // OK
  REQUIRE(live.wait_screen("admin"));
  // Down reaches the tab bar at its last tab (Sound and picture), nearest the buttons above it; Left
  // goes to Settings, and OK opens it.
  REQUIRE(live.act("key Down\nkey Down\nkey Left\nkey Return\n"));
  CHECK_FALSE(k.element("admin:school").is_null());
  CHECK(live.quit() == 0);
}

TEST_CASE("admin: a clock that went back behind the recorded sessions is pointed out to the teacher and the admin") {
  KioskRun k;
  seed(k.data);
  {
    Journal j(k.data / "journal.sqlite");  // a session dated a month ahead: this clock has gone back
    j.end_session(j.start_session("Lá", "traffic-safety", unix_now() + 30 * 86400), unix_now() + 30 * 86400 + 60);
  }
  LiveKiosk live(k);
  REQUIRE(live.wait_screen("home"));
  REQUIRE(live.screenshot(k.shot("home")));
  CHECK(load_png(k.shot("home")).count_near(1000, 40, 860, 100, 0xFFE3C2, 6) > 40000);  // the banner
  CHECK(live.process().stderr_text().find("sớm hơn một buổi học đã được ghi lại") != std::string::npos);
  open_admin(live);
  REQUIRE(live.screenshot(k.shot("admin")));
  CHECK(load_png(k.shot("admin")).count_near(0, 100, 1920, 200, 0xBE141E, 60) > 500);  // the warning in red
  CHECK(live.quit() == 0);
}

TEST_CASE("admin: one tap on a tab opens it, as a finger taps with no hover before") {
  KioskRun k;
  seed(k.data);
  fs::create_directories(k.dir / "usb" / "STICK");
  k.extra_args = {"--usb-root", (k.dir / "usb").string()};
  LiveKiosk live(k);
  open_admin(live);
  // A touch screen moves the pointer and presses in the same instant: each tap must count.
  const std::pair<const char*, const char*> tabs[] = {{"admin:tab-report", "admin:report-refresh"},
                                                      {"admin:tab-settings", "admin:save"},
                                                      {"admin:tab-usb", "admin:stick:0"}};
  for (int round = 0; round < 3; ++round)
    for (const auto& [tab, inside] : tabs) {
      INFO(tab << ", round " << round);
      REQUIRE(live.act(std::string("tap @") + tab + "\n"));
      REQUIRE_FALSE(k.element(inside).is_null());
    }
  CHECK(live.quit() == 0);
}

TEST_CASE("admin: the Report tab's period and names are saved, and the USB export's report files use them") {
  KioskRun k;
  seed(k.data);  // its counted session is in September 2026
  const fs::path stick = k.dir / "usb" / "STICK";
  fs::create_directories(stick);
  k.extra_args = {"--usb-root", (k.dir / "usb").string()};
  LiveKiosk live(k);
  open_admin(live);
  REQUIRE(live.act("tap @admin:tab-report\n"));
  REQUIRE_FALSE(k.element("admin:period-dates").is_null());
  REQUIRE(live.act("tap @admin:period-from\ntext 2026-09-01\ntap @admin:period-until\ntext 2026-09-30\ntap @admin:period-dates\n"));
  std::string warning;
  REQUIRE(load_settings(k.data, warning).report.period == "2026-09-01..2026-09-30");
  REQUIRE(live.screenshot(k.shot("admin-report-period")));

  REQUIRE(live.act("tap @admin:report-header\n"));
  REQUIRE_FALSE(k.element("admin:report-principal").is_null());
  REQUIRE(live.act("tap @admin:report-principal\ntext Nguyễn Thị Hoa\ntap @admin:children:La\nkey Ctrl+A\ntext 30\n"
                   "tap @admin:report-save\n"));
  Settings saved = load_settings(k.data, warning);
  REQUIRE(saved.report.principal == "Nguyễn Thị Hoa");
  CHECK(saved.report.children == std::map<std::string, int>{{"Lá", 30}});  // groups left at 0 are not known
  CHECK(saved.report.period == "2026-09-01..2026-09-30");  // saving the names keeps the period
  REQUIRE(live.screenshot(k.shot("admin-report-names")));
  REQUIRE(live.act("tap @admin:tab-settings\n"));
  REQUIRE_FALSE(k.element("admin:save").is_null());
  fs::remove(k.data / "settings.json");
  REQUIRE(live.act("tap @admin:save\n"));  // the Settings tab's own save keeps the report's names
  REQUIRE(fs::exists(k.data / "settings.json"));
  CHECK(load_settings(k.data, warning).report == saved.report);

  REQUIRE(live.act("tap @admin:tab-usb\n"));
  REQUIRE_FALSE(k.element("admin:export").is_null());
  live.send("tap @admin:export\n");
  const fs::path folder = wait_for_export(stick);
  REQUIRE(!folder.empty());
  CHECK(read_file(folder / "report.html").find("Kỳ báo cáo: từ ngày 01/09/2026 đến ngày 30/09/2026") != std::string::npos);
  CHECK(fs::file_size(folder / "bao-cao.docx") > 0);
  CHECK(query(folder / "journal.sqlite", "SELECT value FROM meta WHERE key = 'report_settings'")[0]["value"].find(
            "Nguyễn Thị Hoa") != std::string::npos);
  CHECK(read_file(folder / "SHA256SUMS").find("  so-lieu.xlsx\n") != std::string::npos);
  CHECK(live.quit() == 0);
}
