#include "api/http_reactor.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>

namespace addio::api_internal {
namespace {

// How long a thread waits in epoll before looking at the stop flag and the idle sweep.
constexpr int kWaitMs = 100;
constexpr int64_t kSweepEveryMs = 1000;
// What a closing connection may still send, read and dropped so that the answer reaches
// the client before the close (Connection::Drain).
constexpr int kDrainMs = 2000;
constexpr size_t kDrainBytes = 64u << 20;

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

// One open connection. Parked in the epoll set (EPOLLONESHOT: one thread at a time takes
// it) or being served by the thread that took it.
struct HttpReactor::Session {
  Session(socket_t sock, const Options& options)
      : connection(sock, options.read_timeout_sec, options.write_timeout_sec, options.head_limit),
        requests_left(options.keep_alive_max_count) {}

  Connection connection;
  size_t requests_left;
  // When it was parked (NowMs), 0 while a thread serves it. Read by the idle sweep.
  std::atomic<int64_t> parked_since_ms{0};
  bool registered = false;  // in the epoll set
  bool swept = false;       // the idle sweep ended it (under sessions_mutex_)
};

HttpReactor::HttpReactor(Options options, ServeOne serve)
    : options_(options), serve_(std::move(serve)), lanes_(std::max<size_t>(1, options.lanes)) {
  epoll_ = epoll_create1(EPOLL_CLOEXEC);
  if (epoll_ < 0) {
    std::fprintf(stderr, "addio serve: epoll_create1: %s\n", std::strerror(errno));
    return;
  }
  const size_t threads = std::max(options_.threads, std::max<size_t>(1, options_.lanes));
  threads_.reserve(threads);
  for (size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { Work(); });
}

HttpReactor::~HttpReactor() { Stop(); }

void HttpReactor::Add(socket_t sock) {
  // Accepted sockets may or may not inherit TCP_NODELAY from the listening one (it depends
  // on the kernel): set it on each. Without it an answer written as headers then body
  // waits for the client's delayed acknowledgement, 40 ms on Linux, on every request.
  int yes = 1;
  setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
  if (epoll_ < 0 || stopping_.load()) {
    close(sock);
    return;
  }
  auto* session = new Session(sock, options_);
  session->connection.StopWaitingWhen(&stopping_);
  {
    std::lock_guard lock(sessions_mutex_);
    sessions_.insert(session);
  }
  Park(session);
}

void HttpReactor::Park(Session* session) {
  session->parked_since_ms.store(NowMs(), std::memory_order_relaxed);
  epoll_event event{};
  event.events = EPOLLIN | EPOLLRDHUP | EPOLLONESHOT;
  event.data.ptr = session;
  const int op = session->registered ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
  session->registered = true;
  if (epoll_ctl(epoll_, op, session->connection.socket(), &event) != 0) Close(session);
}

void HttpReactor::Close(Session* session) {
  {
    std::lock_guard lock(sessions_mutex_);
    sessions_.erase(session);
  }
  // Closing the socket also takes it out of the epoll set.
  close(session->connection.socket());
  delete session;
}

void HttpReactor::Work() {
  for (;;) {
    if (!HoldsLane() && !lanes_.Take()) return;
    if (stopping_.load(std::memory_order_relaxed)) break;
    SweepIdle();
    epoll_event event{};
    const int ready = epoll_wait(epoll_, &event, 1, kWaitMs);
    if (ready <= 0) continue;  // a timeout, or EINTR
    Serve(static_cast<Session*>(event.data.ptr));
  }
  lanes_.Give();
}

void HttpReactor::Serve(Session* session) {
  session->parked_since_ms.store(0, std::memory_order_relaxed);
  Connection& connection = session->connection;
  for (;;) {
    const bool last = --session->requests_left == 0 || stopping_.load();
    connection.BeginRequest();
    bool open;
    {
      Connection::Scope scope(&connection);
      open = serve_(connection, last);
    }
    if (!connection.Flush()) open = false;
    if (!open || connection.closing() || last) break;
    // A pipelined request is answered at once; otherwise the connection waits parked.
    if (!connection.buffered()) return Park(session);
  }
  // A refused body may still be arriving. Closing with unread bytes makes the kernel send
  // a reset, which can destroy the answer before the client reads it: stop writing, let
  // the client see the answer while what it still sends is drained (a bounded while).
  if (connection.closing()) {
    LendLane();
    connection.Drain(kDrainMs, kDrainBytes);
  }
  shutdown(connection.socket(), SHUT_RDWR);
  Close(session);
}

void HttpReactor::SweepIdle() {
  const int64_t now = NowMs();
  int64_t due = next_sweep_ms_.load(std::memory_order_relaxed);
  if (now < due) return;
  if (!next_sweep_ms_.compare_exchange_strong(due, now + kSweepEveryMs)) return;
  std::lock_guard lock(sessions_mutex_);
  for (Session* session : sessions_) {
    const int64_t parked = session->parked_since_ms.load(std::memory_order_relaxed);
    if (parked == 0 || session->swept || now - parked < options_.keep_alive_timeout_ms) continue;
    // The socket reads as ended: the thread that takes it next finds no request and closes
    // it (only a serving thread closes a session, so none is closed while in use).
    session->swept = true;
    shutdown(session->connection.socket(), SHUT_RDWR);
  }
}

void HttpReactor::Stop() {
  if (stopping_.exchange(true)) return;
  lanes_.Stop();
  for (std::thread& thread : threads_) thread.join();
  threads_.clear();
  // No thread is left: what is still open is parked.
  std::vector<Session*> open;
  {
    std::lock_guard lock(sessions_mutex_);
    open.assign(sessions_.begin(), sessions_.end());
  }
  for (Session* session : open) {
    shutdown(session->connection.socket(), SHUT_RDWR);
    Close(session);
  }
  if (epoll_ >= 0) close(epoll_);
  epoll_ = -1;
}

}  // namespace addio::api_internal
