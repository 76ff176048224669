// The PostgreSQL connection behind SqlDb (sql.h), on libpq: parameters and results as
// text, each query's ?N parameters numbered $N; a plain multi-row INSERT (an import's
// rows) sent as a COPY. Internal to src/store/.
#pragma once

#include <libpq-fe.h>

#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/sql.h"
#include "store/store.h"

namespace addio::store_internal {

class PgDb final : public SqlDb {
 public:
  // REQUIRES: `connection` is open (CONNECTION_OK).
  explicit PgDb(PGconn* connection) : connection_(connection) {}
  ~PgDb() override;
  PgDb(const PgDb&) = delete;
  PgDb& operator=(const PgDb&) = delete;

  std::unique_ptr<SqlQueryImpl> Prepare(const std::string& sql) override;
  void Exec(const std::string& sql) override;
  // kRead: REPEATABLE READ, READ ONLY (one snapshot); kWrite: the workspace's row locked
  // (FOR UPDATE), so that writers of one workspace take turns.
  void Begin(SqlTransactionKind kind, int64_t workspace) override;
  // A write transaction that changed a row counts itself in store_version before it
  // commits (one that changed nothing is no new version, as in SQLite).
  void Commit() override;
  void Rollback() override;
  // A bulk load into a store without records drops the foreign keys between the record
  // tables and their secondary indexes, and makes them again after the rows (each key then
  // checked by one join, not row by row): in the import's transaction, so that a failed
  // import leaves them as they were.
  std::vector<std::string> DropIndexes(const std::vector<std::string>& tables) override;
  // A plain multi-row INSERT runs as a COPY of its rows: 1,000 a batch.
  size_t RowsPerInsert() const override { return 1000; }
  std::string ReadPortfolioEntries(int64_t workspace, int64_t size) override;
  // store_version less the commits made through this connection.
  int64_t DataVersion() override;

 private:
  PGconn* connection_;
  bool writing_ = false;
  int64_t changed_ = 0;  // rows changed by the write transaction under way
  int64_t own_commits_ = 0;
};

// Opens the PostgreSQL database `url` names (a libpq connection URI) and, on a database
// without addio's tables, creates them (schema.h PostgresSchema) in one transaction.
// Errors kStore when the server cannot be reached or refuses, or when the database holds
// a schema of another version.
// `where` names it in messages (the URL without its password).
Result<std::unique_ptr<PgDb>> OpenPgDatabase(const std::string& url, const std::string& where);

}  // namespace addio::store_internal
