#pragma once
// Runs the real kiosk for end-to-end tests and reads back what a user would get: screenshots,
// the --ui-tree dump, journal rows, stderr.
#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "temp_dir.h"

// Makes sure there is an X display: when DISPLAY is unset, starts Xvfb (1920x1080) for this test
// process and stops it at exit.
void ensure_display();

class KioskProcess {
 public:
  // Starts `program` (the build's kiosk, or an installed copy) with `args`; stdout and stderr go to
  // files in `dir`. SDL's audio goes to `audio_driver` (SDL_AUDIODRIVER), by default nowhere.
  KioskProcess(const std::vector<std::string>& args, const std::filesystem::path& dir,
               const std::string& audio_driver = "dummy", const std::filesystem::path& program = KIOSK_EXE);
  ~KioskProcess();
  // Exit code, or -1 after `seconds` (the kiosk is then killed).
  [[nodiscard]] int wait(double seconds);
  bool running();
  void kill9();
  std::string stderr_text() const;
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  std::filesystem::path err_;
  bool reaped_ = false;
  int exit_code_ = -1;
};

struct Rgb {
  int r, g, b;
  // Within `tolerance` per channel of 0xRRGGBB.
  bool near(uint32_t hex, int tolerance = 12) const;
};

struct Png {
  int width = 0, height = 0;
  std::vector<uint8_t> rgba;
  Rgb at(int x, int y) const;
  // How many pixels of the rectangle are within `tolerance` per channel of 0xRRGGBB.
  int count_near(int x0, int y0, int w, int h, uint32_t rgb, int tolerance = 40) const;
  // How many distinct colours (quantised to 4 bits a channel) a blank or broken frame would lack.
  size_t colour_count() const;
};
Png load_png(const std::filesystem::path& path);

nlohmann::json read_json(const std::filesystem::path& path);
// Polls `done` every 20 ms; true when it held before `seconds` ran out. For states the kiosk
// reaches by itself (a video's cue, a file written by a background job); what follows from replay
// commands is waited for with LiveKiosk::act().
[[nodiscard]] bool wait_until(const std::function<bool()>& done, double seconds);

using Row = std::map<std::string, std::string>;
std::vector<Row> query(const std::filesystem::path& db, const std::string& sql);

// Sends the window of process `pid` WM_DELETE_WINDOW, as a window manager does for Alt+F4 or a close
// button. False when the process has no window.
bool request_close(pid_t pid);
// What the window of process `pid` shows on the X server now, read without asking the kiosk to draw.
Png grab_window(pid_t pid);
// The whole X screen as a person sees it (every window on it), read from the server.
Png grab_screen();

// One kiosk run in a fresh folder: --windowed, its own --data, --ui-tree and --replay script.
struct KioskRun {
  TempDir dir;
  std::filesystem::path program = KIOSK_EXE;
  std::filesystem::path data = dir / "data";
  std::filesystem::path tree = dir / "ui-tree.json";
  std::filesystem::path content = SAMPLE_CONTENT_DIR;
  std::string size = "1920x1080";
  std::vector<std::string> extra_args;
  std::string audio_driver = "dummy";  // SDL_AUDIODRIVER of a LiveKiosk
  std::string stderr_text;

  std::filesystem::path shot(const std::string& name) const { return dir / (name + ".png"); }
  std::vector<std::string> args(const std::filesystem::path& replay) const;
  // Writes the script, runs the kiosk to its end and returns its exit code.
  [[nodiscard]] int run(const std::string& script, double timeout_seconds = 60);
  std::vector<Row> sessions() const { return query(data / "journal.sqlite", "SELECT * FROM sessions ORDER BY started_unix"); }
  // The element with `id` in the last ui-tree dump, or null.
  nlohmann::json element(const std::string& id) const;
};

// A kiosk driven live through a named pipe, while the test watches its ui-tree and files. The
// ui-tree carries how many replay commands the kiosk has handled (core/targets.h): every wait
// below first waits for all commands sent so far, so the tree it reads is from a frame drawn after
// the last of them. A kiosk that dies or stops answering makes a wait fail, never hang.
class LiveKiosk {
 public:
  // `full_screen`: leave out --windowed.
  explicit LiveKiosk(KioskRun& run, bool full_screen = false);
  // Replay commands, each ending in a newline; no waiting.
  void send(const std::string& lines);
  // Sends `lines` and waits until they are handled and a frame was drawn after them.
  [[nodiscard]] bool act(const std::string& lines, double seconds = 20);
  // Waits until every command sent is handled, and then for the screen or the element (which may
  // come later by itself: a video reaching a cue, a background job ending).
  [[nodiscard]] bool settle(double seconds = 20);
  [[nodiscard]] bool wait_screen(const std::string& screen, double seconds = 20);
  [[nodiscard]] bool wait_element(const std::string& id, double seconds = 20);
  // Sends `screenshot` and waits until it is handled: the file is then there, and the ui-tree is
  // that frame's or a later one's.
  [[nodiscard]] bool screenshot(const std::filesystem::path& png, double seconds = 20);
  // Takes screenshots into `png` until one shows what `done` looks for (a video's picture, which
  // mpv draws in its own time).
  [[nodiscard]] bool wait_picture(const std::filesystem::path& png, const std::function<bool(const Png&)>& done,
                                  double seconds = 20);
  // Sends `quit` and returns the exit code (-1 if the kiosk did not end in time).
  [[nodiscard]] int quit(double seconds = 20) {
    send("quit\n");
    return process_->wait(seconds);
  }
  KioskProcess& process() { return *process_; }

 private:
  // Polls the ui-tree until all commands sent are handled and `done(tree)` holds.
  bool wait_tree(const std::function<bool(const nlohmann::json&)>& done, double seconds);

  KioskRun& run_;
  std::unique_ptr<KioskProcess> process_;
  std::ofstream script_;
  uint64_t sent_ = 0;  // commands sent, counted as the kiosk counts them
};

// From a topic screen: ends the session (the teacher's end, then yes), waits for the summary, taps
// home and waits for the home screen; false if a screen did not come.
[[nodiscard]] bool end_session(LiveKiosk& live);

// Plays a memory game on screen the way a child does: turns two cards; a match leaves the board (no
// longer a target), two that differ turn back. Each turn is read from the tree drawn after the last
// one settled. False when the celebration has not come after 12 turns.
bool solve_memory_pairs(KioskRun& k, LiveKiosk& kiosk);
