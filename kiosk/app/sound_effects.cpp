#include "app/sound_effects.h"

#include <cstdio>
#include <cstdlib>

namespace {
SDL_AudioSpec wanted() {
  SDL_AudioSpec want{};
  want.freq = 44100;
  want.format = AUDIO_S16SYS;
  want.channels = 2;
  want.samples = 512;  // about 12 ms: the delay a tap hears
  return want;
}
}  // namespace

SoundEffects::SoundEffects(const std::filesystem::path& sounds_dir, const std::string& alsa_device)
    : alsa_device_(alsa_device), spec_(wanted()) {
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
    std::fprintf(stderr, "kiosk: no sound effects: %s\n", SDL_GetError());
    return;
  }
  open_device();
  std::error_code ec;
  for (const auto& file : std::filesystem::directory_iterator(sounds_dir, ec)) {
    if (file.path().extension() != ".wav") continue;
    SDL_AudioSpec wav;
    Uint8* data = nullptr;
    Uint32 length = 0;
    if (!SDL_LoadWAV(file.path().c_str(), &wav, &data, &length)) {
      std::fprintf(stderr, "kiosk: cannot load %s: %s\n", file.path().c_str(), SDL_GetError());
      continue;
    }
    SDL_AudioCVT cvt;
    SDL_BuildAudioCVT(&cvt, wav.format, wav.channels, wav.freq, spec_.format, spec_.channels, spec_.freq);
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

// SDL's ALSA driver opens the PCM named by AUDIODEV (SDL_OpenAudioDevice takes only the names it
// listed itself). The spec is exact (no changes allowed), so the decoded sounds fit any device.
void SoundEffects::open_device() {
  setenv("AUDIODEV", alsa_device_.c_str(), 1);
  const SDL_AudioSpec want = wanted();
  device_ = SDL_OpenAudioDevice(nullptr, 0, &want, &spec_, 0);
  if (!device_) {
    std::fprintf(stderr, "kiosk: no sound effects on %s: %s\n", alsa_device_.c_str(), SDL_GetError());
    return;
  }
  std::fprintf(stderr, "kiosk: sound effects on %s (SDL audio driver %s)\n", alsa_device_.c_str(), SDL_GetCurrentAudioDriver());
  SDL_PauseAudioDevice(device_, 0);
}

void SoundEffects::set_sound_output(const std::string& alsa_device) {
  if (alsa_device == alsa_device_ || !SDL_WasInit(SDL_INIT_AUDIO)) return;
  alsa_device_ = alsa_device;
  if (device_) SDL_CloseAudioDevice(device_);
  open_device();
}

SoundEffects::~SoundEffects() {
  if (device_) SDL_CloseAudioDevice(device_);
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
  std::vector<Uint8> quieter(samples.size(), spec_.silence);
  SDL_MixAudioFormat(quieter.data(), samples.data(), spec_.format, static_cast<Uint32>(samples.size()),
                     SDL_MIX_MAXVOLUME * volume_limit_ / 100);
  SDL_QueueAudio(device_, quieter.data(), static_cast<Uint32>(quieter.size()));
}
