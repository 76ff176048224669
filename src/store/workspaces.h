// Internal to store/: the registry of a store's workspaces, on any SqlDb (workspaces.cc).
// `where` names the store in messages.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/sql.h"
#include "store/store.h"

namespace addio::store_internal {

// The workspace_id of workspace `id` ("": the only one). Errors as OpenStore's for the
// workspace.
Result<int64_t> FindWorkspace(SqlDb& db, const std::string& where, const std::string& id);

// ListWorkspaces, AddWorkspace and RenameWorkspace (store.h) on an open database; the id
// and the name are checked by the caller.
Result<std::vector<WorkspaceEntry>> ListWorkspacesIn(SqlDb& db, const std::string& where);
Status AddWorkspaceTo(SqlDb& db, const std::string& where, const std::string& id,
                      const std::string& name);
Status RenameWorkspaceIn(SqlDb& db, const std::string& where, const std::string& id,
                         const std::string& name);

}  // namespace addio::store_internal
