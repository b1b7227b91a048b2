#pragma once
#include <optional>
#include <string>

#include "app/kiosk.h"
#include "core/export/report_figures.h"

// The campaign figures of this kiosk, as report.html shows them: by month, topic, class group,
// over the report's period, chosen here; and, folded away until opened, what the Word draft's
// header and signature need (who reports to whom, the place, the principal, children per class).
// Both are saved in the settings, so the USB export's report files cover the same period and
// carry the same names. Figures are computed when the panel is first shown, on "Refresh" and on a
// new period.
class AdminReportPanel {
 public:
  explicit AdminReportPanel(Kiosk& kiosk);
  void update(Targets& targets);

 private:
  void compute();
  void period_row(Targets& targets);
  void choose(const std::string& period);
  void header_form(Targets& targets);
  void save_header();

  Kiosk& kiosk_;
  std::optional<ReportFigures> figures_;
  std::string error_;
  std::string from_, until_;  // the dates typed for a range, YYYY-MM-DD
  ReportSettings header_;     // being edited; saved on "Save"
  std::string header_status_;
  bool header_ok_ = true;
};
