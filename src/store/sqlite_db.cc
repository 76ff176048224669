#include "store/sqlite_db.h"

#include <sqlite3.h>

namespace addio::store_internal {
namespace {

[[noreturn]] void Throw(sqlite3* db) { throw SqlError(sqlite3_errmsg(db)); }

class SqliteQuery final : public SqlQueryImpl {
 public:
  SqliteQuery(sqlite3* db, const std::string& sql) : db_(db) {
    if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size() + 1), &statement_,
                           nullptr) != SQLITE_OK) {
      Throw(db_);
    }
  }
  ~SqliteQuery() override { sqlite3_finalize(statement_); }
  SqliteQuery(const SqliteQuery&) = delete;
  SqliteQuery& operator=(const SqliteQuery&) = delete;

  void BindInt(int index, int64_t v) override { Check(sqlite3_bind_int64(statement_, index, v)); }
  void BindReal(int index, double v) override { Check(sqlite3_bind_double(statement_, index, v)); }
  void BindText(int index, std::string_view v, bool copy) override {
    Check(sqlite3_bind_text(statement_, index, v.data(), static_cast<int>(v.size()),
                            copy ? SQLITE_TRANSIENT : SQLITE_STATIC));
  }
  void BindBlob(int index, std::string_view v) override {
    Check(
        sqlite3_bind_blob(statement_, index, v.data(), static_cast<int>(v.size()), SQLITE_STATIC));
  }
  void BindNull(int index) override { Check(sqlite3_bind_null(statement_, index)); }

  bool Step() override {
    const int result = sqlite3_step(statement_);
    if (result == SQLITE_ROW) return true;
    if (result == SQLITE_DONE) return false;
    SqlError error(sqlite3_errmsg(db_));  // before the reset, which may replace it
    sqlite3_reset(statement_);
    throw error;
  }
  int Run() override {
    while (Step()) {
    }
    return sqlite3_changes(db_);
  }
  void Reset() override { sqlite3_reset(statement_); }

  bool IsNull(int column) override {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
  }
  bool IsInteger(int column) override {
    return sqlite3_column_type(statement_, column) == SQLITE_INTEGER;
  }
  int64_t Int(int column) override { return sqlite3_column_int64(statement_, column); }
  double Real(int column) override { return sqlite3_column_double(statement_, column); }
  std::string_view Text(int column) override {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
    if (text == nullptr) return {};
    return {text, static_cast<size_t>(sqlite3_column_bytes(statement_, column))};
  }
  std::string ColumnName(int column) override {
    const char* name = sqlite3_column_name(statement_, column);
    return name != nullptr ? name : "";
  }

 private:
  void Check(int result) {
    if (result != SQLITE_OK) Throw(db_);
  }

  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
};

}  // namespace

std::unique_ptr<SqlQueryImpl> SqliteDb::Prepare(const std::string& sql) {
  return std::make_unique<SqliteQuery>(db_->getHandle(), sql);
}

void SqliteDb::Exec(const std::string& sql) {
  if (sqlite3_exec(db_->getHandle(), sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    Throw(db_->getHandle());
  }
}

void SqliteDb::Begin(SqlTransactionKind kind, int64_t /*workspace*/) {
  Exec(kind == SqlTransactionKind::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
}

void SqliteDb::Commit() { Exec("COMMIT"); }

void SqliteDb::Rollback() { Exec("ROLLBACK"); }

}  // namespace addio::store_internal
