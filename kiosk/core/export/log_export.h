#pragma once
// Copies a kiosk's logs to a USB stick for the campaign report: one folder per device and day with
// sessions.csv and activities.csv (open in Excel), journal.sqlite (a consistent copy, for merging
// classrooms), report.html (figures and charts, printable), bao-cao.docx (the yearly report's
// draft), so-lieu.xlsx (its figures) and SHA256SUMS. The CSVs and the copy hold every row; the
// three report files the figures of `period`.
//
// Safety: the journal is only read. Everything is written into a hidden ".NAME.partial-XXXXXXXX"
// folder, fsync'ed, read back from the stick and checked, and only then renamed to NAME; on any
// failure that folder is removed and ExportError says what happened.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "core/export/export_error.h"
#include "core/export/report_figures.h"
#include "core/export/report_settings.h"

struct ExportOptions {
  std::filesystem::path journal_db;   // DATA/journal.sqlite (may be in use by the running kiosk: read only, never modify it)
  std::filesystem::path destination;  // e.g. the stick's mount point
  std::string device_name, school;    // from settings; may be empty
  ReportSettings report;              // from settings: the report's header and signature
  ReportPeriod period;                // of the report files; default: the whole journal
  TopicTitles topic_titles;
  int64_t now = 0;                    // unix seconds, names the folder by local date
};

struct ExportResult {
  std::filesystem::path folder;
  int sessions = 0, activities = 0;
  uint64_t bytes = 0;
};

// progress(fraction 0..1, short English step name) is called from the calling thread, often enough for a progress bar.
ExportResult export_logs(const ExportOptions& options, const std::function<void(double, const std::string&)>& progress);
