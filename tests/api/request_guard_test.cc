// RequestGuard (DESIGN.md section 7b): which Host headers name the server, which
// state-changing requests come from its own origin and carry the session's token.
#include "api/request_guard.h"

#include <gtest/gtest.h>

#include <string>

namespace addio {
namespace {

using Verdict = RequestGuard::Verdict;

const std::string kToken(64, 'c');

RequestGuard Loopback(std::vector<std::string> allowed = {}) {
  return RequestGuard("127.0.0.1", 8123, std::move(allowed), kToken);
}

RequestGuard::Headers Write(std::string_view host = "127.0.0.1:8123") {
  RequestGuard::Headers headers;
  headers.method = "POST";
  headers.host = host;
  headers.csrf_token = kToken;
  return headers;
}

TEST(IsLoopbackHostTest, TellsTheLoopbackFromTheNetwork) {
  for (const char* host :
       {"127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "LOCALHOST", "::ffff:127.0.0.1"}) {
    EXPECT_TRUE(IsLoopbackHost(host)) << host;
  }
  for (const char* host :
       {"0.0.0.0", "::", "", "192.168.1.10", "10.0.0.1", "8.8.8.8", "::ffff:10.0.0.1"}) {
    EXPECT_FALSE(IsLoopbackHost(host)) << host;
  }
}

TEST(RequestGuardTest, TheBoundAddressAndTheLoopbackNamesWithThePort) {
  const RequestGuard guard = Loopback();
  for (const char* host : {"127.0.0.1:8123", "localhost:8123", "LocalHost:8123", "[::1]:8123"}) {
    EXPECT_TRUE(guard.HostAllowed(host)) << host;
  }
  for (const char* host :
       {"127.0.0.1:8124", "localhost", "127.0.0.1", "evil.example:8123", "attacker.example", "",
        "127.0.0.1:", "127.0.0.1:81x23", "[::1", "localhost:8123:1", "127.0.0.1:99999999"}) {
    EXPECT_FALSE(guard.HostAllowed(host)) << host;
  }
}

TEST(RequestGuardTest, AllowedHostsMatchWithAnyPort) {
  const RequestGuard guard = Loopback({"Books.Lan"});
  EXPECT_TRUE(guard.HostAllowed("books.lan"));
  EXPECT_TRUE(guard.HostAllowed("BOOKS.LAN:8123"));
  EXPECT_TRUE(guard.HostAllowed("books.lan:443"));
  EXPECT_FALSE(guard.HostAllowed("books.lan.evil.example"));
}

TEST(RequestGuardTest, AWrongHostIsRefusedForReadsToo) {
  RequestGuard::Headers read;
  read.method = "GET";
  read.host = "rebound.example:8123";
  EXPECT_EQ(Loopback().Check(read), Verdict::kWrongHost);
  read.host = "127.0.0.1:8123";
  EXPECT_EQ(Loopback().Check(read), Verdict::kAllowed);  // a read needs no token
}

TEST(RequestGuardTest, AWriteFromAnotherOriginIsRefusedEvenWithTheToken) {
  const RequestGuard guard = Loopback();
  RequestGuard::Headers headers = Write();
  headers.has_origin = true;
  headers.origin = "http://evil.example";
  EXPECT_EQ(guard.Check(headers), Verdict::kCrossOrigin);
  headers.origin = "null";  // a sandboxed frame or a file: page
  EXPECT_EQ(guard.Check(headers), Verdict::kCrossOrigin);
  headers.origin = "";
  EXPECT_EQ(guard.Check(headers), Verdict::kCrossOrigin);
  headers.origin = "https://127.0.0.1:8123";  // another scheme is another origin
  EXPECT_EQ(guard.Check(headers), Verdict::kCrossOrigin);
  headers.origin = "http://127.0.0.1:8123";
  EXPECT_EQ(guard.Check(headers), Verdict::kAllowed);
  headers.origin = "http://localhost:8123";  // the page was opened at 127.0.0.1
  EXPECT_EQ(guard.Check(headers), Verdict::kCrossOrigin);
}

TEST(RequestGuardTest, SecFetchSiteMustBeSameOriginOrNone) {
  const RequestGuard guard = Loopback();
  RequestGuard::Headers headers = Write();
  for (const char* site : {"cross-site", "same-site"}) {
    headers.sec_fetch_site = site;
    EXPECT_EQ(guard.Check(headers), Verdict::kCrossOrigin) << site;
  }
  for (const char* site : {"same-origin", "none"}) {
    headers.sec_fetch_site = site;
    EXPECT_EQ(guard.Check(headers), Verdict::kAllowed) << site;
  }
}

TEST(RequestGuardTest, AWriteNeedsTheSessionToken) {
  const RequestGuard guard = Loopback();
  RequestGuard::Headers headers = Write();
  headers.csrf_token = "";
  EXPECT_EQ(guard.Check(headers), Verdict::kNoCredential);
  const std::string other_token(64, 'd');
  headers.csrf_token = other_token;
  EXPECT_EQ(guard.Check(headers), Verdict::kBadCredential);
  headers.csrf_token = std::string_view(kToken).substr(1);
  EXPECT_EQ(guard.Check(headers), Verdict::kBadCredential);
  // No API token is valid until accounts exist.
  headers.csrf_token = "";
  const std::string bearer = "Bearer " + kToken;
  headers.authorization = bearer;
  EXPECT_EQ(guard.Check(headers), Verdict::kBadCredential);
  for (const char* method : {"PUT", "PATCH", "DELETE", "PROPFIND"}) {
    RequestGuard::Headers other = Write();
    other.method = method;
    other.csrf_token = "";
    EXPECT_EQ(guard.Check(other), Verdict::kNoCredential) << method;
  }
}

TEST(RequestGuardTest, TokensAreRandomAndLong) {
  const std::string a = NewCsrfToken();
  const std::string b = NewCsrfToken();
  EXPECT_EQ(a.size(), 64u);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_TRUE(ConstantTimeEquals(a, a));
  EXPECT_FALSE(ConstantTimeEquals(a, b));
  EXPECT_FALSE(ConstantTimeEquals(a, a + "0"));
}

}  // namespace
}  // namespace addio
