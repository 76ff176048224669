// The accounts of a store (accounts.h) on any SqlDb. Each write is one statement, or one
// transaction of a few: an account's change never waits for an import of a workspace.
#include "store/accounts.h"

#include <algorithm>
#include <cctype>

#include "core/secrets.h"
#include "store/rows.h"
#include "store/sql.h"
#include "store/sql_store.h"
#include "store/workspaces.h"

namespace addio {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kViewer:
      return "viewer";
    case Role::kMember:
      return "member";
    case Role::kOwner:
      return "owner";
  }
  return "viewer";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role role : {Role::kViewer, Role::kMember, Role::kOwner}) {
    if (name == RoleName(role)) return role;
  }
  return std::nullopt;
}

Arg RoleWord(Role role) { return Arg::Key("store.role." + std::string(RoleName(role))); }

std::string NormalizeEmail(std::string_view email) {
  while (!email.empty() && std::isspace(static_cast<unsigned char>(email.front()))) {
    email.remove_prefix(1);
  }
  while (!email.empty() && std::isspace(static_cast<unsigned char>(email.back()))) {
    email.remove_suffix(1);
  }
  std::string out(email);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool IsAccountEmail(std::string_view email) {
  if (email.empty() || email.size() > 254) return false;
  const size_t at = email.find('@');
  if (at == 0 || at == std::string_view::npos || email.find('@', at + 1) != email.npos) {
    return false;
  }
  const std::string_view domain = email.substr(at + 1);
  const size_t dot = domain.find('.');
  if (dot == 0 || dot == std::string_view::npos || domain.back() == '.') return false;
  return std::none_of(email.begin(), email.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u == 0x7f || c == '<' || c == '>' || c == '"' || c == ',';
  });
}

std::string TokenText(const TokenParts& parts) { return "addio_" + parts.id + "_" + parts.secret; }

std::optional<TokenParts> ParseTokenText(std::string_view text) {
  constexpr size_t kId = 16, kSecret = 64;
  if (text.size() != 6 + kId + 1 + kSecret || !text.starts_with("addio_") || text[6 + kId] != '_') {
    return std::nullopt;
  }
  const auto hex = [](std::string_view digits) {
    return std::all_of(digits.begin(), digits.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
  };
  TokenParts parts{std::string(text.substr(6, kId)), std::string(text.substr(6 + kId + 1))};
  if (!hex(parts.id) || !hex(parts.secret)) return std::nullopt;
  return parts;
}

class Accounts::Impl {
 public:
  Impl(std::unique_ptr<store_internal::SqlDb> connection, std::string name)
      : db(std::move(connection)), where(std::move(name)) {}
  std::unique_ptr<store_internal::SqlDb> db;
  std::string where;
};

namespace {

using store_internal::GuardStore;
using store_internal::SqlDb;
using store_internal::SqlQuery;
using store_internal::SqlTransaction;
using store_internal::SqlTransactionKind;

Role RoleOf(std::string_view name) { return ParseRole(name).value_or(Role::kViewer); }

// The account id of `email`, or nullopt.
std::optional<int64_t> AccountId(SqlDb& db, const std::string& email) {
  SqlQuery query(db, "SELECT user_id FROM users WHERE email = ?");
  query.bind(1, email);
  if (!query.executeStep()) return std::nullopt;
  return query.getColumn(0).getInt64();
}

// The role of account `user` in workspace `workspace` (its key), or nullopt.
std::optional<Role> RoleIn(SqlDb& db, int64_t workspace, int64_t user) {
  SqlQuery query(db, "SELECT role FROM members WHERE workspace_id = ? AND user_id = ?");
  query.bind(1, workspace);
  query.bind(2, user);
  if (!query.executeStep()) return std::nullopt;
  return RoleOf(query.getColumn(0).getView());
}

int64_t OwnersOf(SqlDb& db, int64_t workspace) {
  SqlQuery query(db, "SELECT count(*) FROM members WHERE workspace_id = ? AND role = 'owner'");
  query.bind(1, workspace);
  query.executeStep();
  return query.getColumn(0).getInt64();
}

}  // namespace

Accounts::Accounts(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Accounts::~Accounts() = default;

Result<bool> Accounts::AnyAccount() {
  return GuardStore(impl_->where, "store.action.read", [&]() -> Result<bool> {
    SqlQuery query(*impl_->db, "SELECT 1 FROM users LIMIT 1");
    return query.executeStep();
  });
}

Result<Account> Accounts::AddAccount(std::string_view email, const std::string& password_hash,
                                     Instant at) {
  const std::string normal = NormalizeEmail(email);
  if (!IsAccountEmail(normal)) {
    return Fail(ErrorCode::kInvalidArgument, Msg("ledger.not_an_address", std::string(email)));
  }
  return GuardStore(impl_->where, "store.action.update_accounts", [&]() -> Result<Account> {
    SqlQuery add(*impl_->db,
                 "INSERT INTO users (email, password_hash, created_at) VALUES (?, ?, ?) "
                 "ON CONFLICT (email) DO NOTHING");
    add.bind(1, normal);
    add.bind(2, password_hash);
    add.bind(3, at.unix_seconds());
    if (add.exec() == 0) {
      return Fail(ErrorCode::kConflict, Msg("store.account.exists", impl_->where, normal));
    }
    return Account{AccountId(*impl_->db, normal).value_or(0), normal};
  });
}

Status Accounts::SetPassword(std::string_view email, const std::string& password_hash) {
  const std::string normal = NormalizeEmail(email);
  return GuardStore(impl_->where, "store.action.update_accounts", [&]() -> Status {
    SqlTransaction transaction(*impl_->db, SqlTransactionKind::kWrite);
    const std::optional<int64_t> id = AccountId(*impl_->db, normal);
    if (!id)
      return Fail(ErrorCode::kNotFound, Msg("store.account.not_found", impl_->where, normal));
    SqlQuery set(*impl_->db, "UPDATE users SET password_hash = ? WHERE user_id = ?");
    set.bind(1, password_hash);
    set.bind(2, *id);
    set.exec();
    SqlQuery end(*impl_->db, "DELETE FROM sessions WHERE user_id = ?");
    end.bind(1, *id);
    end.exec();
    transaction.commit();
    return {};
  });
}

Result<std::vector<Account>> Accounts::ListAccounts() {
  return GuardStore(impl_->where, "store.action.read", [&]() -> Result<std::vector<Account>> {
    SqlQuery query(*impl_->db, "SELECT user_id, email FROM users ORDER BY email");
    std::vector<Account> out;
    while (query.executeStep()) {
      out.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getString()});
    }
    return out;
  });
}

Result<std::optional<Login>> Accounts::FindLogin(std::string_view email) {
  const std::string normal = NormalizeEmail(email);
  return GuardStore(impl_->where, "store.action.read", [&]() -> Result<std::optional<Login>> {
    SqlQuery query(*impl_->db, "SELECT user_id, password_hash FROM users WHERE email = ?");
    query.bind(1, normal);
    if (!query.executeStep()) return std::nullopt;
    return Login{{query.getColumn(0).getInt64(), normal}, query.getColumn(1).getString()};
  });
}

Status Accounts::SetMember(const std::string& workspace, std::string_view email, Role role) {
  const std::string normal = NormalizeEmail(email);
  return GuardStore(impl_->where, "store.action.update_accounts", [&]() -> Status {
    auto key = store_internal::FindWorkspace(*impl_->db, impl_->where, workspace);
    if (!key) return std::unexpected(key.error());
    SqlTransaction transaction(*impl_->db, SqlTransactionKind::kWrite);
    const std::optional<int64_t> user = AccountId(*impl_->db, normal);
    if (!user) {
      return Fail(ErrorCode::kNotFound, Msg("store.account.not_found", impl_->where, normal));
    }
    const std::optional<Role> before = RoleIn(*impl_->db, *key, *user);
    if (before == Role::kOwner && role != Role::kOwner && OwnersOf(*impl_->db, *key) == 1) {
      return Fail(ErrorCode::kConflict, Msg("store.member.last_owner", normal, workspace));
    }
    SqlQuery set(*impl_->db,
                 "INSERT INTO members (workspace_id, user_id, role) VALUES (?, ?, ?) "
                 "ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role");
    set.bind(1, *key);
    set.bind(2, *user);
    set.bind(3, std::string(RoleName(role)));
    set.exec();
    transaction.commit();
    return {};
  });
}

Status Accounts::RemoveMember(const std::string& workspace, std::string_view email) {
  const std::string normal = NormalizeEmail(email);
  return GuardStore(impl_->where, "store.action.update_accounts", [&]() -> Status {
    auto key = store_internal::FindWorkspace(*impl_->db, impl_->where, workspace);
    if (!key) return std::unexpected(key.error());
    SqlTransaction transaction(*impl_->db, SqlTransactionKind::kWrite);
    const std::optional<int64_t> user = AccountId(*impl_->db, normal);
    const std::optional<Role> role = user ? RoleIn(*impl_->db, *key, *user) : std::nullopt;
    if (!role) {
      return Fail(ErrorCode::kNotFound, Msg("store.member.not_member", normal, workspace));
    }
    if (*role == Role::kOwner && OwnersOf(*impl_->db, *key) == 1) {
      return Fail(ErrorCode::kConflict, Msg("store.member.last_owner", normal, workspace));
    }
    for (const char* sql : {"DELETE FROM api_tokens WHERE workspace_id = ? AND user_id = ?",
                            "DELETE FROM members WHERE workspace_id = ? AND user_id = ?"}) {
      SqlQuery remove(*impl_->db, sql);
      remove.bind(1, *key);
      remove.bind(2, *user);
      remove.exec();
    }
    transaction.commit();
    return {};
  });
}

Result<std::vector<Member>> Accounts::ListMembers(const std::string& workspace) {
  return GuardStore(impl_->where, "store.action.read", [&]() -> Result<std::vector<Member>> {
    auto key = store_internal::FindWorkspace(*impl_->db, impl_->where, workspace);
    if (!key) return std::unexpected(key.error());
    SqlQuery query(*impl_->db,
                   "SELECT u.email, m.role FROM members m JOIN users u ON u.user_id = m.user_id "
                   "WHERE m.workspace_id = ? ORDER BY u.email");
    query.bind(1, *key);
    std::vector<Member> out;
    while (query.executeStep()) {
      out.push_back({query.getColumn(0).getString(), RoleOf(query.getColumn(1).getView())});
    }
    return out;
  });
}

Result<std::vector<Membership>> Accounts::AllWorkspaces() {
  return GuardStore(impl_->where, "store.action.read", [&]() -> Result<std::vector<Membership>> {
    SqlQuery query(*impl_->db, "SELECT slug, name FROM workspaces ORDER BY slug");
    std::vector<Membership> out;
    while (query.executeStep()) {
      out.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(), Role::kOwner});
    }
    return out;
  });
}

Result<std::vector<Membership>> Accounts::MembershipsOf(int64_t account) {
  return GuardStore(impl_->where, "store.action.read", [&]() -> Result<std::vector<Membership>> {
    SqlQuery query(*impl_->db,
                   "SELECT w.slug, w.name, m.role FROM members m "
                   "JOIN workspaces w ON w.workspace_id = m.workspace_id "
                   "WHERE m.user_id = ? ORDER BY w.slug");
    query.bind(1, account);
    std::vector<Membership> out;
    while (query.executeStep()) {
      out.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                     RoleOf(query.getColumn(2).getView())});
    }
    return out;
  });
}

Result<std::string> Accounts::AddToken(const std::string& workspace, std::string_view email,
                                       Role role, const std::string& name,
                                       const std::string& secret_hash, Instant at) {
  const std::string normal = NormalizeEmail(email);
  return GuardStore(impl_->where, "store.action.update_accounts", [&]() -> Result<std::string> {
    auto key = store_internal::FindWorkspace(*impl_->db, impl_->where, workspace);
    if (!key) return std::unexpected(key.error());
    SqlTransaction transaction(*impl_->db, SqlTransactionKind::kWrite);
    const std::optional<int64_t> user = AccountId(*impl_->db, normal);
    const std::optional<Role> own = user ? RoleIn(*impl_->db, *key, *user) : std::nullopt;
    if (!own) return Fail(ErrorCode::kNotFound, Msg("store.member.not_member", normal, workspace));
    if (role > *own) {
      return Fail(ErrorCode::kInvalidArgument,
                  Msg("store.token.role_above", normal, RoleWord(*own), workspace, RoleWord(role)));
    }
    const std::string id = RandomHex(8);
    SqlQuery add(*impl_->db,
                 "INSERT INTO api_tokens (workspace_id, token_id, user_id, role, name, "
                 "secret_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    add.bind(1, *key);
    add.bind(2, id);
    add.bind(3, *user);
    add.bind(4, std::string(RoleName(role)));
    add.bind(5, name);
    add.bind(6, secret_hash);
    add.bind(7, at.unix_seconds());
    add.exec();
    transaction.commit();
    return id;
  });
}

Result<std::vector<ApiToken>> Accounts::ListTokens(const std::string& workspace) {
  return GuardStore(impl_->where, "store.action.read", [&]() -> Result<std::vector<ApiToken>> {
    auto key = store_internal::FindWorkspace(*impl_->db, impl_->where, workspace);
    if (!key) return std::unexpected(key.error());
    SqlQuery query(*impl_->db,
                   "SELECT t.token_id, u.email, t.role, t.name, t.created_at FROM api_tokens t "
                   "JOIN users u ON u.user_id = t.user_id WHERE t.workspace_id = ? "
                   "ORDER BY t.created_at, t.token_id");
    query.bind(1, *key);
    std::vector<ApiToken> out;
    while (query.executeStep()) {
      out.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                     RoleOf(query.getColumn(2).getView()), query.getColumn(3).getString(),
                     Instant::FromUnixSeconds(query.getColumn(4).getInt64())});
    }
    return out;
  });
}

Status Accounts::RevokeToken(const std::string& workspace, const std::string& id) {
  return GuardStore(impl_->where, "store.action.update_accounts", [&]() -> Status {
    auto key = store_internal::FindWorkspace(*impl_->db, impl_->where, workspace);
    if (!key) return std::unexpected(key.error());
    SqlQuery revoke(*impl_->db, "DELETE FROM api_tokens WHERE workspace_id = ? AND token_id = ?");
    revoke.bind(1, *key);
    revoke.bind(2, id);
    if (revoke.exec() == 0) {
      return Fail(ErrorCode::kNotFound, Msg("store.token.not_found", workspace, id));
    }
    return {};
  });
}

Result<std::optional<TokenGrant>> Accounts::FindToken(const std::string& id) {
  return GuardStore(impl_->where, "store.action.read", [&]() -> Result<std::optional<TokenGrant>> {
    SqlQuery query(*impl_->db,
                   "SELECT u.user_id, u.email, w.slug, t.role, m.role, t.secret_hash "
                   "FROM api_tokens t JOIN users u ON u.user_id = t.user_id "
                   "JOIN workspaces w ON w.workspace_id = t.workspace_id "
                   "JOIN members m ON m.workspace_id = t.workspace_id AND m.user_id = t.user_id "
                   "WHERE t.token_id = ?");
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    return TokenGrant{
        {query.getColumn(0).getInt64(), query.getColumn(1).getString()},
        query.getColumn(2).getString(),
        std::min(RoleOf(query.getColumn(3).getView()), RoleOf(query.getColumn(4).getView())),
        query.getColumn(5).getString()};
  });
}

Status Accounts::AddSession(const std::string& secret_hash, int64_t account, Instant created,
                            Instant expires) {
  return GuardStore(impl_->where, "store.action.update_accounts", [&]() -> Status {
    SqlQuery add(*impl_->db,
                 "INSERT INTO sessions (session_hash, user_id, created_at, expires_at) "
                 "VALUES (?, ?, ?, ?)");
    add.bind(1, secret_hash);
    add.bind(2, account);
    add.bind(3, created.unix_seconds());
    add.bind(4, expires.unix_seconds());
    add.exec();
    // Sessions of the account that expired are not kept.
    SqlQuery expired(*impl_->db, "DELETE FROM sessions WHERE user_id = ? AND expires_at <= ?");
    expired.bind(1, account);
    expired.bind(2, created.unix_seconds());
    expired.exec();
    return {};
  });
}

Result<std::optional<Account>> Accounts::FindSession(const std::string& secret_hash, Instant now) {
  return GuardStore(impl_->where, "store.action.read", [&]() -> Result<std::optional<Account>> {
    SqlQuery query(*impl_->db,
                   "SELECT u.user_id, u.email, s.expires_at FROM sessions s "
                   "JOIN users u ON u.user_id = s.user_id WHERE s.session_hash = ?");
    query.bind(1, secret_hash);
    if (!query.executeStep()) return std::nullopt;
    if (query.getColumn(2).getInt64() <= now.unix_seconds()) return std::nullopt;
    return Account{query.getColumn(0).getInt64(), query.getColumn(1).getString()};
  });
}

Status Accounts::EndSession(const std::string& secret_hash) {
  return GuardStore(impl_->where, "store.action.update_accounts", [&]() -> Status {
    SqlQuery end(*impl_->db, "DELETE FROM sessions WHERE session_hash = ?");
    end.bind(1, secret_hash);
    end.exec();
    return {};
  });
}

namespace store_internal {

std::unique_ptr<Accounts> NewSqlAccounts(std::unique_ptr<SqlDb> db, std::string where) {
  return std::make_unique<Accounts>(
      std::make_unique<Accounts::Impl>(std::move(db), std::move(where)));
}

}  // namespace store_internal
}  // namespace addio
