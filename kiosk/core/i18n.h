#pragma once
#include <string>

// Interface strings go through gettext: msgids are English, kiosk/po/<lang>.po translates them.
// A translator adds a language by adding a .po file; no code changes.
//
// Threads: tr() and trn() may be called from any thread (glibc's dgettext is MT-safe: a USB job's
// worker translates its messages) and return strings that live as long as the process. init_i18n()
// changes the process's locale and environment, which is not safe against a tr() running at the
// same time: it is called on the UI thread at start, and when the admin saves another language,
// which admin mode allows only while no USB job runs. ui_language() is for the UI thread.
void init_i18n(const std::string& locale_dir, const std::string& lang);
const char* tr(const char* msgid);
// Plural-aware: trn("%d activity", "%d activities", n).
const char* trn(const char* singular, const char* plural, unsigned long n);
// The language given to init_i18n ("vi", "en", ...), used to pick content titles.
const std::string& ui_language();
