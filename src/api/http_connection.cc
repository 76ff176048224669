#include "api/http_connection.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>

#include "api/lanes.h"

namespace addio::api_internal {
namespace {

thread_local Connection* current_connection = nullptr;

// The blank line that ends a request's head, as the last four bytes read.
constexpr unsigned kHeadEnd = 0x0d0a0d0au;

bool Poll(socket_t sock, short events, int timeout_ms) {
  pollfd fd{sock, events, 0};
  for (;;) {
    const int ready = ::poll(&fd, 1, timeout_ms);
    if (ready < 0 && errno == EINTR) continue;
    return ready > 0;
  }
}

int Milliseconds(time_t seconds) { return static_cast<int>(seconds * 1000); }

void AddressOf(const sockaddr_storage& address, socklen_t length, std::string& ip, int& port) {
  char host[NI_MAXHOST];
  char service[NI_MAXSERV];
  if (getnameinfo(reinterpret_cast<const sockaddr*>(&address), length, host, sizeof(host), service,
                  sizeof(service), NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
    ip = host;
    port = std::atoi(service);
  }
}

}  // namespace

Connection::Connection(socket_t sock, time_t read_timeout_sec, time_t write_timeout_sec,
                       size_t head_limit)
    : sock_(sock),
      read_timeout_sec_(read_timeout_sec),
      write_timeout_sec_(write_timeout_sec),
      head_limit_(head_limit) {
  BeginRequest();
}

Connection* Connection::Current() { return current_connection; }

Connection::Scope::Scope(Connection* connection) { current_connection = connection; }

Connection::Scope::~Scope() { current_connection = nullptr; }

void Connection::BeginRequest() {
  in_head_ = true;
  head_deadline_ = std::chrono::steady_clock::now() + std::chrono::seconds(read_timeout_sec_);
  tail_ = 0;
  head_left_ = head_limit_;
  body_left_ = 0;
  head_limit_hit_ = false;
  body_limit_hit_ = false;
}

void Connection::LimitBody(size_t wire_bytes) { body_left_ = wire_bytes; }

void Connection::Drain(int max_ms, size_t max_bytes) {
  Flush();
  ::shutdown(sock_, SHUT_WR);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(max_ms);
  size_t drained = 0;
  while (drained < max_bytes && std::chrono::steady_clock::now() < deadline) {
    if (!Poll(sock_, POLLIN, 100)) continue;
    const ssize_t n = ::recv(sock_, buffer_, sizeof(buffer_), 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    drained += static_cast<size_t>(n);
  }
}

bool Connection::is_readable() const {
  return begin_ < end_ || Await(POLLIN, Milliseconds(read_timeout_sec_));
}

bool Connection::is_writable() const { return out_.size() < kOutLimit || PollWritable(); }

bool Connection::PollWritable() const { return Await(POLLOUT, Milliseconds(write_timeout_sec_)); }

bool Connection::Await(short events, int timeout_ms) const {
  if (stopping_ == nullptr) return Poll(sock_, events, timeout_ms);
  // In slices, so that a server that stops does not wait for a stalled client's timeout.
  constexpr int kSliceMs = 100;
  for (int left = timeout_ms; left > 0; left -= kSliceMs) {
    if (stopping_->load(std::memory_order_relaxed)) return false;
    if (Poll(sock_, events, std::min(left, kSliceMs))) return true;
  }
  return false;
}

ssize_t Connection::Fill() {
  if (begin_ < end_) return static_cast<ssize_t>(end_ - begin_);
  // Bytes already received are taken at once; the wait (poll) is only for a socket with
  // none yet, which spares a system call on almost every request.
  for (bool waited = false;;) {
    const ssize_t n = ::recv(sock_, buffer_, sizeof(buffer_), waited ? 0 : MSG_DONTWAIT);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && !waited && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      // What was written goes out before the wait: the client may be waiting for it (an
      // interim "100 Continue" before it sends the body).
      if (!Flush()) return -1;
      LendLane();
      if (!is_readable()) return -1;
      waited = true;
      continue;
    }
    if (n <= 0) return n;
    begin_ = 0;
    end_ = static_cast<size_t>(n);
    return n;
  }
}

// The head is handed out up to the end of its blank line and no further, so that what
// follows is counted against the body's budget.
ssize_t Connection::ReadHead(char* ptr, size_t size) {
  size_t given = 0;
  while (given < size && begin_ < end_ && in_head_) {
    if (head_left_ == 0) {
      head_limit_hit_ = true;
      break;
    }
    const char c = buffer_[begin_++];
    ptr[given++] = c;
    --head_left_;
    tail_ = (tail_ << 8) | static_cast<unsigned char>(c);
    if (tail_ == kHeadEnd) in_head_ = false;
  }
  return given > 0 ? static_cast<ssize_t>(given) : -1;
}

// httplib reads a request's head a byte at a time: a byte already received costs no clock
// reading and no system call.
ssize_t Connection::read(char* ptr, size_t size) {
  if (size == 0) return 0;
  if (in_head_ && head_left_ == 0) {
    head_limit_hit_ = true;
    return -1;
  }
  if (!in_head_ && body_left_ == 0) {
    body_limit_hit_ = true;
    return -1;
  }
  if (begin_ == end_ && in_head_ && std::chrono::steady_clock::now() > head_deadline_) {
    head_limit_hit_ = true;
    return -1;
  }
  const ssize_t filled = Fill();
  if (filled <= 0) return filled;
  if (in_head_) return ReadHead(ptr, size);
  const size_t given = std::min({size, end_ - begin_, body_left_});
  std::memcpy(ptr, buffer_ + begin_, given);
  begin_ += given;
  body_left_ -= given;
  return static_cast<ssize_t>(given);
}

// Small writes (an answer's head) are held; a large one (its body) leaves with them in
// one system call, without being copied.
ssize_t Connection::write(const char* ptr, size_t size) {
  if (size <= kHoldLimit && out_.size() + size <= kOutLimit) {
    out_.append(ptr, size);
    return static_cast<ssize_t>(size);
  }
  const bool sent = SendAll(out_.data(), out_.size(), ptr, size);
  out_.clear();
  return sent ? static_cast<ssize_t>(size) : -1;
}

bool Connection::Flush() {
  const bool sent = SendAll(out_.data(), out_.size(), nullptr, 0);
  out_.clear();
  return sent;
}

bool Connection::SendAll(const char* first, size_t first_size, const char* second,
                         size_t second_size) {
  iovec parts[2] = {{const_cast<char*>(first), first_size},
                    {const_cast<char*>(second), second_size}};
  size_t part = 0;
  while (part < 2) {
    if (parts[part].iov_len == 0) {
      ++part;
      continue;
    }
    const ssize_t n = Send(parts + part, 2 - part);
    if (n <= 0) return false;
    // Skip what was sent.
    for (size_t left = static_cast<size_t>(n); left > 0;) {
      const size_t taken = std::min(left, parts[part].iov_len);
      parts[part].iov_base = static_cast<char*>(parts[part].iov_base) + taken;
      parts[part].iov_len -= taken;
      left -= taken;
      if (parts[part].iov_len == 0) ++part;
    }
  }
  return true;
}

ssize_t Connection::Send(iovec* parts, size_t count) {
  msghdr message{};
  message.msg_iov = parts;
  message.msg_iovlen = count;
  // As Fill: the wait is only for a send buffer that is full.
  for (bool waited = false;;) {
    const ssize_t n = ::sendmsg(sock_, &message, MSG_NOSIGNAL | (waited ? 0 : MSG_DONTWAIT));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && !waited && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      LendLane();
      if (!PollWritable()) return -1;
      waited = true;
      continue;
    }
    return n;
  }
}

void Connection::get_remote_ip_and_port(std::string& ip, int& port) const {
  AddressOnce(remote_, getpeername, ip, port);
}

void Connection::get_local_ip_and_port(std::string& ip, int& port) const {
  AddressOnce(local_, getsockname, ip, port);
}

void Connection::AddressOnce(Address& address, int (*ask)(int, sockaddr*, socklen_t*),
                             std::string& ip, int& port) const {
  if (!address.known) {
    sockaddr_storage asked{};
    socklen_t length = sizeof(asked);
    if (ask(sock_, reinterpret_cast<sockaddr*>(&asked), &length) == 0) {
      AddressOf(asked, length, address.ip, address.port);
    }
    address.known = true;
  }
  ip = address.ip;
  port = address.port;
}

}  // namespace addio::api_internal
