#include "core/clock.h"

#include <chrono>
#include <cstdint>

namespace addio {

Clock::~Clock() = default;

Instant SystemClock::Now() const {
  const auto now = std::chrono::system_clock::now();
  const int64_t seconds =
      std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  return Instant::FromUnixSeconds(seconds);
}

CivilDate Today(const Clock& clock, const TimeZone& zone) { return zone.ToLocal(clock.Now()).date; }

}  // namespace addio
