// Internal to verdict/: the three-stage pipeline behind the streaming assessment
// (assessment_stream.h). One thread produces items in order (reads clients from the
// store), workers map them concurrently (assess and render), and the calling thread
// consumes the results in the order the items were produced (writes them out). At most
// `window` items are between production and consumption at any time, so memory does not
// grow with the number of items.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "core/result.h"

namespace addio::verdict_internal {

// What a producer calls with each item, in order. Returns an error when the pipeline
// stopped (a map or consume failed): the producer should then return it.
template <typename In>
using Push = std::function<Status(In&& item)>;

// Runs produce(push) on a thread of its own, map(item) for each pushed item on up to
// `workers` threads, and consume(result) on the calling thread in push order; returns
// when all are done. Returns the producer's error, if any (results of the items pushed
// before it are consumed first). The first exception thrown by produce, map or consume
// (a bug, or memory exhausted) stops every stage and is rethrown here once all threads
// have joined. `map` must be safe to call concurrently with itself.
template <typename In, typename Out>
Status RunOrdered(const std::function<Status(const Push<In>&)>& produce,
                  const std::function<Out(In&)>& map, const std::function<void(Out&&)>& consume,
                  size_t workers, size_t window) {
  workers = std::max<size_t>(workers, 1);
  window = std::max(window, workers);
  std::mutex mutex;
  std::condition_variable space;  // the producer waits for room in the window
  std::condition_variable work;   // workers wait for items
  std::condition_variable ready;  // the consumer waits for the next result
  std::deque<std::pair<size_t, In>> inbox;
  std::vector<std::optional<Out>> results(window);  // result of item i at i % window
  size_t pushed = 0;
  size_t consumed = 0;
  bool produced_all = false;
  bool stopped = false;  // a stage threw: everyone leaves
  Status produce_status;
  std::exception_ptr failure;

  const auto fail = [&](std::exception_ptr error) {
    std::lock_guard lock(mutex);
    if (!failure) failure = error;
    stopped = true;
    space.notify_all();
    work.notify_all();
    ready.notify_all();
  };

  const Push<In> push = [&](In&& item) -> Status {
    std::unique_lock lock(mutex);
    space.wait(lock, [&] { return stopped || pushed - consumed < window; });
    // Never seen by anyone: the exception that stopped the pipeline is rethrown instead.
    if (stopped) return std::unexpected(Error{});
    inbox.emplace_back(pushed++, std::move(item));
    work.notify_one();
    return {};
  };

  std::thread producer([&] {
    Status status;
    try {
      status = produce(push);
    } catch (...) {
      fail(std::current_exception());
    }
    std::lock_guard lock(mutex);
    produce_status = std::move(status);
    produced_all = true;
    work.notify_all();
    ready.notify_all();
  });

  const auto run_worker = [&] {
    for (;;) {
      std::unique_lock lock(mutex);
      work.wait(lock, [&] { return stopped || !inbox.empty() || produced_all; });
      if (stopped || inbox.empty()) return;
      auto [index, item] = std::move(inbox.front());
      inbox.pop_front();
      lock.unlock();
      std::optional<Out> result;
      try {
        result.emplace(map(item));
      } catch (...) {
        fail(std::current_exception());
        return;
      }
      lock.lock();
      results[index % window] = std::move(result);
      if (index == consumed) ready.notify_one();
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(workers);
  for (size_t i = 0; i < workers; ++i) pool.emplace_back(run_worker);

  for (;;) {
    std::unique_lock lock(mutex);
    ready.wait(lock, [&] {
      return stopped || results[consumed % window].has_value() ||
             (produced_all && consumed == pushed);
    });
    if (stopped || !results[consumed % window].has_value()) break;
    Out result = std::move(*results[consumed % window]);
    results[consumed % window].reset();
    ++consumed;
    space.notify_one();
    lock.unlock();
    try {
      consume(std::move(result));
    } catch (...) {
      fail(std::current_exception());
      break;
    }
  }
  producer.join();
  for (std::thread& thread : pool) thread.join();
  if (failure) std::rethrow_exception(failure);
  return produce_status;
}

}  // namespace addio::verdict_internal
