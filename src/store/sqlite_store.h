// Internal to store/: the embedded SQLite store behind OpenStore (store.h). Nothing
// outside store/ includes this header; open a store with OpenStore.
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "store/store.h"

namespace addio::store_internal {

// Opens workspace `workspace` ("": the only one) of the SQLite store at `path` (with
// kCreateIfMissing creating it), bringing its schema up to date. Errors as OpenStore's
// for a SQLite path.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, OpenMode mode,
                                               const std::string& workspace);

// ListWorkspaces, AddWorkspace and RenameWorkspace (store.h) for the SQLite store at
// `path` (sqlite_workspaces.cc).
Result<std::vector<WorkspaceEntry>> ListSqliteWorkspaces(const std::string& path);
Status AddSqliteWorkspace(const std::string& path, const std::string& id, const std::string& name);
Status RenameSqliteWorkspace(const std::string& path, const std::string& id,
                             const std::string& name);

class SqlDb;
class SqliteDb;

// The SQLite file at `path` opened with the store's settings (WAL, foreign keys, ...) and
// its schema brought up to date. Errors as OpenSqliteStore's.
Result<std::unique_ptr<SqliteDb>> OpenSqliteDatabase(const std::string& path, OpenMode mode);

// The workspace_id of workspace `id` ("": the only one) in `db` (the store at `path`).
// Errors as OpenStore's for the workspace.
Result<int64_t> FindWorkspace(SqlDb& db, const std::string& path, const std::string& id);

}  // namespace addio::store_internal
