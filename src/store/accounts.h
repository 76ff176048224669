// The accounts of a store (DESIGN.md section 10): people who sign in with an e-mail and a
// password, their role in each workspace, the API tokens scripts use, and the sessions of
// signed-in browsers. The accounts belong to the whole store (one person may work in
// several workspaces); a membership and a token belong to one workspace. Secrets are never
// stored: a password as its argon2id string (core/secrets.h), a session or a token as the
// SHA-256 of its random secret. Accounts is one connection: used by one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalogue.h"
#include "core/result.h"
#include "core/time.h"

namespace addio {

// What a person may do in a workspace; each role may do what the ones before it may.
enum class Role {
  kViewer,  // read
  kMember,  // read, import, edit the records and send reminders
  kOwner,   // everything: settings, members, tokens
};

// "viewer", "member", "owner".
std::string_view RoleName(Role role);
// The role `name` names; nullopt for anything else.
std::optional<Role> ParseRole(std::string_view name);
// The role as a person reads it, in a message's language ("owner", "proprietario").
Arg RoleWord(Role role);

// `email` as accounts keep it: without surrounding spaces, lowercase.
std::string NormalizeEmail(std::string_view email);
// Whether `email` (normalized) can name an account: "local@domain", at most 254
// characters, no spaces or control characters, the domain with a dot in it.
bool IsAccountEmail(std::string_view email);

struct Account {
  int64_t id = 0;
  std::string email;
};

// What signing in needs: the account and its password's argon2id string.
struct Login {
  Account account;
  std::string password_hash;
};

struct Member {
  std::string email;
  Role role = Role::kViewer;
};

// One workspace a person belongs to.
struct Membership {
  std::string workspace;  // its id
  std::string name;
  Role role = Role::kViewer;
};

struct ApiToken {
  std::string id;  // the public part of the token; how `addio token revoke` names it
  std::string email;
  Role role = Role::kViewer;
  std::string name;
  Instant created;
};

// An API token as its bearer sends it (Authorization: Bearer ...): "addio_", the token's
// public id (16 hex digits), "_", its secret (64 hex digits).
struct TokenParts {
  std::string id;
  std::string secret;
};
std::string TokenText(const TokenParts& parts);
// The parts of `text`; nullopt when it is not a token's text.
std::optional<TokenParts> ParseTokenText(std::string_view text);

// What an API token lets its bearer do.
struct TokenGrant {
  Account account;
  std::string workspace;  // the workspace's id
  // The token's role, lowered to the account's present role in the workspace.
  Role role = Role::kViewer;
  std::string secret_hash;  // SHA-256 of the token's secret, to compare
};

class Accounts {
 public:
  class Impl;
  explicit Accounts(std::unique_ptr<Impl> impl);
  ~Accounts();
  Accounts(const Accounts&) = delete;
  Accounts& operator=(const Accounts&) = delete;

  // Whether the store has any account (a server open to the network needs one).
  Result<bool> AnyAccount();
  // Adds the account `email` (normalized) with the argon2id string `password_hash`.
  // Errors: kInvalidArgument when IsAccountEmail is false; kConflict when it exists.
  Result<Account> AddAccount(std::string_view email, const std::string& password_hash, Instant at);
  // Replaces the password of `email`, and ends its sessions. kNotFound when no account.
  Status SetPassword(std::string_view email, const std::string& password_hash);
  Result<std::vector<Account>> ListAccounts();
  // The account `email` and its password; nullopt when there is none.
  Result<std::optional<Login>> FindLogin(std::string_view email);

  // Gives `email` the role `role` in workspace `workspace` (adds or changes the
  // membership). Errors: kNotFound when the workspace or the account does not exist;
  // kConflict when it would leave the workspace without an owner.
  Status SetMember(const std::string& workspace, std::string_view email, Role role);
  // Takes `email` out of `workspace`, with the tokens it made there. Errors: kNotFound
  // when it is not a member; kConflict when it is the last owner.
  Status RemoveMember(const std::string& workspace, std::string_view email);
  // The members of `workspace` by email. kNotFound when the workspace does not exist.
  Result<std::vector<Member>> ListMembers(const std::string& workspace);
  // Every workspace of the store, by id, as its owner sees it (role kOwner): what the user
  // of a store without accounts may open.
  Result<std::vector<Membership>> AllWorkspaces();
  // The workspaces `account` belongs to, by id.
  Result<std::vector<Membership>> MembershipsOf(int64_t account);

  // Records a token of `email` in `workspace` with the role `role` and the SHA-256 of its
  // secret, and returns its public id (random). Errors: kNotFound when the workspace
  // does not exist or `email` is not one of its members; kInvalidArgument when `role` is
  // above the member's own.
  Result<std::string> AddToken(const std::string& workspace, std::string_view email, Role role,
                               const std::string& name, const std::string& secret_hash, Instant at);
  Result<std::vector<ApiToken>> ListTokens(const std::string& workspace);
  // kNotFound when the workspace has no token `id`.
  Status RevokeToken(const std::string& workspace, const std::string& id);
  // The grant of token `id`; nullopt when there is none or its account is no longer a
  // member of its workspace.
  Result<std::optional<TokenGrant>> FindToken(const std::string& id);

  // Records a session of `account`, by the SHA-256 of its secret, valid until `expires`.
  Status AddSession(const std::string& secret_hash, int64_t account, Instant created,
                    Instant expires);
  // The account of the session whose secret's SHA-256 is `secret_hash`, while it has not
  // expired at `now`; nullopt otherwise. (Expired sessions of an account are deleted when
  // it signs in again.)
  Result<std::optional<Account>> FindSession(const std::string& secret_hash, Instant now);
  // Ends a session (signing out). Ending one that does not exist is not an error.
  Status EndSession(const std::string& secret_hash);

 private:
  std::unique_ptr<Impl> impl_;
};

// The accounts of the store `url` names (see ParseStoreUrl in store.h), which must exist.
// Errors as OpenStore's with OpenMode::kMustExist.
Result<std::unique_ptr<Accounts>> OpenAccounts(const std::string& url);

}  // namespace addio
