#include "core/time.h"

#include <gtest/gtest.h>

namespace addio {
namespace {

CivilDate D(const char* text) { return *CivilDate::Parse(text); }
Instant Utc(const char* text) { return ParseInstant(text, TimeZone::Utc())->instant; }
TimeZone Zone(const char* name) { return *TimeZone::Find(name); }

TEST(CivilDateTest, ParsesRealCalendarDatesOnly) {
  EXPECT_EQ(D("2024-02-29").ToString(), "2024-02-29");
  EXPECT_FALSE(CivilDate::Parse("2026-02-29"));
  EXPECT_FALSE(CivilDate::Parse("2026-13-01"));
  EXPECT_FALSE(CivilDate::Parse("2026-04-31"));
  EXPECT_FALSE(CivilDate::Parse("2026-4-3"));
  EXPECT_FALSE(CivilDate::Parse("03/04/2026"));
  EXPECT_FALSE(CivilDate::Parse("2026-04-03T10:00"));
  EXPECT_EQ(CivilDate::Parse("2026-02-30").error().message.In(Lang::kEn),
            "\"2026-02-30\" is not a calendar date");
}

TEST(CivilDateTest, Arithmetic) {
  EXPECT_EQ(DaysBetween(D("2026-01-31"), D("2026-03-02")), 30);
  EXPECT_EQ(D("2026-01-31").AddMonths(1), D("2026-02-28"));
  EXPECT_EQ(D("2024-01-31").AddMonths(1), D("2024-02-29"));
  EXPECT_EQ(D("2026-11-15").AddMonths(-12), D("2025-11-15"));
  EXPECT_EQ(D("2026-02-10").EndOfMonth(), D("2026-02-28"));
  EXPECT_EQ(D("1969-12-31").AddDays(1), D("1970-01-01"));
  EXPECT_EQ(D("2026-11-27").weekday(), Weekday::kFriday);
  EXPECT_EQ(D("1969-12-28").weekday(), Weekday::kSunday);
}

TEST(InstantTest, ParsesRfc3339WithOffsets) {
  const TimeZone rome = Zone("Europe/Rome");
  EXPECT_EQ(Utc("2026-03-27T18:30:00+01:00"), Utc("2026-03-27T17:30:00Z"));
  EXPECT_EQ(Utc("2026-03-27T12:30:00-05:30"), Utc("2026-03-27T18:00:00Z"));
  EXPECT_EQ(Utc("2026-03-27 17:30:00.123Z"), Utc("2026-03-27T17:30:00Z"));
  EXPECT_EQ(Utc("2026-03-27T17:30Z"), Utc("2026-03-27T17:30:00Z"));
  auto with = ParseInstant("2026-03-27T17:30:00Z", rome);
  EXPECT_TRUE(with->had_offset);
}

TEST(InstantTest, WithoutOffsetIsReadInTheFallbackZone) {
  const TimeZone rome = Zone("Europe/Rome");
  auto parsed = ParseInstant("2026-07-01T09:00:00", rome);
  ASSERT_TRUE(parsed);
  EXPECT_FALSE(parsed->had_offset);
  EXPECT_EQ(parsed->instant, Utc("2026-07-01T07:00:00Z"));
}

TEST(InstantTest, RejectsMalformedText) {
  for (const char* text : {"2026-03-27", "2026-03-27T25:00:00Z", "2026-03-27T10:00:00+1",
                           "2026-02-30T10:00:00Z", "yesterday", "2026-03-27T10:00:00Zulu"}) {
    EXPECT_FALSE(ParseInstant(text, TimeZone::Utc())) << text;
  }
}

TEST(TimeZoneTest, UnknownZoneIsNotFound) {
  auto bad = TimeZone::Find("Europe/Atlantis");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kNotFound);
}

// Europe/Rome springs forward on 2026-03-29 at 02:00 (to 03:00) and falls back on
// 2026-10-25 at 03:00 (to 02:00).
TEST(TimeZoneTest, RomeDaylightSavingTransitions) {
  const TimeZone rome = Zone("Europe/Rome");
  EXPECT_EQ(rome.OffsetSeconds(Utc("2026-03-29T00:59:59Z")), 3600);
  EXPECT_EQ(rome.OffsetSeconds(Utc("2026-03-29T01:00:00Z")), 7200);
  EXPECT_EQ(rome.ToLocal(Utc("2026-03-29T01:00:00Z")).seconds_of_day, 3 * 3600);
  EXPECT_EQ(rome.OffsetSeconds(Utc("2026-10-25T00:59:59Z")), 7200);
  EXPECT_EQ(rome.OffsetSeconds(Utc("2026-10-25T01:00:00Z")), 3600);

  // 02:30 does not exist on 2026-03-29: it is read as 03:30 CEST.
  EXPECT_EQ(rome.FromLocal({D("2026-03-29"), 2 * 3600 + 1800}), Utc("2026-03-29T01:30:00Z"));
  // 02:30 happens twice on 2026-10-25: the earlier one (CEST) is taken.
  EXPECT_EQ(rome.FromLocal({D("2026-10-25"), 2 * 3600 + 1800}), Utc("2026-10-25T00:30:00Z"));
  // The local day of 2026-10-25 has 25 hours.
  EXPECT_EQ(SecondsBetween(rome.StartOfDay(D("2026-10-25")), rome.StartOfDay(D("2026-10-26"))),
            25 * 3600);
  EXPECT_EQ(SecondsBetween(rome.StartOfDay(D("2026-03-29")), rome.StartOfDay(D("2026-03-30"))),
            23 * 3600);
}

// America/New_York springs forward on 2026-03-08 at 02:00 and falls back on 2026-11-01.
TEST(TimeZoneTest, NewYorkDaylightSavingTransitions) {
  const TimeZone ny = Zone("America/New_York");
  EXPECT_EQ(ny.OffsetSeconds(Utc("2026-03-08T06:59:59Z")), -5 * 3600);
  EXPECT_EQ(ny.OffsetSeconds(Utc("2026-03-08T07:00:00Z")), -4 * 3600);
  EXPECT_EQ(ny.OffsetSeconds(Utc("2026-11-01T05:59:59Z")), -4 * 3600);
  EXPECT_EQ(ny.OffsetSeconds(Utc("2026-11-01T06:00:00Z")), -5 * 3600);
  // 18:30 local on the same UTC clock is summer 22:30Z and winter 23:30Z.
  EXPECT_EQ(ny.FromLocal({D("2026-07-01"), 18 * 3600 + 1800}), Utc("2026-07-01T22:30:00Z"));
  EXPECT_EQ(ny.FromLocal({D("2026-01-15"), 18 * 3600 + 1800}), Utc("2026-01-15T23:30:00Z"));
  // A late-evening UTC instant is still the previous local day.
  const LocalDateTime local = ny.ToLocal(Utc("2026-01-16T03:00:00Z"));
  EXPECT_EQ(local.date, D("2026-01-15"));
  EXPECT_EQ(local.seconds_of_day, 22 * 3600);
}

TEST(TimeZoneTest, FormatsWithTheLocalOffset) {
  const TimeZone rome = Zone("Europe/Rome");
  EXPECT_EQ(rome.FormatRfc3339(Utc("2026-03-27T17:30:00Z")), "2026-03-27T18:30:00+01:00");
  EXPECT_EQ(rome.FormatRfc3339(Utc("2026-07-27T17:30:00Z")), "2026-07-27T19:30:00+02:00");
  EXPECT_EQ(Zone("America/St_Johns").FormatRfc3339(Utc("2026-01-01T12:00:00Z")),
            "2026-01-01T08:30:00-03:30");
  EXPECT_EQ(Utc("2026-01-01T12:00:00Z").ToUtcString(), "2026-01-01T12:00:00Z");
}

}  // namespace
}  // namespace addio
