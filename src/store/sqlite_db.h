// The SQLite connection behind SqlDb (sql.h): SQLite's own API for the statements, so that
// a bulk import pays nothing between the store and SQLite. Internal to src/store/.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <memory>
#include <string>
#include <vector>

#include "store/sql.h"

namespace addio::store_internal {

class SqliteDb final : public SqlDb {
 public:
  // `busy_timeout_ms`: how long the connection waits for another's lock (as it was opened).
  explicit SqliteDb(std::unique_ptr<SQLite::Database> db, int busy_timeout_ms = 5000)
      : db_(std::move(db)), busy_timeout_ms_(busy_timeout_ms) {}
  std::unique_ptr<SqlQueryImpl> Prepare(const std::string& sql) override;
  void Exec(const std::string& sql) override;
  // kRead: BEGIN (the snapshot is taken by the first read); kWrite: BEGIN IMMEDIATE.
  void Begin(SqlTransactionKind kind, int64_t workspace) override;
  void Commit() override;
  void Rollback() override;
  // No foreign key checks, a small page cache, the rollback journal (sqlite_db.cc).
  std::unique_ptr<SqlScope> StartBulkLoad() override;
  std::vector<std::string> DropIndexes(const std::vector<std::string>& tables) override;
  // Read with sqlite3_blob_read, straight into the string.
  std::string ReadPortfolioEntries(int64_t workspace, int64_t size) override;
  // An open blob handle, read through memory-mapped I/O while it is open (sqlite_db.cc).
  std::shared_ptr<const RatesBytes> OpenPortfolioEntries(int64_t workspace, int64_t size) override;
  // PRAGMA data_version.
  int64_t DataVersion() override;

  // The connection itself, for what only SQLite has (pragmas, blobs, the busy timeout).
  SQLite::Database& sqlite() { return *db_; }
  int busy_timeout_ms() const { return busy_timeout_ms_; }

 private:
  std::unique_ptr<SQLite::Database> db_;
  int busy_timeout_ms_;
  std::unique_ptr<SqlQueryImpl> data_version_;  // prepared once: a server asks often
};

}  // namespace addio::store_internal
