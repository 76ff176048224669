// One accepted connection of `addio serve`, read with a budget (DESIGN.md section 7b:
// "memory stays bounded under any request"). cpp-httplib (0.11, a compiled library here)
// reads a request line or a header line into a string until its newline, however long, and
// reads a chunked body with no limit at all; what it is handed through this stream is all it
// can hold. So each request may read at most `head_limit` bytes up to the blank line that
// ends its headers, then at most the body budget its route allows (LimitBody, set before
// the body is read); past either, reads fail, httplib stops, and the connection is closed
// after the answer. The head must also arrive whole within the read timeout, so that a
// client sending it a byte at a time cannot hold a worker thread for ever. The stream is
// buffered per connection, so pipelined requests keep their bytes.
//
// A wait for the client (more of a request, room to send the answer) lends the thread's
// lane (lanes.h) to another thread meanwhile.
//
// Internal to src/api: includes httplib.h. Not thread-safe; one thread at a time serves a
// connection (HttpReactor hands it from thread to thread between requests).
#pragma once

#include <httplib.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <string>

namespace addio::api_internal {

class Connection final : public httplib::Stream {
 public:
  // Takes no ownership of `sock`. Timeouts in seconds bound each wait for the socket.
  Connection(socket_t sock, time_t read_timeout_sec, time_t write_timeout_sec, size_t head_limit);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Makes every wait for the client end as soon as `*stopping` is true (the server is
  // stopping), not at its timeout. `stopping` must outlive the connection.
  void StopWaitingWhen(const std::atomic<bool>* stopping) { stopping_ = stopping; }
  // Whether bytes of the next request were received already (it was pipelined).
  bool buffered() const { return begin_ < end_; }
  // Starts a request: the head budget anew, no body allowed until LimitBody.
  void BeginRequest();
  // Allows the current request's body `wire_bytes` bytes as sent (chunk framing included).
  void LimitBody(size_t wire_bytes);
  // Whether the current request tried to read past its head's budget or deadline, or past
  // its body's budget.
  bool head_limit_hit() const { return head_limit_hit_; }
  bool body_limit_hit() const { return body_limit_hit_; }
  // The connection ends after the current answer (its body was not read, or not whole).
  void CloseAfterRequest() { closing_ = true; }
  bool closing() const { return closing_ || head_limit_hit_ || body_limit_hit_; }

  // Sends what was written and is still held (write holds small writes, up to kOutLimit
  // bytes, so that an answer's head leaves with its body). False when the socket failed.
  // The held bytes are sent anyway before the connection waits for the client.
  bool Flush();

  // Ends writing (the client sees the end of the answer), then reads and drops what the
  // client still sends, until it closes, for at most `max_ms` or `max_bytes`.
  void Drain(int max_ms, size_t max_bytes);

  // The connection whose request this thread is handling, or nullptr (set by Scope).
  static Connection* Current();
  class Scope {
   public:
    explicit Scope(Connection* connection);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;
  };

  // httplib::Stream.
  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return sock_; }

 private:
  // Fills the buffer from the socket when it is empty: bytes buffered, 0 at end of
  // stream, -1 on error or timeout.
  ssize_t Fill();
  ssize_t ReadHead(char* ptr, size_t size);
  // Sends some of `parts` now, waiting (up to the write timeout) only when the socket's
  // buffer is full. Bytes sent, or -1.
  ssize_t Send(iovec* parts, size_t count);
  // Sends both byte ranges whole, in order; false when the socket failed.
  bool SendAll(const char* first, size_t first_size, const char* second, size_t second_size);
  bool PollWritable() const;
  // Polls the socket for `events` up to `timeout_ms`, or until stopping_ says stop.
  bool Await(short events, int timeout_ms) const;

  static constexpr size_t kHoldLimit = 4 * 1024;  // writes up to this size are held
  static constexpr size_t kOutLimit = 16 * 1024;  // held bytes at most

  socket_t sock_;
  time_t read_timeout_sec_;
  time_t write_timeout_sec_;
  size_t head_limit_;

  char buffer_[16 * 1024];
  size_t begin_ = 0;  // buffer_[begin_, end_) is received and not yet read
  size_t end_ = 0;
  std::string out_;  // written, not sent yet (Flush)

  bool in_head_ = true;
  std::chrono::steady_clock::time_point head_deadline_;
  unsigned tail_ = 0;  // the last four bytes of the head, to see its closing blank line
  size_t head_left_ = 0;
  size_t body_left_ = 0;
  bool head_limit_hit_ = false;
  bool body_limit_hit_ = false;
  bool closing_ = false;

  // The two ends' addresses, asked once (httplib asks them on every request).
  struct Address {
    bool known = false;
    std::string ip;
    int port = 0;
  };
  mutable Address remote_, local_;
  // `address`, asked of the socket with `ask` (getpeername, getsockname) the first time.
  void AddressOnce(Address& address, int (*ask)(int, sockaddr*, socklen_t*), std::string& ip,
                   int& port) const;
  const std::atomic<bool>* stopping_ = nullptr;
};

}  // namespace addio::api_internal
