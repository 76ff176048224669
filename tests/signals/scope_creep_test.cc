#include <gtest/gtest.h>

#include "builders.h"
#include "signals/signals.h"

namespace addio::testing {
namespace {

class ScopeCreepTest : public SignalsTest {
 protected:
  Finding Evaluate(const ClientLedger& client, std::string_view as_of = "2026-03-01") {
    Finding f = EvaluateSign("scope_creep", client, AsOf(as_of));
    ExpectBilingualReasons(f);
    return f;
  }
  // A fixed-fee project of 100 agreed hours and one unpaid extra of `hours`.
  static ClientLedger OneExtra(double hours) {
    return AClient()
        .With(AProject("p").Budget(100))
        .With(ARequest("r").Project("p").OutOfScope().Estimate(hours));
  }
};

TEST_F(ScopeCreepTest, UnknownWithoutAgreedHoursOrExtras) {
  const Finding f = Evaluate(AClient().With(AProject("p").Hourly()).With(ARequest("r")));
  EXPECT_EQ(f.level, Level::kUnknown);
  EXPECT_TRUE(IsUnknown(f, "creep_ratio"));
}

TEST_F(ScopeCreepTest, CreepRatioThresholds) {
  EXPECT_EQ(Evaluate(OneExtra(9.9)).level, Level::kGreen);
  EXPECT_EQ(Evaluate(OneExtra(10)).level, Level::kAmber);
  EXPECT_EQ(Evaluate(OneExtra(24.9)).level, Level::kAmber);
  const Finding red = Evaluate(OneExtra(25));
  EXPECT_EQ(red.level, Level::kRed);
  EXPECT_DOUBLE_EQ(Number(red, "creep_ratio"), 0.25);
  EXPECT_DOUBLE_EQ(Number(red, "agreed_hours"), 100);
  EXPECT_NE(Reasons(red).find("1 request outside the agreed scope without an accepted change "
                              "order, worth 25 hours (25% of the 100 agreed hours)."),
            std::string::npos);
}

TEST_F(ScopeCreepTest, ThreeUnpaidExtrasAreAmberWhateverTheirSize) {
  AClient client;
  client.With(AProject("p").Budget(1000));
  client.With(ARequest("r1").OutOfScope().Estimate(1));
  client.With(ARequest("r2").OutOfScope().Change(ChangeOrder::kProposed).Estimate(1));
  EXPECT_EQ(Evaluate(client).level, Level::kGreen);
  client.With(ARequest("r3").OutOfScope().Change(ChangeOrder::kRefused).Estimate(1));
  const Finding f = Evaluate(client);
  EXPECT_EQ(f.level, Level::kAmber);
  EXPECT_EQ(CountOf(f, "extra_requests"), 3);
}

TEST_F(ScopeCreepTest, AcceptedChangeOrdersAndInScopeRequestsAreNotExtras) {
  const Finding f =
      Evaluate(AClient()
                   .With(AProject("p").Budget(10))
                   .With(ARequest("paid").OutOfScope().Change(ChangeOrder::kAccepted).Estimate(9))
                   .With(ARequest("fine").Estimate(9)));
  EXPECT_EQ(f.level, Level::kGreen);
  EXPECT_EQ(CountOf(f, "extra_requests"), 0);
}

TEST_F(ScopeCreepTest, OverrunThresholdsOnFixedFeeProjects) {
  auto worked = [](int minutes) {
    return AClient()
        .With(AProject("p").Budget(10))
        .With(AWorkEntry("w").Project("p").Minutes(minutes));
  };
  EXPECT_EQ(Evaluate(worked(714)).level, Level::kGreen);  // 1.19
  const Finding amber = Evaluate(worked(720));            // 1.2
  EXPECT_EQ(amber.level, Level::kAmber);
  EXPECT_DOUBLE_EQ(Number(amber, "overrun"), 1.2);
  EXPECT_EQ(Evaluate(worked(894)).level, Level::kAmber);  // 1.49
  EXPECT_EQ(Evaluate(worked(900)).level, Level::kRed);    // 1.5
}

TEST_F(ScopeCreepTest, OverrunCountsAllWorkOnAProjectActiveInTheWindow) {
  const Finding f = Evaluate(
      AClient()
          .With(AProject("p").Start("2024-06-01").Budget(10))
          .With(AWorkEntry("old").At("2024-07-01T10:00:00+02:00").Project("p").Minutes(480))
          .With(AWorkEntry("new").At("2026-01-10T10:00:00+01:00").Project("p").Minutes(240))
          .With(AWorkEntry("later").At("2026-03-02T10:00:00+01:00").Project("p").Minutes(600)));
  EXPECT_DOUBLE_EQ(Number(f, "fixed_worked_hours"), 12);
  EXPECT_EQ(f.level, Level::kAmber);
}

TEST_F(ScopeCreepTest, LinkedWorkReplacesTheEstimateAndBilledHourlyWorkIsPaid) {
  const Finding f = Evaluate(
      AClient()
          .With(AProject("fixed").Budget(100))
          .With(AProject("hourly").Hourly().Budget(100))
          .With(ARequest("a").Project("fixed").OutOfScope().Estimate(50))
          .With(AWorkEntry("wa").Project("fixed").Request("a").Minutes(120))
          .With(ARequest("b").Project("hourly").OutOfScope().Estimate(50))
          .With(AWorkEntry("wb1").Project("hourly").Request("b").Minutes(600))
          .With(AWorkEntry("wb2").Project("hourly").Request("b").Minutes(60).Billable(false)));
  EXPECT_DOUBLE_EQ(Number(f, "extra_hours"), 3);  // 2 on the fixed project, 1 unbilled hourly
  EXPECT_DOUBLE_EQ(Number(f, "agreed_hours"), 200);
}

TEST_F(ScopeCreepTest, AgreedHoursFromTheFeeAndTheContractOrTargetRate) {
  const Finding by_contract =
      Evaluate(AClient()
                   .With(AContract("k").Signed("2025-12-01").HourlyRate("80.00"))
                   .With(AProject("p").Contract("k").Fee("2400.00"))
                   .With(ARequest("r").Project("p").OutOfScope().Estimate(3)));
  EXPECT_DOUBLE_EQ(Number(by_contract, "agreed_hours"), 30);
  EXPECT_EQ(by_contract.level, Level::kAmber);  // 3 / 30 = 0.10

  const Finding by_target = Evaluate(AClient().With(AProject("p").Fee("2400.00")));
  EXPECT_DOUBLE_EQ(Number(by_target, "agreed_hours"), 40);  // 60.00 target rate
  EXPECT_EQ(by_target.level, Level::kGreen);
}

TEST_F(ScopeCreepTest, OnlyProjectsActiveInTheWindowAndRequestsInItCount) {
  const Finding f = Evaluate(
      AClient()
          .With(AProject("ended").Start("2024-01-01").End("2025-01-31").Budget(100))
          .With(AProject("p").Budget(20))
          .With(ARequest("early").At("2025-02-01T10:00:00+01:00").OutOfScope().Estimate(20))
          .With(ARequest("late").At("2026-03-02T10:00:00+01:00").OutOfScope().Estimate(20))
          .With(ARequest("now").OutOfScope().Estimate(1)));
  EXPECT_DOUBLE_EQ(Number(f, "agreed_hours"), 20);
  EXPECT_EQ(CountOf(f, "extra_requests"), 1);
  EXPECT_EQ(f.level, Level::kGreen);  // 1 / 20 = 0.05
}

TEST_F(ScopeCreepTest, TheRedRatioSettingChangesTheResult) {
  EXPECT_EQ(Evaluate(OneExtra(30)).level, Level::kRed);
  workspace_.settings["scope_creep.red_ratio"] = 0.5;
  EXPECT_EQ(Evaluate(OneExtra(30)).level, Level::kAmber);
}

TEST_F(ScopeCreepTest, ThresholdsNameTheirSettings) {
  const Finding f = Evaluate(OneExtra(1));
  ASSERT_FALSE(f.thresholds.empty());
  EXPECT_EQ(f.thresholds[0].metric, "creep_ratio");
  EXPECT_EQ(f.thresholds[0].setting, "scope_creep.red_ratio");
  EXPECT_DOUBLE_EQ(f.thresholds[0].limit, 0.25);
  EXPECT_EQ(f.thresholds[0].level, Level::kRed);
}

}  // namespace
}  // namespace addio::testing
