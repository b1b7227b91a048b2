#pragma once
// Topic packs an admin brings on a USB stick, copied into the kiosk's own content folder
// (DATA/content; the bundled content is read-only). load_catalog(bundled, imported) shows them.
// Where packs go on a stick and what is refused: content/README.md, "Bringing content on a USB stick".
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/catalog.h"

struct PackOnStick {
  fs::path dir;     // on the stick
  std::string id;   // the topic id it will have in the kiosk
  LocalText title;
  bool generated = false;  // a plain folder of videos and pictures, turned into a pack on import
  int lessons = 0, games = 0;
  bool replaces_existing = false;  // an imported pack of that id is there already
  std::vector<Problem> problems;   // those of `kiosk check-content`, links, special files
  bool importable() const { return problems.empty(); }
};

// The packs on a stick: its top-level folders, and the folders inside a top-level folder named
// "content" or "xem-va-noi". Hidden folders, kiosk exports and folders that are neither a pack nor
// a plain folder of media are left out. Sorted by folder name.
std::vector<PackOnStick> scan_stick(const fs::path& stick_root, const fs::path& imported_dir);

// What import_pack throws; what() is translated, for the admin.
struct ImportError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Room an import must leave free on the kiosk's disk, which also holds the class records: a full
// disk would stop the journal (a session takes about 2 KB, so this is decades of them, with room
// for the system's own logs).
constexpr uintmax_t kImportLeavesFree = uintmax_t{64} << 20;

// Copies the pack into <imported_dir>/.staging-<id>-XXXXXX (never following links), checks the copy
// as the catalog does, syncs it to disk, then swaps it in for <imported_dir>/<id> in one rename.
// Refused up front when it would leave less than kImportLeavesFree. On any failure (stick pulled
// out, disk full, pack changed) the old pack stays as it was and no
// staging folder is left. `progress` gets the fraction copied, 0 to 1.
void import_pack(const PackOnStick& pack, const fs::path& imported_dir, const std::function<void(double)>& progress);
