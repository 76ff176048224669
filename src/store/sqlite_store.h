// Internal to store/: opening the embedded SQLite store (sqlite_db.cc). Nothing outside
// store/ includes this header; open a store with OpenStore.
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "store/store.h"

namespace addio::store_internal {

class SqliteDb;

// The SQLite file at `path` opened with the store's settings (WAL, foreign keys, ...) and
// its schema brought up to date; with kCreateIfMissing created when missing. Errors as
// OpenStore's for a SQLite path.
Result<std::unique_ptr<SqliteDb>> OpenSqliteDatabase(const std::string& path, OpenMode mode);

}  // namespace addio::store_internal
