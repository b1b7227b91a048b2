#include "app/imgui_input_bridge.h"

#include <imgui_impl_sdl.h>

#include <algorithm>

void ImGuiInputBridge::handle(const SDL_Event& e) {
  switch (e.type) {
    case SDL_MOUSEMOTION:
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
    case SDL_MOUSEWHEEL:
    case SDL_KEYDOWN:
    case SDL_KEYUP:
    case SDL_TEXTINPUT:
      queue_.push_back(e);
      if (!widgets_) feed();
      break;
    default:
      ImGui_ImplSDL2_ProcessEvent(&e);
  }
}

void ImGuiInputBridge::key(SDL_Keycode key) {
  if (widgets_ && (key == SDLK_RETURN || key == SDLK_KP_ENTER || key == SDLK_SELECT)) activate_ = true;
}

void ImGuiInputBridge::feed() {
  bool moved = false, fed = false;
  while (!queue_.empty()) {
    SDL_Event e = queue_.front();
    if (e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_MOUSEBUTTONUP) {
      ImVec2 at(float(e.button.x), float(e.button.y));
      bool elsewhere = !pointer_ || pointer_->x != at.x || pointer_->y != at.y;
      pointer_ = at;
      if (widgets_ && (moved || elsewhere)) break;  // the press in the next frame, over its widget
      queue_.pop_front();
      ImGui_ImplSDL2_ProcessEvent(&e);
      fed = true;
      if (widgets_) break;
      continue;
    }
    queue_.pop_front();
    if (e.type == SDL_MOUSEMOTION) {
      pointer_ = ImVec2(float(e.motion.x), float(e.motion.y));
      moved = true;
    }
    ImGui_ImplSDL2_ProcessEvent(&e);
    fed = true;
  }
  if (widgets_ && fed) frames_owed_ = kFramesAfterInput;
}

void ImGuiInputBridge::before_new_frame(bool widgets) {
  if (widgets && !widgets_) frames_owed_ = kFramesAfterInput;
  widgets_ = widgets;
  feed();
}

void ImGuiInputBridge::after_backend_new_frame() {
  if (pointer_) ImGui::GetIO().MousePos = *pointer_;
  if (activate_) {  // held for this one frame (the backend clears NavInputs): the release is the next
    ImGui::GetIO().NavInputs[ImGuiNavInput_Activate] = 1;
    activate_ = false;
    frames_owed_ = std::max(frames_owed_, 2);
  }
}

void ImGuiInputBridge::frame_drawn() {
  if (frames_owed_ > 0) --frames_owed_;
}
