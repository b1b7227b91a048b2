#include "app/narrator.h"

#include <cstdio>

void Narrator::say(const std::filesystem::path& clip) {
  if (!player_ && !failed_) {
    try {
      player_ = MediaPlayer::create(MediaPlayer::Kind::Audio, wake_event_, nullptr);
      player_->set_volume(volume_);
    } catch (const std::exception& e) {
      failed_ = true;
      std::fprintf(stderr, "kiosk: narration unavailable: %s\n", e.what());
    }
  }
  if (!player_) return;
  player_->load(clip);
  speaking_ = true;
}

void Narrator::stop() {
  if (player_) player_->stop();
  speaking_ = false;
}

void Narrator::set_volume(int percent) {
  volume_ = percent;
  if (player_) player_->set_volume(percent);
}

bool Narrator::poll() { return player_ && player_->poll(); }
