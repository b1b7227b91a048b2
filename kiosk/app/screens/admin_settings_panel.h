#pragma once
#include <string>

#include "app/kiosk.h"
#include "app/routes.h"

// The admin's settings: school, classroom name, class groups, volume limit, language, PIN.
// Edits stay in the panel until "Save".
class AdminSettingsPanel {
 public:
  AdminSettingsPanel(Kiosk& kiosk, Routes& routes);
  void update(Targets& targets);

 private:
  void save();

  Kiosk& kiosk_;
  Routes& routes_;
  std::string school_, device_name_, class_groups_;  // class groups one per line
  int volume_limit_ = 100;
  int language_ = 0;  // index in kLanguages
  std::string status_;
  bool status_ok_ = true;
};
