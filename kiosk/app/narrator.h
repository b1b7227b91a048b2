#pragma once
// Plays narration clips (a question, a story page) through an audio-only mpv player that is made
// on the first clip, so screens without narration never pay for it. A player that cannot be made
// is reported once on stderr; the screen goes on silently.
#include <filesystem>
#include <memory>

#include "app/media_player.h"

class Narrator {
 public:
  explicit Narrator(uint32_t wake_event) : wake_event_(wake_event) {}
  void say(const std::filesystem::path& clip);
  void stop();
  void set_volume(int percent);
  bool poll();  // as MediaPlayer::poll
  // True once the last clip has played out (or could not play); false while it plays.
  bool done() const { return !player_ || player_->ended() || !player_->error().empty() || !speaking_; }

 private:
  uint32_t wake_event_;
  std::unique_ptr<MediaPlayer> player_;
  bool failed_ = false, speaking_ = false;
  int volume_ = 100;
};
