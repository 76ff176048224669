// The plain-HTTP connections of `addio serve`, served by a few threads through epoll.
//
// An open connection holds no thread while it waits for its next request: it is parked in
// an epoll set, and the thread that holds a free lane (lanes.h) when its request arrives
// answers it, then parks it again. Requests are thus answered in the order they arrive by
// one thread per core, however many connections are open (keep-alive clients, a dashboard
// in several tabs, wrk with 64 connections). A connection idle for the keep-alive timeout
// is closed; one that served keep_alive_max_count requests is closed after the last.
//
// Each request is read and answered by httplib (Server::process_request, through the
// Connection stream and its budgets, http_connection.h). HTTPS keeps httplib's thread per
// connection (its TLS stream is httplib's own).
//
// Internal to src/api.
#pragma once

#include <httplib.h>

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <vector>

#include "api/http_connection.h"
#include "api/lanes.h"

namespace addio::api_internal {

class HttpReactor {
 public:
  struct Options {
    size_t lanes = 2;     // threads running requests at once (the cores)
    size_t threads = 64;  // threads in all: the lanes plus spares for lent lanes
    int keep_alive_timeout_ms = 5000;
    size_t keep_alive_max_count = 10000;
    time_t read_timeout_sec = 30;  // each wait of a request for its client
    time_t write_timeout_sec = 30;
    size_t head_limit = 64 * 1024;
  };
  // Answers the request at the start of `connection`'s bytes; `last` says the connection
  // closes after it. Returns whether the connection may serve another request.
  using ServeOne = std::function<bool(Connection& connection, bool last)>;

  HttpReactor(Options options, ServeOne serve);
  ~HttpReactor();  // Stop()
  HttpReactor(const HttpReactor&) = delete;
  HttpReactor& operator=(const HttpReactor&) = delete;

  // Takes an accepted socket (and closing it) and serves its requests.
  void Add(socket_t sock);
  // Answers no new request: the requests being answered finish, every connection is
  // closed, the threads are joined. Idempotent.
  void Stop();

 private:
  struct Session;
  void Work();
  // Answers the requests `session` has (the one that woke it, and any pipelined after it),
  // then parks or closes it.
  void Serve(Session* session);
  void Park(Session* session);
  void Close(Session* session);
  // Ends the parked connections idle for the keep-alive timeout (at most once a second).
  void SweepIdle();

  const Options options_;
  const ServeOne serve_;
  int epoll_ = -1;
  Lanes lanes_;
  std::atomic<bool> stopping_{false};
  std::atomic<int64_t> next_sweep_ms_{0};
  std::mutex sessions_mutex_;
  std::unordered_set<Session*> sessions_;
  std::vector<std::thread> threads_;
};

}  // namespace addio::api_internal
