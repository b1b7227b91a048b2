#pragma once
// Hands the kiosk's SDL input to Dear ImGui. It exists only because of Dear ImGui 1.86 (Debian 12's
// libimgui-dev), whose input handling the kiosk's widget screens (admin) have to work around:
//  1. 1.86 reads input as it stands at the start of a frame: a touch, which moves the pointer and
//     presses in the same instant, misses its widget, and a press and release within one frame are
//     lost. So a widget screen gets the input in order, at most one press or release a frame and
//     never in the frame the pointer moved, and three frames follow (the press, the release, what
//     the click opened). The kiosk's own screens act on every event at once (App::handle), and
//     ImGui gets their input at once too: a hover there must not cost a frame.
//  2. 1.86's SDL backend asks X where the pointer is, which lags behind (or misses, without window
//     focus) the events the kiosk acts on: ImGui takes the pointer from those events instead.
//  3. 1.86 presses the focused widget only with Space (ImGuiNavInput_Activate): Enter, which is a
//     TV remote's OK, does it here.
// On ImGui 1.87 or later, whose backend queues input as it comes (io.AddMouseButtonEvent,
// io.AddMousePosEvent, io.AddKeyEvent) and spreads a press and a release over frames itself
// (io.ConfigInputTrickleEventQueue), delete 1 and 2: the queue, feed(), the MousePos override, and
// pass every event to ImGui_ImplSDL2_ProcessEvent at once; keep asking for a frame or two after
// widget input so that the trickled events are seen. Delete 3 if that version activates the focused
// widget with Enter (else map Enter to ImGuiKey_Space there); with all three gone, delete the class.
//
// UI thread only, inside the App's one ImGui context, between ImGui_ImplSDL2_Init and Shutdown.
#include <SDL.h>
#include <imgui.h>

#include <deque>
#include <optional>

class ImGuiInputBridge {
 public:
  // Every SDL event. Input events are queued for ImGui (and fed at once on a screen without
  // widgets); window and other events go to the backend at once.
  void handle(const SDL_Event& e);
  // A key the kiosk got: on a widget screen, Enter or a remote's OK presses ImGui's focused widget.
  void key(SDL_Keycode key);
  // In each frame, before the backends' NewFrame (which reads the buttons it was given): `widgets`
  // is the top screen's Screen::uses_widgets(); widgets that have just come on screen get the
  // frames in which the tap that opened them ends.
  void before_new_frame(bool widgets);
  // After the backends' NewFrame, before ImGui::NewFrame.
  void after_backend_new_frame();
  // After the frame has been drawn.
  void frame_drawn();
  // The screen of the last frame is made of ImGui widgets: ImGui shows its own focus.
  bool widgets() const { return widgets_; }
  // ImGui has input still to see, or frames are owed to it: the loop draws another frame at once.
  bool wants_frame() const { return !queue_.empty() || frames_owed_ > 0 || activate_; }

 private:
  void feed();
  static constexpr int kFramesAfterInput = 3;

  bool widgets_ = false;
  std::deque<SDL_Event> queue_;    // input ImGui has yet to see, fed to it frame by frame
  std::optional<ImVec2> pointer_;  // where ImGui sees the pointer, in window pixels
  int frames_owed_ = 0;
  bool activate_ = false;  // Enter on a widget screen: ImGui presses its focused widget next frame
};
