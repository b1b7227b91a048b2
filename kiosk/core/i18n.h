#pragma once
#include <string>

// Interface strings go through gettext: msgids are English, kiosk/po/<lang>.po translates them.
// A translator adds a language by adding a .po file; no code changes.
void init_i18n(const std::string& locale_dir, const std::string& lang);
const char* tr(const char* msgid);
// Plural-aware: trn("%d activity", "%d activities", n).
const char* trn(const char* singular, const char* plural, unsigned long n);
// The language given to init_i18n ("vi", "en", ...), used to pick content titles.
const std::string& ui_language();
