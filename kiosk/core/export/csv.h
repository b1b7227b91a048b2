#pragma once
// CSV as RFC 4180 has it and as Excel opens it: fields quoted when they hold a comma, a quote, CR
// or LF (quotes doubled), CRLF line ends, UTF-8 with a byte order mark at the start of the file so
// Excel shows Vietnamese instead of guessing a code page.
#include <initializer_list>
#include <string>
#include <string_view>

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Appends one field, quoted when needed. A field a spreadsheet would take for a formula ("=1+1",
// "@SUM(..)", "+84...", but not a number such as "-5") gets a leading ' so that it stays text.
void append_csv_field(std::string& out, std::string_view field);
// Appends the fields separated by commas, then CRLF.
void append_csv_row(std::string& out, std::initializer_list<std::string_view> fields);
