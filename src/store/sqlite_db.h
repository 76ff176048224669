// The SQLite connection behind SqlDb (sql.h): SQLite's own API for the statements, so that
// a bulk import pays nothing between the store and SQLite. Internal to src/store/.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <memory>
#include <string>

#include "store/sql.h"

namespace addio::store_internal {

class SqliteDb final : public SqlDb {
 public:
  explicit SqliteDb(std::unique_ptr<SQLite::Database> db) : db_(std::move(db)) {}
  std::unique_ptr<SqlQueryImpl> Prepare(const std::string& sql) override;
  void Exec(const std::string& sql) override;
  // kRead: BEGIN (the snapshot is taken by the first read); kWrite: BEGIN IMMEDIATE.
  void Begin(SqlTransactionKind kind, int64_t workspace) override;
  void Commit() override;
  void Rollback() override;

  // The connection itself, for what only SQLite has (pragmas, blobs, the busy timeout).
  SQLite::Database& sqlite() { return *db_; }

 private:
  std::unique_ptr<SQLite::Database> db_;
};

}  // namespace addio::store_internal
