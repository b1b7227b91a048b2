#pragma once
// A watch-and-talk video: plays full screen through mpv, pauses at each talk cue with the question
// large over the dimmed frame (and spoken), and gives the teacher controls that hide by themselves.
// The teacher can add questions from there (saved in DATA/added-cues.json) and remove them again.
#include <functional>
#include <memory>
#include <optional>

#include "app/media_player.h"
#include "app/narrator.h"
#include "app/notices.h"
#include "app/routes.h"
#include "app/screens/activity_services.h"
#include "app/screens/cue_chooser.h"
#include "app/ui_clock.h"
#include "app/widgets.h"
#include "core/activity.h"
#include "core/content_library.h"
#include "core/cue_tracker.h"

class VideoLessonScreen : public Screen {
 public:
  // `entry` (a video lesson) lives in `topic`. The teacher's questions are saved through `content`;
  // the video plays in `window`.
  VideoLessonScreen(Routes& routes, const ActivityServices& services, ContentLibrary& content, Notices& notices,
                    SDL_Window* window, std::shared_ptr<const Topic> topic, const Entry& entry);
  std::string name() const override { return "lesson"; }
  // The first time: starts the activity and opens the video.
  void enter(double now) override;
  void leave() override;
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
  void show_controls() { controls_until_ = ui_now() + kControlsSeconds; }
  bool controls_visible() const { return phase_ == Phase::Playing && (player_->paused() || ui_now() < controls_until_); }
  void toggle_pause();
  void seek(double seconds);
  void continue_from_cue();
  std::string details() const;
  void open_chooser();
  void add_cue(const LocalText& question);
  void remove_cue();
  // Runs `change` (a ContentLibrary call that saves the added cues) and takes on the new cues; false
  // (and a notice) when added-cues.json cannot be written.
  bool change_cues(const std::function<void()>& change);
  void retrack();  // after the cues changed
  void fail(std::string why);  // the error card, stderr and the journal say why it cannot play
  void confirm(std::string text);

  static constexpr double kControlsSeconds = 4, kConfirmSeconds = 2.5, kSeekStepSeconds = 10;
  Routes& routes_;
  const Icons& icons_;
  ContentLibrary& content_;
  Notices& notices_;
  SDL_Window* window_;
  uint32_t wake_event_;
  std::shared_ptr<const Topic> topic_;
  const std::string ref_;  // "topic/lesson", in the journal and added-cues.json
  std::shared_ptr<const VideoLesson> lesson_;  // the latest, with the cues added or removed here
  std::unique_ptr<MediaPlayer> player_;
  Narrator narrator_;
  CueTracker cues_;
  Phase phase_ = Phase::Playing;
  size_t cue_ = 0;             // the cue shown while AtCue
  bool confirm_remove_ = false;  // "remove this question?" asked on the cue card
  double controls_until_ = 0;
  std::optional<double> drag_;  // seek-bar position (seconds) while the teacher drags it
  std::string error_;
  bool frame_due_ = false;
  Rect bar_, controls_panel_, add_cue_, remove_cue_, remove_yes_, remove_no_;
  std::vector<Button> buttons_;  // laid out by update(), drawn by draw()
  std::optional<CueChooser> chooser_;
  double add_at_ = 0;            // where the chooser's question goes
  std::string confirmation_;
  double confirm_until_ = 0;
  Activity activity_;  // last: its destructor asks details() of the player and the cues
};
