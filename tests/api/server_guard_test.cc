// Serving safely (DESIGN.md section 7b), against a real ApiServer on a loopback port over a
// real SQLite file: a Host that names another server gets 421; a state-changing request
// from another origin, or without the session's token, gets 403 and changes nothing; every
// answer carries the security headers; an upload over the limit, chunked included, gets
// 413; accepted connections run with TCP_NODELAY; the server refuses to listen beyond the
// loopback. (tests/api/serve_limits_test.py measures the memory of a 3 GB upload.)
#include <dirent.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "api/server.h"
#include "core/clock.h"
#include "core/secrets.h"
#include "gen/demo.h"
#include "serving_api_test_support.h"
#include "store/accounts.h"
#include "store/store.h"

namespace addio {
namespace {

namespace fs = std::filesystem;

class ServerGuardTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "addio-guard-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    url_ = (dir_ / "addio.db").string();
    auto store = OpenStore(url_, OpenMode::kCreateIfMissing);
    ASSERT_TRUE(store);
    auto report = (*store)->Import(DemoLedger(), LedgerSource{}, /*dry_run=*/false);
    ASSERT_TRUE(report);
  }

  void TearDown() override {
    serving_.Stop();
    fs::remove_all(dir_);
  }

  ServeOptions Options() {
    ServeOptions options;
    options.store = url_;
    options.clock = &clock_;
    options.port = 0;
    options.threads = 8;
    return options;
  }

  void Start(ServeOptions options) { serving_.Start(std::move(options)); }
  void Start() { Start(Options()); }

  httplib::Client Http() const {
    httplib::Client client("127.0.0.1", serving_.port());
    client.set_read_timeout(60);
    return client;
  }

  std::string Host() const { return "127.0.0.1:" + std::to_string(serving_.port()); }

  std::string Token() {
    auto res = Http().Get("/api/v1/session");
    EXPECT_TRUE(res);
    if (!res) return "";
    EXPECT_EQ(res->status, 200);
    return nlohmann::json::parse(res->body)["csrf_token"].get<std::string>();
  }

  size_t ClientCount() {
    auto res = Http().Get("/api/v1/clients?as_of=2026-11-30");
    EXPECT_TRUE(res && res->status == 200);
    return res ? nlohmann::json::parse(res->body)["clients"].size() : 0;
  }

  static std::string ErrorCode(const httplib::Result& res) {
    return nlohmann::json::parse(res->body)["error"]["code"].get<std::string>();
  }

  static std::string NewClientLedger(const std::string& id) {
    return R"({"format": "addio-ledger/1", "clients": [{"id": ")" + id +
           R"(", "name": "New", "kind": "company", "country": "IT"}]})";
  }

  const FixedClock clock_{ParseInstant("2026-11-30T12:00:00Z", TimeZone::Utc())->instant};
  fs::path dir_;
  std::string url_;
  ServingApi serving_;
};

TEST_F(ServerGuardTest, AHostThatNamesAnotherServerGets421InTheRequestLanguage) {
  Start();
  for (const char* host : {"evil.example", "rebind.attacker.example:80", "127.0.0.1:1"}) {
    auto res = Http().Get("/api/v1/clients", {{"Host", host}});
    ASSERT_TRUE(res) << host;
    EXPECT_EQ(res->status, 421) << host;
    EXPECT_EQ(ErrorCode(res), "misdirected_request");
    EXPECT_EQ(res->body.find("brightwave"), std::string::npos);  // no data
    EXPECT_NE(res->body.find("--allowed-host"), std::string::npos);
  }
  auto italian = Http().Get("/api/v1/clients?lang=it", {{"Host", "evil.example"}});
  ASSERT_TRUE(italian);
  EXPECT_NE(italian->body.find("non risponde per l'host"), std::string::npos) << italian->body;
  // The dashboard too.
  auto page = Http().Get("/", {{"Host", "evil.example"}});
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 421);
  // The loopback names, with the port, are this server.
  for (const std::string& host : {Host(), "localhost:" + std::to_string(serving_.port()),
                                  "[::1]:" + std::to_string(serving_.port())}) {
    auto res = Http().Get("/api/v1/workspace", {{"Host", host}});
    ASSERT_TRUE(res) << host;
    EXPECT_EQ(res->status, 200) << host;
  }
}

TEST_F(ServerGuardTest, AllowedHostsAreAnswered) {
  ServeOptions options = Options();
  options.allowed_hosts = {"books.lan"};
  Start(options);
  auto res =
      Http().Get("/api/v1/workspace", {{"Host", "books.lan:" + std::to_string(serving_.port())}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  auto other = Http().Get("/api/v1/workspace", {{"Host", "films.lan"}});
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 421);
}

TEST_F(ServerGuardTest, ACrossSiteImportChangesNothing) {
  Start();
  const size_t before = ClientCount();
  const std::string token = Token();
  const std::string ledger = NewClientLedger("evil-co");
  const std::string path = "/api/v1/imports?filename=x.json";
  struct Attempt {
    httplib::Headers headers;
    std::string code;
  };
  const std::vector<Attempt> attempts = {
      {{{"Origin", "http://evil.example"}}, "cross_origin"},  // the simple request of a page
      {{{"Origin", "http://evil.example"}, {"X-CSRF-Token", token}}, "cross_origin"},
      {{{"Origin", "null"}, {"X-CSRF-Token", token}}, "cross_origin"},
      {{{"Sec-Fetch-Site", "cross-site"}, {"X-CSRF-Token", token}}, "cross_origin"},
      {{{"Sec-Fetch-Site", "same-site"}, {"X-CSRF-Token", token}}, "cross_origin"},
      {{}, "csrf_token"},  // no token
      {{{"Origin", "http://" + Host()}}, "csrf_token"},
      {{{"X-CSRF-Token", std::string(64, '0')}}, "csrf_token"},
      {{{"Authorization", "Bearer " + token}}, "csrf_token"},  // a store without accounts
  };
  for (const Attempt& attempt : attempts) {
    auto res = Http().Post(path, attempt.headers, ledger, "text/plain");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 403) << res->body;
    EXPECT_EQ(ErrorCode(res), attempt.code) << res->body;
  }
  EXPECT_EQ(ClientCount(), before);

  // The dashboard's own request: same origin, the token.
  auto res = Http().Post(
      path,
      {{"Origin", "http://" + Host()}, {"Sec-Fetch-Site", "same-origin"}, {"X-CSRF-Token", token}},
      ledger, "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(ClientCount(), before + 1);
}

TEST_F(ServerGuardTest, EveryWriteNeedsTheToken) {
  Start();
  const std::string settings = Http().Get("/api/v1/settings")->body;
  auto put =
      Http().Put("/api/v1/settings", R"({"settings": {"grace_days": 9}})", "application/json");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 403);
  auto screen = Http().Post("/api/v1/screen", "{}", "application/json");
  ASSERT_TRUE(screen);
  EXPECT_EQ(screen->status, 403);
  auto workspace = Http().Put("/api/v1/workspace", R"({"name": "Evil"})", "application/json");
  ASSERT_TRUE(workspace);
  EXPECT_EQ(workspace->status, 403);
  EXPECT_EQ(Http().Get("/api/v1/settings")->body, settings);
  // With the token, the same write is made.
  auto done = Http().Put("/api/v1/settings", {{"X-CSRF-Token", Token()}},
                         R"({"settings": {"grace_days": 9}})", "application/json");
  ASSERT_TRUE(done);
  EXPECT_EQ(done->status, 200) << done->body;
  EXPECT_NE(Http().Get("/api/v1/settings")->body, settings);
}

TEST_F(ServerGuardTest, EachServerProcessHasItsOwnToken) {
  Start();
  const std::string first = Token();
  EXPECT_EQ(first.size(), 64u);
  EXPECT_EQ(Token(), first);  // the same for the server's life
  ApiServer other(Options());
  auto other_port = other.Bind();
  ASSERT_TRUE(other_port);
  std::thread listening([&] { (void)other.Listen(); });
  auto res = httplib::Client("127.0.0.1", *other_port).Get("/api/v1/session");
  other.Stop();
  listening.join();
  ASSERT_TRUE(res);
  const std::string second = nlohmann::json::parse(res->body)["csrf_token"].get<std::string>();
  EXPECT_NE(second, first);
  // The other server's token does not open this one.
  auto put = Http().Put("/api/v1/settings", {{"X-CSRF-Token", second}},
                        R"({"settings": {"grace_days": 9}})", "application/json");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 403);
}

TEST_F(ServerGuardTest, EveryAnswerCarriesTheSecurityHeaders) {
  Start();
  const std::vector<std::pair<std::string, httplib::Headers>> requests = {
      {"/", {}},
      {"/api/v1/clients", {}},
      {"/api/v1/openapi.json", {}},
      {"/api/v1/nothing-here", {}},
      {"/assets/missing-0000.js", {}},
      {"/api/v1/clients", {{"Host", "evil.example"}}},
  };
  for (const auto& [path, headers] : requests) {
    auto res = Http().Get(path, headers);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->get_header_value_count("Content-Security-Policy"), 1u) << path;
    const std::string csp = res->get_header_value("Content-Security-Policy");
    EXPECT_EQ(csp.rfind("default-src 'self'; script-src 'self'; style-src 'self' 'sha256-", 0), 0u)
        << csp;
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
    EXPECT_EQ(csp.find("unsafe-"), std::string::npos) << csp;
    EXPECT_EQ(res->get_header_value_count("X-Frame-Options"), 1u) << path;
    EXPECT_EQ(res->get_header_value("X-Frame-Options"), "DENY");
    EXPECT_EQ(res->get_header_value_count("X-Content-Type-Options"), 1u) << path;
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(res->get_header_value("Referrer-Policy"), "no-referrer");
  }
  auto refused = Http().Post("/api/v1/imports", "x", "text/plain");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->get_header_value("X-Frame-Options"), "DENY");
}

// A body that the client sends in chunks, `total` bytes of 'a' in pieces of 64 KiB.
httplib::ContentProviderWithoutLength Chunks(size_t total) {
  return [total, sent = size_t{0}](size_t, httplib::DataSink& sink) mutable {
    static const std::string block(64 * 1024, 'a');
    if (sent >= total) {
      sink.done();
      return true;
    }
    sent += block.size();
    return sink.write(block.data(), block.size());
  };
}

TEST_F(ServerGuardTest, UploadsOverTheLimitGet413WhileTheyAreRead) {
  ServeOptions options = Options();
  options.max_upload_bytes = 1u << 20;
  Start(options);
  const std::string token = Token();
  const size_t before = ClientCount();
  httplib::Client client = Http();
  // Chunked: no length announced, the limit holds as the body arrives.
  auto chunked = client.Post("/api/v1/imports?filename=big.csv", {{"X-CSRF-Token", token}},
                             Chunks(8u << 20), "application/octet-stream");
  ASSERT_TRUE(chunked) << httplib::to_string(chunked.error());
  EXPECT_EQ(chunked->status, 413);
  EXPECT_EQ(ErrorCode(chunked), "payload_too_large");
  EXPECT_EQ(chunked->get_header_value("Connection"), "close");
  // Declared: refused before the body is read.
  auto declared = Http().Post("/api/v1/imports?filename=big.csv", {{"X-CSRF-Token", token}},
                              std::string((1u << 20) + (128u << 10), 'a'), "text/csv");
  ASSERT_TRUE(declared);
  EXPECT_EQ(declared->status, 413);
  // A multipart upload whose file is over the limit.
  httplib::MultipartFormDataItems items = {
      {"file", std::string((1u << 20) + 1, 'a'), "big.csv", "text/csv"}};
  auto multipart = Http().Post("/api/v1/imports", {{"X-CSRF-Token", token}}, items);
  ASSERT_TRUE(multipart);
  EXPECT_EQ(multipart->status, 413);
  // A JSON body over 1 MiB on another write route, chunked.
  auto settings = Http().Put("/api/v1/settings", {{"X-CSRF-Token", token}}, Chunks(4u << 20),
                             "application/json");
  ASSERT_TRUE(settings);
  EXPECT_EQ(settings->status, 413);
  // A compressed body could inflate past any limit: refused.
  auto gzip =
      Http().Post("/api/v1/imports?filename=a.json",
                  {{"X-CSRF-Token", token}, {"Content-Encoding", "gzip"}}, "x", "application/json");
  ASSERT_TRUE(gzip);
  EXPECT_EQ(gzip->status, 415);
  EXPECT_EQ(ClientCount(), before);
  // Nothing is left half-read: the next import on a fresh connection works.
  auto ok = Http().Post("/api/v1/imports?filename=new.json", {{"X-CSRF-Token", token}},
                        NewClientLedger("small-co"), "application/json");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200) << ok->body;
  EXPECT_EQ(ClientCount(), before + 1);
}

// The TCP_NODELAY option of this process's TCP sockets whose local port is `port` and that
// have a peer: the server's side of accepted connections (the listening socket has none).
std::vector<int> AcceptedNoDelay(int port) {
  std::vector<int> options;
  for (const auto& entry : fs::directory_iterator("/proc/self/fd")) {
    const int fd = std::atoi(entry.path().filename().c_str());
    sockaddr_storage local{};
    sockaddr_storage peer{};
    socklen_t length = sizeof(local);
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &length) != 0) continue;
    if (local.ss_family != AF_INET) continue;
    if (ntohs(reinterpret_cast<sockaddr_in*>(&local)->sin_port) != port) continue;
    length = sizeof(peer);
    if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &length) != 0) continue;
    int value = 0;
    socklen_t size = sizeof(value);
    if (getsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &value, &size) == 0) options.push_back(value);
  }
  return options;
}

TEST_F(ServerGuardTest, AcceptedConnectionsRunWithTcpNoDelay) {
  Start();
  httplib::Client client = Http();
  client.set_keep_alive(true);
  for (int i = 0; i < 3; ++i) {
    auto res = client.Get("/api/v1/workspace");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
  }
  const std::vector<int> options = AcceptedNoDelay(serving_.port());
  ASSERT_EQ(options.size(), 1u);  // the one keep-alive connection
  EXPECT_NE(options.front(), 0);
}

// Once the store has an account, the server may listen on every address: each request then
// needs a session or a token (tests/api/isolation_test.mjs).
TEST_F(ServerGuardTest, BeyondTheLoopbackOnlyWithAccounts) {
  {
    ServeOptions options = Options();
    options.host = "0.0.0.0";
    ApiServer server(options);
    ASSERT_FALSE(server.Bind());
  }
  auto accounts = OpenAccounts(url_);
  ASSERT_TRUE(accounts);
  ASSERT_TRUE(
      (*accounts)->AddAccount("owner@example.com", HashPassword("long enough pw"), clock_.Now()));
  ServeOptions options = Options();
  options.host = "0.0.0.0";
  Start(options);
  auto res = Http().Get("/api/v1/workspace");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401) << res->body;
  res = Http().Get("/api/v1/session");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
}

TEST_F(ServerGuardTest, TheServerListensOnlyOnTheLoopback) {
  for (const char* host : {"0.0.0.0", "::", "192.0.2.1"}) {
    ServeOptions options = Options();
    options.host = host;
    ApiServer server(options);
    auto bound = server.Bind();
    ASSERT_FALSE(bound) << host;
    EXPECT_EQ(bound.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(bound.error().message.In(Lang::kEn).find("accounts"), std::string::npos);
    EXPECT_NE(bound.error().message.In(Lang::kIt).find("account"), std::string::npos);
  }
  ServeOptions options = Options();
  options.host = "localhost";
  Start(options);
  const std::string bound = serving_.server().bound_host();
  EXPECT_TRUE(bound == "127.0.0.1" || bound == "::1") << bound;
  auto res =
      Http().Get("/api/v1/workspace", {{"Host", "localhost:" + std::to_string(serving_.port())}});
  if (bound == "127.0.0.1") {
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
  }
}

}  // namespace
}  // namespace addio
