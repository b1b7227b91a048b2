#pragma once
// What went wrong with an export or a merge, in words for the admin (translated with tr()) and as
// a kind the admin screen can act on.
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

struct ExportError : std::runtime_error {
  enum class Kind { Full, ReadOnly, Gone, Damaged, Journal, Other };
  ExportError(Kind kind, const std::string& message) : std::runtime_error(message), kind(kind) {}
  Kind kind;
};

// The error for a failed system call on `file` on the destination: ENOSPC is Full, EROFS Read-only,
// ENOENT or EIO Gone (the stick was pulled out)...
ExportError destination_error(int err, const std::filesystem::path& file);

struct SqliteError;
// A failed SQLite call on a database written to the destination: by its errno when SQLite has one.
ExportError destination_error(const SqliteError& e, const std::filesystem::path& file);
