#pragma once
#include <filesystem>

namespace fs = std::filesystem;

// Where the program's read-only files are. An installed kiosk finds them relative to its own
// executable (<prefix>/bin/kiosk -> <prefix>/share/xem-va-noi, <prefix>/lib/<triplet>/xem-va-noi);
// a kiosk run from the build tree falls back to the source tree (and the build tree's module).
struct InstallPaths {
  fs::path assets;
  fs::path content;  // the bundled sample content
  fs::path locale;   // gettext catalogues
  fs::path modules;  // kiosk-mpv.so (app/media_player.h)
};
InstallPaths find_install_paths();

// Default folder for the journal and settings: $XDG_DATA_HOME/xem-va-noi, or
// ~/.local/share/xem-va-noi (the kiosk service passes --data /var/lib/xem-va-noi).
fs::path default_data_dir();
