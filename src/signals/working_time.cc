#include "signals/working_time.h"

#include <algorithm>

#include "signals/window.h"

namespace addio::signals_internal {
namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kSevenAm = 7 * 3600;
constexpr int64_t kTenPm = 22 * 3600;

int64_t FloorDiv(int64_t a, int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

}  // namespace

const char* AfterHoursKey(AfterHours kind) {
  switch (kind) {
    case AfterHours::kWorking:
      return "working";
    case AfterHours::kLunch:
      return "lunch";
    case AfterHours::kEarly:
      return "early";
    case AfterHours::kEvening:
      return "evening";
    case AfterHours::kNight:
      return "night";
    case AfterHours::kWeekendOrHoliday:
      return "weekend_or_holiday";
  }
  return "";
}

WorkingCalendar::WorkingCalendar(const Context& context)
    : hours_(context.workspace->working_hours),
      holidays_(context.workspace->holidays),
      context_(context) {
  std::sort(holidays_.begin(), holidays_.end());
  holidays_.erase(std::unique(holidays_.begin(), holidays_.end()), holidays_.end());
}

bool WorkingCalendar::IsHoliday(CivilDate date) const {
  return std::binary_search(holidays_.begin(), holidays_.end(), date);
}

const std::vector<MinuteInterval>& WorkingCalendar::IntervalsOf(CivilDate date) const {
  static const std::vector<MinuteInterval> kNone;
  if (IsHoliday(date)) return kNone;
  return hours_[static_cast<size_t>(date.weekday())];
}

AfterHours WorkingCalendar::Classify(Instant t) const {
  return ClassifyLocal(signals_internal::ToLocal(t, context_));
}

AfterHours WorkingCalendar::ClassifyLocal(const LocalDateTime& local) const {
  const std::vector<MinuteInterval>& intervals = IntervalsOf(local.date);
  if (intervals.empty()) return AfterHours::kWeekendOrHoliday;
  const int64_t s = local.seconds_of_day;
  for (const MinuteInterval& interval : intervals) {
    if (int64_t{interval.start} * 60 <= s && s < int64_t{interval.end} * 60) {
      return AfterHours::kWorking;
    }
  }
  if (s < int64_t{intervals.front().start} * 60) {
    return s >= kSevenAm ? AfterHours::kEarly : AfterHours::kNight;
  }
  if (s >= int64_t{intervals.back().end} * 60) {
    return s < kTenPm ? AfterHours::kEvening : AfterHours::kNight;
  }
  return AfterHours::kLunch;
}

int64_t WorkingCalendar::WorkingSecondsOfDay(CivilDate date, int64_t from, int64_t to) const {
  int64_t working = 0;
  for (const MinuteInterval& interval : IntervalsOf(date)) {
    const int64_t lo = std::max(from, int64_t{interval.start} * 60);
    const int64_t hi = std::min(to, int64_t{interval.end} * 60);
    if (lo < hi) working += hi - lo;
  }
  return working;
}

int64_t WorkingCalendar::WorkingSeconds(Instant start, int64_t seconds) const {
  int64_t working = 0;
  const Instant end = start.AddSeconds(seconds);
  Instant t = start;
  while (t < end) {
    // The wall clock is the UTC time plus a constant offset until the next change of
    // offset, so each stretch of constant offset is walked with plain arithmetic.
    const int32_t offset = OffsetSeconds(t, context_);
    Instant segment_end = end;
    if (OffsetSeconds(end.AddSeconds(-1), context_) != offset) {
      int64_t same = t.unix_seconds();           // offset == `offset` here
      int64_t changed = end.unix_seconds() - 1;  // and not here
      while (changed - same > 1) {
        const int64_t mid = same + (changed - same) / 2;
        (OffsetSeconds(Instant::FromUnixSeconds(mid), context_) == offset ? same : changed) = mid;
      }
      segment_end = Instant::FromUnixSeconds(changed);
    }
    int64_t local = t.unix_seconds() + offset;
    const int64_t local_end = segment_end.unix_seconds() + offset;
    while (local < local_end) {
      const int64_t day = FloorDiv(local, kDay);
      const int64_t piece_end = std::min(local_end, (day + 1) * kDay);
      working += WorkingSecondsOfDay(CivilDate::FromDays(static_cast<int32_t>(day)),
                                     local - day * kDay, piece_end - day * kDay);
      local = piece_end;
    }
    t = segment_end;
  }
  return working;
}

}  // namespace addio::signals_internal
