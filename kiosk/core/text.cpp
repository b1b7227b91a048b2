#include "core/text.h"

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <uninorm.h>

namespace {
bool is_combining_mark(unsigned char lead, unsigned char next) {
  // U+0300..U+036F encode as CC 80..CD AF in UTF-8.
  return (lead == 0xCC) || (lead == 0xCD && next <= 0xAF);
}
}  // namespace

std::string ascii_slug(const std::string& utf8) {
  size_t len = 0;
  auto* nfd = u8_normalize(UNINORM_NFD, reinterpret_cast<const uint8_t*>(utf8.data()), utf8.size(),
                           nullptr, &len);
  std::string decomposed = nfd ? std::string(reinterpret_cast<char*>(nfd), len) : utf8;
  std::free(nfd);

  std::string out;
  bool pending_dash = false;
  for (size_t i = 0; i < decomposed.size(); ++i) {
    auto c = static_cast<unsigned char>(decomposed[i]);
    char ascii = 0;
    if (c < 0x80) {
      ascii = static_cast<char>(c);
    } else if (c == 0xC4 && i + 1 < decomposed.size()) {  // đ U+0111, Đ U+0110
      auto n = static_cast<unsigned char>(decomposed[i + 1]);
      if (n == 0x91) ascii = 'd';
      if (n == 0x90) ascii = 'D';
    }
    if (c >= 0x80 && i + 1 < decomposed.size() &&
        is_combining_mark(c, static_cast<unsigned char>(decomposed[i + 1]))) {
      ++i;
      continue;
    }
    if (c >= 0x80) {  // skip the rest of a multi-byte sequence
      while (i + 1 < decomposed.size() && (static_cast<unsigned char>(decomposed[i + 1]) & 0xC0) == 0x80) ++i;
    }
    bool alnum = (ascii >= 'a' && ascii <= 'z') || (ascii >= 'A' && ascii <= 'Z') || (ascii >= '0' && ascii <= '9');
    if (alnum) {
      if (pending_dash && !out.empty()) out += '-';
      pending_dash = false;
      out += ascii;
    } else {
      pending_dash = true;
    }
  }
  return out;
}

std::string format(const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  va_list copy;
  va_copy(copy, args);
  int n = std::vsnprintf(nullptr, 0, fmt, copy);
  va_end(copy);
  std::string out(n > 0 ? static_cast<size_t>(n) : 0, '\0');
  if (n > 0) std::vsnprintf(out.data(), out.size() + 1, fmt, args);
  va_end(args);
  return out;
}

std::string group_thousands(int64_t n, const char* separator) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string human_size(uint64_t bytes) {
  if (bytes < 1024) return format("%llu B", static_cast<unsigned long long>(bytes));
  const char* units[] = {"KB", "MB", "GB", "TB"};
  double v = static_cast<double>(bytes) / 1024;
  int u = 0;
  for (; v >= 1024 && u < 3; ++u) v /= 1024;
  return format("%.1f %s", v, units[u]);
}

std::string nfc(const std::string& utf8) {
  size_t len = 0;
  auto* out = u8_normalize(UNINORM_NFC, reinterpret_cast<const uint8_t*>(utf8.data()), utf8.size(), nullptr, &len);
  if (!out) return utf8;
  std::string composed(reinterpret_cast<char*>(out), len);
  std::free(out);
  return composed;
}
