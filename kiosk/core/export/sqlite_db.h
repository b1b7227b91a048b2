#pragma once
// A thin RAII layer over the sqlite3 C API for the export and merge code: one connection, prepared
// statements, and errors that keep the OS errno (a full or vanished USB stick shows up there).
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

struct SqliteError : std::runtime_error {
  SqliteError(const std::string& what, int code, int sys_errno)
      : std::runtime_error(what), code(code), sys_errno(sys_errno) {}
  int code;       // SQLITE_FULL, SQLITE_IOERR... (primary code)
  int sys_errno;  // errno of the last failed system call, 0 when none
};

class SqliteDb {
 public:
  // `flags` are sqlite3_open_v2 flags; `uri` may carry ?mode=ro or &immutable=1.
  SqliteDb(const std::string& uri, int flags);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  sqlite3* handle() const { return db_; }
  void exec(const std::string& sql);
  // The first column of the first row, or "" when there is none.
  std::string value(const std::string& sql);
  bool has_table(const std::string& schema, const std::string& name);
  [[noreturn]] void fail(const std::string& context) const;

 private:
  sqlite3* db_ = nullptr;
};

// A "file:" URI for a path (percent-escapes what a URI must not hold).
std::string sqlite_uri(const std::filesystem::path& file, const std::string& query = "");

class SqliteStmt {
 public:
  SqliteStmt(SqliteDb& db, const std::string& sql);
  ~SqliteStmt();
  SqliteStmt(const SqliteStmt&) = delete;
  SqliteStmt& operator=(const SqliteStmt&) = delete;

  SqliteStmt& bind(int i, const std::string& v);
  SqliteStmt& bind(int i, int64_t v);
  bool step();  // true while a row is available
  std::string_view text(int col) const;  // valid until the next step
  int64_t integer(int col) const;

 private:
  SqliteDb& db_;
  sqlite3_stmt* stmt_ = nullptr;
};
