#include "cli/account_command.h"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/secrets.h"
#include "store/accounts.h"
#include "store/store.h"

namespace addio::cli {
namespace {

// The accounts of the store common.db.
Result<std::unique_ptr<Accounts>> OpenAccountsOf(const Common& common) {
  return OpenAccounts(common.db);
}

// The id of the workspace the command is for: common.workspace, else the store's only one.
Result<std::string> WorkspaceOf(const Common& common) {
  if (!common.workspace.empty()) return common.workspace;
  auto workspaces = ListWorkspaces(common.db);
  if (!workspaces) return std::unexpected(workspaces.error());
  if (workspaces->size() == 1) return workspaces->front().id;
  std::string ids;
  for (const WorkspaceEntry& w : *workspaces) ids += (ids.empty() ? "" : ", ") + w.id;
  return Fail(ErrorCode::kInvalidArgument, Msg("store.workspace.choose", common.db, ids));
}

// One line of the terminal typed without echo.
std::string ReadHidden(const Common& common, const char* prompt_key) {
  WriteToStderr(Tr(prompt_key, common.lang));
  termios before{};
  tcgetattr(STDIN_FILENO, &before);
  termios quiet = before;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  std::string line;
  std::getline(std::cin, line);
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &before);
  WriteToStderr("\n");
  return line;
}

// The new password: asked twice on a terminal, else the first line of stdin (without its
// line end). Errors: the two typings differ; none given; PasswordProblem's.
Result<std::string> ReadNewPassword(const Common& common) {
  std::string password;
  if (isatty(STDIN_FILENO)) {
    password = ReadHidden(common, "cli.user.password_prompt");
    if (ReadHidden(common, "cli.user.password_again") != password) {
      return Fail(ErrorCode::kInvalidArgument, Msg("cli.user.password_mismatch"));
    }
  } else if (!std::getline(std::cin, password)) {
    return Fail(ErrorCode::kInvalidArgument, Msg("cli.user.no_password"));
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  if (auto problem = PasswordProblem(password)) {
    return Fail(ErrorCode::kInvalidArgument, *problem);
  }
  return password;
}

std::string RoleText(const Common& common, Role role) {
  return Tr("store.role." + std::string(RoleName(role)), common.lang);
}

Result<Role> RoleNamed(const std::string& name) {
  if (auto role = ParseRole(name)) return *role;
  return Fail(ErrorCode::kInvalidArgument, Msg("cli.member.bad_role", name));
}

std::string Column(const Common& common, const char* key) { return Tr(key, common.lang); }

}  // namespace

int UserAdd(const Common& common, const std::string& email) {
  auto accounts = OpenAccountsOf(common);
  if (!accounts) return ReportError(common, accounts.error());
  if (!IsAccountEmail(NormalizeEmail(email))) {
    return ReportError(common, {ErrorCode::kInvalidArgument, Msg("ledger.not_an_address", email)});
  }
  auto first = (*accounts)->AnyAccount();
  if (!first) return ReportError(common, first.error());
  auto password = ReadNewPassword(common);
  if (!password) return ReportError(common, password.error());
  auto account = (*accounts)->AddAccount(email, HashPassword(*password), common.clock->Now());
  if (!account) return ReportError(common, account.error());
  PrintLine(common, Msg("cli.user.added", account->email));
  if (*first) return 0;
  // The first account owns every workspace: someone must be able to manage the others.
  auto workspaces = ListWorkspaces(common.db);
  if (!workspaces) return ReportError(common, workspaces.error());
  std::string ids;
  for (const WorkspaceEntry& w : *workspaces) {
    if (Status set = (*accounts)->SetMember(w.id, account->email, Role::kOwner); !set) {
      return ReportError(common, set.error());
    }
    ids += (ids.empty() ? "" : ", ") + w.id;
  }
  PrintLine(common, Msg("cli.user.first_owner", account->email, ids));
  return 0;
}

int UserPassword(const Common& common, const std::string& email) {
  auto accounts = OpenAccountsOf(common);
  if (!accounts) return ReportError(common, accounts.error());
  auto login = (*accounts)->FindLogin(email);
  if (!login) return ReportError(common, login.error());
  if (!*login) {
    return ReportError(common, {ErrorCode::kNotFound,
                                Msg("store.account.not_found", common.db, NormalizeEmail(email))});
  }
  auto password = ReadNewPassword(common);
  if (!password) return ReportError(common, password.error());
  if (Status set = (*accounts)->SetPassword(email, HashPassword(*password)); !set) {
    return ReportError(common, set.error());
  }
  PrintLine(common, Msg("cli.user.password_set", (*login)->account.email));
  return 0;
}

int UserList(const Common& common, const std::string& format) {
  auto accounts = OpenAccountsOf(common);
  if (!accounts) return ReportError(common, accounts.error());
  auto list = (*accounts)->ListAccounts();
  if (!list) return ReportError(common, list.error());
  nlohmann::ordered_json json = nlohmann::ordered_json::array();
  std::vector<std::vector<std::string>> rows = {
      {Column(common, "cli.user.column.email"), Column(common, "cli.user.column.workspaces")}};
  for (const Account& account : *list) {
    auto memberships = (*accounts)->MembershipsOf(account.id);
    if (!memberships) return ReportError(common, memberships.error());
    nlohmann::ordered_json of = nlohmann::ordered_json::array();
    std::string text;
    for (const Membership& m : *memberships) {
      of.push_back({{"workspace", m.workspace}, {"role", RoleName(m.role)}});
      text += (text.empty() ? "" : ", ") + m.workspace + " (" + RoleText(common, m.role) + ")";
    }
    json.push_back({{"email", account.email}, {"workspaces", of}});
    rows.push_back({account.email, text.empty() ? "-" : text});
  }
  WriteToStdout(format == "json" ? json.dump(2) + "\n" : FormatTable(rows, 2));
  return 0;
}

int MemberAdd(const Common& common, const std::string& email, const std::string& role_name) {
  auto role = RoleNamed(role_name);
  if (!role) return ReportError(common, role.error());
  auto workspace = WorkspaceOf(common);
  if (!workspace) return ReportError(common, workspace.error());
  auto accounts = OpenAccountsOf(common);
  if (!accounts) return ReportError(common, accounts.error());
  if (Status set = (*accounts)->SetMember(*workspace, email, *role); !set) {
    return ReportError(common, set.error());
  }
  PrintLine(common, Msg("cli.member.set", NormalizeEmail(email), RoleWord(*role), *workspace));
  return 0;
}

int MemberRemove(const Common& common, const std::string& email) {
  auto workspace = WorkspaceOf(common);
  if (!workspace) return ReportError(common, workspace.error());
  auto accounts = OpenAccountsOf(common);
  if (!accounts) return ReportError(common, accounts.error());
  if (Status removed = (*accounts)->RemoveMember(*workspace, email); !removed) {
    return ReportError(common, removed.error());
  }
  PrintLine(common, Msg("cli.member.removed", NormalizeEmail(email), *workspace));
  return 0;
}

int MemberList(const Common& common, const std::string& format) {
  auto workspace = WorkspaceOf(common);
  if (!workspace) return ReportError(common, workspace.error());
  auto accounts = OpenAccountsOf(common);
  if (!accounts) return ReportError(common, accounts.error());
  auto members = (*accounts)->ListMembers(*workspace);
  if (!members) return ReportError(common, members.error());
  nlohmann::ordered_json json = nlohmann::ordered_json::array();
  std::vector<std::vector<std::string>> rows = {
      {Column(common, "cli.user.column.email"), Column(common, "cli.member.column.role")}};
  for (const Member& m : *members) {
    json.push_back({{"email", m.email}, {"role", RoleName(m.role)}});
    rows.push_back({m.email, RoleText(common, m.role)});
  }
  WriteToStdout(format == "json" ? json.dump(2) + "\n" : FormatTable(rows, 2));
  return 0;
}

int TokenCreate(const Common& common, const TokenCreateOptions& options) {
  auto role = RoleNamed(options.role);
  if (!role) return ReportError(common, role.error());
  auto workspace = WorkspaceOf(common);
  if (!workspace) return ReportError(common, workspace.error());
  auto accounts = OpenAccountsOf(common);
  if (!accounts) return ReportError(common, accounts.error());
  std::string user = options.user;
  if (user.empty()) {
    // The workspace's only owner, when it has one; else the user must say whose it is.
    auto members = (*accounts)->ListMembers(*workspace);
    if (!members) return ReportError(common, members.error());
    std::vector<std::string> owners;
    for (const Member& m : *members) {
      if (m.role == Role::kOwner) owners.push_back(m.email);
    }
    if (owners.size() != 1) {
      return ReportError(common,
                         {ErrorCode::kInvalidArgument, Msg("cli.token.needs_user", *workspace)});
    }
    user = owners.front();
  }
  const std::string secret = RandomHex(32);
  auto id = (*accounts)->AddToken(*workspace, user, *role, options.name, Sha256Hex(secret),
                                  common.clock->Now());
  if (!id) return ReportError(common, id.error());
  PrintNote(common, Msg("cli.token.created", NormalizeEmail(user), RoleWord(*role), *workspace));
  WriteToStdout(TokenText({*id, secret}) + "\n");
  return 0;
}

int TokenList(const Common& common, const std::string& format) {
  auto workspace = WorkspaceOf(common);
  if (!workspace) return ReportError(common, workspace.error());
  auto accounts = OpenAccountsOf(common);
  if (!accounts) return ReportError(common, accounts.error());
  auto tokens = (*accounts)->ListTokens(*workspace);
  if (!tokens) return ReportError(common, tokens.error());
  nlohmann::ordered_json json = nlohmann::ordered_json::array();
  std::vector<std::vector<std::string>> rows = {
      {Column(common, "cli.token.column.id"), Column(common, "cli.user.column.email"),
       Column(common, "cli.member.column.role"), Column(common, "cli.token.column.name"),
       Column(common, "cli.token.column.created")}};
  for (const ApiToken& t : *tokens) {
    json.push_back({{"id", t.id},
                    {"email", t.email},
                    {"role", RoleName(t.role)},
                    {"name", t.name},
                    {"created", t.created.ToUtcString()}});
    rows.push_back({t.id, t.email, RoleText(common, t.role), t.name, t.created.ToUtcString()});
  }
  WriteToStdout(format == "json" ? json.dump(2) + "\n" : FormatTable(rows, 5));
  return 0;
}

int TokenRevoke(const Common& common, const std::string& id) {
  auto workspace = WorkspaceOf(common);
  if (!workspace) return ReportError(common, workspace.error());
  auto accounts = OpenAccountsOf(common);
  if (!accounts) return ReportError(common, accounts.error());
  if (Status revoked = (*accounts)->RevokeToken(*workspace, id); !revoked) {
    return ReportError(common, revoked.error());
  }
  PrintLine(common, Msg("cli.token.revoked", id, *workspace));
  return 0;
}

}  // namespace addio::cli
