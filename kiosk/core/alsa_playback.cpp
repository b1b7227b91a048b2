#include "core/alsa_playback.h"

#include <alsa/asoundlib.h>

#include <memory>

namespace {
using Control = std::unique_ptr<snd_ctl_t, decltype(&snd_ctl_close)>;

// The ELD control of PCM `device`, or nothing when the driver publishes none (not an HDMI/DP output).
std::optional<Eld> read_eld(snd_ctl_t* ctl, int device) {
  snd_ctl_elem_id_t* id;
  snd_ctl_elem_info_t* info;
  snd_ctl_elem_value_t* value;
  snd_ctl_elem_id_alloca(&id);
  snd_ctl_elem_info_alloca(&info);
  snd_ctl_elem_value_alloca(&value);
  snd_ctl_elem_id_set_interface(id, SND_CTL_ELEM_IFACE_PCM);
  snd_ctl_elem_id_set_name(id, "ELD");
  snd_ctl_elem_id_set_device(id, static_cast<unsigned>(device));
  snd_ctl_elem_info_set_id(info, id);
  if (snd_ctl_elem_info(ctl, info) < 0 || snd_ctl_elem_info_get_type(info) != SND_CTL_ELEM_TYPE_BYTES) return std::nullopt;
  snd_ctl_elem_value_set_id(value, id);
  if (snd_ctl_elem_read(ctl, value) < 0) return Eld{};
  const auto* bytes = static_cast<const uint8_t*>(snd_ctl_elem_value_get_bytes(value));
  return parse_eld_bytes({bytes, bytes + snd_ctl_elem_info_get_count(info)});
}
}  // namespace

std::vector<AlsaPlayback> read_alsa_playback() {
  std::vector<AlsaPlayback> found;
  for (int card = -1; snd_card_next(&card) == 0 && card >= 0;) {
    snd_ctl_t* opened = nullptr;
    if (snd_ctl_open(&opened, ("hw:" + std::to_string(card)).c_str(), 0) < 0) continue;
    Control ctl(opened, &snd_ctl_close);
    snd_ctl_card_info_t* card_info;
    snd_ctl_card_info_alloca(&card_info);
    if (snd_ctl_card_info(ctl.get(), card_info) < 0) continue;
    for (int device = -1; snd_ctl_pcm_next_device(ctl.get(), &device) == 0 && device >= 0;) {
      snd_pcm_info_t* pcm;
      snd_pcm_info_alloca(&pcm);
      snd_pcm_info_set_device(pcm, static_cast<unsigned>(device));
      snd_pcm_info_set_subdevice(pcm, 0);
      snd_pcm_info_set_stream(pcm, SND_PCM_STREAM_PLAYBACK);
      if (snd_ctl_pcm_info(ctl.get(), pcm) < 0) continue;  // a capture-only device
      AlsaPlayback p;
      p.card = card;
      p.card_id = snd_ctl_card_info_get_id(card_info);
      p.card_name = snd_ctl_card_info_get_name(card_info);
      p.device = device;
      p.pcm_name = snd_pcm_info_get_name(pcm);
      p.eld = read_eld(ctl.get(), device);
      found.push_back(p);
    }
  }
  return found;
}
