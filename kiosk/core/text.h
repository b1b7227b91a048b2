#pragma once
#include <cstdint>
#include <string>

// ASCII id from a Vietnamese name, for stable element ids: "Nhà trẻ" -> "Nha-tre".
// Diacritics are removed by Unicode decomposition (libunistring); đ/Đ become d/D.
std::string ascii_slug(const std::string& utf8);

// printf into a std::string (for translated format strings such as tr("Class %s")).
std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

// Digits in groups of three: group_thousands(1234567, ".") -> "1.234.567".
std::string group_thousands(int64_t n, const char* separator);

// "12.5 MB", for messages.
std::string human_size(uint64_t bytes);

// The text in Unicode NFC: what macOS file names and Unikey's "Unicode tổ hợp" write decomposed
// (a + U+0300) becomes the precomposed letters the fonts draw and comparisons expect. Invalid
// UTF-8 is returned as it is.
std::string nfc(const std::string& utf8);
