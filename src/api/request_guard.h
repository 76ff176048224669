// Who may talk to `addio serve` (DESIGN.md section 7b), decided from a request's headers
// before its body is read. Three questions, in this order:
//   1. Host: the request names this server (the bound address, the loopback names when it
//      is bound to the loopback, or a host given with --allowed-host). Anything else is a
//      page of another site reaching the server through DNS rebinding: 421.
//   2. Same origin, for state-changing methods (POST, PUT, PATCH, DELETE): an `Origin`
//      header, when present, is this server's own origin, and `Sec-Fetch-Site`, when
//      present, is `same-origin` or `none`. Otherwise 403.
//   3. A credential, for state-changing methods: the caller's CSRF token in
//      `X-CSRF-Token` (the synchronizer pattern: the server's own random token for a store
//      without accounts and for signing in, the session's for a signed-in browser; read
//      from GET /api/v1/session, which a page of another origin cannot read, since the
//      server sends no CORS headers and refuses foreign Hosts), or an API token the server
//      has verified (`Authorization: Bearer`, api/auth.h), which a browser never sends on
//      its own.
// Pure functions of strings: no sockets, no httplib. Thread-safe after construction.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace addio {

// Whether `host` (a name or an address literal, IPv6 with or without brackets) is the
// loopback: "localhost", 127.0.0.0/8, ::1 or an IPv4-mapped 127.x address. Names other
// than "localhost" are resolved (getaddrinfo) and count only when every address they
// resolve to is a loopback address; a name that does not resolve is not the loopback.
bool IsLoopbackHost(std::string_view host);

// 32 random bytes from the kernel (getrandom), as 64 lowercase hex digits.
// Throws std::runtime_error when the kernel gives no randomness (never in practice).
std::string NewCsrfToken();

// Whether two strings are equal, in a time that depends only on their lengths.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

class RequestGuard {
 public:
  // Why a request is refused, or kAllowed.
  enum class Verdict {
    kAllowed,
    kWrongHost,      // 421: the Host header names another server, or is missing
    kCrossOrigin,    // 403: Origin or Sec-Fetch-Site says another site sent it
    kNoCredential,   // 403: a state-changing request with no X-CSRF-Token nor bearer token
    kBadCredential,  // 403: a wrong CSRF token, or a bearer token not verified
  };

  // The headers the guard reads; an absent header is an empty view.
  struct Headers {
    std::string_view method;  // "GET", "POST", ...
    std::string_view host;
    std::string_view origin;
    bool has_origin = false;  // "Origin:" with an empty value is present, and refused
    std::string_view sec_fetch_site;
    std::string_view csrf_token;     // X-CSRF-Token
    std::string_view authorization;  // Authorization
    // The CSRF token the caller must send; empty: the server's own (the constructor's).
    std::string_view expected_csrf;
    // Whether `authorization` holds an API token the server verified.
    bool bearer_verified = false;
  };

  // `bound_host` and `port`: the address the server listens on (the real one, after
  // bind). `allowed_hosts`: extra host names (--allowed-host), matched case-insensitively
  // with any port. `csrf_token`: the server's own token (NewCsrfToken()). `tls`: whether
  // the server speaks HTTPS (its origin is then https://). A server bound to every address
  // (0.0.0.0, ::) accepts the addresses of this machine's interfaces and its host name.
  RequestGuard(std::string bound_host, int port, std::vector<std::string> allowed_hosts,
               std::string csrf_token, bool tls = false);

  // The verdict on a request, from its headers alone.
  Verdict Check(const Headers& headers) const;

  // Whether a Host header value ("name", "name:port", "[::1]:port") names this server.
  bool HostAllowed(std::string_view host) const;

  // Whether `method` changes state (POST, PUT, PATCH, DELETE; anything unknown counts).
  static bool ChangesState(std::string_view method);

  const std::string& csrf_token() const { return csrf_token_; }

 private:
  bool SameOrigin(const Headers& headers) const;
  Verdict CheckCredential(const Headers& headers) const;

  std::vector<std::string> bound_names_;    // lowercase, each requires port_
  std::vector<std::string> allowed_names_;  // lowercase, any port
  int port_;
  std::string csrf_token_;
  bool tls_ = false;
};

}  // namespace addio
