#pragma once
// Small files that must never be seen half-written, even after a power cut (settings, the PIN,
// added cues): write a temporary file beside, fsync it, rename it over, fsync the folder.
#include <filesystem>
#include <string>

// The temporary file is PATH + this; a crash can leave one behind (core/leftovers.h sweeps them).
inline constexpr char kAtomicTempSuffix[] = ".tmp";

// Creates the folder if needed. Throws std::runtime_error naming the file on failure; the old
// file is then left as it was.
void write_file_atomically(const std::filesystem::path& path, const std::string& content);

// Syncs a folder, so that the files created or renamed in it survive a power cut. Returns 0 or the
// errno. Filesystems that cannot sync a folder (EINVAL) count as done: their renames are as safe as
// they get.
int sync_folder(const std::filesystem::path& dir);
