#pragma once
// Finds out whether this machine decodes video in hardware: plays the short H.264 clip the kiosk
// ships (assets/probe/decoder-probe.mp4, built by assets/_build/build-probe-clip.sh) through an
// ordinary video MediaPlayer (hwdec=auto-safe, as every lesson), unseen, into a small offscreen
// framebuffer, and reads mpv's hwdec-current once the clip has played out.
//
// Threading and GL: UI thread only. poll() after mpv's wake events; render() with the window's GL
// context current (Screen::render_below); destroy it while that context is alive.
#define GL_GLEXT_PROTOTYPES
#include <SDL_opengl.h>

#include <filesystem>
#include <memory>
#include <string>

#include "app/media_player.h"

class DecoderProbe {
 public:
  DecoderProbe(const std::filesystem::path& clip, uint32_t wake_event, SDL_Window* window);
  ~DecoderProbe();
  DecoderProbe(const DecoderProbe&) = delete;
  DecoderProbe& operator=(const DecoderProbe&) = delete;

  // True when a frame is due (call render()).
  bool poll();
  // Draws mpv's frame into the offscreen framebuffer; the default framebuffer is bound again after.
  void render();
  bool done() const { return !result_.empty(); }
  // mpv's hwdec-current ("vaapi", "no"...) once done, or "error: ..." when the clip did not play.
  const std::string& result() const { return result_; }

 private:
  static constexpr int kSize = 64;
  GLuint texture_ = 0, framebuffer_ = 0;
  std::unique_ptr<MediaPlayer> player_;
  bool frame_due_ = false;
  std::string result_;
};
