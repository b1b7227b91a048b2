#pragma once
// The machine's sound outputs as ALSA sees them, and the one the kiosk plays videos, narration and
// sound effects on. With no sound server, ALSA's "default" is often the mini-PC's analog jack while
// the class listens to the TV on HDMI: "automatic" picks the HDMI/DisplayPort output whose ELD
// (EDID-Like Data, which the graphics driver passes to the sound driver) says a monitor is there.
//
// Where the facts come from: read_alsa_playback() (core/alsa_playback.h) asks libasound on the real
// machine; read_proc_asound() reads a /proc/asound tree (tests give a fake one with --asound-root).
// Everything here is plain data and pure functions; no thread or lifetime rules.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

// What the ELD of an HDMI/DP output says about the screen on it.
struct Eld {
  bool monitor_present = false;  // something is plugged in (hot-plug detect)
  bool valid = false;            // and its ELD was read: a TV or monitor that is on and takes sound
  std::string monitor_name;      // from the monitor's EDID, e.g. "SAMSUNG"; may be empty
};
// A /proc/asound/cardN/eld#C.P file (HDA drivers: Intel, AMD, NVIDIA).
Eld parse_eld_text(const std::string& text);
// The bytes of ALSA's "ELD" control (HDA and ASoC's hdmi-codec, e.g. a Raspberry Pi's vc4hdmi):
// empty, or all zero, when no monitor is on.
Eld parse_eld_bytes(const std::vector<uint8_t>& bytes);

// One playback PCM device of one card.
struct AlsaPlayback {
  int card = 0;
  std::string card_id;    // "PCH", "NVidia", "vc4hdmi0": stable across boots, names the device
  std::string card_name;  // "HDA Intel PCH"
  int device = 0;
  std::string pcm_name;   // "HDMI 0", "ALC892 Analog", "MAI PCM i2s-hifi-0"
  std::optional<Eld> eld; // known for HDMI/DP outputs whose driver reports an ELD
};
// The playback devices in a /proc/asound tree (`root`), in card and device order; an HDMI PCM
// gets the ELD of the pin with its HDMI index (HDMI 0 <- eld#C.0, HDMI 1 <- eld#C.1...), which is
// how HDA drivers pair them when no DisplayPort MST is in use. No tree: nothing.
std::vector<AlsaPlayback> read_proc_asound(const std::filesystem::path& root);

struct SoundOutput {
  enum class Kind { Hdmi, Analog, Other };
  Kind kind = Kind::Other;
  std::string device;        // the ALSA PCM to open: "hdmi:CARD=PCH,DEV=1", "plughw:CARD=PCH,DEV=0"
  bool monitor = false;      // an HDMI/DP output with a TV or monitor on it
  std::string monitor_name;  // when `monitor`, if the EDID has one
  std::string card_name, pcm_name;
};
// Every playback device as an output. HDMI/DP outputs open through ALSA's "hdmi" PCM (its DEV is the
// HDMI index on the card, and it sets what HDMI needs, e.g. IEC958 framing on vc4), the others through
// "plughw", which converts any format the card does not take.
std::vector<SoundOutput> sound_outputs(const std::vector<AlsaPlayback>& playback);

constexpr const char* kAlsaDefault = "default";
// The ALSA device to play on: the admin's `choice` (an output's device, or "default") when it is
// still there; else, and for "" (automatic), the first HDMI/DP output with a monitor, else ALSA's
// default.
std::string choose_sound_output(const std::vector<SoundOutput>& outputs, const std::string& choice);
// How the admin screen names an output, translated: "HDMI – SAMSUNG (đang nối TV)",
// "Loa/tai nghe (analog)"...
std::string sound_output_label(const SoundOutput& output);
