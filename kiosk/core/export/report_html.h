#pragma once
// The campaign report as one self-contained HTML page: inline CSS and SVG bar charts, no script,
// nothing fetched, so it opens the same on any computer and prints cleanly on A4. Vietnamese
// first, English second.
#include <string>

#include "core/export/report_figures.h"

// `heading` is the page title, e.g. the school and classroom ("Trường Mầm non Hoa Sen — Lớp Lá 1").
std::string report_html(const ReportFigures& figures, const std::string& heading);

// A duration as hours:minutes ("12:05"), as the report and the admin screen show time spent.
std::string hours_minutes(int64_t seconds);
