// Internal to store/: Store::ReadInBatches for the SQLite store.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "core/result.h"
#include "store/store.h"

namespace addio::store_internal {

class SqliteDb;

// The clients of `workspace` (its workspace_id) in the store whose connection is `db` (a
// file at `path`), read in batches
// by up to `readers` threads. With more than one reader, each gets a connection of its
// own, opened while `db` holds the write lock for a moment so that no commit comes between
// their snapshots; when the lock cannot be had at once (another process is writing, or
// the file is read-only), or with one reader, every read goes through `db` itself, one at
// a time. `db` must outlive the result. Error kStore when SQLite refuses.
Result<std::unique_ptr<ClientBatches>> OpenClientBatches(SqliteDb& db, const std::string& path,
                                                         int64_t workspace, size_t readers,
                                                         int busy_timeout_ms);

}  // namespace addio::store_internal
