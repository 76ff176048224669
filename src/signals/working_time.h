// Internal to signals/: the freelancer's working time (DESIGN.md section 4, time_drain).
// An instant is after hours when, on the workspace's wall clock, it falls outside that
// weekday's working intervals (half-open: with 09:00-13:00, 09:00 is inside and 13:00
// outside) or on a holiday. A stretch of time (a work entry) is split at every interval
// boundary, local midnight and daylight-saving change, so each of its seconds is judged
// by the wall clock it was actually worked at. The split walks intervals rather than
// minutes: a handful of steps per entry whatever its length.
#pragma once

#include <cstdint>
#include <vector>

#include "core/time.h"
#include "ledger/records.h"
#include "signals/signals.h"

namespace addio::signals_internal {

// Why an instant is after hours; kWorking when it is not.
enum class AfterHours { kWorking, kLunch, kEarly, kEvening, kNight, kWeekendOrHoliday };
inline constexpr int kAfterHoursKinds = 5;  // the kinds other than kWorking

// "lunch", "early", "evening", "night", "weekend_or_holiday"; "working" for kWorking.
const char* AfterHoursKey(AfterHours kind);

class WorkingCalendar {
 public:
  // Copies the hours and holidays of context.workspace; keeps a reference to `context`,
  // which must outlive the calendar.
  explicit WorkingCalendar(const Context& context);

  // The kind of `t` on the workspace's wall clock. A gap between two intervals of the
  // same day is lunch; before the first interval it is early from 07:00 and night
  // before; after the last interval it is evening until 22:00 and night after. A day
  // with no intervals (a weekend) or a holiday is weekend_or_holiday all day.
  AfterHours Classify(Instant t) const;
  AfterHours ClassifyLocal(const LocalDateTime& local) const;

  // How many of the seconds in [start, start + seconds) fall inside working intervals.
  // REQUIRES: seconds >= 0.
  int64_t WorkingSeconds(Instant start, int64_t seconds) const;

  bool IsHoliday(CivilDate date) const;

 private:
  // Seconds of [from, to) (seconds of the day of `date`) inside its working intervals.
  int64_t WorkingSecondsOfDay(CivilDate date, int64_t from, int64_t to) const;
  const std::vector<MinuteInterval>& IntervalsOf(CivilDate date) const;

  WorkingHours hours_;
  std::vector<CivilDate> holidays_;  // sorted, unique
  const Context& context_;
};

}  // namespace addio::signals_internal
