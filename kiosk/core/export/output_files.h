#pragma once
// Writing files to a USB stick so that nothing half-written ever carries a final name: new files
// are written under hidden ".NAME.partial-XXXXXXXX" names, fsync'ed, read back and checked, and only
// then renamed. Every failure throws ExportError (see export_error.h).
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/export/sha256.h"

namespace fs = std::filesystem;

// ".NAME.partial-" and 8 random hex digits.
std::string partial_name(const std::string& name);

// One new file (it must not exist yet), written through a buffer and hashed as it is written.
class FileOut {
 public:
  explicit FileOut(fs::path path);
  ~FileOut();  // closes; a file not finished is left for its folder's cleanup
  FileOut(const FileOut&) = delete;
  FileOut& operator=(const FileOut&) = delete;

  void write(std::string_view bytes);
  // Writes the rest, fsyncs, drops the file from the page cache (so reading it back reads the
  // stick), closes. Returns the SHA-256 of everything written.
  std::string finish();
  uint64_t bytes() const { return bytes_; }

 private:
  void flush();
  fs::path path_;
  int fd_ = -1;
  std::string buffer_;
  uint64_t bytes_ = 0;
  Sha256 hash_;
};

// fsync of a file written by someone else (SQLite), then dropping it from the page cache.
void sync_file(const fs::path& file);
void sync_dir(const fs::path& dir);
// A file written by a library (SQLite, libxlsxwriter): hashed while its pages are still in memory,
// so the checksum is of what the library wrote and the later check reads the stick; then fsynced
// and dropped from the cache (sync_file). Returns its SHA-256. Throws std::system_error or ExportError.
std::string seal_file(const fs::path& file);

struct Checksum {
  std::string name, sha256;
};
// Writes a SHA256SUMS file in sha256sum's format (`sha256sum -c SHA256SUMS` checks it) and returns
// its own checksum.
std::string write_checksums(const fs::path& file, std::vector<Checksum> sums);
// Reads dir/SHA256SUMS. Throws ExportError (Damaged) when it is not in sha256sum's format.
std::vector<Checksum> read_checksums(const fs::path& dir);
// Reads every file back and compares; a difference throws ExportError Damaged naming the file.
void verify_files(const fs::path& dir, const std::vector<Checksum>& sums);

// A hidden folder on the destination that becomes `final_name` on publish(), or is removed.
class StagingFolder {
 public:
  StagingFolder(const fs::path& destination, const std::string& final_name);
  ~StagingFolder();  // removes the folder unless published (best effort)
  StagingFolder(const StagingFolder&) = delete;
  StagingFolder& operator=(const StagingFolder&) = delete;

  const fs::path& path() const { return path_; }
  // fsyncs the folder, renames it to its final name (an older folder of that name is moved aside
  // first and deleted after), fsyncs the destination. Returns the final path.
  fs::path publish();

 private:
  fs::path destination_, path_;
  std::string final_name_;
  bool published_ = false;
};

// Replaces dir/name by the finished temporary file `tmp` in the same folder (rename, fsync dir).
void publish_file(const fs::path& tmp, const fs::path& final_path);
