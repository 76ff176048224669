// The server's memory (issue 10): what the read endpoints computed, kept per data version
// of the store, so that a repeated request is answered without opening the store or
// recomputing. Two pieces:
// - StoreVersion asks the store, on one long-lived connection of its own, whether its data
//   changed since the last request (Store::DataVersion: a commit by any other connection,
//   in this process or in another one such as `addio import`), and numbers the states it
//   sees 1, 2, 3...
// - ResponseCache keeps immutable values (rendered answers, their gzip, the loaded ledger,
//   the portfolio assessment) under (version, key): an LRU bounded by a byte budget and a
//   number of entries; the entries of older versions are dropped as soon as a newer one is
//   seen; concurrent requests for a value not yet made wait for the one thread making it.
// api/service.cc wires them: the version first, then the values of that version, so that a
// value kept under a version was made from data at least as new as that version.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/result.h"
#include "store/store.h"

namespace addio {

// Opens one connection to the store (OpenStore with kMustExist). Called from several
// threads at once.
using StoreFactory = std::function<Result<std::unique_ptr<Store>>()>;

// The version of the store's data as this process sees it. Thread-safe.
class StoreVersion {
 public:
  // `open_store` opens the connection used only to ask Store::DataVersion, on first use
  // (and again after a failure).
  explicit StoreVersion(StoreFactory open_store);
  ~StoreVersion();
  StoreVersion(const StoreVersion&) = delete;
  StoreVersion& operator=(const StoreVersion&) = delete;

  // The current version: 1 on the first call, then one more each time the store is seen to
  // have changed (another connection committed, or NoteWrite was called). A commit or
  // NoteWrite that finished before the call shows in its result. Concurrent calls share
  // one question to the store. Never smaller than a version returned before. Errors: those
  // of the factory and of Store::DataVersion (the connection is reopened next time).
  Result<uint64_t> Current();

  // A write through this process committed: the next Current() returns a new version even
  // before the store reports the commit. Lock-free; callable from any thread.
  void NoteWrite();

  // Runs `keep` on the connection that asks the data version, while no probe runs: what it
  // commits is derived from the data (kept portfolio lines and statistics, which change no
  // answer) and so is not seen by Current() as a change, while a commit of any other
  // connection still is. Returns what `keep` returns, or the factory's error.
  Result<bool> KeepDerived(const std::function<Result<bool>(Store&)>& keep);

 private:
  // Asks the store and moves the version. Run by one thread at a time (the one that set
  // probing_), without mutex_ held; it alone touches the members below `probing_`'s.
  Result<uint64_t> Probe();
  // probe_, opened if need be. REQUIRES: the caller set probing_.
  Result<Store*> ProbeStore();

  std::mutex mutex_;
  std::condition_variable probed_;  // a probe finished
  bool probing_ = false;            // guarded by mutex_, as are the three below
  uint64_t started_ = 0;            // probes started
  uint64_t done_ = 0;               // the index of the last probe finished
  Result<uint64_t> result_ = 0;     // its result

  StoreFactory open_store_;
  std::unique_ptr<Store> probe_;
  std::optional<int64_t> data_version_;
  uint64_t writes_seen_ = 0;
  uint64_t version_ = 0;
  std::atomic<uint64_t> writes_{0};
};

// Immutable values under (version, key). Thread-safe.
class ResponseCache {
 public:
  // A value: shared by the cache and every request reading it, never changed once made.
  using Value = std::shared_ptr<const void>;
  struct Made {
    Value value;
    size_t bytes = 0;  // what the value costs against the budget
  };
  using Make = std::function<Result<Made>()>;

  struct Limits {
    size_t max_bytes = 256u << 20;  // Default: 256 MiB
    size_t max_entries = 100000;
  };

  struct Stats {
    size_t entries = 0;    // kept now
    size_t bytes = 0;      // their cost, never above Limits::max_bytes
    uint64_t hits = 0;     // answered from a kept value
    uint64_t made = 0;     // calls of a Make function
    uint64_t waits = 0;    // calls that waited for another thread's Make of the same key
    uint64_t evicted = 0;  // values dropped for room or because their version is old
    Stats& operator+=(const Stats& other) {
      entries += other.entries;
      bytes += other.bytes;
      hits += other.hits;
      made += other.made;
      waits += other.waits;
      evicted += other.evicted;
      return *this;
    }
  };

  explicit ResponseCache(Limits limits);
  ResponseCache(const ResponseCache&) = delete;
  ResponseCache& operator=(const ResponseCache&) = delete;

  // The value of `key` at `version`: the kept one, else the one `make` returns. However
  // many threads ask for a missing (version, key) at once, `make` runs in one of them and
  // the others wait and share its result, an error included (errors are never kept). The
  // value made is kept when its bytes fit the budget (least recently used values are
  // dropped for room) and `version` is still the newest seen. A `version` newer than any
  // seen before drops every value of older versions. `make` runs without the cache's lock
  // held and may call Get for other keys (never for the one being made).
  Result<Value> Get(uint64_t version, const std::string& key, const Make& make);

  // Get with the value's type: `make` returns Result<std::shared_ptr<const T>>, `bytes`
  // says what one costs.
  template <class T, class MakeT, class Bytes>
  Result<std::shared_ptr<const T>> Get(uint64_t version, const std::string& key, MakeT&& make,
                                       Bytes&& bytes) {
    auto value = Get(version, key, [&]() -> Result<Made> {
      Result<std::shared_ptr<const T>> made = make();
      if (!made) return std::unexpected(made.error());
      const size_t cost = bytes(**made);
      return Made{std::move(*made), cost};
    });
    if (!value) return std::unexpected(value.error());
    return std::static_pointer_cast<const T>(*value);
  }

  Stats stats() const;

 private:
  struct Flight;  // one Make under way
  struct Entry {
    Value value;
    size_t bytes = 0;
    std::list<std::string>::iterator lru;  // position in lru_, most recent first
  };

  // Drops the least recently used values until `bytes` more fit. REQUIRES: mutex_ held.
  void MakeRoom(size_t bytes);
  // Drops every kept value. REQUIRES: mutex_ held.
  void DropAll();

  const Limits limits_;
  mutable std::mutex mutex_;
  std::condition_variable made_;  // a flight landed
  uint64_t version_ = 0;          // the newest seen
  // Keys of kept values are "version:key"; of flights too.
  std::unordered_map<std::string, Entry> entries_;
  std::unordered_map<std::string, std::shared_ptr<Flight>> flights_;
  std::list<std::string> lru_;
  Stats stats_;
};

}  // namespace addio
