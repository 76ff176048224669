// Lanes: how many of `addio serve`'s threads may run requests at once.
//
// The plain-HTTP server (http_reactor.h) keeps many threads but lets only as many run
// requests as there are lanes, one per core: a few threads each answering the ready
// requests in turn answer them in the order they came, where a thread per busy connection
// (64 runnable threads on 2 cores) made the scheduler interleave them and the slowest
// request wait for all the others. A thread that is about to wait (for a slow client, or
// for slow work such as assessing the whole portfolio) lends its lane to a spare thread,
// so the other requests keep being answered meanwhile; it takes a lane again before its
// next request.
//
// Internal to src/api.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace addio::api_internal {

class Lanes {
 public:
  explicit Lanes(size_t count) : free_(count) {}
  Lanes(const Lanes&) = delete;
  Lanes& operator=(const Lanes&) = delete;

  // Waits for a free lane and gives it to this thread. False once Stop was called.
  bool Take();
  // Gives this thread's lane back, if it holds one of these lanes.
  void Give();
  // Wakes every thread waiting in Take, which then returns false.
  void Stop();

 private:
  std::mutex mutex_;
  std::condition_variable freed_;
  size_t free_;
  bool stopping_ = false;
};

// Lends this thread's lane, if it holds one, for a wait of unknown length: a spare thread
// takes it. Threads that hold no lane (HTTPS's thread per connection, tests) do nothing.
void LendLane();
// Whether this thread holds a lane (it lent none since it took it).
bool HoldsLane();

}  // namespace addio::api_internal
