#include "core/export/report_settings.h"

#include <unicase.h>

#include <cstdlib>
#include <memory>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/text.h"

using nlohmann::json;

std::string report_settings_json(const ReportSettings& s) {
  json children = json::object();
  for (const auto& [group, n] : s.children) children[group] = n;
  return json{{"parent_body", s.parent_body}, {"place", s.place},     {"principal", s.principal},
              {"abbreviation", s.abbreviation}, {"children", children},
              {"period", s.period}}
      .dump();
}

ReportSettings parse_report_settings(const std::string& text) {
  ReportSettings s;
  json j = json::parse(text, nullptr, false);
  if (!j.is_object()) return s;
  auto field = [&](const char* key, std::string& out) {
    if (j.contains(key) && j[key].is_string()) out = j[key].get<std::string>();
  };
  field("parent_body", s.parent_body);
  field("place", s.place);
  field("principal", s.principal);
  field("abbreviation", s.abbreviation);
  field("period", s.period);
  if (j.contains("children") && j["children"].is_object())
    for (const auto& [group, n] : j["children"].items())
      if (n.is_number_integer() && n.get<int>() > 0) s.children[group] = n.get<int>();
  return s;
}

ReportPeriod report_period(const ReportSettings& s, int64_t now) {
  try {
    return parse_period(s.period, iso8601_local(now).substr(0, 10));
  } catch (const std::invalid_argument&) {
    return whole_journal_period();
  }
}

int children_in_class(const std::map<std::string, int>& children_per_class, const std::string& group) {
  for (const auto& [name, n] : children_per_class)
    if (ascii_slug(name) == ascii_slug(group)) return n;
  return 0;
}

std::string upper_vi(const std::string& utf8) {
  size_t length = 0;
  auto* in = reinterpret_cast<const uint8_t*>(utf8.data());
  std::unique_ptr<uint8_t, decltype(&std::free)> out(
      u8_toupper(in, utf8.size(), nullptr, UNINORM_NFC, nullptr, &length), &std::free);
  return out ? std::string(reinterpret_cast<const char*>(out.get()), length) : utf8;
}
