#include "core/time.h"

#include <date/tz.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

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

// TimeZone::Find reads one zone's file instead of listing the tz database: it must accept
// exactly the names date/tz's database lists, and read each the same way.
TEST(TimeZoneTest, FindsTheZonesTheTzDatabaseListsAndReadsThemAlike) {
  const date::tzdb& database = date::get_tzdb();
  ASSERT_GT(database.zones.size(), 300u);
  for (const date::time_zone& listed : database.zones) {
    auto zone = TimeZone::Find(listed.name());
    ASSERT_TRUE(zone) << listed.name();
    EXPECT_EQ(zone->name(), listed.name());
    // Every 29 days and 7 hours from 1900 to 2100, and around each of the zone's
    // transitions there (the instants on either side, and wall-clock readings in and
    // around its gap or overlap, as read with the offsets before and after it).
    std::vector<int64_t> probes;
    for (int64_t t = -2208988800; t < 4102444800; t += 29 * 86400 + 7 * 3600) probes.push_back(t);
    date::sys_seconds at{std::chrono::seconds{-2208988800}};
    while (at < date::sys_seconds{std::chrono::seconds{4102444800}}) {
      const date::sys_info info = listed.get_info(at);
      const int64_t end = info.end.time_since_epoch().count();
      if (end >= 4102444800) break;
      const int64_t after = listed.get_info(info.end).offset.count();
      for (const int64_t d : {-86400, -3601, -1, 0, 1, 1799, 3599, 3600, 7200, 86399, 86400}) {
        probes.push_back(end + d);
        probes.push_back(end + info.offset.count() + d);
        probes.push_back(end + after + d);
      }
      at = info.end;
    }
    for (const int64_t t : probes) {
      const Instant instant = Instant::FromUnixSeconds(t);
      const date::sys_seconds s{std::chrono::seconds{t}};
      ASSERT_EQ(zone->OffsetSeconds(instant), listed.get_info(s).offset.count())
          << listed.name() << " at " << t;
      // The same seconds read as a wall clock: the earlier instant, as date/tz's `first`.
      const int64_t day = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
      const LocalDateTime wall{CivilDate::FromDays(static_cast<int32_t>(day)),
                               static_cast<int32_t>(t - day * 86400)};
      const date::local_info info = listed.get_info(date::local_seconds{std::chrono::seconds{t}});
      ASSERT_EQ(zone->FromLocal(wall).unix_seconds(), t - info.first.offset.count())
          << listed.name() << " at the wall clock " << t;
    }
  }
  const std::vector<std::string> unlisted = {
      "",           "Europe/Atlantis", "posixrules",   "posix/Europe/Rome", "right/UTC",
      "Factory",    "zone.tab",        "tzdata.zi",    "leapseconds",       "Europe",
      "Europe/",    "/Europe/Rome",    "Europe//Rome", "../zoneinfo/UTC",   "./UTC",
      "Etc/../UTC", ".hidden",         "/etc/passwd"};
  for (const std::string& name : unlisted) {
    bool date_finds = true;
    try {
      date::locate_zone(name);
    } catch (const std::exception&) {
      date_finds = false;
    }
    EXPECT_FALSE(date_finds) << name;
    auto zone = TimeZone::Find(name);
    ASSERT_FALSE(zone) << name;
    EXPECT_EQ(zone.error().code, ErrorCode::kNotFound) << name;
  }
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
