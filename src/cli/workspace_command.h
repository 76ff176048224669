// `addio workspace add|list|rename`: the workspaces of one store (DESIGN.md section 10).
// Every other command works in one of them, named with --workspace ID (or
// $ADDIO_WORKSPACE), or the store's only one.
#pragma once

#include <string>

#include "cli/commands.h"

namespace addio::cli {

// Adds the empty workspace `id` named `name` (the id when empty) to the store common.db
// and says how to use it. Returns 0, or the ExitCode of the error (a bad or taken id).
int WorkspaceAdd(const Common& common, const std::string& id, const std::string& name);

// Prints the store's workspaces, one line each (id, name, clients), or with `format`
// "json" an array of {id, name, clients}. Returns 0, or the ExitCode of the store's error.
int WorkspaceList(const Common& common, const std::string& format);

// Gives workspace `id` the name `name`. Returns 0, or the ExitCode of the error.
int WorkspaceRename(const Common& common, const std::string& id, const std::string& name);

}  // namespace addio::cli
