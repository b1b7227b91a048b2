// Which sound output the kiosk plays on, from /proc/asound trees of real kinds of machines
// (tests/unit/data/asound) and from the bytes of ALSA's ELD control.
#include <catch2/catch.hpp>

#include "core/sound_outputs.h"

namespace {
const std::filesystem::path kSamples = ASOUND_SAMPLES_DIR;

std::vector<SoundOutput> outputs_of(const std::string& machine) {
  return sound_outputs(read_proc_asound(kSamples / machine));
}

std::vector<std::string> devices(const std::vector<SoundOutput>& outputs) {
  std::vector<std::string> d;
  for (const auto& o : outputs) d.push_back(o.device);
  return d;
}
}  // namespace

TEST_CASE("sound outputs: an Intel mini-PC with a TV on the second of three HDMI pins plays on that pin") {
  auto outputs = outputs_of("intel-hda");
  REQUIRE(devices(outputs) == std::vector<std::string>{"plughw:CARD=PCH,DEV=0", "hdmi:CARD=PCH,DEV=0",
                                                       "hdmi:CARD=PCH,DEV=1", "hdmi:CARD=PCH,DEV=2"});
  CHECK(outputs[0].kind == SoundOutput::Kind::Analog);
  CHECK(outputs[0].pcm_name == "ALC283 Analog");
  CHECK_FALSE(outputs[1].monitor);
  CHECK(outputs[2].kind == SoundOutput::Kind::Hdmi);
  CHECK(outputs[2].monitor);
  CHECK(outputs[2].monitor_name == "SAMSUNG");
  CHECK_FALSE(outputs[3].monitor);
  CHECK(choose_sound_output(outputs, "") == "hdmi:CARD=PCH,DEV=1");
  // The admin's choice wins while it is there; one that is gone (another machine's) falls back.
  CHECK(choose_sound_output(outputs, "plughw:CARD=PCH,DEV=0") == "plughw:CARD=PCH,DEV=0");
  CHECK(choose_sound_output(outputs, "default") == "default");
  CHECK(choose_sound_output(outputs, "hdmi:CARD=NVidia,DEV=2") == "hdmi:CARD=PCH,DEV=1");
}

TEST_CASE("sound outputs: a desktop's NVIDIA card with an LG TV on its third pin beats the onboard jack") {
  auto outputs = outputs_of("nvidia");
  REQUIRE(devices(outputs) == std::vector<std::string>{"plughw:CARD=PCH,DEV=0", "plughw:CARD=PCH,DEV=1",
                                                       "hdmi:CARD=NVidia,DEV=0", "hdmi:CARD=NVidia,DEV=1",
                                                       "hdmi:CARD=NVidia,DEV=2", "hdmi:CARD=NVidia,DEV=3"});
  CHECK(outputs[1].kind == SoundOutput::Kind::Other);  // S/PDIF
  CHECK(outputs[2].card_name == "HDA NVidia");
  CHECK(outputs[4].monitor_name == "LG TV SSCR2");
  CHECK(choose_sound_output(outputs, "") == "hdmi:CARD=NVidia,DEV=2");
}

TEST_CASE("sound outputs: a machine with only an analog jack plays on ALSA's default") {
  auto outputs = outputs_of("analog-only");
  REQUIRE(devices(outputs) == std::vector<std::string>{"plughw:CARD=Intel,DEV=0", "plughw:CARD=Intel,DEV=1"});
  CHECK(outputs[0].kind == SoundOutput::Kind::Analog);
  CHECK(choose_sound_output(outputs, "") == "default");
}

TEST_CASE("sound outputs: a Raspberry Pi's vc4hdmi cards are HDMI outputs, but /proc cannot tell which has the TV") {
  auto outputs = outputs_of("rpi-vc4");
  REQUIRE(devices(outputs) == std::vector<std::string>{"hdmi:CARD=vc4hdmi0,DEV=0", "hdmi:CARD=vc4hdmi1,DEV=0",
                                                       "plughw:CARD=Headphones,DEV=0"});
  CHECK(outputs[0].kind == SoundOutput::Kind::Hdmi);
  CHECK_FALSE(outputs[0].monitor);
  CHECK(outputs[2].kind == SoundOutput::Kind::Analog);
  CHECK(choose_sound_output(outputs, "") == "default");
  // libasound's ELD control does tell (core/alsa_playback.h): a TV on the second port.
  auto playback = read_proc_asound(kSamples / "rpi-vc4");
  std::vector<uint8_t> samsung = {0x10, 0x00, 0x08, 0x00, 0x47, 0x10, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 0,
                                  0x4c, 0x2d, 0x0b, 0x0f, 'S', 'A', 'M', 'S', 'U', 'N', 'G', 0x09, 0x07, 0x07, 0, 0};
  playback[0].eld = parse_eld_bytes(std::vector<uint8_t>(128, 0));  // hdmi-codec's buffer with nothing on
  playback[1].eld = parse_eld_bytes(samsung);
  outputs = sound_outputs(playback);
  CHECK_FALSE(outputs[0].monitor);
  CHECK(outputs[1].monitor_name == "SAMSUNG");
  CHECK(choose_sound_output(outputs, "") == "hdmi:CARD=vc4hdmi1,DEV=0");
}

TEST_CASE("sound outputs: ELD files and bytes") {
  Eld plugged_off = parse_eld_text("monitor_present\t\t1\neld_valid\t\t0\n");  // a TV in standby
  CHECK(plugged_off.monitor_present);
  CHECK_FALSE(plugged_off.valid);
  CHECK_FALSE(parse_eld_bytes({}).valid);
  std::vector<uint8_t> no_name = {0x10, 0, 0x05, 0, 0x00, 0x10, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0x4c, 0x2d, 0x0b, 0x0f, 0x09, 0x07, 0x07};
  Eld e = parse_eld_bytes(no_name);
  CHECK(e.valid);
  CHECK(e.monitor_name.empty());
  std::vector<uint8_t> cut_short = {0x10, 0, 0x08, 0, 0x4f, 0x10, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0x4c, 0x2d, 0x0b, 0x0f, 'L', 'G'};
  CHECK(parse_eld_bytes(cut_short).monitor_name == "LG");  // a name length past the end is cut there
  CHECK(read_proc_asound(kSamples / "no-such-machine").empty());
}
