#pragma once
// Zip archives a teacher brings (zipped packs, H5P packages), read with libarchive, streamed and
// never unpacked outside the folder given. Hostile archives are refused whole with an ImportError:
// entries that leave the archive (absolute paths, ".."), links and device entries, encrypted or
// corrupt archives, and bombs (the limits below). Not thread-safe per call; calls are independent.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace fs = std::filesystem;

// An archive unpacks to at most kMaxUnpacked bytes in at most kMaxEntries entries, and once past
// kRatioFloor bytes to at most kMaxRatio times its own size: videos and pictures barely compress,
// so real packs stay far below, while a zip bomb is thousands of times its size.
constexpr uint64_t kMaxUnpacked = uint64_t{4} << 30;
constexpr size_t kMaxEntries = 10000;
constexpr uint64_t kMaxRatio = 100;
constexpr uint64_t kRatioFloor = uint64_t{16} << 20;

struct ArchiveEntry {
  std::string name;           // '/'-separated, relative, NFC; a folder's ends in '/'
  uint64_t size = 0;          // as the archive declares it
  std::string head;           // its first bytes (up to kMediaHeadBytes), to judge it by content
};

// Every file and folder entry, leaving out macOS's __MACOSX/ and hidden ("._x", ".DS_Store").
// Throws ImportError (translated) when the archive is unreadable or hostile.
std::vector<ArchiveEntry> list_archive(const fs::path& archive);

// One entry's bytes, at most `max_bytes` (more is an ImportError), or nothing when absent.
std::optional<std::string> read_archive_entry(const fs::path& archive, const std::string& name, size_t max_bytes);

// Unpacks the entries `place` maps to a path (relative to `into`, which must exist); nullopt skips
// one. Files are created new (never over a file or through a link) and synced to disk; folders on
// the way are made. `progress` gets the fraction of the declared total. Throws ImportError.
void unpack_archive(const fs::path& archive, const fs::path& into,
                    const std::function<std::optional<fs::path>(const std::string& name)>& place,
                    const std::function<void(double)>& progress);

// Writes `dir` (every regular file and folder under it, links refused) into a new zip at `out`, in
// a folder of dir's name, through a temporary file renamed at the end. Media are stored, not
// deflated (they are compressed already). Throws std::runtime_error with the reason.
void write_zip(const fs::path& dir, const fs::path& out);
