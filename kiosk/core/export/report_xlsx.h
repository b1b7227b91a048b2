#pragma once
// so-lieu.xlsx: the report's figures as a spreadsheet, written with libxlsxwriter. Sheet "Tổng hợp"
// in the statistical forms' layout (Đơn vị báo cáo / Đơn vị nhận báo cáo / Kỳ báo cáo; TT | Chỉ
// tiêu | Đơn vị tính | Số lượng | Ghi chú with the A B C 1 2 row), then one sheet each by month
// (months x class groups, with totals), by topic and by classroom. Plain numbers, Times New Roman.
#include <filesystem>

#include "core/export/journal_files.h"
#include "core/export/report_figures.h"
#include "core/export/report_settings.h"

// Writes a new file at `path` (libxlsxwriter writes it), then hashes and fsyncs it. Throws a
// destination ExportError when it cannot be written.
WrittenFile write_report_xlsx(const ReportFigures& figures, const ReportingSchool& who, const std::filesystem::path& path);
