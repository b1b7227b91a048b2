#pragma once
#include <filesystem>

namespace fs = std::filesystem;

// Where the program's read-only files are. An installed kiosk finds them relative to its own
// executable (<prefix>/bin/kiosk -> <prefix>/share/xem-va-noi); a kiosk run from the build tree
// falls back to the source tree.
struct InstallPaths {
  fs::path assets;
  fs::path content;  // the bundled sample content
  fs::path locale;   // gettext catalogues
};
InstallPaths find_install_paths();

// Default folder for the journal and settings: $XDG_DATA_HOME/xem-va-noi, or
// ~/.local/share/xem-va-noi (the kiosk service passes --data /var/lib/xem-va-noi).
fs::path default_data_dir();
