#include "app/kiosk.h"

#include "core/clock.h"

#include <cstdio>

#include "app/media_player.h"
#include "core/alsa_playback.h"
#include "core/i18n.h"
#include "core/text.h"

void Kiosk::check_clock() {
  clock_problem = ::clock_problem(unix_now(), journal ? journal->latest_session_start() : 0);
  if (!clock_problem.empty()) std::fprintf(stderr, "kiosk: %s\n", clock_problem.c_str());
}

void Kiosk::load_content() {
  for (const auto& warning : content->reload()) std::fprintf(stderr, "kiosk: %s\n", warning.c_str());
}

void Kiosk::apply_settings() {
  if (!settings.language.empty() && settings.language != ui_language()) init_i18n(paths.locale.string(), settings.language);
  MediaPlayer::set_volume_limit(settings.volume_limit);
  if (sounds) sounds->set_volume_limit(settings.volume_limit);
  follow_sound_output();
}

std::vector<SoundOutput> Kiosk::sound_outputs() const {
  return ::sound_outputs(asound_root.empty() ? read_alsa_playback() : read_proc_asound(asound_root));
}

void Kiosk::follow_sound_output() {
  std::string device = choose_sound_output(sound_outputs(), settings.sound_output);
  if (device == sound_output) return;
  sound_output = device;
  std::fprintf(stderr, "kiosk: sound output: %s\n", device.c_str());
  MediaPlayer::set_sound_output(device);
  if (sounds) sounds->set_sound_output(device);
}

void Kiosk::save_settings_or_warn() {
  try {
    save_settings(data_dir, settings);
  } catch (const std::exception& e) {
    notices.notify(format(tr("Settings cannot be saved: %s"), e.what()));
  }
}
