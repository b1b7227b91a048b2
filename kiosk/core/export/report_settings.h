#pragma once
// What the yearly report needs that the journal cannot know, set by the admin in Settings: who
// reports to whom, where, who signs, and, optionally, how many children one class of each group
// has. Kept in settings.json under "report" and carried in every export (meta "report_settings")
// so that a merge can head the school's report.
#include <cstdint>
#include <map>
#include <string>

#include "core/export/report_period.h"

struct ReportSettings {
  std::string parent_body;   // the body reported to, as written: "UBND xã Thanh Nưa"
  std::string place;         // for the date line: "Thanh Nưa"
  std::string principal;     // who signs: "Nguyễn Thị Hoa"
  std::string abbreviation;  // of the school in the document number: "MNTH" -> "Số:     /BC-MNTH"
  std::map<std::string, int> children;  // class group -> children in one class of it; absent: not known
  std::string period;        // the report's period as parse_period (report_period.h) reads it; "" all

  bool operator==(const ReportSettings&) const = default;
};

// Who reports, as a report file's header and signature need it.
struct ReportingSchool {
  std::string school;       // "Trường Mầm non Thanh Hưng"
  ReportSettings settings;
  std::string written_on;   // the day the draft is made, "2026-11-30": its year goes on the date line
};

// The children in one class of `group` (matched by ascii_slug, so "La" finds "Lá"), 0 when not known.
int children_in_class(const std::map<std::string, int>& children_per_class, const std::string& group);

// The period the admin chose, on `now` (unix seconds, local time); the whole journal when the
// choice cannot be read (the Report tab only saves one that can).
ReportPeriod report_period(const ReportSettings& settings, int64_t now);

// JSON text and back. A malformed or missing field gives the default; counts below 1 are dropped.
std::string report_settings_json(const ReportSettings& settings);
ReportSettings parse_report_settings(const std::string& json_text);

// Upper case as the header of an administrative document writes names: "UBND xã Thanh Nưa" ->
// "UBND XÃ THANH NƯA" (full Unicode, so every Vietnamese letter keeps its marks).
std::string upper_vi(const std::string& utf8);
