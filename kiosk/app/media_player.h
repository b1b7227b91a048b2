#pragma once
// A libmpv player inside the kiosk's own window: video through mpv's render API into the current
// OpenGL context, or sound only (narration). Modelled on the contract of mpv's render.h:
//
// Threading: mpv's wakeup and update callbacks run on mpv's threads and only post `wake_event` to
// SDL's queue. Every call below is made on the main thread: poll() after a wake event, render()
// while drawing a frame with the GL context current.
// Lifetime: a video player must be destroyed while its GL context is still alive.
#include <SDL.h>

#include <filesystem>
#include <string>

struct mpv_handle;
struct mpv_render_context;

class MediaPlayer {
 public:
  enum class Kind { Video, Audio };
  MediaPlayer(Kind kind, uint32_t wake_event, SDL_Window* window);
  ~MediaPlayer();
  MediaPlayer(const MediaPlayer&) = delete;
  MediaPlayer& operator=(const MediaPlayer&) = delete;

  void load(const std::filesystem::path& file);
  void stop();
  void set_paused(bool paused);
  void seek_to(double seconds);
  // 0-100 % of the admin's volume limit.
  void set_volume(int percent);
  // The admin's limit (percent of mpv's full volume) for players made from now on.
  static void set_volume_limit(int percent) { volume_limit_ = percent; }
  // The sound output (an ALSA device, core/sound_outputs.h) for players made from now on, and for
  // this one from now on (the admin's test sound on each output).
  static void set_sound_output(const std::string& alsa_device) { sound_output_ = alsa_device; }
  void use_sound_output(const std::string& alsa_device);

  // Handles what mpv reported since the last call; true when anything on screen may change.
  bool poll();
  // True when mpv has a new video frame to draw.
  bool frame_ready();
  // Draws the current video frame over the whole framebuffer `fbo` (width x height pixels).
  void render(int width, int height, int fbo = 0);
  // mpv's hwdec-current: the hardware decoder in use ("vaapi", "nvdec"...), or "no" for software;
  // known once a frame was decoded.
  std::string hwdec_current() const;

  double position() const { return position_; }
  double duration() const { return duration_; }
  bool paused() const { return paused_; }
  bool ended() const { return ended_; }    // reached the end and stays on the last frame
  bool showed_frame() const { return showed_frame_; }  // a video frame came since load(): a file cut short may have none
  int volume() const { return volume_; }
  const std::string& error() const { return error_; }  // why the file cannot be played

 private:
  void log_sound_output();

  mpv_handle* mpv_ = nullptr;
  mpv_render_context* render_ = nullptr;
  uint32_t wake_event_;
  double position_ = 0, duration_ = 0;
  bool paused_ = false, ended_ = false, showed_frame_ = false;
  int volume_ = 100;
  static int volume_limit_;
  static std::string sound_output_;
  std::string error_;
};
