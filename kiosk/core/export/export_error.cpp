#include "core/export/export_error.h"

#include <sqlite3.h>

#include <cerrno>
#include <cstring>

#include "core/export/sqlite_db.h"
#include "core/i18n.h"
#include "core/text.h"

ExportError destination_error(int err, const std::filesystem::path& file) {
  using K = ExportError::Kind;
  auto name = file.string();
  switch (err) {
    case ENOSPC:
    case EDQUOT:
      return {K::Full, format(tr("The USB stick is full: %s could not be written."), name.c_str())};
    case EROFS:
    case EACCES:
    case EPERM:
      return {K::ReadOnly,
              format(tr("The USB stick is read-only or write-protected: %s could not be written."), name.c_str())};
    case ENOENT:
    case ENODEV:
    case EIO:
    case ENXIO:
    case ESTALE:
      return {K::Gone, format(tr("The USB stick was removed or stopped answering (%s). Plug it in again and try again."),
                              name.c_str())};
    default:
      return {K::Other, format(tr("Could not write %s: %s"), name.c_str(), std::strerror(err))};
  }
}

ExportError destination_error(const SqliteError& e, const std::filesystem::path& file) {
  if (e.sys_errno != 0) return destination_error(e.sys_errno, file);
  switch (e.code) {
    case SQLITE_FULL: return destination_error(ENOSPC, file);
    case SQLITE_READONLY: return destination_error(EROFS, file);
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN: return destination_error(EIO, file);
    default: return {ExportError::Kind::Other, format(tr("Could not write %s: %s"), file.string().c_str(), e.what())};
  }
}
