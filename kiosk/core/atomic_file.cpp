#include "core/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <stdexcept>

namespace fs = std::filesystem;

void write_file_atomically(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  auto tmp = path.string() + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "w");
  bool ok = f && std::fwrite(content.data(), 1, content.size(), f) == content.size() && std::fflush(f) == 0 &&
            fsync(fileno(f)) == 0;
  if (f) ok = (std::fclose(f) == 0) && ok;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw std::runtime_error("cannot save " + path.string());
  }
  // The rename itself survives a power cut only once the folder is on disk too.
  int dir = open(path.parent_path().c_str(), O_RDONLY | O_DIRECTORY);
  if (dir >= 0) {
    fsync(dir);
    close(dir);
  }
}
