#pragma once
// File names that differ only in Unicode normalisation. macOS writes names decomposed ("a" +
// U+0300) onto sticks and into zips, while manifests are typed precomposed (or the reverse, with
// Unikey's "Unicode tổ hợp"): to a person they are the same name, so they name the same file.
#include <filesystem>

// The file or folder `relative` names inside `dir`: each part that is not on disk exactly is
// matched against the folder's entries by their NFC forms. Empty when there is none. Reads the
// folders only; any thread.
std::filesystem::path find_by_nfc(const std::filesystem::path& dir, const std::filesystem::path& relative);
