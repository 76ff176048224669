// The bounds every imported record keeps (DESIGN.md section 2), in one place: the
// validator checks each field against the bound of its kind, and importers that expand
// their source (a timer, a recurring event) check them before they build records.
// Within them no sum of stored amounts can overflow (core/money.h counts in 128 bits).
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/money.h"
#include "core/time.h"

namespace addio::bounds {

// Money amounts: at most this many major units (one thousand billion).
inline constexpr int64_t kMaxAmountUnits = 1'000'000'000'000;
// A work entry or a meeting from any source: at most one day.
inline constexpr int kMaxEntryMinutes = 1440;
// Text fields: at most 64 KiB of UTF-8.
inline constexpr size_t kMaxTextBytes = 64 * 1024;
// Dates and instants: years 1900 to 2200.
inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 2200;

// True when |amount| ≤ kMaxAmountUnits major units of its currency.
inline bool WithinAmountBound(const Money& amount) {
  const MinorUnits limit = static_cast<MinorUnits>(kMaxAmountUnits) *
                           static_cast<MinorUnits>(amount.currency().minor_per_unit());
  const MinorUnits minor = amount.wide_minor();
  return minor <= limit && minor >= -limit;
}

// The UTC calendar date of `t` (for the year bound: a zone moves it by a day at most).
inline CivilDate UtcDateOf(Instant t) {
  const int64_t seconds = t.unix_seconds();
  const int64_t days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
  constexpr int64_t kFar = 100'000'000;  // some 270 000 years: far outside, still exact
  return CivilDate::FromDays(static_cast<int32_t>(days < -kFar  ? -kFar
                                                  : days > kFar ? kFar
                                                                : days));
}

}  // namespace addio::bounds
