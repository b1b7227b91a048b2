#pragma once
// An importer turns one kind of file a teacher brings (a zipped pack, an H5P package, a PDF, a
// PowerPoint) into the kiosk's own pack: a folder with topic.json and its media (content/README.md),
// written into the import's staging folder. The catalog, validation and screens then play it
// without knowing the file's format. content_import.cpp picks the importer and swaps the pack in.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/import_error.h"

namespace fs = std::filesystem;

enum class PackKind { folder, media_folder, zip, h5p, pdf, slides };

struct PackOnStick {
  fs::path path;    // the folder or file on the stick
  PackKind kind = PackKind::folder;
  std::string id;   // the topic id it will have in the kiosk
  LocalText title;
  int lessons = 0, games = 0;
  std::string becomes;               // what it becomes, for the admin ("a memory game of 6 pairs"); translated
  std::vector<std::string> skipped;  // files left out, each "name: why" (translated)
  bool replaces_existing = false;    // an imported pack of that id is there already
  std::vector<Problem> problems;     // those of `kiosk check-content`, links, special files, refusals
  bool importable() const { return problems.empty(); }
};

using Progress = std::function<void(double)>;

// Writes the pack `file` becomes into `staging` (an empty folder on the kiosk's disk); the caller
// checks it as the catalog will read it, syncs it and swaps it in. Throws ImportError.
using ConvertFile = void (*)(const PackOnStick& file, const fs::path& staging, const Progress& progress);

// Throws ImportError when writing `bytes` into `staging` would leave less than kImportLeavesFree
// on the kiosk's disk (content_import.h).
void ensure_room(uintmax_t bytes, const fs::path& staging);
