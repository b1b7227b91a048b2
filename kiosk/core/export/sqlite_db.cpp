#include "core/export/sqlite_db.h"

#include <sqlite3.h>

SqliteDb::SqliteDb(const std::string& uri, int flags) {
  if (sqlite3_open_v2(uri.c_str(), &db_, flags | SQLITE_OPEN_URI, nullptr) != SQLITE_OK) {
    int code = db_ ? sqlite3_errcode(db_) : SQLITE_NOMEM;
    int sys = db_ ? sqlite3_system_errno(db_) : 0;
    std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw SqliteError(uri + ": " + why, code & 0xff, sys);
  }
  sqlite3_busy_timeout(db_, 5000);  // the running kiosk may be committing a heartbeat
  sqlite3_extended_result_codes(db_, 1);
}

SqliteDb::~SqliteDb() { sqlite3_close(db_); }

void SqliteDb::fail(const std::string& context) const {
  throw SqliteError(context + ": " + sqlite3_errmsg(db_), sqlite3_errcode(db_) & 0xff, sqlite3_system_errno(db_));
}

void SqliteDb::exec(const std::string& sql) {
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail("sqlite");
}

std::string SqliteDb::value(const std::string& sql) {
  SqliteStmt st(*this, sql);
  return st.step() ? std::string(st.text(0)) : "";
}

bool SqliteDb::has_table(const std::string& schema, const std::string& name) {
  SqliteStmt st(*this, "SELECT 1 FROM " + schema + ".sqlite_master WHERE type IN ('table', 'view') AND name = ?");
  return st.bind(1, name).step();
}

std::string sqlite_uri(const std::filesystem::path& file, const std::string& query) {
  std::string uri = "file:";
  for (unsigned char c : std::filesystem::absolute(file).string()) {
    if (c == '?' || c == '#' || c == '%' || c < 0x20) {
      static const char* hex = "0123456789ABCDEF";
      uri += '%';
      uri += hex[c >> 4];
      uri += hex[c & 15];
    } else {
      uri += static_cast<char>(c);
    }
  }
  return query.empty() ? uri : uri + "?" + query;
}

SqliteStmt::SqliteStmt(SqliteDb& db, const std::string& sql) : db_(db) {
  if (sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK) db.fail("sqlite");
}

SqliteStmt::~SqliteStmt() { sqlite3_finalize(stmt_); }

SqliteStmt& SqliteStmt::bind(int i, const std::string& v) {
  sqlite3_bind_text(stmt_, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}

SqliteStmt& SqliteStmt::bind(int i, int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}

bool SqliteStmt::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_.fail("sqlite");
}

std::string_view SqliteStmt::text(int col) const {
  auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  return p ? std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col))) : std::string_view();
}

int64_t SqliteStmt::integer(int col) const { return sqlite3_column_int64(stmt_, col); }
