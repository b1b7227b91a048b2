#include "core/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <stdexcept>

namespace fs = std::filesystem;

void write_file_atomically(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  auto tmp = path.string() + kAtomicTempSuffix;
  FILE* f = std::fopen(tmp.c_str(), "w");
  bool ok = f && std::fwrite(content.data(), 1, content.size(), f) == content.size() && std::fflush(f) == 0 &&
            fsync(fileno(f)) == 0;
  if (f) ok = (std::fclose(f) == 0) && ok;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw std::runtime_error("cannot save " + path.string());
  }
  sync_folder(path.parent_path());  // best effort: the new file is in place whatever it says
}

int sync_folder(const fs::path& dir) {
  int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return errno;
  int err = fsync(fd) == 0 ? 0 : errno;
  close(fd);
  return err == EINVAL ? 0 : err;
}
