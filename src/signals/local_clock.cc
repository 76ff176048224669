#include "signals/local_clock.h"

#include <algorithm>

namespace addio::signals_internal {
namespace {

constexpr int64_t kDay = 86400;

int64_t FloorDiv(int64_t a, int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

}  // namespace

LocalClock::LocalClock(const TimeZone& zone, Instant from, Instant to)
    : zone_(zone), from_(from.unix_seconds()), to_(to.unix_seconds()) {
  if (from_ >= to_) return;
  int32_t offset = zone_.OffsetSeconds(from);
  offsets_.emplace_back(from_, offset);
  for (int64_t t = from_; t < to_;) {
    const int64_t next = std::min(t + kDay, to_ - 1);
    const int32_t next_offset = zone_.OffsetSeconds(Instant::FromUnixSeconds(next));
    if (next_offset != offset) {
      int64_t same = t, changed = next;
      while (changed - same > 1) {
        const int64_t mid = same + (changed - same) / 2;
        (zone_.OffsetSeconds(Instant::FromUnixSeconds(mid)) == offset ? same : changed) = mid;
      }
      offsets_.emplace_back(changed, next_offset);
      offset = next_offset;
    }
    if (next == to_ - 1) break;
    t = next;
  }
}

int32_t LocalClock::OffsetSeconds(Instant t) const {
  const int64_t s = t.unix_seconds();
  if (s < from_ || s >= to_ || offsets_.empty()) return zone_.OffsetSeconds(t);
  auto it = std::upper_bound(offsets_.begin(), offsets_.end(), s,
                             [](int64_t value, const auto& entry) { return value < entry.first; });
  return std::prev(it)->second;
}

LocalDateTime LocalClock::ToLocal(Instant t) const {
  const int64_t local = t.unix_seconds() + OffsetSeconds(t);
  const int64_t day = FloorDiv(local, kDay);
  return {CivilDate::FromDays(static_cast<int32_t>(day)), static_cast<int32_t>(local - day * kDay)};
}

}  // namespace addio::signals_internal
