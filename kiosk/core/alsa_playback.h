#pragma once
// The playback devices of this machine's sound cards, asked of libasound's control interface: each
// card's id and name, each playback PCM device's name, and the ELD that HDMI/DP drivers publish as
// the control "ELD" (interface PCM) of that very PCM device, so no guessing pairs an ELD with its
// output (the /proc files do not say which PCM an ELD belongs to; ASoC drivers have none).
// Cards that cannot be opened are left out. No sound card (or no /dev/snd): nothing. Any thread;
// each call opens and closes the cards' control devices (about a millisecond).
#include <vector>

#include "core/sound_outputs.h"

std::vector<AlsaPlayback> read_alsa_playback();
