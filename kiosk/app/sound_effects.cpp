#include "app/sound_effects.h"

#include <cstdio>

SoundEffects::SoundEffects(const std::filesystem::path& sounds_dir) {
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
    std::fprintf(stderr, "kiosk: no sound effects: %s\n", SDL_GetError());
    return;
  }
  SDL_AudioSpec want{};
  want.freq = 44100;
  want.format = AUDIO_S16SYS;
  want.channels = 2;
  want.samples = 512;  // about 12 ms: the delay a tap hears
  device_ = SDL_OpenAudioDevice(nullptr, 0, &want, &spec_, 0);
  if (!device_) {
    std::fprintf(stderr, "kiosk: no sound effects: %s\n", SDL_GetError());
    return;
  }
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
  SDL_PauseAudioDevice(device_, 0);
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
