// How `addio serve` holds its connections over plain HTTP (api/http_reactor.h), against a
// real ApiServer on a loopback port over a real SQLite file, with raw sockets: an idle
// keep-alive connection holds no thread, so more of them than threads leave the server
// answering; pipelined requests are answered in order; a client that sends half a request
// and stalls holds no lane; and the lanes themselves (api/lanes.h): a thread that lends
// its lane lets another take it.
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "api/lanes.h"
#include "api/server.h"
#include "core/clock.h"
#include "core/parallel.h"
#include "gen/demo.h"
#include "serving_api_test_support.h"
#include "store/store.h"

namespace addio {
namespace {

namespace fs = std::filesystem;

// A TCP connection to the server, spoken to byte by byte.
class RawConnection {
 public:
  explicit RawConnection(int port) : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0;
    timeval timeout{60, 0};  // a broken server fails the test instead of hanging it
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
  }
  ~RawConnection() { close(fd_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return connected_; }

  bool Send(const std::string& bytes) {
    return ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
           static_cast<ssize_t>(bytes.size());
  }

  // Reads one answer (head and a Content-Length body); empty when the connection ended
  // first.
  std::string ReadAnswer() {
    for (;;) {
      const size_t head_end = received_.find("\r\n\r\n");
      if (head_end != std::string::npos) {
        const size_t length_at = received_.find("Content-Length: ");
        size_t body = 0;
        if (length_at != std::string::npos && length_at < head_end) {
          body = std::stoul(received_.substr(length_at + 16));
        }
        const size_t total = head_end + 4 + body;
        if (received_.size() >= total) {
          std::string answer = received_.substr(0, total);
          received_.erase(0, total);
          return answer;
        }
      }
      char buffer[16384];
      const ssize_t n = ::recv(fd_, buffer, sizeof(buffer), 0);
      if (n <= 0) return "";
      received_.append(buffer, static_cast<size_t>(n));
    }
  }

 private:
  int fd_;
  bool connected_ = false;
  std::string received_;
};

std::string Get(const std::string& path, const std::string& host, bool close = false) {
  return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" +
         (close ? "Connection: close\r\n" : "") + "\r\n";
}

bool IsOk(const std::string& answer) { return answer.starts_with("HTTP/1.1 200 "); }

class HttpReactorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "addio-reactor-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    url_ = (dir_ / "addio.db").string();
    auto store = OpenStore(url_, OpenMode::kCreateIfMissing);
    ASSERT_TRUE(store);
    ASSERT_TRUE((*store)->Import(DemoLedger(), LedgerSource{}, /*dry_run=*/false));
  }

  void TearDown() override {
    serving_.Stop();
    fs::remove_all(dir_);
  }

  void Start(int threads) {
    ServeOptions options;
    options.store = url_;
    options.clock = &clock_;
    options.port = 0;
    options.threads = threads;
    serving_.Start(std::move(options));
  }

  std::string Host() const { return "127.0.0.1:" + std::to_string(serving_.port()); }

  const FixedClock clock_{ParseInstant("2026-11-30T12:00:00Z", TimeZone::Utc())->instant};
  fs::path dir_;
  std::string url_;
  ServingApi serving_;
};

// With a thread per open connection, the third request below would wait for an idle
// connection's keep-alive timeout, which closes it: the idle ones could not answer again.
TEST_F(HttpReactorTest, IdleKeepAliveConnectionsHoldNoThread) {
  Start(/*threads=*/2);
  std::vector<std::unique_ptr<RawConnection>> idle;
  for (int i = 0; i < 6; ++i) {
    idle.push_back(std::make_unique<RawConnection>(serving_.port()));
    ASSERT_TRUE(idle.back()->connected());
    ASSERT_TRUE(idle.back()->Send(Get("/api/v1/session", Host())));
    ASSERT_TRUE(IsOk(idle.back()->ReadAnswer())) << i;
  }
  httplib::Client client("127.0.0.1", serving_.port());
  client.set_read_timeout(60);
  auto res = client.Get("/api/v1/workspace");
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 200);
  for (auto& connection : idle) {
    ASSERT_TRUE(connection->Send(Get("/api/v1/workspace", Host())));
    EXPECT_TRUE(IsOk(connection->ReadAnswer()));
  }
}

TEST_F(HttpReactorTest, PipelinedRequestsAreAnsweredInOrder) {
  Start(/*threads=*/4);
  RawConnection connection(serving_.port());
  ASSERT_TRUE(connection.connected());
  ASSERT_TRUE(connection.Send(Get("/api/v1/session", Host()) + Get("/api/v1/nothing", Host()) +
                              Get("/api/v1/workspace", Host(), /*close=*/true)));
  const std::string session = connection.ReadAnswer();
  const std::string missing = connection.ReadAnswer();
  const std::string workspace = connection.ReadAnswer();
  EXPECT_TRUE(IsOk(session));
  EXPECT_NE(session.find("csrf_token"), std::string::npos);
  EXPECT_TRUE(missing.starts_with("HTTP/1.1 404 ")) << missing.substr(0, 40);
  EXPECT_TRUE(IsOk(workspace));
  EXPECT_NE(workspace.find("\"currency\""), std::string::npos);
  EXPECT_EQ(connection.ReadAnswer(), "");  // closed after the last, as it asked
}

// More stalled clients than lanes: were a lane held while its thread waits for the rest of
// a request, the request in the middle would wait for their read timeout (30 s), which
// would then end the stalled connections instead of answering them.
TEST_F(HttpReactorTest, AClientThatStallsMidRequestHoldsNoLane) {
  Start(/*threads=*/16);
  std::vector<std::unique_ptr<RawConnection>> stalled;
  const std::string request = Get("/api/v1/workspace", Host());
  const size_t half = request.size() / 2;
  for (size_t i = 0; i < Cores() + 2; ++i) {
    stalled.push_back(std::make_unique<RawConnection>(serving_.port()));
    ASSERT_TRUE(stalled.back()->connected());
    ASSERT_TRUE(stalled.back()->Send(request.substr(0, half)));
  }
  // Every stalled request is being read before the next one comes.
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  httplib::Client client("127.0.0.1", serving_.port());
  client.set_read_timeout(60);
  auto res = client.Get("/api/v1/session");
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 200);
  for (auto& connection : stalled) {
    ASSERT_TRUE(connection->Send(request.substr(half)));
    EXPECT_TRUE(IsOk(connection->ReadAnswer()));
  }
}

TEST(LanesTest, ALentLaneIsTakenByAnotherThread) {
  api_internal::Lanes lanes(1);
  ASSERT_TRUE(lanes.Take());
  EXPECT_TRUE(api_internal::HoldsLane());
  bool other_took = false;
  std::thread other([&] {
    other_took = lanes.Take();  // waits until the lane is lent
    lanes.Give();
  });
  api_internal::LendLane();
  EXPECT_FALSE(api_internal::HoldsLane());
  other.join();
  EXPECT_TRUE(other_took);
  // A stopped set of lanes gives none, free or not.
  lanes.Stop();
  EXPECT_FALSE(lanes.Take());
  EXPECT_FALSE(api_internal::HoldsLane());
}

}  // namespace
}  // namespace addio
