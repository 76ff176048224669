// Who is asking `addio serve`, and what they may do (DESIGN.md sections 7b and 10).
//
// A store without accounts is served to this machine alone (the server binds the loopback
// only): every request is the local user's, owner of every workspace, and a state-changing
// request carries the server's own CSRF token. Once the store has an account, every
// request of the API but the public ones (the OpenAPI file, the session) needs one of:
//   - a session: the cookie `addio_session` (HttpOnly, SameSite=Strict, Secure under
//     TLS) set by signing in; a state-changing request also carries the session's CSRF
//     token (a hash of the session's secret, read from GET /api/v1/session), or
//   - an API token: `Authorization: Bearer addio_...` (`addio token create`), which
//     belongs to one workspace and carries a role no higher than its account's.
// Without one the answer is 401. A request names its workspace with the query parameter
// `workspace` (default: the caller's only one, or the server's --workspace); a workspace
// the caller does not belong to answers 404, exactly as one that does not exist; a role
// too low for the route answers 403.
//
// Signing in checks the password with argon2id, at most two at a time (each takes 64
// MiB), and is throttled: after 5 failures for one e-mail, or 20 from one address, within
// 15 minutes, further attempts answer 429 until the window ends. An unknown e-mail costs
// the same time as a wrong password. Thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "store/accounts.h"

namespace addio {

// The name of the session cookie.
inline constexpr char kSessionCookie[] = "addio_session";
// How long a session lasts from signing in.
inline constexpr int64_t kSessionSeconds = 7 * 24 * 3600;

// Who sent a request.
struct Caller {
  enum class Kind {
    kNobody,   // no credential, on a store with accounts
    kLocal,    // a store without accounts: the user of this machine
    kSession,  // a signed-in browser
    kToken,    // a script with an API token
  };
  Kind kind = Kind::kNobody;
  Account account;           // kSession, kToken
  std::string session_hash;  // kSession: the SHA-256 of the cookie's secret
  // The token a state-changing request must carry in X-CSRF-Token; empty for kToken (the
  // bearer token itself is the credential: a browser never sends it on its own).
  std::string csrf_token;
  std::string token_workspace;  // kToken: the workspace it belongs to, and its role there
  Role token_role = Role::kViewer;
};

// A workspace a caller may open, and their role in it.
struct Access {
  std::string workspace;  // its id
  Role role = Role::kViewer;
};

// The result of signing in.
struct SignedIn {
  std::string secret;  // the cookie's value
  Caller caller;
};

class Gatekeeper {
 public:
  // `store`: the store's URL; `default_workspace`: the workspace requests that name none
  // are for when the caller may open several ("" : the store's only one). `csrf_token`:
  // the server's own token (callers without a session). `clock` is not owned.
  Gatekeeper(std::string store, std::string default_workspace, std::string csrf_token,
             const Clock& clock);
  ~Gatekeeper();

  // Whether the store has accounts (then every request needs a credential). Asked of the
  // store at most once a second while it has none; once it has one, it keeps them.
  Result<bool> AccountsInUse();

  // The caller of a request with these `Cookie` and `Authorization` headers. kNobody when
  // it sends no credential on a store with accounts; Error kUnauthenticated when it sends
  // one that is not valid (unknown, expired, revoked, malformed).
  Result<Caller> Identify(std::string_view cookie_header, std::string_view authorization);

  // The workspace a request of `caller` naming `requested` ("" for none) is for, with the
  // caller's role. Errors: kUnauthenticated for kNobody; kNotFound for a workspace that
  // does not exist or is not the caller's (the same message); kInvalidArgument when none
  // is named and the caller may open several (the message lists them).
  Result<Access> Resolve(const Caller& caller, const std::string& requested);

  // Every workspace `caller` may open, by id, with its name and their role.
  Result<std::vector<Membership>> WorkspacesOf(const Caller& caller);
  // Resolve, given the workspaces the caller may open (WorkspacesOf).
  Result<Access> Choose(const std::vector<Membership>& workspaces,
                        const std::string& requested) const;

  // Signs in: a new session when `password` is the account's. Errors: kUnauthenticated for
  // a wrong e-mail or password (one message for both); kTooManyRequests while throttled
  // (`retry_after` is set to the seconds left); kInvalidArgument when the store has no
  // accounts.
  Result<SignedIn> SignIn(std::string_view email, std::string_view password,
                          const std::string& address, int64_t& retry_after);
  // Ends the caller's session (nothing for other callers).
  Status SignOut(const Caller& caller);

  // The members of a workspace and changes to them, for its owner (DESIGN.md section 10).
  Result<std::vector<Member>> Members(const std::string& workspace);
  Status SetMember(const std::string& workspace, std::string_view email, Role role);
  Status RemoveMember(const std::string& workspace, std::string_view email);

  // The server's own CSRF token (for callers without a session).
  const std::string& ServerCsrfToken() const { return csrf_token_; }

  // The CSRF token of the session whose cookie holds `secret`.
  static std::string CsrfOf(std::string_view secret);

 private:
  class Throttle;
  Result<Accounts*> Open();  // REQUIRES: mutex_ held
  // `result`, after dropping the connection when it is a store error, so that the next
  // call opens another (a database server that restarted). REQUIRES: mutex_ held.
  template <typename T>
  T Kept(T result);
  // Every workspace of the store, listed again at most once a second.
  Result<std::vector<Membership>> AllWorkspaces();

  const std::string store_;
  const std::string default_workspace_;
  const std::string csrf_token_;
  const Clock& clock_;
  std::mutex mutex_;  // guards accounts_ (one connection) and the fields below
  std::unique_ptr<Accounts> accounts_;
  bool in_use_ = false;
  std::chrono::steady_clock::time_point checked_{};
  std::unique_ptr<Throttle> throttle_;
  std::vector<Membership> all_workspaces_;
  std::chrono::steady_clock::time_point listed_at_{};
};

}  // namespace addio
