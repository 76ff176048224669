// Business dates and instants. A CivilDate (issued, due, signed) is a calendar day with
// no zone. An Instant (a call, a message, a work entry) is a point on the UTC time line.
// A TimeZone answers "what time was it for the freelancer" from the system tz database
// (DST exact), read as Howard Hinnant's date/tz reads it (core/zone_rules.h); it is the
// only bridge between the two.
// "Today" is never read here: callers pass `as_of`.
#pragma once

#include <compare>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

namespace addio {

enum class Weekday { kMonday = 0, kTuesday, kWednesday, kThursday, kFriday, kSaturday, kSunday };

class CivilDate {
 public:
  CivilDate() = default;  // 1970-01-01

  // From a proleptic Gregorian year, month 1..12, day 1..31.
  // Error kInvalidArgument when the day does not exist (2026-02-29).
  static Result<CivilDate> FromYmd(int year, int month, int day);
  // Parses exactly "YYYY-MM-DD". Error kInvalidArgument otherwise, or for a day that
  // does not exist.
  static Result<CivilDate> Parse(std::string_view text);
  static CivilDate FromDays(int32_t days_since_epoch) { return CivilDate(days_since_epoch); }

  int32_t days_since_epoch() const { return days_; }
  int year() const;
  int month() const;  // 1..12
  int day() const;    // 1..31
  Weekday weekday() const;
  std::string ToString() const;  // "YYYY-MM-DD"

  CivilDate AddDays(int32_t n) const { return CivilDate(days_ + n); }
  // The same day n months later, clamped to the month's last day (Jan 31 + 1 = Feb 28/29).
  CivilDate AddMonths(int n) const;
  // The last day of this date's month.
  CivilDate EndOfMonth() const;
  // b - a in days.
  friend int32_t DaysBetween(CivilDate a, CivilDate b) { return b.days_ - a.days_; }

  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;

 private:
  explicit CivilDate(int32_t days) : days_(days) {}
  int32_t days_ = 0;
};

class Instant {
 public:
  Instant() = default;
  static Instant FromUnixSeconds(int64_t s) { return Instant(s); }
  int64_t unix_seconds() const { return seconds_; }
  Instant AddSeconds(int64_t s) const { return Instant(seconds_ + s); }
  // "2026-03-27T17:30:00Z".
  std::string ToUtcString() const;
  friend int64_t SecondsBetween(Instant a, Instant b) { return b.seconds_ - a.seconds_; }
  friend auto operator<=>(const Instant&, const Instant&) = default;

 private:
  explicit Instant(int64_t s) : seconds_(s) {}
  int64_t seconds_ = 0;
};

// A wall-clock reading with no zone: a date and the seconds since its midnight.
struct LocalDateTime {
  CivilDate date;
  int32_t seconds_of_day = 0;  // 0..86399
  int minute_of_day() const { return seconds_of_day / 60; }
  friend auto operator<=>(const LocalDateTime&, const LocalDateTime&) = default;
};

class TimeZone {
 public:
  // Looks up an IANA name ("Europe/Rome") in the system tz database: the names date/tz
  // lists (no "posix/" or "right/" zones), each read from its own file. Error kNotFound
  // for an unknown name or an unreadable file. Thread-safe; lookups are cached.
  static Result<TimeZone> Find(std::string_view name);
  // UTC, which never fails.
  static TimeZone Utc();

  const std::string& name() const;

  // The wall clock in this zone at `t`.
  LocalDateTime ToLocal(Instant t) const;
  // The offset from UTC at `t`, in seconds (3600 for Rome in winter).
  int32_t OffsetSeconds(Instant t) const;
  // The instant a wall-clock reading means. A reading inside a spring-forward gap is
  // moved forward by the gap (02:30 → 03:30 in Rome); an ambiguous reading in the
  // autumn overlap takes the earlier instant (the first 02:30).
  Instant FromLocal(LocalDateTime local) const;
  // The first instant of `date` in this zone.
  Instant StartOfDay(CivilDate date) const { return FromLocal({date, 0}); }
  // "2026-03-27T18:30:00+01:00": `t` as RFC 3339 with this zone's offset at `t`.
  std::string FormatRfc3339(Instant t) const;

  friend bool operator==(const TimeZone& a, const TimeZone& b) { return a.zone_ == b.zone_; }

 private:
  explicit TimeZone(const void* zone) : zone_(zone) {}
  const void* zone_;  // const core_internal::ZoneRules*, cached by Find (lives forever)
};

// An RFC 3339 timestamp as read: "2026-03-27T18:30:00+01:00", "...Z", fractions of a
// second dropped, 'T' or a space between date and time. Without an offset the reading
// is taken in `fallback` and had_offset is false so the caller can warn.
struct ParsedInstant {
  Instant instant;
  bool had_offset = true;
};
// Error kInvalidArgument naming the expected shape.
Result<ParsedInstant> ParseInstant(std::string_view text, const TimeZone& fallback);

}  // namespace addio
