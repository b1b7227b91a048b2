#include "app/sound_effects.h"

#include <cstdio>
#include <cstdlib>
#include <utility>

namespace {
// The device's format: with no changes allowed, SDL converts to it whatever the hardware takes, so
// the sounds are decoded into it before any device is open.
SDL_AudioSpec device_spec() {
  SDL_AudioSpec spec{};
  spec.freq = 44100;
  spec.format = AUDIO_S16SYS;
  spec.channels = 2;
  spec.samples = 512;  // about 12 ms: the delay a tap hears
  spec.silence = 0;
  return spec;
}
}  // namespace

void SoundEffects::open() {
  if (device_) return;
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
    if (!std::exchange(said_no_device_, true)) std::fprintf(stderr, "kiosk: no sound effects: %s\n", SDL_GetError());
    return;
  }
  // SDL's ALSA driver opens the PCM named by AUDIODEV (SDL_OpenAudioDevice takes only the names it
  // listed itself).
  setenv("AUDIODEV", alsa_device_.c_str(), 1);
  const SDL_AudioSpec want = device_spec();
  SDL_AudioSpec got;
  device_ = SDL_OpenAudioDevice(nullptr, 0, &want, &got, 0);
  if (!device_) {
    if (!std::exchange(said_no_device_, true))
      std::fprintf(stderr, "kiosk: no sound effects on %s: %s\n", alsa_device_.c_str(), SDL_GetError());
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    return;
  }
  std::fprintf(stderr, "kiosk: sound effects on %s (SDL audio driver %s)\n", alsa_device_.c_str(), SDL_GetCurrentAudioDriver());
  decode();
  SDL_PauseAudioDevice(device_, 0);
}

void SoundEffects::close() {
  if (!device_) return;
  SDL_CloseAudioDevice(device_);
  SDL_QuitSubSystem(SDL_INIT_AUDIO);
  device_ = 0;
}

void SoundEffects::decode() {
  if (std::exchange(decoded_, true)) return;
  const SDL_AudioSpec spec = device_spec();
  std::error_code ec;
  for (const auto& file : std::filesystem::directory_iterator(sounds_dir_, ec)) {
    if (file.path().extension() != ".wav") continue;
    SDL_AudioSpec wav;
    Uint8* data = nullptr;
    Uint32 length = 0;
    if (!SDL_LoadWAV(file.path().c_str(), &wav, &data, &length)) {
      std::fprintf(stderr, "kiosk: cannot load %s: %s\n", file.path().c_str(), SDL_GetError());
      continue;
    }
    SDL_AudioCVT cvt;
    SDL_BuildAudioCVT(&cvt, wav.format, wav.channels, wav.freq, spec.format, spec.channels, spec.freq);
    std::vector<Uint8> buffer(static_cast<size_t>(length) * std::max(1, cvt.len_mult));
    std::copy(data, data + length, buffer.begin());
    SDL_FreeWAV(data);
    cvt.buf = buffer.data();
    cvt.len = static_cast<int>(length);
    if (cvt.needed) SDL_ConvertAudio(&cvt);
    buffer.resize(static_cast<size_t>(cvt.needed ? cvt.len_cvt : cvt.len));
    sounds_[file.path().stem().string()] = std::move(buffer);
  }
}

void SoundEffects::set_sound_output(const std::string& alsa_device) {
  if (alsa_device == alsa_device_) return;
  alsa_device_ = alsa_device;
  said_no_device_ = false;
  if (!device_) return;
  close();
  open();
}

void SoundEffects::play(const std::string& name) {
  auto it = sounds_.find(name);
  if (!device_ || it == sounds_.end()) return;
  SDL_ClearQueuedAudio(device_);
  const auto& samples = it->second;
  if (volume_limit_ >= 100) {
    SDL_QueueAudio(device_, samples.data(), static_cast<Uint32>(samples.size()));
    return;
  }
  const SDL_AudioSpec spec = device_spec();
  std::vector<Uint8> quieter(samples.size(), spec.silence);
  SDL_MixAudioFormat(quieter.data(), samples.data(), spec.format, static_cast<Uint32>(samples.size()),
                     SDL_MIX_MAXVOLUME * volume_limit_ / 100);
  SDL_QueueAudio(device_, quieter.data(), static_cast<Uint32>(quieter.size()));
}
