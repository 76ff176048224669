// `addio user`, `addio member` and `addio token`: the accounts of a store, their roles in
// its workspaces and the API tokens of scripts (DESIGN.md section 10). They work on the
// store directly, as its administrator: whoever can open the store's file or database can
// already read everything in it. `addio serve` is where accounts and roles are enforced.
#pragma once

#include <string>

#include "cli/commands.h"

namespace addio::cli {

// `addio user add EMAIL`: adds an account. The password is asked twice on a terminal
// (not shown), else read from the first line of stdin. The store's first account becomes
// owner of every workspace, so that someone can manage the rest. Returns 0 or the
// ExitCode of the error (a bad e-mail, a short password, an account that exists).
int UserAdd(const Common& common, const std::string& email);
// `addio user password EMAIL`: sets a new password (read as UserAdd reads it) and ends the
// account's sessions.
int UserPassword(const Common& common, const std::string& email);
// `addio user list`: every account, with its workspaces and roles.
int UserList(const Common& common, const std::string& format);

// `addio member add EMAIL --role ROLE`: gives an account a role in the workspace (adds it,
// or changes its role). `addio member remove EMAIL`, `addio member list`.
int MemberAdd(const Common& common, const std::string& email, const std::string& role);
int MemberRemove(const Common& common, const std::string& email);
int MemberList(const Common& common, const std::string& format);

struct TokenCreateOptions {
  std::string user;  // --user EMAIL; empty: the workspace's only owner
  std::string role = "viewer";
  std::string name;  // --name, to tell tokens apart in `token list`
};
// `addio token create`: makes an API token and prints it on stdout, once (only its hash is
// kept); what it is for goes to stderr, so that `TOKEN=$(addio token create)` holds the
// token alone.
int TokenCreate(const Common& common, const TokenCreateOptions& options);
int TokenList(const Common& common, const std::string& format);
int TokenRevoke(const Common& common, const std::string& id);

}  // namespace addio::cli
