#pragma once
// What a crash or a power cut can leave in the kiosk's data folder, swept when the kiosk starts so
// that nothing piles up over months: the temporary files of write_file_atomically() directly in
// the data folder (settings, the PIN, added cues: "NAME.tmp"), and the staging folders of content
// imports in the imported-content folder (content_import.h). Nothing else is touched: the journal's
// own files belong to SQLite, and a kept-aside "*.broken" file is there for a person to look at.
//
// Run it before anything writes those files again (the kiosk runs it on the UI thread right after
// its first frame, before admin mode can start an import). Best effort: what cannot be removed is
// left, and tried again at the next start.
#include <cstdint>
#include <filesystem>
#include <vector>

struct Leftover {
  std::filesystem::path path;
  uintmax_t bytes = 0;  // of its files, folders included
};

// Removes the leftovers and returns what was removed.
std::vector<Leftover> sweep_leftovers(const std::filesystem::path& data_dir, const std::filesystem::path& imported_dir);
