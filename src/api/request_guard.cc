#include "api/request_guard.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <stdexcept>
#include <utility>

namespace addio {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return out;
}

// "[::1]" -> "::1"; anything else unchanged.
std::string_view Unbracket(std::string_view host) {
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    return host.substr(1, host.size() - 2);
  }
  return host;
}

bool IsLoopbackAddress(const sockaddr* address) {
  if (address->sa_family == AF_INET) {
    const auto* v4 = reinterpret_cast<const sockaddr_in*>(address);
    return (ntohl(v4->sin_addr.s_addr) >> 24) == 127;
  }
  if (address->sa_family == AF_INET6) {
    const auto* v6 = reinterpret_cast<const sockaddr_in6*>(address);
    if (IN6_IS_ADDR_LOOPBACK(&v6->sin6_addr)) return true;
    return IN6_IS_ADDR_V4MAPPED(&v6->sin6_addr) && v6->sin6_addr.s6_addr[12] == 127;
  }
  return false;
}

// A Host header split into its lowercase name (brackets kept for IPv6) and port
// (`default_port` when absent). False when it is not "name" or "name:port" with a port of
// digits.
bool SplitHost(std::string_view host, std::string& name, int& port, int default_port) {
  port = default_port;
  size_t colon = std::string_view::npos;
  if (host.starts_with('[')) {
    const size_t close = host.find(']');
    if (close == std::string_view::npos) return false;
    if (close + 1 < host.size()) {
      if (host[close + 1] != ':') return false;
      colon = close + 1;
    }
  } else {
    colon = host.find(':');
  }
  name = Lower(host.substr(0, colon));
  if (name.empty()) return false;
  if (colon == std::string_view::npos) return true;
  const std::string_view digits = host.substr(colon + 1);
  if (digits.empty() || digits.size() > 5) return false;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  return error == std::errc() && end == digits.data() + digits.size();
}

// The form a host name takes in a Host header: IPv6 literals in brackets, lowercase.
std::string HostHeaderName(std::string_view host) {
  const std::string bare = Lower(Unbracket(host));
  return bare.find(':') != std::string::npos ? "[" + bare + "]" : bare;
}

bool IsWildcardAddress(std::string_view host) {
  const std::string_view bare = Unbracket(host);
  return bare == "0.0.0.0" || bare == "::";
}

// The addresses of this machine's interfaces and its host name: the names a request to a
// server bound to every address may give in its Host header.
std::vector<std::string> MachineNames() {
  std::vector<std::string> names;
  char hostname[256] = {};
  if (gethostname(hostname, sizeof(hostname) - 1) == 0 && hostname[0] != '\0') {
    names.emplace_back(hostname);
  }
  ifaddrs* interfaces = nullptr;
  if (getifaddrs(&interfaces) != 0) return names;
  for (const ifaddrs* i = interfaces; i != nullptr; i = i->ifa_next) {
    if (i->ifa_addr == nullptr) continue;
    const int family = i->ifa_addr->sa_family;
    if (family != AF_INET && family != AF_INET6) continue;
    char text[NI_MAXHOST];
    const socklen_t size = family == AF_INET ? sizeof(sockaddr_in) : sizeof(sockaddr_in6);
    if (getnameinfo(i->ifa_addr, size, text, sizeof(text), nullptr, 0, NI_NUMERICHOST) != 0) {
      continue;
    }
    std::string address = text;
    if (address.find('%') != std::string::npos) continue;  // link-local with a zone
    names.push_back(family == AF_INET6 ? "[" + address + "]" : address);
  }
  freeifaddrs(interfaces);
  return names;
}

}  // namespace

bool IsLoopbackHost(std::string_view host) {
  const std::string bare = Lower(Unbracket(host));
  if (bare == "localhost") return true;
  if (bare.empty()) return false;  // the wildcard address
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (getaddrinfo(bare.c_str(), nullptr, &hints, &found) != 0 || found == nullptr) return false;
  bool loopback = true;
  for (const addrinfo* a = found; a != nullptr; a = a->ai_next) {
    loopback = loopback && IsLoopbackAddress(a->ai_addr);
  }
  freeaddrinfo(found);
  return loopback;
}

std::string NewCsrfToken() {
  unsigned char bytes[32];
  size_t got = 0;
  while (got < sizeof(bytes)) {
    const ssize_t n = getrandom(bytes + got, sizeof(bytes) - got, 0);
    if (n <= 0) throw std::runtime_error("getrandom gave no randomness");
    got += static_cast<size_t>(n);
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string token;
  for (const unsigned char b : bytes) {
    token += kHex[b >> 4];
    token += kHex[b & 15];
  }
  return token;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return diff == 0;
}

RequestGuard::RequestGuard(std::string bound_host, int port, std::vector<std::string> allowed_hosts,
                           std::string csrf_token, bool tls)
    : port_(port), csrf_token_(std::move(csrf_token)), tls_(tls) {
  bound_names_.push_back(HostHeaderName(bound_host));
  if (IsLoopbackHost(bound_host) || IsWildcardAddress(bound_host)) {
    for (const char* name : {"localhost", "127.0.0.1", "[::1]"}) bound_names_.emplace_back(name);
  }
  if (IsWildcardAddress(bound_host)) {
    for (const std::string& name : MachineNames()) bound_names_.push_back(HostHeaderName(name));
  }
  for (const std::string& host : allowed_hosts) {
    if (!host.empty()) allowed_names_.push_back(HostHeaderName(host));
  }
}

bool RequestGuard::ChangesState(std::string_view method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

bool RequestGuard::HostAllowed(std::string_view host) const {
  std::string name;
  int port = 0;
  if (!SplitHost(host, name, port, tls_ ? 443 : 80)) return false;
  if (std::find(allowed_names_.begin(), allowed_names_.end(), name) != allowed_names_.end()) {
    return true;
  }
  return port == port_ &&
         std::find(bound_names_.begin(), bound_names_.end(), name) != bound_names_.end();
}

bool RequestGuard::SameOrigin(const Headers& headers) const {
  if (headers.has_origin &&
      Lower(headers.origin) != (tls_ ? "https://" : "http://") + Lower(headers.host)) {
    return false;
  }
  if (!headers.sec_fetch_site.empty()) {
    const std::string site = Lower(headers.sec_fetch_site);
    if (site != "same-origin" && site != "none") return false;
  }
  return true;
}

RequestGuard::Verdict RequestGuard::CheckCredential(const Headers& headers) const {
  if (headers.bearer_verified) return Verdict::kAllowed;
  if (!headers.csrf_token.empty()) {
    const std::string_view expected =
        headers.expected_csrf.empty() ? std::string_view(csrf_token_) : headers.expected_csrf;
    return ConstantTimeEquals(headers.csrf_token, expected) ? Verdict::kAllowed
                                                            : Verdict::kBadCredential;
  }
  if (!headers.authorization.empty()) return Verdict::kBadCredential;
  return Verdict::kNoCredential;
}

RequestGuard::Verdict RequestGuard::Check(const Headers& headers) const {
  if (!HostAllowed(headers.host)) return Verdict::kWrongHost;
  if (!ChangesState(headers.method)) return Verdict::kAllowed;
  if (!SameOrigin(headers)) return Verdict::kCrossOrigin;
  return CheckCredential(headers);
}

}  // namespace addio
