#pragma once
#include <memory>
#include <string>
#include <vector>

#include "app/decoder_probe.h"
#include "app/kiosk.h"
#include "app/media_player.h"

// The admin's "Sound and picture" tab: the machine's sound outputs (a choice, kept at once, and a
// test sound on each), how video is decoded here and the OpenGL renderer, so that a school knows
// why the TV is silent or a video stutters. The decoder is found out once per run, when admin mode
// first opens (app/decoder_probe.h), never before the home screen.
// UI thread; render() with the GL context current (Screen::render_below).
class AdminSoundVideoPanel {
 public:
  explicit AdminSoundVideoPanel(Kiosk& kiosk) : kiosk_(kiosk) {}
  // Admin mode opened: lists the outputs, starts the decoder probe unless its answer is known.
  void start(double now);
  void update(Targets& targets);
  // True when something shown changed (the outputs, the probe's answer) or the probe has a frame due.
  bool tick(double now);
  double wake_in(double now) const;  // the next look at the outputs
  void render();

 private:
  struct Choice {
    std::string id;       // "" automatic, "default", or an output's ALSA device (Settings::sound_output)
    std::string label;
    std::string plays_on; // the ALSA device it plays on now
    bool operator==(const Choice&) const = default;
  };
  void list_outputs();
  void choose(const Choice& choice);
  void test(const Choice& choice);
  std::string decoder_text() const;

  Kiosk& kiosk_;
  std::vector<Choice> choices_;
  double listed_at_ = 0;
  std::unique_ptr<DecoderProbe> probe_;
  std::unique_ptr<MediaPlayer> test_player_;
  std::string status_;
  bool status_ok_ = true;
};
