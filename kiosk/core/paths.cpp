#include "core/paths.h"

#include <cstdlib>
#include <unistd.h>

namespace {
fs::path executable_dir() {
  std::error_code ec;
  auto exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}
}  // namespace

InstallPaths find_install_paths() {
  auto prefix = executable_dir().parent_path();
  auto installed = prefix / KIOSK_DATADIR_REL;
  if (fs::is_directory(installed / "assets")) {
    return {installed / "assets", installed / "content", prefix / KIOSK_LOCALEDIR_REL, prefix / KIOSK_PKGLIBDIR_REL};
  }
  fs::path source = KIOSK_SOURCE_DIR;
  return {source / "assets", source / "content", KIOSK_BUILD_LOCALEDIR, KIOSK_BUILD_MODULEDIR};
}

fs::path default_data_dir() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return fs::path(xdg) / "xem-va-noi";
  if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".local/share/xem-va-noi";
  return "/var/lib/xem-va-noi";
}
