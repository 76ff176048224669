// Internal to signals/: the workspace's wall clock over the span an assessment reads.
// Every sign asks "what time was it for the freelancer" for each record, and a tz
// database lookup per record is the bulk of the cost on a large portfolio. The UTC
// offsets of the span are read once (a day-by-day scan, then a binary search for the
// second each change takes effect) and each record then costs a comparison or two.
// Instants outside the span are passed to the TimeZone itself, so results never differ.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "core/time.h"

namespace addio::signals_internal {

class LocalClock {
 public:
  // Reads the offsets of `zone` over [from, to). Assumes the offset does not change
  // twice within one day, which no zone of the tz database does in this era.
  LocalClock(const TimeZone& zone, Instant from, Instant to);

  // The offset from UTC at `t`, in seconds; the same as zone.OffsetSeconds(t).
  int32_t OffsetSeconds(Instant t) const;
  // The wall clock at `t`; the same as zone.ToLocal(t).
  LocalDateTime ToLocal(Instant t) const;

 private:
  TimeZone zone_;
  int64_t from_ = 0;  // unix seconds
  int64_t to_ = 0;
  std::vector<std::pair<int64_t, int32_t>> offsets_;  // (first second, offset), ascending
};

}  // namespace addio::signals_internal
