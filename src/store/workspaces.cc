// The workspaces of a store (store.h: ListWorkspaces, AddWorkspace, RenameWorkspace, and
// the choice of one when a store is opened): the registry table `workspaces`, whose
// integer workspace_id keys every other table.
#include "store/workspaces.h"

#include <string>
#include <vector>

#include "store/rows.h"
#include "store/sql.h"

namespace addio::store_internal {
namespace {

// The ids of the workspaces of `db`, joined with ", " for messages.
std::string IdsOf(SqlDb& db) {
  std::string ids;
  SqlQuery query(db, "SELECT slug FROM workspaces ORDER BY slug");
  while (query.executeStep()) ids += (ids.empty() ? "" : ", ") + query.getColumn(0).getString();
  return ids;
}

}  // namespace

Result<int64_t> FindWorkspace(SqlDb& db, const std::string& path, const std::string& id) {
  return GuardStore(path, "store.action.read", [&]() -> Result<int64_t> {
    if (id.empty()) {
      SqlQuery query(db, "SELECT workspace_id FROM workspaces LIMIT 2");
      std::vector<int64_t> found;
      while (query.executeStep()) found.push_back(query.getColumn(0).getInt64());
      if (found.size() == 1) return found.front();
      if (found.empty()) {
        return Fail(ErrorCode::kNotFound, Msg("store.workspace.none", path));
      }
      return Fail(ErrorCode::kInvalidArgument, Msg("store.workspace.choose", path, IdsOf(db)));
    }
    SqlQuery query(db, "SELECT workspace_id FROM workspaces WHERE slug = ?");
    query.bind(1, id);
    if (query.executeStep()) return query.getColumn(0).getInt64();
    return Fail(ErrorCode::kNotFound, Msg("store.workspace.not_found", path, id, IdsOf(db)));
  });
}

Result<std::vector<WorkspaceEntry>> ListWorkspacesIn(SqlDb& db, const std::string& path) {
  return GuardStore(path, "store.action.read", [&]() -> Result<std::vector<WorkspaceEntry>> {
    SqlQuery query(db,
                   "SELECT w.slug, w.name, (SELECT count(*) FROM clients c "
                   "WHERE c.workspace_id = w.workspace_id) FROM workspaces w "
                   "ORDER BY w.slug");
    std::vector<WorkspaceEntry> out;
    while (query.executeStep()) {
      out.push_back({.id = query.getColumn(0).getString(),
                     .name = query.getColumn(1).getString(),
                     .clients = static_cast<size_t>(query.getColumn(2).getInt64())});
    }
    return out;
  });
}

Status AddWorkspaceTo(SqlDb& db, const std::string& path, const std::string& id,
                      const std::string& name) {
  return GuardStore(path, "store.action.update_workspace", [&]() -> Status {
    SqlTransaction transaction(db, SqlTransactionKind::kWrite);
    SqlQuery add(db,
                 "INSERT INTO workspaces (slug, name) VALUES (?, ?) "
                 "ON CONFLICT (slug) DO NOTHING");
    add.bind(1, id);
    add.bind(2, name);
    if (add.exec() == 0) {
      return Fail(ErrorCode::kConflict, Msg("store.workspace.exists", path, id));
    }
    transaction.commit();
    return {};
  });
}

Status RenameWorkspaceIn(SqlDb& db, const std::string& path, const std::string& id,
                         const std::string& name) {
  return GuardStore(path, "store.action.update_workspace", [&]() -> Status {
    SqlQuery rename(db, "UPDATE workspaces SET name = ? WHERE slug = ?");
    rename.bind(1, name);
    rename.bind(2, id);
    if (rename.exec() == 0) {
      return Fail(ErrorCode::kNotFound, Msg("store.workspace.not_found", path, id, IdsOf(db)));
    }
    return {};
  });
}

}  // namespace addio::store_internal
