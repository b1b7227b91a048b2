#pragma once
// H5P packages (.h5p: a zip with h5p.json and content/content.json, made by Lumi or an H5P site)
// become a topic of one lesson or game of the kiosk's own, chosen by h5p.json's mainLibrary and its
// major version (content/README.md, "H5P packages", lists the mapping). Only h5p.json and content/
// are read; H5P's JavaScript is never run or kept. Texts are HTML in H5P: they are shown as plain
// text. A package whose video is online, or of a kind the kiosk has no game for, is refused with a
// reason a teacher understands; missing media are named and the rest still imported when it still
// makes a game.
#include "core/importers/importer.h"

// Throws nothing: problems say why it cannot be imported, `skipped` what is left out.
PackOnStick read_h5p(const fs::path& h5p);
void convert_h5p(const PackOnStick& h5p, const fs::path& staging, const Progress& progress);

// "<p>Bé &amp; mẹ</p>" -> "Bé & mẹ": tags dropped, entities decoded, spaces collapsed, NFC.
std::string plain_text(const std::string& html);
