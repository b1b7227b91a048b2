#pragma once
#include <string>

#include "app/idle_timeout.h"
#include "app/kiosk.h"
#include "app/routes.h"
#include "app/screens/admin_report_panel.h"
#include "app/screens/admin_settings_panel.h"
#include "app/screens/admin_sound_video_panel.h"
#include "app/screens/admin_usb_panel.h"

// Admin mode, behind the PIN: the USB stick (logs out, topics in), the campaign report, settings,
// sound and picture (outputs, decoder, renderer), and "exit to desktop" for maintenance. Grown-ups
// use it, so it is made of Dear ImGui's stock widgets. Left alone for five minutes it closes
// itself, so a child never finds it open.
class AdminScreen : public Screen {
 public:
  AdminScreen(Kiosk& kiosk, Routes& routes);
  std::string name() const override { return "admin"; }
  // Opened, or back from changing the PIN: the idle time starts again.
  void enter(double now) override;
  void update(const Canvas& canvas, Targets& targets, double now) override;
  void draw(const Canvas&, double) const override {}
  void activate(const std::string&) override {}  // the widgets act by themselves
  bool key(int sdl_keycode) override;
  bool pointer(Pointer, float, float) override;
  bool tick(double now) override;
  double wake_in(double now) const override;
  bool animating(double) const override { return usb_.busy(); }
  bool uses_widgets() const override { return true; }
  void render_below(int, int) override { sound_video_.render(); }

 private:
  void header(const Canvas& c, Targets& targets);
  void close();

  Kiosk& kiosk_;
  Routes& routes_;
  AdminUsbPanel usb_;
  AdminReportPanel report_;
  AdminSettingsPanel settings_;
  AdminSoundVideoPanel sound_video_;
  double now_ = 0;
  IdleTimeout idle_{5 * 60};
  bool confirm_exit_ = false;
};
