#include "app/screens/admin_screen.h"

#include <SDL.h>
#include <imgui.h>

#include <algorithm>

#include "app/screens/admin_widgets.h"
#include "core/i18n.h"
#include "core/text.h"

namespace {
constexpr int kExitToDesktop = 10;  // deploy/kiosk-session.sh opens a maintenance terminal on it
}  // namespace

AdminScreen::AdminScreen(Kiosk& kiosk, Routes& routes)
    : kiosk_(kiosk), routes_(routes), usb_(kiosk), report_(kiosk), settings_(kiosk, routes), sound_video_(kiosk) {}

void AdminScreen::enter(double now) {
  kiosk_.check_clock();  // set right since the kiosk started, or gone wrong
  idle_.touch(now);
  sound_video_.start(now);
}

void AdminScreen::update(const Canvas& c, Targets& targets, double now) {
  now_ = now;
  idle_.start(now);
  ImGui::SetNextWindowPos({0, 0});
  ImGui::SetNextWindowSize({c.px(c.design_width()), c.px(c.design_height())});
  ImGui::Begin("admin", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  ImGui::PushFont(c.fonts().get(FontSize::Body));
  header(c, targets);
  if (ImGui::BeginTabBar("sections")) {
    struct Tab {
      const char* id;
      std::string label;
    } tabs[] = {{"admin:tab-usb", tr("USB stick")}, {"admin:tab-report", tr("Report")}, {"admin:tab-settings", tr("Settings")},
                {"admin:tab-sound-video", tr("Sound and picture")}};
    for (int i = 0; i < int(std::size(tabs)); ++i) {
      bool open = ImGui::BeginTabItem((tabs[i].label + "###" + tabs[i].id).c_str());
      mark(targets, tabs[i].id, tabs[i].label);
      if (!open) continue;
      ImGui::BeginChild("section");
      if (i == 0) usb_.update(targets, now);
      if (i == 1) report_.update(targets);
      if (i == 2) {  // a new language must not change the locale under a job translating its messages
        ImGui::BeginDisabled(usb_.busy());
        settings_.update(targets);
        ImGui::EndDisabled();
      }
      if (i == 3) sound_video_.update(targets);
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::PopFont();
  ImGui::End();
}

void AdminScreen::header(const Canvas& c, Targets& targets) {
  ImGui::PushFont(c.fonts().get(FontSize::Heading));
  std::string who = kiosk_.settings.device_name.empty() ? tr("this kiosk") : kiosk_.settings.device_name;
  ImGui::TextUnformatted(format(tr("Admin · %s"), who.c_str()).c_str());
  ImGui::PopFont();
  // The two buttons at the right edge.
  const ImGuiStyle& style = ImGui::GetStyle();
  float buttons = ImGui::CalcTextSize(tr("Back to the classroom")).x + ImGui::CalcTextSize(tr("Exit to desktop")).x +
                  4 * style.FramePadding.x + style.ItemSpacing.x;
  ImGui::SameLine(ImGui::GetWindowWidth() - style.WindowPadding.x - buttons);
  // While an export or import runs, neither way out: the admin waits for "the stick can be removed".
  ImGui::BeginDisabled(usb_.busy());
  if (ImGui::Button(tr("Back to the classroom"))) close();
  mark(targets, "admin:close", tr("Back to the classroom"));
  ImGui::SameLine();
  if (ImGui::Button(tr("Exit to desktop"))) confirm_exit_ = true;
  mark(targets, "admin:exit", tr("Exit to desktop"));
  ImGui::EndDisabled();
  if (confirm_exit_) {
    ImGui::OpenPopup("exit?");
    confirm_exit_ = false;
  }
  // A wide dialog in the middle of the screen, as tall as its text.
  ImGui::SetNextWindowSize({c.px(1000), 0});
  ImGui::SetNextWindowPos({c.px(c.design_width() / 2), c.px(c.design_height() / 2)}, ImGuiCond_Always, {0.5f, 0.5f});
  if (ImGui::BeginPopupModal("exit?", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove)) {
    ImGui::TextWrapped("%s", tr("Leave the kiosk for maintenance? It starts again when the maintenance session ends."));
    if (ImGui::Button(tr("Exit to desktop"))) kiosk_.exit_code = kExitToDesktop;
    mark(targets, "admin:exit-yes", tr("Exit to desktop"));
    ImGui::SameLine();
    if (ImGui::Button(tr("Stay"))) ImGui::CloseCurrentPopup();
    mark(targets, "admin:exit-no", tr("Stay"));
    ImGui::EndPopup();
  }
  if (!kiosk_.clock_problem.empty())
    status_text(false, kiosk_.clock_problem + " " +
                           tr("New sessions would be dated wrong, and the report would count them in the wrong month: "
                              "set the date and time (Exit to desktop, then as the administrator: "
                              "sudo timedatectl set-time 'YYYY-MM-DD HH:MM'; see the deploy README)."));
  ImGui::Spacing();
}

void AdminScreen::close() {
  if (usb_.busy()) return;  // an export or import finishes first
  routes_.home();
}

bool AdminScreen::key(int k) {
  idle_.touch(now_);
  if ((k == SDLK_ESCAPE || k == SDLK_AC_BACK) && !ImGui::IsAnyItemActive() && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopup))
    close();
  return true;  // ImGui has the keys (text fields, its own keyboard navigation)
}

bool AdminScreen::pointer(Pointer, float, float) {
  idle_.touch(now_);
  return true;  // ImGui has the pointer
}

bool AdminScreen::tick(double now) {
  now_ = now;
  if (idle_.expired(now) && !usb_.busy()) {
    close();
    return true;
  }
  return usb_.tick(now) | sound_video_.tick(now);
}

double AdminScreen::wake_in(double now) const {
  return std::min({idle_.seconds_left(now), usb_.wake_in(now), sound_video_.wake_in(now)});
}
