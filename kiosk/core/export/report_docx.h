#pragma once
// bao-cao.docx: the yearly report's draft as a Word file, in the layout of Nghị định 30/2020/NĐ-CP
// (Phụ lục I). The layout is the template in assets/report-template/ (the document's own XML, so
// a diff shows a change to it); this fills its {placeholders} and part I's paragraphs and tables
// with pugixml and zips the parts with libzip. Everything else is for the principal to write in.
#include <filesystem>

#include "core/export/journal_files.h"
#include "core/export/report_figures.h"
#include "core/export/report_settings.h"

// The template folder: assets/report-template of the installed (or source) tree.
std::filesystem::path report_template_dir();

// Writes a new file at `path` (it must not exist) through FileOut. Throws ExportError: Other when
// the template is missing or broken, a destination error when the file cannot be written.
WrittenFile write_report_docx(const ReportFigures& figures, const ReportingSchool& who, const std::filesystem::path& path,
                              const std::filesystem::path& template_dir = report_template_dir());

// 1234567 -> "1.234.567", as Vietnamese writes numbers.
std::string number_vi(int64_t n);
// Seconds as hours with one decimal, Vietnamese style: 45000 -> "12,5".
std::string hours_vi(int64_t seconds);
