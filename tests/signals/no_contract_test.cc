#include <gtest/gtest.h>

#include "builders.h"
#include "signals/signals.h"

namespace addio::testing {
namespace {

class NoContractTest : public SignalsTest {
 protected:
  Finding Evaluate(const ClientLedger& client, std::string_view as_of = "2026-03-01") {
    Finding f = EvaluateSign("no_contract", client, AsOf(as_of));
    ExpectBilingualReasons(f);
    return f;
  }
};

TEST_F(NoContractTest, UnknownWithoutWorkOrContractInTheWindow) {
  const Finding f = Evaluate(AClient()
                                 .With(AContract("old").Signed("2024-01-01").End("2024-12-31"))
                                 .With(AWorkEntry("w").At("2025-02-01T10:00:00+01:00")));
  EXPECT_EQ(f.level, Level::kUnknown);
  EXPECT_NE(Reasons(f).find("No work and no contract in the last 365 days."), std::string::npos);
}

TEST_F(NoContractTest, WorkOnTheSigningDayIsCovered) {
  const Finding f =
      Evaluate(AClient()
                   .With(AContract("k1").Signed("2026-01-01"))
                   .With(AWorkEntry("w").At("2026-01-01T09:00:00+01:00").Minutes(120)));
  EXPECT_EQ(f.level, Level::kGreen);
  EXPECT_DOUBLE_EQ(Number(f, "covered_hours"), 2);
  EXPECT_DOUBLE_EQ(Number(f, "uncovered_hours"), 0);
  EXPECT_NE(Reasons(f).find("All 2 hours of work were covered"), std::string::npos);
}

TEST_F(NoContractTest, WorkTheDayBeforeSigningIsUncovered) {
  const Finding f = Evaluate(AClient()
                                 .With(AContract("k1").Signed("2026-01-01"))
                                 .With(AWorkEntry("w1").At("2025-12-31T17:00:00+01:00"))
                                 .With(AWorkEntry("w2").At("2026-01-02T09:00:00+01:00")));
  EXPECT_EQ(f.level, Level::kAmber);
  EXPECT_DOUBLE_EQ(Number(f, "uncovered_hours"), 1);
  EXPECT_DOUBLE_EQ(Number(f, "uncovered_share"), 0.5);
  ASSERT_EQ(f.evidence.size(), 1u);
  EXPECT_EQ(f.evidence[0].id, "w1");
  EXPECT_TRUE(f.evidence[0].date == Date("2025-12-31"));
}

TEST_F(NoContractTest, TheLocalDateDecidesCoverage) {
  // 23:30 UTC on 31 December is 00:30 on 1 January in Rome: the signing day.
  const Finding f = Evaluate(AClient()
                                 .With(AContract("k1").Signed("2026-01-01"))
                                 .With(AWorkEntry("w").At("2025-12-31T23:30:00Z").Minutes(30)));
  EXPECT_EQ(f.level, Level::kGreen);
}

TEST_F(NoContractTest, AnEntryCrossingMidnightIsJudgedDayByDay) {
  const Finding f =
      Evaluate(AClient()
                   .With(AContract("k1").Signed("2026-01-01"))
                   .With(AWorkEntry("w").At("2025-12-31T23:00:00+01:00").Minutes(120)));
  EXPECT_EQ(f.level, Level::kAmber);
  EXPECT_DOUBLE_EQ(Number(f, "uncovered_hours"), 1);
  EXPECT_DOUBLE_EQ(Number(f, "covered_hours"), 1);
}

TEST_F(NoContractTest, TheEndDateIsStillCovered) {
  const Finding f = Evaluate(AClient()
                                 .With(AContract("k1").Signed("2025-06-01").End("2026-01-31"))
                                 .With(AWorkEntry("last").At("2026-01-31T10:00:00+01:00"))
                                 .With(AWorkEntry("after").At("2026-02-01T10:00:00+01:00")));
  EXPECT_EQ(f.level, Level::kAmber);
  EXPECT_EQ(CountOf(f, "uncovered_entries"), 1);
  ASSERT_EQ(f.evidence.size(), 1u);
  EXPECT_EQ(f.evidence[0].id, "after");
}

TEST_F(NoContractTest, AProjectsOwnContractIsTheOneThatCounts) {
  const Finding f = Evaluate(AClient()
                                 .With(AContract("k1").Signed("2025-06-01"))
                                 .With(AContract("k2").Sent("2026-02-20"))
                                 .With(AProject("p1").Contract("k2"))
                                 .With(AProject("p2"))
                                 .With(AWorkEntry("on_p1").Project("p1"))
                                 .With(AWorkEntry("on_p2").Project("p2")));
  EXPECT_EQ(f.level, Level::kAmber);
  ASSERT_EQ(f.evidence.size(), 1u);
  EXPECT_EQ(f.evidence[0].id, "on_p1");
}

TEST_F(NoContractTest, NoContractOnRecordIsAmber) {
  const Finding f = Evaluate(AClient().With(AWorkEntry("w").Minutes(90)));
  EXPECT_EQ(f.level, Level::kAmber);
  EXPECT_NE(Reasons(f).find("There is no contract on record"), std::string::npos);
  EXPECT_EQ(CountOf(f, "contracts"), 0);
}

TEST_F(NoContractTest, UncoveredWorkAfterTheRefusalDayIsRed) {
  const auto client = [](std::string_view work_at) {
    return AClient()
        .With(AContract("k1").Sent("2026-02-01").Refused("2026-02-10"))
        .With(AWorkEntry("w").At(work_at));
  };
  const Finding same_day = Evaluate(client("2026-02-10T16:00:00+01:00"));
  EXPECT_EQ(same_day.level, Level::kAmber);
  EXPECT_EQ(CountOf(same_day, "refused_contracts"), 1);
  EXPECT_EQ(CountOf(same_day, "uncovered_after_refusal"), 0);

  const Finding next_day = Evaluate(client("2026-02-11T09:00:00+01:00"));
  EXPECT_EQ(next_day.level, Level::kRed);
  EXPECT_EQ(CountOf(next_day, "uncovered_after_refusal"), 1);
  EXPECT_NE(Reasons(next_day).find("Contract k1 was refused on 10 February 2026"),
            std::string::npos);
  EXPECT_NE(Reasons(next_day).find("Il contratto k1 è stato rifiutato il 10 febbraio 2026"),
            std::string::npos);
}

TEST_F(NoContractTest, ARefusalBeforeTheWindowIsNotCounted) {
  const Finding f = Evaluate(AClient()
                                 .With(AContract("k1").Sent("2024-12-01").Refused("2025-01-10"))
                                 .With(AWorkEntry("w")));
  EXPECT_EQ(f.level, Level::kAmber);
  EXPECT_EQ(CountOf(f, "refused_contracts"), 0);
}

TEST_F(NoContractTest, AContractIsIgnoredFourteenDaysAfterItWasSent) {
  auto client = [](std::string_view work_at) {
    return AClient().With(AContract("k1").Sent("2026-01-20")).With(AWorkEntry("w").At(work_at));
  };
  // 13 days: not ignored yet.
  const Finding below = Evaluate(client("2026-02-01T10:00:00+01:00"), "2026-02-02");
  EXPECT_EQ(below.level, Level::kAmber);
  EXPECT_EQ(CountOf(below, "ignored_contracts"), 0);
  // 14 days: ignored from 3 February; work on that day is not after it.
  const Finding at = Evaluate(client("2026-02-03T10:00:00+01:00"), "2026-02-03");
  EXPECT_EQ(at.level, Level::kAmber);
  EXPECT_EQ(CountOf(at, "ignored_contracts"), 1);
  EXPECT_EQ(CountOf(at, "refused_contracts"), 1);
  // Work the day after is.
  const Finding above = Evaluate(client("2026-02-04T10:00:00+01:00"), "2026-02-04");
  EXPECT_EQ(above.level, Level::kRed);
  EXPECT_NE(Reasons(above).find("neither signed nor refused for 15 days"), std::string::npos);
}

TEST_F(NoContractTest, TheIgnoredDaysSettingChangesTheResult) {
  const ClientLedger client = AClient()
                                  .With(AContract("k1").Sent("2026-02-10"))
                                  .With(AWorkEntry("w").At("2026-02-20T10:00:00+01:00"));
  EXPECT_EQ(Evaluate(client).level, Level::kAmber);
  workspace_.settings["no_contract.ignored_days"] = 7;
  EXPECT_EQ(Evaluate(client).level, Level::kRed);
}

TEST_F(NoContractTest, RecordsAfterAsOfNeverCount) {
  const Finding f = Evaluate(AClient()
                                 .With(AContract("k1").Signed("2026-03-02"))
                                 .With(AWorkEntry("before").At("2026-02-15T10:00:00+01:00"))
                                 .With(AWorkEntry("after").At("2026-03-02T10:00:00+01:00")));
  EXPECT_EQ(f.level, Level::kAmber);
  EXPECT_DOUBLE_EQ(Number(f, "work_hours"), 1);
  EXPECT_EQ(CountOf(f, "contracts"), 0);
}

}  // namespace
}  // namespace addio::testing
