// The one parallel loop of addio for work that is split in advance (the ordered pipeline,
// verdict/ordered_pipeline.h, is for work that streams).
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace addio {

// Below this many records, work split by record type (checking, splitting a ledger) runs
// on the calling thread: starting threads would cost more than it saves.
inline constexpr size_t kRecordsWorthThreads = 20'000;

// Below this many bytes of input, work split by file runs on the calling thread: a thread's
// first allocation sets up an allocator arena of its own, which alone costs milliseconds.
inline constexpr size_t kBytesWorthThreads = size_t{1} << 20;

// The chunk for ParallelFor over `tasks` tasks that share the work of `records` records
// (one task per record type): every task on the calling thread below
// kRecordsWorthThreads, else one task at a time on every core.
inline size_t TasksPerThread(size_t records, size_t tasks) {
  return records < kRecordsWorthThreads ? tasks : 1;
}

// The threads a parallel loop uses at most: one per core, asked once (the C library reads
// it from a file each time).
inline size_t Cores() {
  static const size_t cores = std::max(1u, std::thread::hardware_concurrency());
  return cores;
}

// Runs body(i) for every i in [0, n), on up to Cores() threads (the calling one included),
// which take `chunk` consecutive indexes at a time: small chunks keep every thread busy
// when items differ in size, large ones make the hand-offs rare. With a single chunk of
// work, body runs on the calling thread alone. The order in which items run is not fixed:
// each body must write only to what belongs to its index. The first exception thrown by
// a body is rethrown here once every thread has ended.
template <typename Body>
void ParallelFor(size_t n, size_t chunk, const Body& body) {
  chunk = std::max<size_t>(chunk, 1);
  const size_t threads = std::min(Cores(), (n + chunk - 1) / chunk);
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i) body(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  const auto work = [&] {
    try {
      for (size_t begin = next.fetch_add(chunk); begin < n; begin = next.fetch_add(chunk)) {
        const size_t end = std::min(n, begin + chunk);
        for (size_t i = begin; i < end; ++i) body(i);
      }
    } catch (...) {
      const std::lock_guard lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      next = n;  // the other threads take no new chunk
    }
  };
  {
    std::vector<std::jthread> helpers;
    helpers.reserve(threads - 1);
    for (size_t t = 1; t < threads; ++t) helpers.emplace_back(work);
    work();
  }  // the helpers are joined
  if (failure) std::rethrow_exception(failure);
}

}  // namespace addio
