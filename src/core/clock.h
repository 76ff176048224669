// The wall clock, as an interface. "Today" is an argument of the engine (`as_of`); only
// the edges — the CLI's main and the HTTP server — need to know what time it is, and they
// ask a Clock handed down from the composition root (cli/main.cc creates the one
// SystemClock). Tests hand down a FixedClock, so that "today" is repeatable.
#pragma once

#include "core/time.h"

namespace addio {

class Clock {
 public:
  virtual ~Clock();
  // The current instant. Implementations are thread-safe: the server asks from many
  // request threads at once.
  virtual Instant Now() const = 0;
};

// The system's real-time clock, to the second. The only place addio reads it.
class SystemClock final : public Clock {
 public:
  Instant Now() const override;
};

// Always the instant it was made with: for tests and for a `--now`-style override.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(Instant now) : now_(now) {}
  Instant Now() const override { return now_; }

 private:
  Instant now_;
};

// The date it is now in `zone` (so the same instant can be the 27th in New York and the
// 28th in Rome).
CivilDate Today(const Clock& clock, const TimeZone& zone);

}  // namespace addio
