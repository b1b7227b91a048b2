#include "app/screens/admin_sound_video_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "app/screens/admin_widgets.h"
#include "core/i18n.h"
#include "core/text.h"

namespace {
constexpr double kRelistSeconds = 2;  // a TV switched on while the admin looks shows up
}  // namespace

void AdminSoundVideoPanel::start(double now) {
  list_outputs();
  listed_at_ = now;
  if (kiosk_.video_decoder.empty() && !probe_)
    probe_ = std::make_unique<DecoderProbe>(kiosk_.paths.assets / "probe" / "decoder-probe.mp4", kiosk_.wake_event,
                                            kiosk_.window);
}

void AdminSoundVideoPanel::list_outputs() {
  const auto outputs = kiosk_.sound_outputs();
  std::vector<Choice> choices;
  const std::string automatic = choose_sound_output(outputs, "");
  std::string automatic_label = kAlsaDefault;
  for (const auto& o : outputs)
    if (o.device == automatic) automatic_label = sound_output_label(o);
  choices.push_back({"", format(tr("Automatic (now: %s)"), automatic_label.c_str()), automatic});
  for (const auto& o : outputs) choices.push_back({o.device, sound_output_label(o), o.device});
  choices.push_back({kAlsaDefault, tr("The system's default (ALSA \"default\")"), kAlsaDefault});
  choices_ = std::move(choices);
}

void AdminSoundVideoPanel::update(Targets& targets) {
  section(tr("Sound output"));
  const float test_width = ImGui::CalcTextSize(tr("Test sound")).x + 2 * ImGui::GetStyle().FramePadding.x;
  for (const auto& c : choices_) {
    const std::string id = c.id.empty() ? "auto" : c.id;
    if (ImGui::RadioButton((c.label + "##" + id).c_str(), kiosk_.settings.sound_output == c.id)) choose(c);
    mark(targets, "admin:sound:" + id, c.label);
    ImGui::SameLine(ImGui::GetContentRegionMax().x - test_width);
    if (ImGui::Button((std::string(tr("Test sound")) + "##" + id).c_str())) test(c);
    mark(targets, "admin:sound-test:" + id, tr("Test sound"));
  }
  if (!status_.empty()) status_text(status_ok_, status_);

  section(tr("Video and graphics"));
  ImGui::TextWrapped("%s", decoder_text().c_str());
  mark(targets, "admin:video-decoder", decoder_text());  // what the admin reads, for the ui-tree
  const std::string renderer = format(tr("Graphics (OpenGL renderer): %s"), kiosk_.gl_renderer.c_str());
  ImGui::TextWrapped("%s", renderer.c_str());
  mark(targets, "admin:gl-renderer", renderer);
}

std::string AdminSoundVideoPanel::decoder_text() const {
  const std::string& d = kiosk_.video_decoder;
  if (d.empty()) return tr("Video decoding: finding out…");
  if (d == "no") return tr("Video decoding: in software (no hardware decoder works here)");
  if (d.rfind("error: ", 0) == 0) return format(tr("Video decoding: the test clip cannot be played: %s"), d.c_str() + 7);
  return format(tr("Video decoding: in hardware (%s)"), d.c_str());
}

void AdminSoundVideoPanel::choose(const Choice& choice) {
  kiosk_.settings.sound_output = choice.id;
  kiosk_.follow_sound_output();
  try {
    save_settings(kiosk_.data_dir, kiosk_.settings);
  } catch (const std::exception& e) {
    status_ok_ = false;
    status_ = format(tr("Settings cannot be saved: %s"), e.what());
    return;
  }
  status_ok_ = true;
  status_ = format(tr("Saved: sound plays on %s."), kiosk_.sound_output.c_str());
}

void AdminSoundVideoPanel::test(const Choice& choice) {
  try {
    if (!test_player_) test_player_ = MediaPlayer::create(MediaPlayer::Kind::Audio, kiosk_.wake_event, nullptr);
    test_player_->use_sound_output(choice.plays_on);
    test_player_->load(kiosk_.paths.assets / "sounds" / "cheer.wav");
    status_ok_ = true;
    status_ = format(tr("Playing a test sound on %s."), choice.plays_on.c_str());
  } catch (const std::exception& e) {
    status_ok_ = false;
    status_ = e.what();
  }
}

bool AdminSoundVideoPanel::tick(double now) {
  bool changed = false;
  if (test_player_) {
    test_player_->poll();
    if (!test_player_->error().empty() && status_ok_) {
      status_ok_ = false;
      status_ = format(tr("The test sound cannot play: %s"), test_player_->error().c_str());
      changed = true;
    }
  }
  if (now - listed_at_ >= kRelistSeconds) {
    listed_at_ = now;
    auto before = std::move(choices_);
    list_outputs();
    changed |= before != choices_;
  }
  if (probe_) {
    changed |= probe_->poll();
    if (probe_->done()) kiosk_.video_decoder = probe_->result();
  }
  return changed;
}

double AdminSoundVideoPanel::wake_in(double now) const { return std::max(0.0, listed_at_ + kRelistSeconds - now); }

void AdminSoundVideoPanel::render() {
  if (!probe_) return;
  probe_->render();
  if (probe_->done()) probe_.reset();
}
