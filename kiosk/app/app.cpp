#include "app/app.h"

#define GL_GLEXT_PROTOTYPES
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_opengl.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>

#include "app/admin_door.h"
#include "app/fonts.h"
#include "app/full_screen.h"
#include "app/imgui_input_bridge.h"
#include "app/kiosk.h"
#include "app/media_player.h"
#include "app/replay.h"
#include "core/navigator.h"
#include "app/routes.h"
#include "app/screens/home_screen.h"
#include "app/screenshot.h"
#include "app/sdl_video.h"
#include "app/trace.h"
#include "app/style.h"
#include "app/ui_clock.h"
#include "core/clock.h"
#include "core/frame_schedule.h"
#include "core/i18n.h"
#include "core/leftovers.h"
#include "core/service_notifier.h"
#include "core/text.h"

namespace {

// Design pixels (the screens lay out 1920x1080) to the pixels of a width x height window.
float scale_for(int width, int height) { return std::min(width / 1920.0f, height / 1080.0f); }

// Dear ImGui's stock widgets (admin screens, typing a question): light, rounded, large enough
// for a finger on a TV, scaled with the window.
void apply_widget_style(float scale) {
  ImGuiStyle style;
  ImGui::StyleColorsLight(&style);
  style.FrameRounding = style.GrabRounding = style.TabRounding = style.PopupRounding = 10;
  style.FramePadding = {22, 14};
  style.ItemSpacing = {18, 16};
  style.WindowPadding = {48, 36};
  style.ScrollbarSize = 36;
  style.GrabMinSize = 36;
  style.Colors[ImGuiCol_WindowBg] = ImVec4(0.96f, 0.97f, 0.99f, 1);
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

class App : public ReplayHost {
 public:
  App(const AppOptions& options) : options_(options) {}
  ~App() override;
  int run();

  const Targets& current_targets() const override { return targets_; }
  const std::string& current_screen() const override { return screen_name_; }
  uint32_t window_id() const override { return SDL_GetWindowID(window_); }
  void request_screenshot(const std::string& path) override {
    screenshot_path_ = path;
    needs_frame_ = true;
  }
  void request_quit() override { running_ = false; }
  void request_frame() override { needs_frame_ = true; }
  bool input_settled() const override {
    return !navigator_.pending() && !imgui_.wants_frame();
  }

 private:
  void init_content();
  bool init_window();
  void init_kiosk();
  void open_journal();
  void handle(const SDL_Event& e);
  void handle_key(SDL_Keycode key);
  void handle_pointer(Screen::Pointer phase, float x, float y);
  void open_admin();
  float canvas_scale() const;
  FrameSchedule::Pass schedule_pass(double now);
  void frame();
  void draw_overlays(const Canvas& c) const;
  void write_ui_tree();
  void sweep_data_dir();

  AppOptions options_;
  SDL_Window* window_ = nullptr;
  SDL_GLContext gl_ = nullptr;
  std::unique_ptr<FullScreenFit> full_screen_;  // not with --windowed
  bool imgui_ready_ = false;
  Fonts fonts_;
  std::unique_ptr<TextureCache> textures_;  // destroyed before the GL context
  std::unique_ptr<Icons> icons_;
  std::unique_ptr<SoundEffects> sounds_;
  Kiosk kiosk_;
  Navigator<Screen> navigator_;
  Routes routes_{navigator_, kiosk_};
  Screen* screen_ = nullptr;  // navigator_.top() as of the last frame
  std::string screen_name_;
  Targets targets_;
  std::string focus_, pressed_;
  std::unique_ptr<ReplayDriver> replay_;
  uint32_t wake_event_ = 0;
  std::string screenshot_path_;
  bool running_ = true, pointer_held_ = false;
  bool needs_frame_ = true;  // something changed that the screen does not show yet
  FrameSchedule schedule_;
  AdminDoor admin_door_;
  ImGuiInputBridge imgui_;
  std::string journal_error_shown_;
  uint64_t frames_ = 0;
  ServiceNotifier systemd_;  // ready at the first home frame, then the watchdog, fed by this loop
};

App::~App() {
  replay_.reset();
  navigator_.clear();
  icons_.reset();
  textures_.reset();
  sounds_.reset();
  if (imgui_ready_) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
  }
  if (gl_) SDL_GL_DeleteContext(gl_);
  if (window_) SDL_DestroyWindow(window_);
  IMG_Quit();
  SDL_Quit();
}

bool App::init_window() {
  if (!start_sdl_video()) {
    std::fprintf(stderr, "kiosk: cannot start SDL: %s\n", SDL_GetError());
    return false;
  }
  trace_startup("SDL video started");
  IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG | IMG_INIT_WEBP);
  // The home screen's pictures and the font atlas, each on a thread, while the window and its GL
  // context are made. The atlas is for the size the window will have: the screen's in full screen.
  textures_->prefetch(HomeScreen::pictures(*icons_, kiosk_.settings.class_groups, *kiosk_.content->catalog()));
  SDL_DisplayMode screen{};
  const bool full = !options_.windowed && SDL_GetDesktopDisplayMode(0, &screen) == 0;
  fonts_.prepare(scale_for(full ? screen.w : options_.width, full ? screen.h : options_.height), kiosk_.content->catalog());
  Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_SHOWN;
  flags |= options_.windowed ? 0 : (SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS);
  window_ = SDL_CreateWindow("Xem và Nói", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, options_.width,
                             options_.height, flags);
  trace_startup("window created");
  // Fitted before the GL context exists, so that its first frame is drawn at the screen's size.
  if (window_ && !options_.windowed) full_screen_ = std::make_unique<FullScreenFit>(window_);
  if (!window_ || !(gl_ = SDL_GL_CreateContext(window_))) {
    std::fprintf(stderr, "kiosk: cannot open an OpenGL 3.2 window: %s\n", SDL_GetError());
    return false;
  }
  trace_startup("OpenGL context made");
  std::fprintf(stderr, "kiosk: OpenGL %s on %s\n", glGetString(GL_VERSION), glGetString(GL_RENDERER));
  kiosk_.gl_renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  if (!options_.windowed) SDL_SetWindowKeyboardGrab(window_, SDL_TRUE);  // keep Alt+Tab and the like from the desktop
  SDL_GL_SetSwapInterval(1);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext(fonts_.atlas());
  ImGui::GetIO().IniFilename = nullptr;  // nothing written next to the program
  ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;  // admin screens by keyboard or remote
  ImGui::GetIO().ConfigInputTextCursorBlink = false;  // a blinking cursor would keep drawing frames
  ImGui_ImplSDL2_InitForOpenGL(window_, gl_);
  ImGui_ImplOpenGL3_Init("#version 150");
  imgui_ready_ = true;
  trace_startup("Dear ImGui set up");
  wake_event_ = SDL_RegisterEvents(1);
  return true;
}

// Files only, before the window: what the home screen shows, so that its pictures can be decoded
// while the window opens.
void App::init_content() {
  kiosk_.paths = find_install_paths();
  kiosk_.data_dir = options_.data_dir.empty() ? default_data_dir() : options_.data_dir;
  std::string warning;
  kiosk_.settings = load_settings(kiosk_.data_dir, warning);
  if (!warning.empty()) std::fprintf(stderr, "kiosk: settings: %s\n", warning.c_str());
  std::string lang = !options_.lang.empty() ? options_.lang : !kiosk_.settings.language.empty() ? kiosk_.settings.language : "vi";
  init_i18n(kiosk_.paths.locale.string(), lang);
  trace_startup("settings and translations read");
  kiosk_.content = std::make_unique<ContentLibrary>(options_.content_dir.empty() ? kiosk_.paths.content : options_.content_dir,
                                                    kiosk_.data_dir);
  kiosk_.load_content();
  trace_startup("content read");
  textures_ = std::make_unique<TextureCache>(options_.texture_cache_mb ? uint64_t{*options_.texture_cache_mb} << 20
                                                                      : TextureCache::kDefaultCapBytes);
  kiosk_.textures = textures_.get();
  icons_ = std::make_unique<Icons>(kiosk_.paths.assets / "icons", *textures_);
  kiosk_.icons = icons_.get();
}

void App::init_kiosk() {
  std::string warning;
  kiosk_.usb_root = options_.usb_root;
  if (options_.game_seed) kiosk_.game_seeds.seed(*options_.game_seed);
  try {
    warning.clear();
    // The end-to-end tests set and check PINs many times on a loaded machine (core/pin_store.h).
    const char* cheap = std::getenv("KIOSK_TEST_CHEAP_PIN_HASH");
    auto cost = cheap && *cheap == '1' ? PinStore::HashCost::TestOnly : PinStore::HashCost::Interactive;
    kiosk_.pins = std::make_unique<PinStore>(kiosk_.data_dir, warning, cost);
    if (!warning.empty()) std::fprintf(stderr, "kiosk: %s\n", warning.c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "kiosk: admin PIN: %s\n", e.what());
  }
  trace_startup("PIN store opened");
  kiosk_.sessions = std::make_unique<SessionKeeper>(nullptr, options_.heartbeat_seconds);  // its journal: open_journal()
  kiosk_.asound_root = options_.asound_root;
  sounds_ = std::make_unique<SoundEffects>(kiosk_.paths.assets / "sounds");
  kiosk_.sounds = sounds_.get();
  kiosk_.apply_settings();  // the sound output too, for mpv and the effects
  kiosk_.window = window_;
  kiosk_.wake_event = wake_event_;
  trace_startup("services made");
  routes_.start();
  trace_startup("home screen made");
  if (!options_.replay.empty()) replay_ = std::make_unique<ReplayDriver>(options_.replay, wake_event_);
}

// Right after the first frame, before any input: opening the journal and recovering an interrupted
// session wait for the disk (synchronous=FULL), and the home screen needs neither, unless it has a
// journal or clock problem to show, which the next frame then brings.
void App::open_journal() {
  try {
    kiosk_.journal = std::make_unique<Journal>(kiosk_.data_dir / "journal.sqlite");
    if (int n = kiosk_.journal->recovered_on_open())
      std::fprintf(stderr, "kiosk: journal: %d interrupted session(s) recovered\n", n);
  } catch (const JournalError& e) {
    kiosk_.journal_error = e.what();
    std::fprintf(stderr, "kiosk: %s\n", e.what());
  }
  kiosk_.check_clock();
  kiosk_.sessions->attach(kiosk_.journal.get());
  if (!kiosk_.journal_error.empty() || !kiosk_.clock_problem.empty()) needs_frame_ = true;
  trace_startup("journal opened and recovered");
}

int App::run() {
  init_content();
  if (!init_window()) return 1;
  init_kiosk();
  frame();  // the home screen, as early as it can be
  open_journal();
  MediaPlayer::preload();  // libmpv, on a thread, ready long before a lesson needs it
  int sleep_ms = 0;
  while (running_) {
    SDL_Event e;
    if (SDL_WaitEventTimeout(&e, sleep_ms)) {
      handle(e);
      while (SDL_PollEvent(&e)) handle(e);
    }
    if (replay_) {  // first: an `advance` moves the clock that the timers below read
      replay_->step(*this, ui_now(), frames_);
      while (SDL_PollEvent(&e)) handle(e);  // so the frame below already shows what the command did
    }
    kiosk_.sessions->tick(unix_now());
    if (kiosk_.sessions->last_error() != journal_error_shown_) {  // a journal write failed (or works again)
      journal_error_shown_ = kiosk_.sessions->last_error();
      if (!journal_error_shown_.empty()) kiosk_.notices.notify(format(tr("The journal cannot be written: %s"), journal_error_shown_.c_str()));
    }
    double now = ui_now();
    systemd_.alive(now);
    if (screen_ && screen_->tick(now)) needs_frame_ = true;
    if (admin_door_.held_long_enough(now)) open_admin();
    if (kiosk_.exit_code >= 0) running_ = false;
    if (schedule_.next(now, schedule_pass(now)).draw) {
      frame();
      now = ui_now();
    }
    sleep_ms = schedule_.next(now, schedule_pass(now)).sleep_ms();  // 0 when another frame is due at once
  }
  navigator_.clear();  // a lesson's activity is recorded as interrupted before its session
  screen_ = nullptr;
  kiosk_.sessions->abandon(unix_now());
  if (kiosk_.exit_code >= 0) return kiosk_.exit_code;
  return replay_ && replay_->had_errors() ? 3 : 0;
}

// What the frame schedule weighs (core/frame_schedule.h): whether the screen is behind, whether
// something moves, and every timer that must wake the loop.
FrameSchedule::Pass App::schedule_pass(double now) {
  FrameSchedule::Pass pass;
  pass.changed = needs_frame_ || navigator_.pending() || imgui_.wants_frame();
  pass.animating = (screen_ && screen_->animating(now)) || admin_door_.holding();
  pass.notice_until = kiosk_.notices.until();
  if (screen_) pass.wake_within(screen_->wake_in(now));
  if (replay_) pass.wake_within(replay_->seconds_to_next(now, frames_));
  // Just after the heartbeat's second has begun on the wall clock, which counts whole seconds.
  if (auto heartbeat = kiosk_.sessions->seconds_to_next_heartbeat(unix_now()); heartbeat >= 0)
    pass.wake_within(double(heartbeat) + 0.05);
  pass.wake_within(systemd_.seconds_to_next(now));
  return pass;
}

void App::handle(const SDL_Event& e) {
  if (full_screen_ && full_screen_->handle(e)) needs_frame_ = true;
  imgui_.handle(e);
  // Input that arrives while a screen switch is pending was aimed at the old screen: a double tap on
  // a topic must not start two sessions.
  const bool switching = navigator_.pending();
  switch (e.type) {
    case SDL_QUIT:  // a signal from the system, never a child
      running_ = false;
      break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
      if (e.button.button == SDL_BUTTON_LEFT && !switching) {
        handle_pointer(e.type == SDL_MOUSEBUTTONDOWN ? Screen::Pointer::Down : Screen::Pointer::Up, float(e.button.x),
                       float(e.button.y));
        needs_frame_ = true;
      }
      break;
    case SDL_MOUSEMOTION:  // hovering changes nothing; only drags do
      if (pointer_held_ && !switching) {
        handle_pointer(Screen::Pointer::Move, float(e.motion.x), float(e.motion.y));
        needs_frame_ = true;
      }
      break;
    case SDL_KEYDOWN:
      if (AdminDoor::is_chord(e.key.keysym)) {
        open_admin();
        break;
      }
      if (!e.key.repeat && !switching) {  // a held key must not run through the screens
        handle_key(e.key.keysym.sym);
        needs_frame_ = true;
      }
      break;
    case SDL_WINDOWEVENT:
      // Full screen, closing (Alt+F4, a window manager) is ignored: only the admin exit may leave.
      if (e.window.event == SDL_WINDOWEVENT_CLOSE && options_.windowed) running_ = false;
      if (e.window.event == SDL_WINDOWEVENT_EXPOSED || e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) needs_frame_ = true;
      break;
    default:
      break;
  }
}

// Touch arrives as mouse events (SDL synthesises them). The screen sees the pointer first (drags,
// taps on video); otherwise a tap activates the target it started and ended on.
void App::handle_pointer(Screen::Pointer phase, float x, float y) {
  pointer_held_ = phase != Screen::Pointer::Up;
  if (!screen_) return;
  if (admin_door_.pointer(phase, x, y, canvas_scale(), ui_now(), screen_name_ == "home")) return open_admin();
  if (screen_->pointer(phase, x, y)) {
    pressed_.clear();
    return;
  }
  const Target* t = targets_.at(x, y);
  if (phase == Screen::Pointer::Down) {
    pressed_ = t ? t->id : "";
    if (t) focus_ = t->id;
  } else if (phase == Screen::Pointer::Up && !pressed_.empty()) {
    std::string id = std::exchange(pressed_, "");
    if (t && t->id == id) screen_->activate(id);
  }
}

float App::canvas_scale() const {
  int w, h;
  SDL_GetWindowSize(window_, &w, &h);
  return scale_for(w, h);
}

// From the home screen only: never in the middle of a class.
void App::open_admin() {
  admin_door_.reset();
  pressed_.clear();  // the long press must not also tap what is under the corner
  if (screen_name_ != "home" || navigator_.pending()) return;
  if (!kiosk_.pins) {
    kiosk_.notices.notify(tr("Admin mode is not available: the PIN store cannot start."));
    return;
  }
  routes_.admin_door();
}

void App::handle_key(SDL_Keycode key) {
  imgui_.key(key);
  if (!screen_ || screen_->key(key)) return;
  switch (key) {
    case SDLK_LEFT:
      if (!screen_->adjust(focus_, -1)) focus_ = targets_.neighbour(focus_, -1, 0);
      break;
    case SDLK_RIGHT:
      if (!screen_->adjust(focus_, 1)) focus_ = targets_.neighbour(focus_, 1, 0);
      break;
    case SDLK_UP: focus_ = targets_.neighbour(focus_, 0, -1); break;
    case SDLK_DOWN: focus_ = targets_.neighbour(focus_, 0, 1); break;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
    case SDLK_SPACE:
    case SDLK_SELECT:
      if (targets_.find(focus_)) screen_->activate(focus_);
      break;
    case SDLK_ESCAPE:
    case SDLK_AC_BACK:
    case SDLK_BACKSPACE:
      screen_->back();
      break;
    default:
      break;
  }
}

void App::frame() {
  // A TV switched on since: the next screen plays on it (the first one's was chosen at start).
  if (navigator_.pending() && frames_ > 0) kiosk_.follow_sound_output();
  if (frames_ == 0) trace_startup("first frame begins");
  const FrameTimer timer;
  if (navigator_.apply(ui_now())) {  // screen switches happen between frames
    screen_ = navigator_.top();
    screen_name_ = screen_->name();
    focus_.clear();
    pressed_.clear();
  }
  int w, h, dw, dh;
  SDL_GetWindowSize(window_, &w, &h);
  SDL_GL_GetDrawableSize(window_, &dw, &dh);
  float scale = canvas_scale();
  if (fonts_.update(scale, kiosk_.content->catalog())) {  // a new window size, or new content's characters
    apply_widget_style(scale);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    if (frames_ == 0) trace_startup("font atlas built and uploaded");
  }
  imgui_.before_new_frame(screen_->uses_widgets());
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  imgui_.after_backend_new_frame();
  ImGui::NewFrame();

  double now = ui_now();
  Canvas canvas(ImGui::GetBackgroundDrawList(), fonts_, *textures_, float(w), float(h));
  targets_.clear();
  screen_->update(canvas, targets_, now);
  if (!targets_.find(focus_)) focus_ = targets_.items().empty() ? "" : targets_.items().front().id;
  screen_->draw(canvas, now);
  // Over everything, ImGui windows included (admin screens).
  draw_overlays(Canvas(ImGui::GetForegroundDrawList(), fonts_, *textures_, float(w), float(h)));
  ++frames_;
  if (frames_ == 1) trace_startup("first frame laid out and drawn into lists");
  write_ui_tree();  // before the screenshot: a test that sees the picture finds this frame's tree

  ImGui::Render();
  glViewport(0, 0, dw, dh);
  glClearColor(1, 1, 1, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  screen_->render_below(dw, dh);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (!screenshot_path_.empty()) {
    save_screenshot(screenshot_path_, dw, dh);
    screenshot_path_.clear();
  }
  SDL_GL_SwapWindow(window_);
  textures_->end_frame();
  timer.done(frames_, screen_name_);
  if (frames_ == 1) trace_startup(("first frame rendered and swapped: " + screen_name_).c_str());
  if (screen_name_ == "home") systemd_.ready();
  imgui_.frame_drawn();
  needs_frame_ = false;
  schedule_.drawn(now, schedule_pass(now));
  if (frames_ == 1) sweep_data_dir();
}

// Once the first frame is on screen (a big import's staging folder takes a moment to delete), and
// before admin mode can start an import.
void App::sweep_data_dir() {
  for (const auto& l : sweep_leftovers(kiosk_.data_dir, kiosk_.content->imported_dir()))
    std::fprintf(stderr, "kiosk: removed %s (%ju bytes), left by a crash or a power cut\n", l.path.c_str(), l.bytes);
}

// What every screen shares: the pressed target darkens, the focused one has a thick blue ring
// (always visible, so a remote user knows where Enter goes; blue, unlike the sunny selection), and notices show at the bottom.
void App::draw_overlays(const Canvas& c) const {
  const float radius = c.px(style::kRadius);
  admin_door_.draw(c, ui_now());
  const bool rings = !imgui_.widgets();  // ImGui shows its own focus
  if (const Target* t = targets_.find(pressed_); t && rings) c.fill(t->rect, IM_COL32(0, 0, 0, 40), radius);
  if (const Target* t = targets_.find(focus_); t && rings) {
    c.outline(t->rect.inset(-c.px(9)), rgb(0xFFFFFF), radius + c.px(9), c.px(14));
    c.outline(t->rect.inset(-c.px(9)), rgb(style::kFocus), radius + c.px(9), c.px(9));
  }
  if (const Notices& notices = kiosk_.notices; notices.shown(ui_now())) {
    Rect r = c.px(c.design_width() / 2 - 640, c.design_height() - 190, 1280, 150);
    const bool done = notices.kind() == Notices::Kind::Done;
    c.card(r, rgb(done ? 0xE3F6EA : 0xFFF1D6), radius);
    c.outline(r, rgb(done ? style::kGo : style::kWarn), radius, c.px(5));
    c.icon({r.x + c.px(20), r.y + c.px(25), c.px(100), c.px(100)}, icons_->get(done ? "star" : "warning"));
    c.text_centered({r.x + c.px(140), r.y + c.px(10), r.w - c.px(160), r.h - c.px(20)}, FontSize::Heading,
                    rgb(style::kInk), notices.text());
  }
}

// Every frame: the frame number and the replay's count of handled commands let a test wait for the
// frame that followed its last command.
void App::write_ui_tree() {
  if (options_.ui_tree.empty()) return;
  std::string json = targets_.to_json(screen_name_, focus_, replay_ ? replay_->handled() : 0, frames_,
                                      {{"textures", textures_->count()}, {"texture_bytes", textures_->bytes()}});
  std::string tmp = options_.ui_tree + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << json << "\n";
  }
  std::rename(tmp.c_str(), options_.ui_tree.c_str());  // readers never see half a file
}

}  // namespace

int run_app(const AppOptions& options) {
  App app(options);
  return app.run();
}
