#pragma once
// The files an export and a merge both write from a journal-format database: sessions.csv,
// activities.csv and report.html (bao-cao.docx and so-lieu.xlsx: report_docx.h, report_xlsx.h).
// The connection must see a `devices(device_id, device_name, school)` and a `topics(id, title)`
// table or view (an export adds them over its copy).
#include <filesystem>
#include <functional>
#include <string>

#include "core/export/report_figures.h"

class SqliteDb;

// Progress of one file, 0..1.
using FileProgress = std::function<void(double)>;

struct WrittenFile {
  std::string sha256;
  uint64_t bytes = 0;
  int rows = 0;
};

// Each writes a new file at `path` (which must not exist); errors throw ExportError.
WrittenFile write_sessions_csv(SqliteDb& db, const std::filesystem::path& path, const FileProgress& progress);
WrittenFile write_activities_csv(SqliteDb& db, const std::filesystem::path& path, const FileProgress& progress);
WrittenFile write_report(const ReportFigures& figures, const std::string& heading, const std::filesystem::path& path);
