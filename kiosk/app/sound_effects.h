#pragma once
// Short sound effects (right, wrong, cheer) decoded once into memory and queued straight to an SDL
// audio device with a small buffer, so they follow a tap with no noticeable delay (mpv, used for
// narration, takes longer to start a file). No sound device: the kiosk stays silent, says so once.
//
// The device is open only between open() and close(), which the screens that play effects call
// as they are shown and left: an open SDL audio device has a thread that wakes about 90 times a
// second even in silence (pausing it does not stop that), and SDL's ALSA backend adds a hotplug
// thread polling 10 times a second, so the audio subsystem is shut down with the device. The files
// are decoded at the first open(), after the kiosk's first frame.
// Threads: the UI thread only.
#include <SDL.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/sound_outputs.h"

class SoundEffects {
 public:
  // Plays on ALSA's default until set_sound_output().
  explicit SoundEffects(std::filesystem::path sounds_dir) : sounds_dir_(std::move(sounds_dir)) {}
  ~SoundEffects() { close(); }
  SoundEffects(const SoundEffects&) = delete;
  SoundEffects& operator=(const SoundEffects&) = delete;
  // Opens the device (nothing when it is open already or cannot be opened).
  void open();
  void close();
  // Plays `name` (a file NAME.wav of the sounds folder), cutting off the one playing; nothing while
  // the device is closed.
  void play(const std::string& name);
  // The admin's volume limit, in percent.
  void set_volume_limit(int percent) { volume_limit_ = percent; }
  // The sound output to play on (core/sound_outputs.h), for SDL's ALSA driver; an open device is
  // reopened there.
  void set_sound_output(const std::string& alsa_device);

 private:
  void decode();

  std::filesystem::path sounds_dir_;
  std::string alsa_device_ = kAlsaDefault;
  SDL_AudioDeviceID device_ = 0;
  bool decoded_ = false, said_no_device_ = false;
  int volume_limit_ = 100;
  std::map<std::string, std::vector<Uint8>> sounds_;  // in the device's format (device_spec())
};
