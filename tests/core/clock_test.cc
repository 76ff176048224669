// Clock: "today" depends on the zone it is asked in, and a FixedClock pins it.
#include "core/clock.h"

#include <gtest/gtest.h>

namespace addio {
namespace {

Instant At(const char* rfc3339) { return ParseInstant(rfc3339, TimeZone::Utc())->instant; }
CivilDate D(const char* text) { return *CivilDate::Parse(text); }

TEST(ClockTest, FixedClockAlwaysGivesItsInstant) {
  const FixedClock clock(At("2026-03-27T12:00:00Z"));
  EXPECT_EQ(clock.Now(), At("2026-03-27T12:00:00Z"));
  EXPECT_EQ(clock.Now(), clock.Now());
}

TEST(ClockTest, TodayIsTheDateInTheZone) {
  // 23:30 UTC on the 27th is already the 28th in Rome and still the 27th in New York.
  const FixedClock clock(At("2026-03-27T23:30:00Z"));
  EXPECT_EQ(Today(clock, TimeZone::Utc()), D("2026-03-27"));
  EXPECT_EQ(Today(clock, *TimeZone::Find("Europe/Rome")), D("2026-03-28"));
  EXPECT_EQ(Today(clock, *TimeZone::Find("America/New_York")), D("2026-03-27"));
}

TEST(ClockTest, SystemClockIsAfterThisCodeWasWritten) {
  const SystemClock clock;
  EXPECT_GT(clock.Now(), At("2025-01-01T00:00:00Z"));
  const Clock& as_interface = clock;
  EXPECT_GE(Today(as_interface, TimeZone::Utc()), D("2025-01-01"));
}

}  // namespace
}  // namespace addio
