#pragma once
// Topic packs an admin brings on a USB stick, copied into the kiosk's own content folder
// (DATA/content; the bundled content is read-only). load_catalog(bundled, imported) shows them.
// Where packs go on a stick and what is refused: content/README.md, "Bringing content on a USB stick".
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/import_error.h"
#include "core/importers/importer.h"

// The packs on a stick: its top-level folders and files, and those inside a top-level folder named
// "content" or "xem-va-noi". A folder is a pack (topic.json) or a plain folder of media; a file is
// judged by its content: a zip (a zipped pack or folder, an H5P package, a PowerPoint .pptx/.odp),
// a PDF, or an old PowerPoint .ppt. Hidden items, kiosk exports, folders with no media and other
// files are left out. Sorted by name.
std::vector<PackOnStick> scan_stick(const fs::path& stick_root, const fs::path& imported_dir);

// What one folder or file becomes, as scan_stick lists it, or nothing when it is none of those.
std::optional<PackOnStick> read_pack(const fs::path& path, const fs::path& imported_dir);


// Room an import must leave free on the kiosk's disk, which also holds the class records: a full
// disk would stop the journal (a session takes about 2 KB, so this is decades of them, with room
// for the system's own logs).
constexpr uintmax_t kImportLeavesFree = uintmax_t{64} << 20;

// Copies the pack into <imported_dir>/.staging-<id>-XXXXXX (never following links), or has its
// importer write it there, checks the result as the catalog does, syncs it to disk, then swaps it
// in for <imported_dir>/<id> in one rename.
// Refused up front when it would leave less than kImportLeavesFree. On any failure (stick pulled
// out, disk full, pack changed) the old pack stays as it was and no
// staging folder is left. `progress` gets the fraction copied, 0 to 1.
// Not while another import into the same folder runs: it first removes staging folders left there.
void import_pack(const PackOnStick& pack, const fs::path& imported_dir, const std::function<void(double)>& progress);

// The staging folders that imports cut short by a crash or a power cut left in `imported_dir`.
// import_pack() removes them first, and the kiosk at start (core/leftovers.h).
std::vector<fs::path> import_leftovers(const fs::path& imported_dir);
