#include "core/export/csv.h"

#include <cstdlib>
#include <string>

namespace {
// A spreadsheet runs a cell that starts with one of these as a formula (OWASP's "CSV injection");
// names in the journal come from packs and settings typed by people, so they are kept as text.
bool looks_like_formula(std::string_view field) {
  if (field.empty() || std::string_view("=+-@\t\r").find(field.front()) == std::string_view::npos) return false;
  std::string text(field);
  char* end = nullptr;
  std::strtod(text.c_str(), &end);
  return *end != '\0';  // "-5" is a number, not a formula
}
}  // namespace

void append_csv_field(std::string& out, std::string_view field) {
  const bool formula = looks_like_formula(field);
  if (!formula && field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out += '"';
  if (formula) out += '\'';  // shown as text; the quote itself is hidden by the spreadsheet
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_csv_row(std::string& out, std::initializer_list<std::string_view> fields) {
  bool first = true;
  for (auto f : fields) {
    if (!first) out += ',';
    first = false;
    append_csv_field(out, f);
  }
  out += "\r\n";
}
