#include "api/lanes.h"

namespace addio::api_internal {
namespace {

// The lanes whose lane this thread holds, if any.
thread_local Lanes* held_lane = nullptr;

}  // namespace

bool Lanes::Take() {
  std::unique_lock lock(mutex_);
  freed_.wait(lock, [this] { return free_ > 0 || stopping_; });
  if (stopping_) return false;
  --free_;
  held_lane = this;
  return true;
}

void Lanes::Give() {
  if (held_lane != this) return;
  held_lane = nullptr;
  {
    std::lock_guard lock(mutex_);
    ++free_;
  }
  freed_.notify_one();
}

void Lanes::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  freed_.notify_all();
}

void LendLane() {
  if (held_lane != nullptr) held_lane->Give();
}

bool HoldsLane() { return held_lane != nullptr; }

}  // namespace addio::api_internal
