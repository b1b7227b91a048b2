#pragma once
#include <optional>
#include <string>

#include "app/kiosk.h"
#include "core/export/report_figures.h"

// The campaign figures of this kiosk, as report.html shows them: by month, topic, class group.
// Computed when the panel is first shown and on "Refresh".
class AdminReportPanel {
 public:
  explicit AdminReportPanel(Kiosk& kiosk) : kiosk_(kiosk) {}
  void update(Targets& targets);

 private:
  void compute();

  Kiosk& kiosk_;
  std::optional<ReportFigures> figures_;
  std::string error_;
};
