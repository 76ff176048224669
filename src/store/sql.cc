#include "store/sql.h"

namespace addio::store_internal {

SqlQuery::SqlQuery(SqlDb& db, const std::string& sql) : impl_(db.Prepare(sql)) {}

SqlTransaction::SqlTransaction(SqlDb& db, SqlTransactionKind kind, int64_t workspace) : db_(db) {
  db_.Begin(kind, workspace);
}

SqlTransaction::~SqlTransaction() {
  if (!open_) return;
  try {
    db_.Rollback();
  } catch (const SqlError&) {  // NOLINT(bugprone-empty-catch): nothing was committed
  }
}

void SqlTransaction::commit() {
  db_.Commit();
  open_ = false;
}

}  // namespace addio::store_internal
