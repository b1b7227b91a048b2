#include "app/decoder_probe.h"

#include <cstdio>

DecoderProbe::DecoderProbe(const std::filesystem::path& clip, uint32_t wake_event, SDL_Window* window) {
  glGenTextures(1, &texture_);
  glBindTexture(GL_TEXTURE_2D, texture_);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, kSize, kSize, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  glBindTexture(GL_TEXTURE_2D, 0);
  glGenFramebuffers(1, &framebuffer_);
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_, 0);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  try {
    player_ = MediaPlayer::create(MediaPlayer::Kind::Video, wake_event, window);
    player_->set_volume(0);  // unseen and unheard
    player_->load(clip);
  } catch (const std::exception& e) {
    result_ = std::string("error: ") + e.what();
  }
}

DecoderProbe::~DecoderProbe() {
  player_.reset();  // before the framebuffer it draws into
  glDeleteFramebuffers(1, &framebuffer_);
  glDeleteTextures(1, &texture_);
}

bool DecoderProbe::poll() {
  if (!player_ || done()) return false;
  player_->poll();
  frame_due_ |= player_->frame_ready();
  if (!player_->error().empty()) {
    result_ = "error: " + player_->error();
  } else if (player_->ended() && player_->showed_frame()) {
    const std::string hwdec = player_->hwdec_current();
    result_ = hwdec.empty() ? "no" : hwdec;
  }
  if (done()) std::fprintf(stderr, "kiosk: video decoding on this machine (hwdec-current): %s\n", result_.c_str());
  return frame_due_ || done();
}

void DecoderProbe::render() {
  if (!frame_due_ || !player_) return;
  frame_due_ = false;
  player_->render(kSize, kSize, static_cast<int>(framebuffer_));
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}
