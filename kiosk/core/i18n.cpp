#include "core/i18n.h"

#include <clocale>
#include <cstdlib>
#include <cstring>
#include <libintl.h>

namespace {
constexpr const char* kDomain = "xem-va-noi";
std::string g_lang = "vi";
}  // namespace

void init_i18n(const std::string& locale_dir, const std::string& lang) {
  g_lang = lang;
  std::setlocale(LC_ALL, "");
  // glibc ignores LANGUAGE under the plain "C" locale, which is what a bare kiosk session has.
  const char* messages = std::setlocale(LC_MESSAGES, nullptr);
  if (!messages || std::strcmp(messages, "C") == 0 || std::strcmp(messages, "POSIX") == 0) {
    std::setlocale(LC_MESSAGES, "C.UTF-8");
  }
  setenv("LANGUAGE", lang.c_str(), 1);
  bindtextdomain(kDomain, locale_dir.c_str());
  bind_textdomain_codeset(kDomain, "UTF-8");
  textdomain(kDomain);
}

const char* tr(const char* msgid) { return dgettext(kDomain, msgid); }

const char* trn(const char* singular, const char* plural, unsigned long n) {
  return dngettext(kDomain, singular, plural, n);
}

const std::string& ui_language() { return g_lang; }
