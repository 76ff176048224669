#include "cli/workspace_command.h"

#include <nlohmann/json.hpp>
#include <vector>

#include "store/store.h"

namespace addio::cli {

int WorkspaceAdd(const Common& common, const std::string& id, const std::string& name) {
  if (Status added = AddWorkspace(common.db, id, name); !added) {
    return ReportError(common, added.error());
  }
  PrintLine(common, Msg("cli.workspace.added", id, common.db));
  return 0;
}

int WorkspaceList(const Common& common, const std::string& format) {
  auto workspaces = ListWorkspaces(common.db);
  if (!workspaces) return ReportError(common, workspaces.error());
  if (format == "json") {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const WorkspaceEntry& w : *workspaces) {
      out.push_back({{"id", w.id}, {"name", w.name}, {"clients", w.clients}});
    }
    WriteToStdout(out.dump(2) + "\n");
    return 0;
  }
  std::vector<std::vector<std::string>> rows = {{Tr("cli.workspace.column.id", common.lang),
                                                 Tr("cli.workspace.column.name", common.lang),
                                                 Tr("cli.workspace.column.clients", common.lang)}};
  for (const WorkspaceEntry& w : *workspaces) {
    rows.push_back({w.id, w.name, std::to_string(w.clients)});
  }
  WriteToStdout(FormatTable(rows, 2));
  return 0;
}

int WorkspaceRename(const Common& common, const std::string& id, const std::string& name) {
  if (Status renamed = RenameWorkspace(common.db, id, name); !renamed) {
    return ReportError(common, renamed.error());
  }
  PrintLine(common, Msg("cli.workspace.renamed", id, name));
  return 0;
}

}  // namespace addio::cli
