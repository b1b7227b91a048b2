#pragma once
// Small files that must never be seen half-written, even after a power cut (settings, the PIN,
// added cues): write a temporary file beside, fsync it, rename it over, fsync the folder.
#include <filesystem>
#include <string>

// Creates the folder if needed. Throws std::runtime_error naming the file on failure; the old
// file is then left as it was.
void write_file_atomically(const std::filesystem::path& path, const std::string& content);
