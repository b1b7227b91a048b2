#include "app/screens/admin_report_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>

#include "app/screens/admin_widgets.h"
#include "core/clock.h"
#include "core/export/report_html.h"
#include "core/settings.h"
#include "core/i18n.h"
#include "core/text.h"

namespace {
// One table of tallies with a bar for each row's sessions.
void tally_table(const char* id, const char* first_column, const std::vector<Tally>& rows) {
  int most = 1;
  for (const auto& r : rows) most = std::max(most, r.sessions);
  if (!ImGui::BeginTable(id, 6, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) return;
  ImGui::TableSetupColumn(first_column, ImGuiTableColumnFlags_WidthStretch, 2);
  ImGui::TableSetupColumn(tr("Sessions"), ImGuiTableColumnFlags_WidthStretch, 1);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 1.5f);
  ImGui::TableSetupColumn(tr("Time (h:min)"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
  ImGui::TableSetupColumn(tr("Lessons"), ImGuiTableColumnFlags_WidthStretch, 1);
  ImGui::TableSetupColumn(tr("Games"), ImGuiTableColumnFlags_WidthStretch, 1);
  ImGui::TableHeadersRow();
  for (const auto& r : rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted((r.label.empty() ? r.key : r.label).c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%d", r.sessions);
    ImGui::TableNextColumn();
    {  // a bar as high as the row's text, so the row stays one line
      ImVec2 p = ImGui::GetCursorScreenPos();
      float w = ImGui::GetContentRegionAvail().x, h = ImGui::GetTextLineHeight();
      ImGui::GetWindowDrawList()->AddRectFilled({p.x, p.y + h * 0.2f}, {p.x + w * r.sessions / most, p.y + h * 0.8f},
                                                IM_COL32(255, 183, 3, 255), h * 0.3f);
      ImGui::Dummy({w, h});
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(hours_minutes(r.seconds).c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%d", r.lessons);
    ImGui::TableNextColumn();
    ImGui::Text("%d", r.games);
  }
  ImGui::EndTable();
}

// The sessions left out of the figures, so they can be reconciled with the journal's count.
void uncounted_line(const ReportFigures& f) {
  if (f.uncounted_sessions > 0)
    ImGui::TextUnformatted(
        format(tr("%d sessions opened without any lesson watched or game played, not counted."), f.uncounted_sessions)
            .c_str());
}
}  // namespace

AdminReportPanel::AdminReportPanel(Kiosk& kiosk) : kiosk_(kiosk), header_(kiosk.settings.report) {
  const std::string& period = header_.period;
  if (auto dots = period.find(".."); dots != std::string::npos) {
    from_ = period.substr(0, dots);
    until_ = period.substr(dots + 2);
  }
}

void AdminReportPanel::compute() {
  error_.clear();
  TopicTitles titles;
  for (const auto& t : kiosk_.content->catalog()->topics) titles[t.id] = t.title.in(ui_language());
  try {
    figures_ = compute_report(kiosk_.data_dir / "journal.sqlite", titles, report_period(kiosk_.settings.report, unix_now()));
  } catch (const std::exception& e) {
    figures_.reset();
    error_ = e.what();
  }
}

// Saves the period in the settings, so the next export's report files cover it too.
void AdminReportPanel::choose(const std::string& period) {
  kiosk_.settings.report.period = period;
  compute();
  try {
    save_settings(kiosk_.data_dir, kiosk_.settings);
  } catch (const std::exception& e) {
    error_ = format(tr("Settings cannot be saved: %s"), e.what());
  }
}

void AdminReportPanel::period_row(Targets& targets) {
  const std::string today = iso8601_local(unix_now()).substr(0, 10);
  const int year = school_year_of(today);
  const std::string& current = kiosk_.settings.report.period.empty() ? "all" : kiosk_.settings.report.period;
  struct Preset {
    const char* id;
    std::string choice, label;
  };
  const Preset presets[] = {
      {"this-school-year", "school-year", format(tr("School year %d-%d"), year, year + 1)},
      {"last-school-year", format("school-year:%d", year - 1), format(tr("School year %d-%d"), year - 1, year)},
      {"year", "year", format(tr("Year %s to today"), today.substr(0, 4).c_str())},
      {"all", "all", tr("Since the first session")}};
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("Period:"));
  for (const auto& p : presets) {
    ImGui::SameLine();
    if (ImGui::RadioButton(p.label.c_str(), current == p.choice) && current != p.choice) choose(p.choice);
    mark(targets, std::string("admin:period:") + p.id, p.label);
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("From"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  ImGui::InputTextWithHint("##from", "2026-09-01", &from_);
  mark(targets, "admin:period-from", tr("From"));
  ImGui::SameLine();
  ImGui::TextUnformatted(tr("to"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  ImGui::InputTextWithHint("##until", "2027-05-31", &until_);
  mark(targets, "admin:period-until", tr("to"));
  ImGui::SameLine();
  if (ImGui::Button(tr("Show these dates"))) {
    std::string range = from_ + ".." + until_;
    try {
      parse_period(range, today);  // a wrong date is said here, never saved
      choose(range == ".." ? "all" : range);
    } catch (const std::invalid_argument& e) {
      error_ = e.what();
    }
  }
  mark(targets, "admin:period-dates", tr("Show these dates"));
}

void AdminReportPanel::header_form(Targets& targets) {
  const char* title = tr("Names on the Word draft (bao-cao.docx)");
  bool open = ImGui::CollapsingHeader(title);
  mark(targets, "admin:report-header", title);
  if (!open) return;
  if (ImGui::BeginTable("header", 2)) {
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 2);
    const struct {
      const char* id;
      const char* label;
      std::string* value;
    } fields[] = {{"parent-body", tr("Reports to (e.g. UBND xã Thanh Nưa)"), &header_.parent_body},
                  {"place", tr("Place on the date line"), &header_.place},
                  {"principal", tr("Principal"), &header_.principal},
                  {"abbreviation", tr("School's abbreviation in the number (e.g. MNTH)"), &header_.abbreviation}};
    for (const auto& field : fields) {
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(field.label);
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-FLT_MIN);
      ImGui::InputText((std::string("##") + field.id).c_str(), field.value);
      mark(targets, std::string("admin:report-") + field.id, field.label);
    }
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Children in one class (0: not known)"));
    ImGui::TableNextColumn();
    for (const auto& group : kiosk_.settings.class_groups) {
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(group.c_str());
      ImGui::SameLine();
      int& children = header_.children[group];
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 3);
      ImGui::InputInt(("##children-" + ascii_slug(group)).c_str(), &children, 0);
      children = std::clamp(children, 0, 99);
      mark(targets, "admin:children:" + ascii_slug(group), group);
      ImGui::SameLine(0, ImGui::GetFontSize());
    }
    ImGui::NewLine();
    ImGui::EndTable();
  }
  if (ImGui::Button(tr("Save"))) save_header();
  mark(targets, "admin:report-save", tr("Save"));
  if (!header_status_.empty()) status_text(header_ok_, header_status_);
}

void AdminReportPanel::save_header() {
  Settings& s = kiosk_.settings;
  const std::string period = s.report.period;  // chosen above, saved when chosen
  s.report = header_;
  s.report.period = period;
  std::erase_if(s.report.children, [](const auto& entry) { return entry.second <= 0; });
  try {
    save_settings(kiosk_.data_dir, s);
    header_ok_ = true;
    header_status_ = tr("Saved.");
  } catch (const std::exception& e) {
    header_ok_ = false;
    header_status_ = format(tr("Settings cannot be saved: %s"), e.what());
  }
}

void AdminReportPanel::update(Targets& targets) {
  if (!figures_ && error_.empty()) compute();
  period_row(targets);
  header_form(targets);
  if (ImGui::Button(tr("Refresh"))) compute();
  mark(targets, "admin:report-refresh", tr("Refresh"));
  if (!error_.empty()) {
    status_text(false, error_);
    return;
  }
  const ReportFigures& f = *figures_;
  ImGui::SameLine();
  if (f.total.sessions == 0) {
    ImGui::TextUnformatted(tr("No sessions yet."));
    uncounted_line(f);
    return;
  }
  ImGui::TextUnformatted(format(tr("%d sessions, %s (h:min), %d lessons, %d games"), f.total.sessions,
                                hours_minutes(f.total.seconds).c_str(), f.total.lessons, f.total.games)
                             .c_str());
  ImGui::TextUnformatted(("Kỳ báo cáo: " + f.period_vi()).c_str());
  uncounted_line(f);
  section(tr("By school year"));
  tally_table("years", tr("School year"), f.by_school_year);
  section(tr("By month"));
  tally_table("months", tr("Month"), f.by_month);
  section(tr("By topic"));
  tally_table("topics", tr("Topic"), f.by_topic);
  section(tr("By class group"));
  tally_table("classes", tr("Class group"), f.by_class);
}
