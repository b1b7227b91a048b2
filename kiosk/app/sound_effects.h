#pragma once
// Short sound effects (right, wrong, cheer) decoded once into memory and queued straight to an SDL
// audio device with a small buffer, so they follow a tap with no noticeable delay (mpv, used for
// narration, takes longer to start a file). No sound device: the kiosk stays silent, says so once.
#include <SDL.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

class SoundEffects {
 public:
  // `alsa_device`: the sound output (core/sound_outputs.h), for SDL's ALSA driver.
  SoundEffects(const std::filesystem::path& sounds_dir, const std::string& alsa_device);
  ~SoundEffects();
  SoundEffects(const SoundEffects&) = delete;
  SoundEffects& operator=(const SoundEffects&) = delete;
  // Plays `name` (a file NAME.wav of the sounds folder), cutting off the one playing.
  void play(const std::string& name);
  // The admin's volume limit, in percent.
  void set_volume_limit(int percent) { volume_limit_ = percent; }
  // Reopens the device on another sound output.
  void set_sound_output(const std::string& alsa_device);

 private:
  void open_device();

  std::string alsa_device_;
  SDL_AudioDeviceID device_ = 0;
  SDL_AudioSpec spec_{};
  int volume_limit_ = 100;
  std::map<std::string, std::vector<Uint8>> sounds_;  // in the device's format
};
