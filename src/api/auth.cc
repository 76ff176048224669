#include "api/auth.h"

#include <map>
#include <semaphore>

#include "api/request_guard.h"
#include "core/secrets.h"

namespace addio {
namespace {

// Signing in: attempts allowed per e-mail and per address within a window.
constexpr int kFailuresPerEmail = 5;
constexpr int kFailuresPerAddress = 20;
constexpr int64_t kThrottleWindowSeconds = 15 * 60;
// Keys the throttle remembers at most; beyond, the oldest windows are forgotten first.
constexpr size_t kThrottleKeys = 100000;

// Password checks running at once: each takes 64 MiB and a core for a tenth of a second.
std::counting_semaphore<2> password_checks{2};

// The value of cookie `name` in a Cookie header ("a=1; addio_session=..."), or "".
std::string_view CookieValue(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const size_t end = header.find(';');
    std::string_view pair = header.substr(0, end);
    header = end == std::string_view::npos ? std::string_view() : header.substr(end + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.size() > name.size() && pair.starts_with(name) && pair[name.size()] == '=') {
      return pair.substr(name.size() + 1);
    }
  }
  return {};
}

bool IsHex64(std::string_view text) {
  return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

Error Unauthenticated() { return {ErrorCode::kUnauthenticated, Msg("api.error.unauthenticated")}; }

}  // namespace

// Failed sign-ins per key ("e:<email>", "a:<address>") within the present window.
class Gatekeeper::Throttle {
 public:
  // Seconds until `key` may try again, 0 when it may now.
  int64_t Wait(const std::string& key, int limit, Instant now) {
    auto it = failures_.find(key);
    if (it == failures_.end()) return 0;
    const int64_t left = kThrottleWindowSeconds - SecondsBetween(it->second.since, now);
    if (left <= 0) {
      failures_.erase(it);
      return 0;
    }
    return it->second.count >= limit ? left : 0;
  }
  void Fail(const std::string& key, Instant now) {
    if (failures_.size() >= kThrottleKeys) Forget(now);
    Window& window = failures_[key];
    if (window.count == 0 || SecondsBetween(window.since, now) >= kThrottleWindowSeconds) {
      window = {now, 0};
    }
    ++window.count;
  }
  void Clear(const std::string& key) { failures_.erase(key); }

 private:
  struct Window {
    Instant since;
    int count = 0;
  };
  // Drops the windows that ended; if none did, all of them (memory stays bounded).
  void Forget(Instant now) {
    std::erase_if(failures_, [&](const auto& entry) {
      return SecondsBetween(entry.second.since, now) >= kThrottleWindowSeconds;
    });
    if (failures_.size() >= kThrottleKeys) failures_.clear();
  }
  std::map<std::string, Window> failures_;
};

Gatekeeper::Gatekeeper(std::string store, std::string default_workspace, std::string csrf_token,
                       const Clock& clock)
    : store_(std::move(store)),
      default_workspace_(std::move(default_workspace)),
      csrf_token_(std::move(csrf_token)),
      clock_(clock),
      throttle_(std::make_unique<Throttle>()) {}

Gatekeeper::~Gatekeeper() = default;

std::string Gatekeeper::CsrfOf(std::string_view secret) {
  return Sha256Hex("addio-csrf:" + std::string(secret));
}

Result<Accounts*> Gatekeeper::Open() {
  if (!accounts_) {
    auto opened = OpenAccounts(store_);
    if (!opened) return std::unexpected(opened.error());
    accounts_ = std::move(*opened);
  }
  return accounts_.get();
}

template <typename T>
T Gatekeeper::Kept(T result) {
  if (!result && result.error().code == ErrorCode::kStore) accounts_.reset();
  return result;
}

Result<bool> Gatekeeper::AccountsInUse() {
  std::lock_guard lock(mutex_);
  if (in_use_) return true;
  const auto now = std::chrono::steady_clock::now();
  if (checked_ != std::chrono::steady_clock::time_point{} &&
      now - checked_ < std::chrono::seconds(1)) {
    return false;
  }
  auto accounts = Open();
  if (!accounts) return std::unexpected(accounts.error());
  auto any = (*accounts)->AnyAccount();
  if (!any) {
    accounts_.reset();  // a server that went away: open again next time
    return std::unexpected(any.error());
  }
  in_use_ = *any;
  checked_ = now;
  return in_use_;
}

Result<Caller> Gatekeeper::Identify(std::string_view cookie_header,
                                    std::string_view authorization) {
  auto in_use = AccountsInUse();
  if (!in_use) return std::unexpected(in_use.error());
  Caller caller;
  if (!*in_use) {
    caller.kind = Caller::Kind::kLocal;
    caller.csrf_token = csrf_token_;
    return caller;
  }
  caller.csrf_token = csrf_token_;  // kNobody may sign in with it
  std::lock_guard lock(mutex_);
  auto accounts = Open();
  if (!accounts) return std::unexpected(accounts.error());
  if (!authorization.empty()) {
    constexpr std::string_view kBearer = "Bearer ";
    if (!authorization.starts_with(kBearer)) return std::unexpected(Unauthenticated());
    const std::optional<TokenParts> parts = ParseTokenText(authorization.substr(kBearer.size()));
    if (!parts) return std::unexpected(Unauthenticated());
    auto grant = Kept((*accounts)->FindToken(parts->id));
    if (!grant) return std::unexpected(grant.error());
    if (!*grant || !ConstantTimeEquals((*grant)->secret_hash, Sha256Hex(parts->secret))) {
      return std::unexpected(Unauthenticated());
    }
    caller.kind = Caller::Kind::kToken;
    caller.account = (*grant)->account;
    caller.token_workspace = (*grant)->workspace;
    caller.token_role = (*grant)->role;
    caller.csrf_token.clear();
    return caller;
  }
  const std::string_view secret = CookieValue(cookie_header, kSessionCookie);
  if (secret.empty()) return caller;
  if (!IsHex64(secret)) return std::unexpected(Unauthenticated());
  const std::string hash = Sha256Hex(secret);
  auto account = Kept((*accounts)->FindSession(hash, clock_.Now()));
  if (!account) return std::unexpected(account.error());
  if (!*account) return std::unexpected(Unauthenticated());
  caller.kind = Caller::Kind::kSession;
  caller.account = **account;
  caller.session_hash = hash;
  caller.csrf_token = CsrfOf(secret);
  return caller;
}

Result<std::vector<Membership>> Gatekeeper::WorkspacesOf(const Caller& caller) {
  switch (caller.kind) {
    case Caller::Kind::kNobody:
      return std::vector<Membership>{};
    case Caller::Kind::kLocal:
      return AllWorkspaces();
    case Caller::Kind::kSession:
    case Caller::Kind::kToken:
      break;
  }
  std::lock_guard lock(mutex_);
  auto accounts = Open();
  if (!accounts) return std::unexpected(accounts.error());
  auto memberships = Kept((*accounts)->MembershipsOf(caller.account.id));
  if (!memberships || caller.kind != Caller::Kind::kToken) return memberships;
  std::vector<Membership> out;
  for (Membership& m : *memberships) {
    if (m.workspace != caller.token_workspace) continue;
    m.role = std::min(m.role, caller.token_role);
    out.push_back(std::move(m));
  }
  return out;
}

Result<std::vector<Membership>> Gatekeeper::AllWorkspaces() {
  std::lock_guard lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  if (listed_at_ != std::chrono::steady_clock::time_point{} &&
      now - listed_at_ < std::chrono::seconds(1)) {
    return all_workspaces_;
  }
  auto accounts = Open();
  if (!accounts) return std::unexpected(accounts.error());
  auto all = (*accounts)->AllWorkspaces();
  if (!all) {
    accounts_.reset();
    return std::unexpected(all.error());
  }
  all_workspaces_ = *all;
  listed_at_ = now;
  return all;
}

Result<Access> Gatekeeper::Resolve(const Caller& caller, const std::string& requested) {
  if (caller.kind == Caller::Kind::kNobody) return std::unexpected(Unauthenticated());
  auto workspaces = WorkspacesOf(caller);
  if (!workspaces) return std::unexpected(workspaces.error());
  return Choose(*workspaces, requested);
}

Result<Access> Gatekeeper::Choose(const std::vector<Membership>& workspaces,
                                  const std::string& requested) const {
  std::string wanted = requested;
  if (wanted.empty()) {
    if (workspaces.size() == 1) {
      wanted = workspaces.front().workspace;
    } else if (!default_workspace_.empty()) {
      wanted = default_workspace_;
    } else {
      std::string ids;
      for (const Membership& m : workspaces) ids += (ids.empty() ? "" : ", ") + m.workspace;
      return Fail(ErrorCode::kInvalidArgument, Msg("api.error.choose_workspace", ids));
    }
  }
  for (const Membership& m : workspaces) {
    if (m.workspace == wanted) return Access{m.workspace, m.role};
  }
  return Fail(ErrorCode::kNotFound, Msg("api.error.no_workspace", wanted));
}

Result<SignedIn> Gatekeeper::SignIn(std::string_view email, std::string_view password,
                                    const std::string& address, int64_t& retry_after) {
  auto in_use = AccountsInUse();
  if (!in_use) return std::unexpected(in_use.error());
  if (!*in_use) return Fail(ErrorCode::kInvalidArgument, Msg("api.error.no_accounts"));
  const std::string normal = NormalizeEmail(email);
  const std::string by_email = "e:" + normal, by_address = "a:" + address;
  const Instant now = clock_.Now();
  std::optional<Login> login;
  {
    std::lock_guard lock(mutex_);
    retry_after = std::max(throttle_->Wait(by_email, kFailuresPerEmail, now),
                           throttle_->Wait(by_address, kFailuresPerAddress, now));
    if (retry_after > 0) {
      return Fail(ErrorCode::kTooManyRequests, Msg("api.error.too_many_logins", retry_after));
    }
    auto accounts = Open();
    if (!accounts) return std::unexpected(accounts.error());
    auto found = Kept((*accounts)->FindLogin(normal));
    if (!found) return std::unexpected(found.error());
    login = std::move(*found);
  }
  // An unknown e-mail is checked against a hash of no account, so that it costs what a
  // wrong password costs and the time does not tell which accounts exist.
  static const std::string nobody = HashPassword(RandomHex(16));
  bool valid = false;
  {
    password_checks.acquire();
    struct Release {
      ~Release() { password_checks.release(); }
    } release;
    valid = VerifyPassword(login ? login->password_hash : nobody, password) && login.has_value();
  }
  std::lock_guard lock(mutex_);
  if (!valid) {
    throttle_->Fail(by_email, now);
    throttle_->Fail(by_address, now);
    return Fail(ErrorCode::kUnauthenticated, Msg("api.error.bad_login"));
  }
  throttle_->Clear(by_email);
  auto accounts = Open();
  if (!accounts) return std::unexpected(accounts.error());
  SignedIn out;
  out.secret = RandomHex(32);
  out.caller.kind = Caller::Kind::kSession;
  out.caller.account = login->account;
  out.caller.session_hash = Sha256Hex(out.secret);
  out.caller.csrf_token = CsrfOf(out.secret);
  if (Status added = Kept((*accounts)->AddSession(out.caller.session_hash, login->account.id, now,
                                                  now.AddSeconds(kSessionSeconds)));
      !added) {
    return std::unexpected(added.error());
  }
  return out;
}

Status Gatekeeper::SignOut(const Caller& caller) {
  if (caller.kind != Caller::Kind::kSession) return {};
  std::lock_guard lock(mutex_);
  auto accounts = Open();
  if (!accounts) return std::unexpected(accounts.error());
  return Kept((*accounts)->EndSession(caller.session_hash));
}

Result<std::vector<Member>> Gatekeeper::Members(const std::string& workspace) {
  std::lock_guard lock(mutex_);
  auto accounts = Open();
  if (!accounts) return std::unexpected(accounts.error());
  return Kept((*accounts)->ListMembers(workspace));
}

Status Gatekeeper::SetMember(const std::string& workspace, std::string_view email, Role role) {
  std::lock_guard lock(mutex_);
  auto accounts = Open();
  if (!accounts) return std::unexpected(accounts.error());
  return Kept((*accounts)->SetMember(workspace, email, role));
}

Status Gatekeeper::RemoveMember(const std::string& workspace, std::string_view email) {
  std::lock_guard lock(mutex_);
  auto accounts = Open();
  if (!accounts) return std::unexpected(accounts.error());
  return Kept((*accounts)->RemoveMember(workspace, email));
}

}  // namespace addio
