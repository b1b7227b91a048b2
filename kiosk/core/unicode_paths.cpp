#include "core/unicode_paths.h"

#include "core/text.h"

namespace fs = std::filesystem;

fs::path find_by_nfc(const fs::path& dir, const fs::path& relative) {
  fs::path found = dir;
  std::error_code ec;
  for (const auto& part : relative) {
    if (fs::exists(found / part, ec)) {  // the usual case: no folder to read
      found /= part;
      continue;
    }
    const std::string wanted = nfc(part.string());
    fs::path match;
    for (const auto& entry : fs::directory_iterator(found, ec))
      if (nfc(entry.path().filename().string()) == wanted) {
        match = entry.path();
        break;
      }
    if (match.empty()) return {};
    found = match;
  }
  return found;
}
