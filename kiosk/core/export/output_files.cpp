#include "core/export/output_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <sstream>

#include "core/atomic_file.h"
#include "core/export/export_error.h"
#include "core/i18n.h"
#include "core/text.h"

namespace {
constexpr size_t kBufferSize = 1 << 18;

void write_all(int fd, const char* data, size_t size, const fs::path& path) {
  while (size > 0) {
    ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw destination_error(errno, path);
    data += n;
    size -= static_cast<size_t>(n);
  }
}

int open_or_throw(const fs::path& path, int flags) {
  int fd = open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) throw destination_error(errno, path);
  return fd;
}
}  // namespace

std::string partial_name(const std::string& name) {
  unsigned char random[4];
  randombytes_buf(random, sizeof random);
  return format(".%s.partial-%02x%02x%02x%02x", name.c_str(), random[0], random[1], random[2], random[3]);
}

FileOut::FileOut(fs::path path) : path_(std::move(path)) {
  fd_ = open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd_ < 0) throw destination_error(errno, path_);
  buffer_.reserve(kBufferSize);
}

FileOut::~FileOut() {
  if (fd_ >= 0) close(fd_);
}

void FileOut::write(std::string_view bytes) {
  buffer_ += bytes;
  if (buffer_.size() >= kBufferSize) flush();
}

void FileOut::flush() {
  write_all(fd_, buffer_.data(), buffer_.size(), path_);
  hash_.update(buffer_);
  bytes_ += buffer_.size();
  buffer_.clear();
}

std::string FileOut::finish() {
  flush();
  if (fsync(fd_) != 0) throw destination_error(errno, path_);
  posix_fadvise(fd_, 0, 0, POSIX_FADV_DONTNEED);  // clean pages only: hence after fsync
  int fd = fd_;
  fd_ = -1;
  if (close(fd) != 0) throw destination_error(errno, path_);
  return hash_.hex();
}

void sync_file(const fs::path& file) {
  int fd = open_or_throw(file, O_RDONLY);
  int err = fsync(fd) == 0 ? 0 : errno;
  posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
  close(fd);
  if (err) throw destination_error(err, file);
}

std::string seal_file(const fs::path& file) {
  std::string sha256 = sha256_file(file);
  sync_file(file);
  return sha256;
}

void sync_dir(const fs::path& dir) {
  if (int err = sync_folder(dir)) throw destination_error(err, dir);
}

std::string write_checksums(const fs::path& file, std::vector<Checksum> sums) {
  std::sort(sums.begin(), sums.end(), [](const Checksum& a, const Checksum& b) { return a.name < b.name; });
  std::string text;
  for (const auto& s : sums) text += s.sha256 + "  " + s.name + "\n";
  FileOut out(file);
  out.write(text);
  return out.finish();
}

std::vector<Checksum> read_checksums(const fs::path& dir) {
  auto file = dir / "SHA256SUMS";
  int fd = open_or_throw(file, O_RDONLY);
  std::string text;
  char buf[4096];
  for (ssize_t n; (n = read(fd, buf, sizeof buf)) != 0;) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      close(fd);
      throw destination_error(err, file);
    }
    text.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  std::vector<Checksum> sums;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.size() < 67 || line.compare(64, 2, "  ") != 0 || line.find('/') != std::string::npos)
      throw ExportError(ExportError::Kind::Damaged,
                        format(tr("%s is not a checksum list: the folder may be damaged."), file.string().c_str()));
    sums.push_back({line.substr(66), line.substr(0, 64)});
  }
  return sums;
}

void verify_files(const fs::path& dir, const std::vector<Checksum>& sums) {
  for (const auto& s : sums) {
    auto file = dir / s.name;
    std::string actual;
    try {
      int fd = open_or_throw(file, O_RDONLY);
      posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);  // read the stick, not what is still in memory
      close(fd);
      actual = sha256_file(file);
    } catch (const std::system_error& e) {
      throw destination_error(e.code().value(), file);
    }
    if (actual != s.sha256)
      throw ExportError(ExportError::Kind::Damaged,
                        format(tr("%s on the USB stick does not match what was written: the stick may be failing. "
                                  "Try another stick."),
                               file.string().c_str()));
  }
}

StagingFolder::StagingFolder(const fs::path& destination, const std::string& final_name)
    : destination_(destination), path_(destination / partial_name(final_name)), final_name_(final_name) {
  if (mkdir(path_.c_str(), 0755) != 0) throw destination_error(errno, path_);
}

StagingFolder::~StagingFolder() {
  std::error_code ec;
  if (!published_) fs::remove_all(path_, ec);
}

fs::path StagingFolder::publish() {
  sync_dir(path_);
  auto final_path = destination_ / final_name_;
  // rename() over a folder that is not empty fails (and FAT cannot do it at all): move the older
  // export of the same name aside, and delete it only once the new one is in place.
  fs::path old;
  std::error_code ec;
  if (fs::exists(final_path, ec)) {
    old = destination_ / (partial_name(final_name_) + ".old");
    if (rename(final_path.c_str(), old.c_str()) != 0) throw destination_error(errno, final_path);
  }
  if (rename(path_.c_str(), final_path.c_str()) != 0) {
    int err = errno;
    if (!old.empty()) rename(old.c_str(), final_path.c_str());
    throw destination_error(err, final_path);
  }
  published_ = true;
  sync_dir(destination_);
  if (!old.empty()) fs::remove_all(old, ec);
  return final_path;
}

void publish_file(const fs::path& tmp, const fs::path& final_path) {
  if (rename(tmp.c_str(), final_path.c_str()) != 0) throw destination_error(errno, final_path);
  sync_dir(final_path.parent_path());
}
