#include <gtest/gtest.h>

#include "builders.h"
#include "signals/local_clock.h"
#include "signals/signals.h"

namespace addio::testing {
namespace {

class TimeDrainTest : public SignalsTest {
 protected:
  Finding Evaluate(const ClientLedger& client, std::string_view as_of = "2026-03-01",
                   std::optional<double> rate_ratio = std::nullopt) {
    Findings given(AllSigns().size());
    Finding& underpaying = given[*SignRegistry::Get().IndexOf("underpaying")];
    underpaying.sign = SignRegistry::Get().Find("underpaying");
    underpaying.metrics.push_back(rate_ratio ? Metric::Number("rate_ratio", *rate_ratio)
                                             : Metric::Unknown("rate_ratio"));
    Finding f = EvaluateSign("time_drain", client, AsOf(as_of), {}, std::move(given));
    ExpectBilingualReasons(f);
    return f;
  }

  // `inside` inbound calls in working hours and `after` in the evening, Monday 5 January.
  static AClient Contacts(int inside, int after) {
    AClient client;
    for (int i = 0; i < inside; ++i) {
      client.With(AContact("in" + std::to_string(i)).At("2026-01-05T10:00:00+01:00"));
    }
    for (int i = 0; i < after; ++i) {
      client.With(AContact("out" + std::to_string(i)).At("2026-01-05T20:00:00+01:00"));
    }
    return client;
  }

  // Work on Monday 5 January: `inside` minutes from 09:00 and `after` minutes from 19:00.
  static AClient Work(int inside, int after) {
    return AClient()
        .With(AWorkEntry("day").At("2026-01-05T09:00:00+01:00").Minutes(inside))
        .With(AWorkEntry("evening").At("2026-01-05T19:00:00+01:00").Minutes(after));
  }

  // `rush` requests in January with 23 hours' notice.
  static AClient Rush(int rush) {
    AClient client;
    for (int i = 0; i < rush; ++i) {
      client.With(ARequest("r" + std::to_string(i))
                      .At("2026-01-12T10:00:00+01:00")
                      .Deadline("2026-01-13T09:00:00+01:00"));
    }
    return client;
  }
};

TEST_F(TimeDrainTest, UnknownWithNoInboundContactRequestOrWork) {
  const Finding f = Evaluate(AClient().With(AContact("m").Outbound()));
  EXPECT_EQ(f.level, Level::kUnknown);
  EXPECT_NE(Reasons(f).find("No inbound contact, request or work in the last 365 days."),
            std::string::npos);
}

TEST_F(TimeDrainTest, AnInstantIsJudgedOnTheLocalClockIncludingSummerTime) {
  // 16:30 UTC is 18:30 in Rome in July (evening) but 17:30 in January (working hours).
  const Finding july =
      Evaluate(AClient().With(AContact("m").At("2026-07-15T16:30:00Z")), "2026-08-01");
  EXPECT_EQ(CountOf(july, "after_hours_evening"), 1);
  ASSERT_EQ(july.evidence.size(), 1u);
  EXPECT_EQ(july.evidence[0].kind, "evening");
  EXPECT_EQ(july.evidence[0].note.In(Lang::kEn), "Call at 18:30, in the evening");

  const Finding january =
      Evaluate(AClient().With(AContact("m").At("2026-01-14T16:30:00Z")), "2026-08-01");
  EXPECT_EQ(CountOf(january, "after_hours_contacts"), 0);
  EXPECT_EQ(CountOf(january, "inbound_contacts"), 1);
}

TEST_F(TimeDrainTest, AfterHoursKindsFollowTheWorkingIntervals) {
  workspace_.holidays = {Date("2026-01-06")};  // a Tuesday
  AClient client;
  int n = 0;
  for (const char* at : {"08:59", "07:00",                    // early
                         "09:00", "12:59", "14:00", "17:59",  // working (half-open)
                         "13:00", "13:59",                    // lunch
                         "18:00", "21:59",                    // evening
                         "22:00", "06:59"}) {                 // night
    client.With(
        AContact("m" + std::to_string(n++)).At(std::string("2026-01-05T") + at + ":00+01:00"));
  }
  client.With(AContact("saturday").At("2026-01-10T10:00:00+01:00"));
  client.With(AContact("holiday").At("2026-01-06T10:00:00+01:00"));
  const Finding f = Evaluate(client);
  EXPECT_EQ(CountOf(f, "inbound_contacts"), 14);
  EXPECT_EQ(CountOf(f, "after_hours_contacts"), 10);
  EXPECT_EQ(CountOf(f, "after_hours_early"), 2);
  EXPECT_EQ(CountOf(f, "after_hours_lunch"), 2);
  EXPECT_EQ(CountOf(f, "after_hours_evening"), 2);
  EXPECT_EQ(CountOf(f, "after_hours_night"), 2);
  EXPECT_EQ(CountOf(f, "after_hours_weekend_or_holiday"), 2);
  EXPECT_EQ(f.level, Level::kRed);  // 10 of 14
  for (const Evidence& e : f.evidence) {
    if (e.id == "holiday" || e.id == "saturday") {
      EXPECT_EQ(e.kind, "weekend_or_holiday");
    }
    if (e.id == "m10") {
      EXPECT_EQ(e.kind, "night");
    }
  }
}

TEST_F(TimeDrainTest, AWorkEntryCrossingSixPmIsSplit) {
  const Finding f =
      Evaluate(AClient().With(AWorkEntry("w").At("2026-01-05T17:00:00+01:00").Minutes(120)));
  EXPECT_DOUBLE_EQ(Number(f, "work_hours"), 2);
  EXPECT_DOUBLE_EQ(Number(f, "after_hours_work_hours"), 1);
  EXPECT_DOUBLE_EQ(Number(f, "after_hours_work_share"), 0.5);
  ASSERT_EQ(f.evidence.size(), 1u);
  ASSERT_TRUE(f.evidence[0].value.has_value());
  EXPECT_DOUBLE_EQ(*f.evidence[0].value, 1.0);
  EXPECT_EQ(f.level, Level::kRed);
}

TEST_F(TimeDrainTest, AWorkEntryAcrossLunchCountsOnlyTheGap) {
  const Finding f =
      Evaluate(AClient().With(AWorkEntry("w").At("2026-01-05T12:00:00+01:00").Minutes(180)));
  EXPECT_DOUBLE_EQ(Number(f, "after_hours_work_hours"), 1);
}

TEST_F(TimeDrainTest, WorkIsSplitMinuteByMinuteAcrossTheAutumnClockChange) {
  // Rome falls back at 01:00 UTC on 25 October 2026: 02:00-03:00 happens twice. With
  // Sunday hours 02:00-03:00, both hours are worked inside them.
  workspace_.working_hours[6] = {{120, 180}};
  const Finding f = Evaluate(
      AClient().With(AWorkEntry("w").At("2026-10-25T00:00:00Z").Minutes(120)), "2026-11-01");
  EXPECT_DOUBLE_EQ(Number(f, "after_hours_work_hours"), 0);
}

TEST_F(TimeDrainTest, WorkIsSplitMinuteByMinuteAcrossTheSpringClockChange) {
  // 00:30 UTC on 29 March 2026 is 01:30 CET; at 01:00 UTC the clock jumps to 03:00 CEST.
  workspace_.working_hours[6] = {{180, 240}};  // Sunday 03:00-04:00
  const Finding f = Evaluate(AClient().With(AWorkEntry("w").At("2026-03-29T00:30:00Z").Minutes(90)),
                             "2026-04-01");
  EXPECT_DOUBLE_EQ(Number(f, "after_hours_work_hours"), 0.5);
}

TEST_F(TimeDrainTest, TheLocalClockAgreesWithTheTimeZoneEverywhere) {
  for (const char* name : {"Europe/Rome", "America/Sao_Paulo", "Australia/Lord_Howe", "UTC"}) {
    const TimeZone zone = *TimeZone::Find(name);
    const Instant from = When("2025-01-01T00:00:00Z"), to = When("2026-12-31T00:00:00Z");
    const signals_internal::LocalClock clock(zone, from, to);
    // Every 7 minutes and 13 seconds across two years, and a day either side of the span.
    for (Instant t = from.AddSeconds(-86400); t < to.AddSeconds(86400); t = t.AddSeconds(433)) {
      ASSERT_EQ(clock.OffsetSeconds(t), zone.OffsetSeconds(t)) << name << " " << t.ToUtcString();
      ASSERT_TRUE(clock.ToLocal(t) == zone.ToLocal(t)) << name << " " << t.ToUtcString();
    }
    // The very seconds of Rome's changes of 2025 and 2026.
    for (const char* change : {"2025-03-30T01:00:00Z", "2025-10-26T01:00:00Z",
                               "2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z"}) {
      for (int delta = -1; delta <= 1; ++delta) {
        const Instant t = When(change).AddSeconds(delta);
        ASSERT_EQ(clock.OffsetSeconds(t), zone.OffsetSeconds(t)) << name << " " << change;
      }
    }
  }
}

TEST_F(TimeDrainTest, AfterHoursWorkShareThresholds) {
  EXPECT_EQ(Evaluate(Work(86, 14)).level, Level::kGreen);
  EXPECT_EQ(Evaluate(Work(85, 15)).level, Level::kAmber);
  EXPECT_EQ(Evaluate(Work(71, 29)).level, Level::kAmber);
  EXPECT_EQ(Evaluate(Work(70, 30)).level, Level::kRed);
}

TEST_F(TimeDrainTest, AfterHoursShareThresholdsNeedTenInboundContacts) {
  EXPECT_EQ(Evaluate(Contacts(8, 2)).level, Level::kGreen);
  EXPECT_EQ(Evaluate(Contacts(7, 3)).level, Level::kAmber);
  const Finding red = Evaluate(Contacts(6, 4));
  EXPECT_EQ(red.level, Level::kRed);
  EXPECT_DOUBLE_EQ(Number(red, "after_hours_share"), 0.4);
  EXPECT_NE(Reasons(red).find("4 of 10 inbound contacts (40%) came outside working hours: 4 in "
                              "the evening."),
            std::string::npos);
  EXPECT_EQ(Evaluate(Contacts(16, 4)).level, Level::kGreen);  // 0.20
  EXPECT_EQ(Evaluate(Contacts(15, 5)).level, Level::kAmber);  // 0.25
}

TEST_F(TimeDrainTest, FiveAfterHoursContactsInFewerThanTenAreAmber) {
  EXPECT_EQ(Evaluate(Contacts(0, 4)).level, Level::kGreen);
  const Finding f = Evaluate(Contacts(4, 5));
  EXPECT_EQ(f.level, Level::kAmber);
  EXPECT_NE(Reasons(f).find("too few to judge a share"), std::string::npos);
}

TEST_F(TimeDrainTest, RushRequestsPerActiveMonth) {
  EXPECT_EQ(Evaluate(Rush(1)).level, Level::kGreen);
  const Finding amber = Evaluate(Rush(2));
  EXPECT_EQ(amber.level, Level::kAmber);
  EXPECT_DOUBLE_EQ(Number(amber, "rush_per_month"), 2);
  EXPECT_EQ(Evaluate(Rush(3)).level, Level::kAmber);
  EXPECT_EQ(Evaluate(Rush(4)).level, Level::kRed);
  // A second month holding a record of the client halves the rate.
  const Finding spread =
      Evaluate(Rush(2).With(AnInvoice("i").Issued("2026-02-10").Due("2026-03-10")));
  EXPECT_EQ(CountOf(spread, "active_months"), 2);
  EXPECT_DOUBLE_EQ(Number(spread, "rush_per_month"), 1);
  EXPECT_EQ(spread.level, Level::kGreen);
}

TEST_F(TimeDrainTest, ARushRequestHasLessThanTwentyFourHoursNotice) {
  auto two = [](std::string_view deadline) {
    return AClient()
        .With(ARequest("a").At("2026-01-12T10:00:00+01:00").Deadline(deadline))
        .With(ARequest("b").At("2026-01-14T10:00:00+01:00").Deadline("2026-01-14T12:00:00+01:00"));
  };
  EXPECT_EQ(CountOf(Evaluate(two("2026-01-13T09:59:00+01:00")), "rush_requests"), 2);
  EXPECT_EQ(CountOf(Evaluate(two("2026-01-13T10:00:00+01:00")), "rush_requests"), 1);
}

TEST_F(TimeDrainTest, GoodPayDropsTheLevelOneStepAndSaysSo) {
  const ClientLedger red = Work(70, 30);
  EXPECT_EQ(Evaluate(red, "2026-03-01", 1.49).level, Level::kRed);
  const Finding stepped = Evaluate(red, "2026-03-01", 1.5);
  EXPECT_EQ(stepped.level, Level::kAmber);
  EXPECT_EQ(CountOf(stepped, "stepped_down"), 1);
  EXPECT_NE(Reasons(stepped).find("the level drops from red to amber"), std::string::npos);
  EXPECT_NE(Reasons(stepped).find("scende da rosso ad ambra"), std::string::npos);

  const Finding to_green = Evaluate(Work(85, 15), "2026-03-01", 2.0);
  EXPECT_EQ(to_green.level, Level::kGreen);
  EXPECT_NE(Reasons(to_green).find("from amber to green"), std::string::npos);
}

TEST_F(TimeDrainTest, RecordsAfterAsOfNeverCount) {
  const Finding f = Evaluate(Contacts(0, 4)
                                 .With(AContact("later").At("2026-03-02T20:00:00+01:00"))
                                 .With(AWorkEntry("later_work").At("2026-03-02T20:00:00+01:00")));
  EXPECT_EQ(CountOf(f, "inbound_contacts"), 4);
  EXPECT_EQ(f.level, Level::kGreen);
  EXPECT_TRUE(IsUnknown(f, "after_hours_work_share"));
}

TEST_F(TimeDrainTest, TheRushSettingChangesTheResult) {
  EXPECT_EQ(Evaluate(Rush(4)).level, Level::kRed);
  workspace_.settings["time_drain.red_rush_per_month"] = 5;
  EXPECT_EQ(Evaluate(Rush(4)).level, Level::kAmber);
}

}  // namespace
}  // namespace addio::testing
