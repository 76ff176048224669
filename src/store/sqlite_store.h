// Internal to store/: the embedded SQLite store behind OpenStore (store.h). Nothing
// outside store/ includes this header; open a store with OpenStore.
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "store/store.h"

namespace addio::store_internal {

// Opens (and with kCreateIfMissing creates) the SQLite store at `path`, bringing its
// schema up to date. Errors as OpenStore's for a SQLite path.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, OpenMode mode);

}  // namespace addio::store_internal
