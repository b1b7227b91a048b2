#pragma once
// A libmpv player inside the kiosk's own window: video through mpv's render API into the current
// OpenGL context, or sound only (narration). Modelled on the contract of mpv's render.h.
//
// libmpv and the ~150 libraries it pulls in cost about 40 ms and 35 MiB to load, more than the rest
// of the kiosk's start-up, and the home screen needs none of it. So the player lives in a module of
// its own (kiosk-mpv.so, app/mpv_player.cpp), which preload() loads on a thread of its own once the
// first frame is on screen, and create() waits for if it is not loaded yet.
//
// Threading: mpv's wakeup and update callbacks run on mpv's threads and only post `wake_event` to
// SDL's queue. Every call below is made on the main thread: poll() after a wake event, render()
// while drawing a frame with the GL context current. preload() may be called from any thread.
// Lifetime: a video player must be destroyed while its GL context is still alive. The module stays
// loaded until the process ends.
// Errors: create() throws std::runtime_error when the module or libmpv cannot be loaded (its text
// says which file and why) or mpv cannot start; a file that cannot be played sets error().
#include <SDL.h>

#include <filesystem>
#include <memory>
#include <string>

class MediaPlayer {
 public:
  enum class Kind { Video, Audio };
  // What a new player starts with: the admin's volume limit (percent of mpv's full volume) and
  // sound output (an ALSA device, core/sound_outputs.h; empty: ALSA's default).
  struct Setup {
    int volume_limit = 100;
    std::string sound_output;
  };

  static std::unique_ptr<MediaPlayer> create(Kind kind, uint32_t wake_event, SDL_Window* window);
  // Starts loading the module in the background; returns at once. Later calls do nothing.
  static void preload();
  // For players made from now on.
  static void set_volume_limit(int percent) { setup_.volume_limit = percent; }
  static void set_sound_output(const std::string& alsa_device) { setup_.sound_output = alsa_device; }

  virtual ~MediaPlayer() = default;
  MediaPlayer(const MediaPlayer&) = delete;
  MediaPlayer& operator=(const MediaPlayer&) = delete;

  virtual void load(const std::filesystem::path& file) = 0;
  virtual void stop() = 0;
  virtual void set_paused(bool paused) = 0;
  virtual void seek_to(double seconds) = 0;
  // 0-100 % of the volume limit this player was made with.
  virtual void set_volume(int percent) = 0;
  // The sound output of this player from now on (the admin's test sound on each output).
  virtual void use_sound_output(const std::string& alsa_device) = 0;
  // Handles what mpv reported since the last call; true when anything on screen may change.
  virtual bool poll() = 0;
  // True when mpv has a new video frame to draw.
  virtual bool frame_ready() = 0;
  // Draws the current video frame over the whole framebuffer `fbo` (width x height pixels).
  virtual void render(int width, int height, int fbo = 0) = 0;
  // mpv's hwdec-current: the hardware decoder in use ("vaapi", "nvdec"...), or "no" for software;
  // known once a frame was decoded.
  virtual std::string hwdec_current() const = 0;

  double position() const { return position_; }
  double duration() const { return duration_; }
  bool paused() const { return paused_; }
  bool ended() const { return ended_; }    // reached the end and stays on the last frame
  bool showed_frame() const { return showed_frame_; }  // a video frame came since load(): a file cut short may have none
  int volume() const { return volume_; }
  const std::string& error() const { return error_; }  // why the file cannot be played

 protected:
  MediaPlayer() = default;

  double position_ = 0, duration_ = 0;
  bool paused_ = false, ended_ = false, showed_frame_ = false;
  int volume_ = 100;
  std::string error_;

 private:
  static Setup setup_;
};

// The module's two symbols, looked up with dlsym: its version, which must be the kiosk's own (a
// package upgrade can replace the module under a kiosk that is still running), and its factory,
// which throws as create() does.
#define KIOSK_MPV_VERSION_SYMBOL "kiosk_mpv_module_version"
#define KIOSK_MPV_CREATE_SYMBOL "kiosk_mpv_player_create"
using KioskMpvCreate = MediaPlayer* (*)(MediaPlayer::Kind kind, uint32_t wake_event, SDL_Window* window,
                                        const MediaPlayer::Setup& setup);
