#include "app/screens/admin_report_panel.h"

#include <imgui.h>

#include <algorithm>

#include "app/screens/admin_widgets.h"
#include "core/export/report_html.h"
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

void AdminReportPanel::compute() {
  error_.clear();
  TopicTitles titles;
  for (const auto& t : kiosk_.catalog.topics) titles[t.id] = t.title.in(ui_language());
  try {
    figures_ = compute_report(kiosk_.data_dir / "journal.sqlite", titles);
  } catch (const std::exception& e) {
    figures_.reset();
    error_ = e.what();
  }
}

void AdminReportPanel::update(Targets& targets) {
  if (!figures_ && error_.empty()) compute();
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
  ImGui::TextUnformatted(format(tr("%d sessions, %s (h:min), %d lessons, %d games, from %s to %s"), f.total.sessions,
                                hours_minutes(f.total.seconds).c_str(), f.total.lessons, f.total.games,
                                f.first_day.c_str(), f.last_day.c_str())
                             .c_str());
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
