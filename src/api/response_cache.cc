#include "api/response_cache.h"

#include <utility>

#include "api/lanes.h"

namespace addio {

StoreVersion::StoreVersion(StoreFactory open_store) : open_store_(std::move(open_store)) {}

StoreVersion::~StoreVersion() = default;

Result<uint64_t> StoreVersion::Current() {
  // Callers share probes: one runs at a time, and a caller takes the result of the first
  // probe that started after it arrived (a commit before the call is seen by that probe).
  // Under load one probe answers every request that came while the previous one ran.
  std::unique_lock lock(mutex_);
  const uint64_t need = started_ + 1;
  while (done_ < need) {
    if (probing_) {
      probed_.wait(lock);
      continue;
    }
    probing_ = true;
    const uint64_t index = ++started_;
    lock.unlock();
    Result<uint64_t> result = Probe();
    lock.lock();
    result_ = std::move(result);
    done_ = index;
    probing_ = false;
    probed_.notify_all();
  }
  return result_;
}

Result<Store*> StoreVersion::ProbeStore() {
  if (!probe_) {
    auto store = open_store_();
    if (!store) return std::unexpected(store.error());
    probe_ = std::move(*store);
  }
  return probe_.get();
}

Result<uint64_t> StoreVersion::Probe() {
  if (auto store = ProbeStore(); !store) return std::unexpected(store.error());
  auto data_version = probe_->DataVersion();
  if (!data_version) {
    probe_.reset();
    return std::unexpected(data_version.error());
  }
  // Read the writes after the data version: a write noted from here on shows next time.
  const uint64_t writes = writes_.load(std::memory_order_acquire);
  if (version_ == 0 || data_version_ != *data_version || writes != writes_seen_) {
    ++version_;
    data_version_ = *data_version;
    writes_seen_ = writes;
  }
  return version_;
}

void StoreVersion::NoteWrite() { writes_.fetch_add(1, std::memory_order_acq_rel); }

Result<bool> StoreVersion::KeepDerived(const std::function<Result<bool>(Store&)>& keep) {
  std::unique_lock lock(mutex_);
  probed_.wait(lock, [this] { return !probing_; });
  probing_ = true;
  lock.unlock();
  Result<bool> kept = [&]() -> Result<bool> {
    auto store = ProbeStore();
    if (!store) return std::unexpected(store.error());
    return keep(**store);
  }();
  lock.lock();
  probing_ = false;
  probed_.notify_all();
  return kept;
}

struct ResponseCache::Flight {
  bool done = false;
  std::optional<Result<Value>> result;
};

ResponseCache::ResponseCache(Limits limits) : limits_(limits) {}

Result<ResponseCache::Value> ResponseCache::Get(uint64_t version, const std::string& key,
                                                const Make& make) {
  std::string full_key = std::to_string(version);
  full_key += ':';
  full_key += key;
  std::shared_ptr<Flight> flight;
  {
    std::unique_lock lock(mutex_);
    if (version > version_) {
      DropAll();
      version_ = version;
    }
    if (auto it = entries_.find(full_key); it != entries_.end()) {
      ++stats_.hits;
      lru_.splice(lru_.begin(), lru_, it->second.lru);
      return it->second.value;
    }
    if (auto it = flights_.find(full_key); it != flights_.end()) {
      ++stats_.waits;
      api_internal::LendLane();  // the wait may be long: let the other requests through
      std::shared_ptr<Flight> other = it->second;
      made_.wait(lock, [&] { return other->done; });
      return *other->result;
    }
    flight = std::make_shared<Flight>();
    flights_.emplace(full_key, flight);
    ++stats_.made;
  }

  // Made without the lock: other keys are served meanwhile, and `make` may Get them. Making
  // may take long (a whole portfolio): the thread lends its lane meanwhile. An exception (a
  // bug) must still land the flight, or its waiters would wait forever.
  api_internal::LendLane();
  Result<Made> made = Fail(ErrorCode::kInternal, Msg("api.error.internal", key));
  std::exception_ptr failure;
  try {
    made = make();
  } catch (...) {
    failure = std::current_exception();
  }

  std::lock_guard lock(mutex_);
  flights_.erase(full_key);
  flight->done = true;
  if (made) {
    flight->result = made->value;
    const bool current = version == version_;
    if (current && made->bytes <= limits_.max_bytes && limits_.max_entries > 0) {
      MakeRoom(made->bytes);
      lru_.push_front(full_key);
      entries_.emplace(full_key, Entry{made->value, made->bytes, lru_.begin()});
      stats_.bytes += made->bytes;
      stats_.entries = entries_.size();
    }
  } else {
    flight->result = std::unexpected(made.error());
  }
  made_.notify_all();
  if (failure) std::rethrow_exception(failure);
  return *flight->result;
}

void ResponseCache::MakeRoom(size_t bytes) {
  while (!lru_.empty() &&
         (stats_.bytes + bytes > limits_.max_bytes || entries_.size() >= limits_.max_entries)) {
    auto it = entries_.find(lru_.back());
    stats_.bytes -= it->second.bytes;
    entries_.erase(it);
    lru_.pop_back();
    ++stats_.evicted;
  }
  stats_.entries = entries_.size();
}

void ResponseCache::DropAll() {
  stats_.evicted += entries_.size();
  entries_.clear();
  lru_.clear();
  stats_.bytes = 0;
  stats_.entries = 0;
}

ResponseCache::Stats ResponseCache::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

}  // namespace addio
