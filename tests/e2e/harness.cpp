#include "harness.h"

#include <SDL_image.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace {
pid_t g_xvfb = -1;
void stop_xvfb() {
  if (g_xvfb > 0) {
    kill(g_xvfb, SIGTERM);
    waitpid(g_xvfb, nullptr, 0);
  }
}
}  // namespace

void ensure_display() {
  const char* display = std::getenv("DISPLAY");
  if (display && *display) return;
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  std::string fd = std::to_string(fds[1]);
  std::vector<std::string> argv_s = {"Xvfb", "-displayfd", fd, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"};
  std::vector<char*> argv;
  for (auto& s : argv_s) argv.push_back(s.data());
  argv.push_back(nullptr);
  if (posix_spawnp(&g_xvfb, "Xvfb", nullptr, nullptr, argv.data(), environ) != 0)
    throw std::runtime_error("cannot start Xvfb (apt-get install xvfb)");
  close(fds[1]);
  std::string number;
  char c;
  while (read(fds[0], &c, 1) == 1 && c != '\n') number += c;
  close(fds[0]);
  if (number.empty()) throw std::runtime_error("Xvfb did not report a display");
  setenv("DISPLAY", (":" + number).c_str(), 1);
  std::atexit(stop_xvfb);
}

KioskProcess::KioskProcess(const std::vector<std::string>& args, const std::filesystem::path& dir,
                           const std::string& audio_driver, const std::filesystem::path& program)
    : err_(dir / "kiosk.stderr") {
  ensure_display();
  std::vector<std::string> argv_s = {program};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : argv_s) argv.push_back(s.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  posix_spawn_file_actions_addopen(&files, 1, (dir / "kiosk.stdout").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&files, 2, err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  setenv("SDL_AUDIODRIVER", audio_driver.c_str(), 1);
  setenv("KIOSK_TEST_CHEAP_PIN_HASH", "1", 1);  // tests set and check many PINs (core/pin_store.h)
  int rc = posix_spawn(&pid_, program.c_str(), &files, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&files);
  if (rc != 0) throw std::runtime_error("cannot start " + program.string());
}

KioskProcess::~KioskProcess() {
  if (!reaped_) kill9();
}

bool KioskProcess::running() {
  if (reaped_) return false;
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) == pid_) {
    reaped_ = true;
    exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    // In a sanitizer build (tests/sanitizer) a kiosk that hit a bug ends with the report on its
    // stderr, a file the test's folder takes away with it: the test's output keeps it.
    if (auto text = stderr_text(); text.find("Sanitizer") != std::string::npos)
      std::cerr << "the kiosk (pid " << pid_ << ", exit code " << exit_code_ << ") reported:\n" << text;
  }
  return !reaped_;
}

int KioskProcess::wait(double seconds) {
  auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (running() && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  if (!running()) return exit_code_;
  kill9();
  return -1;
}

void KioskProcess::kill9() {
  if (reaped_) return;
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  reaped_ = true;
}

std::string KioskProcess::stderr_text() const {
  std::ifstream in(err_);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

bool Rgb::near(uint32_t hex, int tolerance) const {
  return std::abs(r - int((hex >> 16) & 0xFF)) <= tolerance && std::abs(g - int((hex >> 8) & 0xFF)) <= tolerance &&
         std::abs(b - int(hex & 0xFF)) <= tolerance;
}

Rgb Png::at(int x, int y) const {
  const uint8_t* p = &rgba.at((static_cast<size_t>(y) * width + x) * 4);
  return {p[0], p[1], p[2]};
}

int Png::count_near(int x0, int y0, int w, int h, uint32_t rgb, int tolerance) const {
  int n = 0;
  for (int y = y0; y < y0 + h; ++y)
    for (int x = x0; x < x0 + w; ++x) n += at(x, y).near(rgb, tolerance);
  return n;
}

size_t Png::colour_count() const {
  std::set<int> colours;
  for (size_t i = 0; i + 3 < rgba.size(); i += 4) colours.insert((rgba[i] >> 4) << 8 | (rgba[i + 1] >> 4) << 4 | rgba[i + 2] >> 4);
  return colours.size();
}

Png load_png(const std::filesystem::path& path) {
  SDL_Surface* loaded = IMG_Load(path.c_str());
  if (!loaded) throw std::runtime_error("cannot read " + path.string() + ": " + SDL_GetError());
  SDL_Surface* s = SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_ABGR8888, 0);
  SDL_FreeSurface(loaded);
  Png png;
  png.width = s->w;
  png.height = s->h;
  png.rgba.resize(static_cast<size_t>(s->w) * s->h * 4);
  for (int y = 0; y < s->h; ++y)
    std::memcpy(&png.rgba[static_cast<size_t>(y) * s->w * 4], static_cast<uint8_t*>(s->pixels) + y * s->pitch, s->w * 4);
  SDL_FreeSurface(s);
  return png;
}

nlohmann::json read_json(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return nullptr;
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception&) {
    return nullptr;
  }
}

bool wait_until(const std::function<bool()>& done, double seconds) {
  auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < until) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return done();
}

std::vector<Row> query(const std::filesystem::path& db, const std::string& sql) {
  std::vector<Row> rows;
  sqlite3* h = nullptr;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(h);
    return rows;
  }
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK) {
    while (sqlite3_step(st) == SQLITE_ROW) {
      Row row;
      for (int i = 0; i < sqlite3_column_count(st); ++i) {
        auto* text = sqlite3_column_text(st, i);
        row[sqlite3_column_name(st, i)] = text ? reinterpret_cast<const char*>(text) : "";
      }
      rows.push_back(row);
    }
  }
  sqlite3_finalize(st);
  sqlite3_close(h);
  return rows;
}

LiveKiosk::LiveKiosk(KioskRun& run, bool full_screen) : run_(run) {
  auto pipe_path = run.dir / "pipe";
  if (mkfifo(pipe_path.c_str(), 0600) != 0) throw std::runtime_error("mkfifo failed");
  auto args = run.args(pipe_path);
  if (full_screen) args.erase(args.begin(), args.begin() + 2);  // drop --windowed WxH
  process_ = std::make_unique<KioskProcess>(args, run.dir.path, run.audio_driver, run.program);
  script_.open(pipe_path);  // blocks until the kiosk opens its end
}

void LiveKiosk::send(const std::string& lines) {
  std::istringstream in(lines);
  std::string verb;
  for (std::string line; std::getline(in, line);)  // blank and comment lines are not commands
    if (std::istringstream(line) >> verb && verb[0] != '#') ++sent_;
  script_ << lines << std::flush;
}

bool LiveKiosk::wait_tree(const std::function<bool(const nlohmann::json&)>& done, double seconds) {
  bool reached = false;
  auto stop = [&] {
    auto tree = read_json(run_.tree);
    reached = !tree.is_null() && tree.value("commands", uint64_t{0}) >= sent_ && done(tree);
    return reached || !process_->running();  // a kiosk that ended gets no further
  };
  return wait_until(stop, seconds) && reached;
}

bool LiveKiosk::act(const std::string& lines, double seconds) {
  send(lines);
  return settle(seconds);
}

bool LiveKiosk::settle(double seconds) {
  return wait_tree([](const nlohmann::json&) { return true; }, seconds);
}

bool LiveKiosk::wait_screen(const std::string& screen, double seconds) {
  return wait_tree([&](const nlohmann::json& tree) { return tree["screen"] == screen; }, seconds);
}

bool LiveKiosk::wait_element(const std::string& id, double seconds) {
  return wait_tree([&](const nlohmann::json& tree) {
    for (const auto& e : tree["elements"])
      if (e["id"] == id) return true;
    return false;
  }, seconds);
}

bool LiveKiosk::screenshot(const std::filesystem::path& png, double seconds) {
  return act("screenshot " + png.string() + "\n", seconds) && std::filesystem::exists(png);
}

bool LiveKiosk::wait_picture(const std::filesystem::path& png, const std::function<bool(const Png&)>& done, double seconds) {
  auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < until)
    if (screenshot(png, seconds) && done(load_png(png))) return true;
  return false;
}

std::vector<std::string> KioskRun::args(const std::filesystem::path& replay) const {
  std::vector<std::string> a = {"--windowed", size, "--data", data.string(), "--content", content.string(),
                                "--ui-tree", tree.string(), "--replay", replay.string()};
  a.insert(a.end(), extra_args.begin(), extra_args.end());
  return a;
}

int KioskRun::run(const std::string& script, double timeout_seconds) {
  auto replay = dir / "script.txt";
  write_file(replay, script);
  KioskProcess kiosk(args(replay), dir.path, "dummy", program);
  int rc = kiosk.wait(timeout_seconds);
  stderr_text = kiosk.stderr_text();
  return rc;
}

nlohmann::json KioskRun::element(const std::string& id) const {
  auto tree_json = read_json(tree);
  if (tree_json.is_null()) return nullptr;
  for (const auto& e : tree_json["elements"])
    if (e["id"] == id) return e;
  return nullptr;
}

bool end_session(LiveKiosk& live) {
  if (!live.wait_screen("topic")) return false;
  live.send("tap @end-session\ntap @finish:yes\n");
  if (!live.wait_screen("summary")) return false;
  live.send("tap @home\n");
  return live.wait_screen("home");
}

bool solve_memory_pairs(KioskRun& k, LiveKiosk& kiosk) {
  for (int turn = 0; k.element("game:again").is_null(); ++turn) {
    std::vector<std::string> cards;
    const auto tree = read_json(k.tree);  // kept alive: the loop walks into it
    for (const auto& e : tree["elements"])
      if (e["id"].get<std::string>().rfind("piece:", 0) == 0) cards.push_back(e["id"]);
    if (turn >= 12 || cards.size() < 2) return false;
    const std::string first = cards[0], second = cards[1 + turn % (cards.size() - 1)];
    if (!kiosk.act("tap @" + first + "\ntap @" + second + "\nadvance 1300\n")) return false;
  }
  return true;
}
