// The module kiosk-mpv.so: the MediaPlayer made with libmpv (see media_player.h for why it is a
// module, and for the contract).
#include "app/media_player.h"

#include <SDL_syswm.h>
#include <mpv/client.h>
#include <mpv/render_gl.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {
enum Observed : uint64_t { kTimePos = 1, kDuration, kPause, kEofReached };

void post_wake(void* event_type) {
  SDL_Event e{};
  e.type = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(event_type));
  SDL_PushEvent(&e);  // thread-safe; the only thing done on mpv's threads
}

void* gl_proc(void*, const char* name) { return SDL_GL_GetProcAddress(name); }

void check(int status, const char* what) {
  if (status < 0) throw std::runtime_error(std::string("mpv: ") + what + ": " + mpv_error_string(status));
}

class MpvPlayer final : public MediaPlayer {
 public:
  MpvPlayer(Kind kind, uint32_t wake_event, SDL_Window* window, const Setup& setup);
  ~MpvPlayer() override;

  void load(const std::filesystem::path& file) override;
  void stop() override;
  void set_paused(bool paused) override;
  void seek_to(double seconds) override;
  void set_volume(int percent) override;
  void use_sound_output(const std::string& alsa_device) override;
  bool poll() override;
  bool frame_ready() override;
  void render(int width, int height, int fbo) override;
  std::string hwdec_current() const override;

 private:
  void log_sound_output();

  mpv_handle* mpv_ = nullptr;
  mpv_render_context* render_ = nullptr;
  const int volume_limit_;
};

MpvPlayer::MpvPlayer(Kind kind, uint32_t wake_event, SDL_Window* window, const Setup& setup)
    : volume_limit_(setup.volume_limit) {
  mpv_ = mpv_create();
  if (!mpv_) throw std::runtime_error("mpv: cannot create a player");
  auto wake = reinterpret_cast<void*>(static_cast<uintptr_t>(wake_event));
  mpv_set_option_string(mpv_, "config", "no");
  mpv_set_option_string(mpv_, "terminal", "no");
  mpv_set_option_string(mpv_, "input-default-bindings", "no");
  mpv_set_option_string(mpv_, "osc", "no");
  mpv_set_option_string(mpv_, "idle", "yes");
  mpv_set_option_string(mpv_, "keep-open", "yes");          // stay on the last frame at the end
  mpv_set_option_string(mpv_, "hr-seek", "yes");            // cue jumps land where asked
  mpv_set_option_string(mpv_, "audio-fallback-to-null", "yes");  // no sound card: play silently
  mpv_set_option_string(mpv_, "volume", std::to_string(volume_limit_).c_str());  // 100 % of the admin's limit
  if (!setup.sound_output.empty()) mpv_set_option_string(mpv_, "audio-device", ("alsa/" + setup.sound_output).c_str());
  if (const char* driver = std::getenv("SDL_AUDIODRIVER"); driver && std::strcmp(driver, "dummy") == 0)
    mpv_set_option_string(mpv_, "ao", "null");  // tests and sound-less machines: same switch as SDL
  if (kind == Kind::Video) {
    mpv_set_option_string(mpv_, "vo", "libmpv");
    mpv_set_option_string(mpv_, "hwdec", "auto-safe");  // hardware decoding where it works, else software
  } else {
    mpv_set_option_string(mpv_, "vid", "no");
    mpv_set_option_string(mpv_, "vo", "null");
  }
  // KIOSK_MPV="hwdec=no,ao=pcm,ao-pcm-file=sound.wav": the site's own mpv options, after the kiosk's
  // (a machine whose hardware decoding misbehaves; tests record the sound to a file).
  if (const char* extra = std::getenv("KIOSK_MPV")) {
    std::istringstream options(extra);
    for (std::string option; std::getline(options, option, ',');) {
      auto eq = option.find('=');
      std::string name = option.substr(0, eq), value = eq == std::string::npos ? "yes" : option.substr(eq + 1);
      if (int err = mpv_set_option_string(mpv_, name.c_str(), value.c_str()); err < 0)
        std::fprintf(stderr, "kiosk: KIOSK_MPV: %s: %s\n", option.c_str(), mpv_error_string(err));
    }
  }
  mpv_request_log_messages(mpv_, "error");
  check(mpv_initialize(mpv_), "initialize");
  mpv_observe_property(mpv_, kTimePos, "time-pos", MPV_FORMAT_DOUBLE);
  mpv_observe_property(mpv_, kDuration, "duration", MPV_FORMAT_DOUBLE);
  mpv_observe_property(mpv_, kPause, "pause", MPV_FORMAT_FLAG);
  mpv_observe_property(mpv_, kEofReached, "eof-reached", MPV_FORMAT_FLAG);
  mpv_set_wakeup_callback(mpv_, post_wake, wake);
  log_sound_output();

  if (kind == Kind::Video) {
    mpv_opengl_init_params gl{gl_proc, nullptr};
    std::vector<mpv_render_param> params = {{MPV_RENDER_PARAM_API_TYPE, const_cast<char*>(MPV_RENDER_API_TYPE_OPENGL)},
                                            {MPV_RENDER_PARAM_OPENGL_INIT_PARAMS, &gl}};
    // Hardware decoding interop needs the native display (X11 or Wayland).
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (window && SDL_GetWindowWMInfo(window, &info)) {
      if (info.subsystem == SDL_SYSWM_X11) params.push_back({MPV_RENDER_PARAM_X11_DISPLAY, info.info.x11.display});
#if defined(SDL_VIDEO_DRIVER_WAYLAND)
      if (info.subsystem == SDL_SYSWM_WAYLAND) params.push_back({MPV_RENDER_PARAM_WL_DISPLAY, info.info.wl.display});
#endif
    }
    params.push_back({MPV_RENDER_PARAM_INVALID, nullptr});
    check(mpv_render_context_create(&render_, mpv_, params.data()), "render context");
    mpv_render_context_set_update_callback(render_, post_wake, wake);
  }
}

MpvPlayer::~MpvPlayer() {
  if (render_) mpv_render_context_free(render_);  // before the core, as render.h requires
  mpv_terminate_destroy(mpv_);
}

void MpvPlayer::load(const std::filesystem::path& file) {
  error_.clear();
  ended_ = false;
  showed_frame_ = false;
  position_ = duration_ = 0;
  const char* cmd[] = {"loadfile", file.c_str(), nullptr};
  mpv_command_async(mpv_, 0, cmd);
  set_paused(false);
}

void MpvPlayer::stop() {
  const char* cmd[] = {"stop", nullptr};
  mpv_command_async(mpv_, 0, cmd);
}

void MpvPlayer::set_paused(bool paused) {
  int flag = paused ? 1 : 0;
  mpv_set_property(mpv_, "pause", MPV_FORMAT_FLAG, &flag);
  paused_ = paused;
}

void MpvPlayer::seek_to(double seconds) {
  std::string target = std::to_string(seconds);
  const char* cmd[] = {"seek", target.c_str(), "absolute+exact", nullptr};
  mpv_command_async(mpv_, 0, cmd);
  position_ = seconds;
  ended_ = false;
}

void MpvPlayer::use_sound_output(const std::string& alsa_device) {
  mpv_set_property_string(mpv_, "audio-device", ("alsa/" + alsa_device).c_str());
  log_sound_output();
}

// Where mpv sends the sound, as mpv has it (after KIOSK_MPV), each time it changes: the log says
// which output a silent TV was not given.
void MpvPlayer::log_sound_output() {
  static std::string logged;
  char* device = mpv_get_property_string(mpv_, "audio-device");
  if (device && logged != device) {
    logged = device;
    std::fprintf(stderr, "kiosk: mpv plays sound on %s\n", device);
  }
  mpv_free(device);
}

std::string MpvPlayer::hwdec_current() const {
  char* hwdec = mpv_get_property_string(mpv_, "hwdec-current");
  std::string current = hwdec ? hwdec : "";
  mpv_free(hwdec);
  return current;
}

void MpvPlayer::set_volume(int percent) {
  volume_ = std::max(0, std::min(100, percent));
  double v = volume_ * volume_limit_ / 100.0;
  mpv_set_property(mpv_, "volume", MPV_FORMAT_DOUBLE, &v);
}

bool MpvPlayer::poll() {
  bool changed = false;
  for (;;) {
    mpv_event* e = mpv_wait_event(mpv_, 0);
    if (e->event_id == MPV_EVENT_NONE) break;
    changed = true;
    switch (e->event_id) {
      case MPV_EVENT_PROPERTY_CHANGE: {
        auto* p = static_cast<mpv_event_property*>(e->data);
        if (p->format == MPV_FORMAT_DOUBLE) {
          double v = *static_cast<double*>(p->data);
          if (e->reply_userdata == kTimePos) position_ = v;
          if (e->reply_userdata == kDuration) duration_ = v;
        } else if (p->format == MPV_FORMAT_FLAG) {
          bool v = *static_cast<int*>(p->data) != 0;
          if (e->reply_userdata == kPause) paused_ = v;
          if (e->reply_userdata == kEofReached) ended_ = v;
        }
        break;
      }
      case MPV_EVENT_END_FILE: {
        auto* end = static_cast<mpv_event_end_file*>(e->data);
        if (end->reason == MPV_END_FILE_REASON_ERROR) error_ = mpv_error_string(end->error);
        break;
      }
      case MPV_EVENT_LOG_MESSAGE: {
        auto* msg = static_cast<mpv_event_log_message*>(e->data);
        std::fprintf(stderr, "kiosk: mpv: %s: %s", msg->prefix, msg->text);
        break;
      }
      default:
        break;
    }
  }
  return changed;
}

bool MpvPlayer::frame_ready() {
  const bool ready = render_ && (mpv_render_context_update(render_) & MPV_RENDER_UPDATE_FRAME);
  showed_frame_ |= ready;
  return ready;
}

void MpvPlayer::render(int width, int height, int fbo_id) {
  if (!render_) return;
  mpv_opengl_fbo fbo{fbo_id, width, height, 0};
  int flip_y = 1;
  mpv_render_param params[] = {{MPV_RENDER_PARAM_OPENGL_FBO, &fbo},
                               {MPV_RENDER_PARAM_FLIP_Y, &flip_y},
                               {MPV_RENDER_PARAM_INVALID, nullptr}};
  mpv_render_context_render(render_, params);
}
}  // namespace

extern "C" {
__attribute__((visibility("default"))) extern const char kiosk_mpv_module_version[] = KIOSK_VERSION;

__attribute__((visibility("default"))) MediaPlayer* kiosk_mpv_player_create(MediaPlayer::Kind kind, uint32_t wake_event,
                                                                            SDL_Window* window,
                                                                            const MediaPlayer::Setup& setup) {
  return new MpvPlayer(kind, wake_event, window, setup);
}
}
