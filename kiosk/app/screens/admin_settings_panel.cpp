#include "app/screens/admin_settings_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <sstream>

#include "app/screens/admin_widgets.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/text.h"

namespace {
// Languages with a translation; the admin sees each in its own language.
struct Language {
  const char* code;
  const char* name;
} constexpr kLanguages[] = {{"vi", "Tiếng Việt"}, {"en", "English"}};
}  // namespace

AdminSettingsPanel::AdminSettingsPanel(Kiosk& kiosk, Routes& routes) : kiosk_(kiosk), routes_(routes) {
  const Settings& s = kiosk_.settings;
  school_ = s.school;
  device_name_ = s.device_name;
  for (const auto& g : s.class_groups) class_groups_ += g + "\n";
  volume_limit_ = s.volume_limit;
  for (int i = 0; i < int(std::size(kLanguages)); ++i)
    if (ui_language() == kLanguages[i].code) language_ = i;
}

namespace {
// A row of the form: its label on the left, the widget (drawn by the caller next) on the right.
void row(const char* label) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::SameLine(ImGui::GetContentRegionAvail().x * 0.3f);
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
}
}  // namespace

void AdminSettingsPanel::update(Targets& targets) {
  row(tr("School"));
  ImGui::InputText("##school", &school_);
  mark(targets, "admin:school", tr("School"));
  row(tr("Classroom name (names the exports)"));
  ImGui::InputText("##device", &device_name_);
  mark(targets, "admin:device-name", tr("Classroom name (names the exports)"));
  row(tr("Class groups, one per line"));
  ImGui::InputTextMultiline("##groups", &class_groups_, {ImGui::GetContentRegionAvail().x * 0.6f, ImGui::GetTextLineHeight() * 4.6f});
  mark(targets, "admin:class-groups", tr("Class groups, one per line"));
  row(tr("Volume limit"));
  ImGui::SliderInt("##volume", &volume_limit_, Settings::kMinVolumeLimit, 100, "%d %%");
  mark(targets, "admin:volume-limit", tr("Volume limit"));
  row(tr("Language"));
  for (int i = 0; i < int(std::size(kLanguages)); ++i) {
    if (i) ImGui::SameLine();
    ImGui::RadioButton(kLanguages[i].name, &language_, i);
    mark(targets, std::string("admin:lang:") + kLanguages[i].code, kLanguages[i].name);
  }
  row(tr("Date and time"));
  ImGui::TextUnformatted(local_date_time(unix_now()).c_str());  // checked by the admin: sessions are dated by it
  ImGui::Spacing();
  if (ImGui::Button(tr("Save"))) save();
  mark(targets, "admin:save", tr("Save"));
  ImGui::SameLine();
  if (ImGui::Button(tr("Change the admin PIN")))
    routes_.change_pin();
  mark(targets, "admin:change-pin", tr("Change the admin PIN"));
  if (!status_.empty()) status_text(status_ok_, status_);
}

void AdminSettingsPanel::save() {
  std::vector<std::string> groups;
  std::istringstream lines(class_groups_);
  for (std::string line; std::getline(lines, line);) {
    line.erase(0, line.find_first_not_of(" \t"));
    line.erase(line.find_last_not_of(" \t\r") + 1);
    if (!line.empty()) groups.push_back(line);
  }
  if (groups.empty()) {
    status_ok_ = false;
    status_ = tr("Write at least one class group.");
    return;
  }
  Settings& s = kiosk_.settings;
  s.school = school_;
  s.device_name = device_name_;
  s.class_groups = groups;
  s.volume_limit = volume_limit_;
  s.language = kLanguages[language_].code;
  try {
    save_settings(kiosk_.data_dir, s);
  } catch (const std::exception& e) {
    status_ok_ = false;
    status_ = format(tr("Settings cannot be saved: %s"), e.what());
    return;
  }
  kiosk_.apply_settings();
  status_ok_ = true;
  status_ = tr("Saved.");
}
