#include "core/leftovers.h"

#include "core/atomic_file.h"
#include "core/content_import.h"

namespace fs = std::filesystem;

namespace {
bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() > tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Bytes of the regular files at or under `path`, never following links.
uintmax_t size_of(const fs::path& path) {
  std::error_code ec;
  if (fs::is_regular_file(fs::symlink_status(path, ec))) return fs::file_size(path, ec);
  uintmax_t total = 0;
  for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec) && !it->is_symlink(ec)) total += it->file_size(ec);
  return total;
}
}  // namespace

std::vector<Leftover> sweep_leftovers(const fs::path& data_dir, const fs::path& imported_dir) {
  std::vector<Leftover> found;
  std::error_code ec;
  for (fs::directory_iterator it(data_dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec) && !it->is_symlink(ec) && ends_with(it->path().filename().string(), kAtomicTempSuffix))
      found.push_back({it->path(), size_of(it->path())});
  for (const auto& dir : import_leftovers(imported_dir)) found.push_back({dir, size_of(dir)});
  std::vector<Leftover> removed;
  for (auto& item : found)
    if (fs::remove_all(item.path, ec) > 0 && !ec) removed.push_back(std::move(item));
  return removed;
}
