#pragma once
// A watch-and-talk video: plays full screen through mpv, pauses at each talk cue with the question
// large over the dimmed frame (and spoken), and gives the teacher controls that hide by themselves.
// The teacher can add questions from there (saved in DATA/added-cues.json) and remove them again.
#include <memory>
#include <optional>

#include "app/kiosk.h"
#include "app/media_player.h"
#include "app/narrator.h"
#include "app/screens/cue_chooser.h"
#include "app/widgets.h"
#include "core/added_cues.h"
#include "core/cue_tracker.h"
#include "core/lessons.h"

class VideoLessonScreen : public Screen {
 public:
  VideoLessonScreen(Kiosk& kiosk, const Topic& topic, const Entry& entry, VideoLesson lesson);
  ~VideoLessonScreen() override;
  std::string name() const override { return "lesson"; }
  void update(const Canvas& canvas, Targets& targets, double now) override;
  void draw(const Canvas& canvas, double now) const override;
  void activate(const std::string& id) override;
  void back() override;
  bool animating(double now) const override;
  bool tick(double now) override;
  void render_below(int width_px, int height_px) override;
  bool key(int sdl_keycode) override;
  bool pointer(Pointer phase, float x, float y) override;
  bool adjust(const std::string& id, int step) override;

 private:
  enum class Phase { Playing, AtCue, Ended, Failed };
  void show_controls() { controls_until_ = kiosk_.now() + kControlsSeconds; }
  bool controls_visible() const { return phase_ == Phase::Playing && (player_->paused() || kiosk_.now() < controls_until_); }
  void toggle_pause();
  void seek(double seconds);
  void continue_from_cue();
  void record(const char* status);  // ends the journal activity with `status`
  void leave();
  std::string details() const;
  void open_chooser();
  void add_cue(const LocalText& question);
  void remove_cue();
  // The cue's place among the added cues of this lesson; none for the pack's own.
  std::optional<size_t> added_index(const Cue& cue) const;
  bool save(AddedCues cues);  // false (and a notice) when DATA/added-cues.json cannot be written
  void retrack();             // after the cues changed
  void confirm(std::string text);

  static constexpr double kControlsSeconds = 4, kConfirmSeconds = 2.5, kSeekStepSeconds = 10;
  Kiosk& kiosk_;
  const Topic& topic_;
  const std::string ref_;  // "topic/lesson", in the journal and added-cues.json
  VideoLesson lesson_;
  std::unique_ptr<MediaPlayer> player_;
  Narrator narrator_;
  CueTracker cues_;
  Phase phase_ = Phase::Playing;
  size_t cue_ = 0;             // the cue shown while AtCue
  bool confirm_remove_ = false;  // "remove this question?" asked on the cue card
  double controls_until_ = 0;
  std::optional<double> drag_;  // seek-bar position (seconds) while the teacher drags it
  std::string activity_, error_;
  bool frame_due_ = false;
  Rect bar_, controls_panel_, add_cue_, remove_cue_, remove_yes_, remove_no_;
  std::vector<Button> buttons_;  // laid out by update(), drawn by draw()
  AddedCues added_;              // all of DATA/added-cues.json, rewritten on each change
  std::optional<CueChooser> chooser_;
  double add_at_ = 0;            // where the chooser's question goes
  std::string confirmation_;
  double confirm_until_ = 0;
};
