// Internal to store/: Store::ReadInBatches, on either database.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "core/result.h"
#include "store/store.h"

namespace addio::store_internal {

class SqlDb;

// The clients of `workspace` (its workspace_id) in the store whose connection is `db` (a
// file at `path`), read in batches
// by up to `readers` threads. On SQLite with more than one reader, each gets a connection
// of its own, opened while `db` holds the write lock for a moment so that no commit comes
// between their snapshots; when the lock cannot be had at once (another process is
// writing, or the file is read-only), with one reader, or on another database, every
// read goes through `db` itself, one at a time, in one read transaction. `db` must
// outlive the result. Error kStore when the database refuses.
Result<std::unique_ptr<ClientBatches>> OpenClientBatches(SqlDb& db, const std::string& path,
                                                         int64_t workspace, size_t readers);

}  // namespace addio::store_internal
