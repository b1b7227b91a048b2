#pragma once
// A .zip holding a topic pack (topic.json at its top or in its one top folder) or a plain folder of
// videos and pictures: imported as if it were unzipped, so packs travel between schools as one file.
#include "core/importers/importer.h"

// What the zip holds; problems say why it cannot be imported. Throws nothing.
PackOnStick read_zip_pack(const fs::path& zip);
void convert_zip_pack(const PackOnStick& zip, const fs::path& staging, const Progress& progress);
