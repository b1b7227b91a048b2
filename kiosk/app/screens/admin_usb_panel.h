#pragma once
#include <string>
#include <vector>

#include "app/background_job.h"
#include "app/kiosk.h"
#include "core/content_import.h"
#include "core/usb_sticks.h"

// The USB stick part of admin mode: the sticks plugged in (found by themselves), the logs exported
// to one of them, and the topic packs found on it, each importable.
class AdminUsbPanel {
 public:
  explicit AdminUsbPanel(Kiosk& kiosk);
  void update(Targets& targets, double now);
  // Refreshes the list of sticks once a second, and picks up a finished job. True asks for a frame.
  bool tick(double now);
  double wake_in(double now) const;
  bool busy() const { return job_.running(); }

 private:
  void refresh_sticks();
  void scan_packs();
  void export_logs();
  void import(const PackOnStick& pack);
  const UsbStick* chosen() const;

  Kiosk& kiosk_;
  int journal_sessions_ = 0;  // no session runs while admin mode is open: counted once
  std::vector<UsbStick> sticks_;
  std::string chosen_path_;  // the stick the admin works with
  std::vector<PackOnStick> packs_;
  std::string packs_of_;     // the stick packs_ were scanned on
  BackgroundJob job_;
  bool job_was_import_ = false, job_seen_ = true;
  double next_refresh_ = 0;
};
