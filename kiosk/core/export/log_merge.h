#pragma once
// Merges the exports of several classrooms (folders written by export_logs) into one database and
// one report: out_dir/merged.sqlite (the journal's tables plus devices and topics), sessions.csv,
// activities.csv, report.html, bao-cao.docx and so-lieu.xlsx (the school's report over `period`,
// headed with the report settings of the most recent export) and SHA256SUMS. Rows are keyed by their UUIDs, so merging the same
// export twice changes nothing; a session seen again with a later heartbeat (or the same one, closed)
// takes the later row, so the order of the exports does not matter.
// Each file is written under a hidden temporary name, fsync'ed, checked and renamed.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/export/export_error.h"
#include "core/export/report_period.h"

struct MergeResult {
  int exports = 0;
  int devices = 0, sessions = 0, activities = 0;   // in merged.sqlite afterwards
  int new_sessions = 0, new_activities = 0;        // added by this merge
};

// Throws ExportError: Damaged names the export folder that has no SHA256SUMS, one whose SHA256SUMS
// does not list journal.sqlite, or one with a listed file missing or not matching; Other names a
// folder that is not an export folder.
MergeResult merge_exports(const std::filesystem::path& out_dir, const std::vector<std::filesystem::path>& export_dirs,
                          const std::function<void(double, const std::string&)>& progress,
                          const ReportPeriod& period = {});
