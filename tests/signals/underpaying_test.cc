#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "builders.h"
#include "signals/signals.h"

namespace addio::testing {
namespace {

class UnderpayingTest : public SignalsTest {
 protected:
  Finding Evaluate(const ClientLedger& client, const Portfolio& portfolio = {},
                   std::string_view as_of = "2026-03-01") {
    Finding f = EvaluateSign("underpaying", client, AsOf(as_of), portfolio);
    ExpectBilingualReasons(f);
    return f;
  }

  // `minutes` of work in January and one invoice of `revenue` EUR.
  static AClient Earning(int minutes, std::string_view revenue, std::string id = "c") {
    AClient client(std::move(id));
    client.With(AWorkEntry("w").Minutes(minutes));
    client.With(AnInvoice("i").Issued("2026-01-31").Due("2026-02-28").Amount(revenue));
    return client;
  }
};

TEST_F(UnderpayingTest, UnknownUnderTenHours) {
  const Finding below = Evaluate(Earning(599, "600.00"));
  EXPECT_EQ(below.level, Level::kUnknown);
  EXPECT_TRUE(IsUnknown(below, "effective_rate"));
  EXPECT_NE(Reasons(below).find("Only 9.98 hours were recorded in the last 365 days; at least 10 "
                                "are needed"),
            std::string::npos);
  const Finding at = Evaluate(Earning(600, "600.00"));
  EXPECT_EQ(at.level, Level::kGreen);
  EXPECT_EQ(MoneyOf(at, "effective_rate"), "60.00");
  EXPECT_DOUBLE_EQ(Number(at, "rate_ratio"), 1.0);
}

TEST_F(UnderpayingTest, RateRatioThresholdsAgainstTheTargetRate) {
  EXPECT_EQ(Evaluate(Earning(600, "359.90")).level, Level::kRed);    // 0.5998
  EXPECT_EQ(Evaluate(Earning(600, "360.00")).level, Level::kAmber);  // 0.60
  EXPECT_EQ(Evaluate(Earning(600, "479.90")).level, Level::kAmber);  // 0.7998
  const Finding green = Evaluate(Earning(600, "480.00"));            // 0.80
  EXPECT_EQ(green.level, Level::kGreen);
  EXPECT_NE(Reasons(green).find("This client pays an effective 48.00 EUR an hour (480.00 EUR for "
                                "10 hours), 80% of the reference rate of 60.00 EUR."),
            std::string::npos);
  EXPECT_NE(Reasons(green).find("The reference rate is your target hourly rate."),
            std::string::npos);
}

TEST_F(UnderpayingTest, ARefusedRaiseMakesItWorse) {
  auto refused = [this](std::string_view revenue) {
    return Evaluate(Earning(600, revenue).With(ARateChange("rc").On("2026-02-01"))).level;
  };
  EXPECT_EQ(refused("474.00"), Level::kRed);    // 0.79
  EXPECT_EQ(refused("480.00"), Level::kAmber);  // 0.80
  EXPECT_EQ(refused("594.00"), Level::kAmber);  // 0.99
  EXPECT_EQ(refused("600.00"), Level::kGreen);  // 1.00
  const Finding accepted =
      Evaluate(Earning(600, "480.00").With(ARateChange("rc").On("2026-02-01").Accepted()));
  EXPECT_EQ(accepted.level, Level::kGreen);
  EXPECT_EQ(CountOf(accepted, "refused_raises"), 0);
}

TEST_F(UnderpayingTest, WrittenOffAmountsAreNotRevenue) {
  const Finding f = Evaluate(
      Earning(600, "480.00")
          .With(AnInvoice("lost")
                    .Issued("2026-02-01")
                    .Due("2026-03-01")
                    .Amount("120.00")
                    .WrittenOff())
          .With(AnInvoice("part")
                    .Issued("2026-02-01")
                    .Due("2026-03-01")
                    .Amount("100.00")
                    .WrittenOff())
          .With(APayment("p").On("2026-02-10").Amount("30.00").For("part"))
          .With(AnInvoice("void").Issued("2026-02-01").Due("2026-03-01").Amount("999.00").Void()));
  EXPECT_EQ(MoneyOf(f, "revenue"), "510.00");
  EXPECT_EQ(MoneyOf(f, "written_off"), "190.00");
  EXPECT_NE(Reasons(f).find("190.00 EUR written off is not counted as revenue."),
            std::string::npos);
}

TEST_F(UnderpayingTest, ForeignInvoicesAreConvertedAndUnloggedContactsAddHours) {
  workspace_.fx = {{*Currency::Find("USD"), *Decimal::Parse("0.92")}};
  const Finding f =
      Evaluate(AClient()
                   .With(AWorkEntry("w").Minutes(540))
                   .With(AContact("call").Minutes(60))
                   .With(AContact("logged").Minutes(60).Logged(true))
                   .With(AnInvoice("usd").Issued("2026-01-31").Amount("500.00", "USD")));
  EXPECT_DOUBLE_EQ(Number(f, "hours"), 10);
  EXPECT_EQ(MoneyOf(f, "revenue"), "460.00");
  EXPECT_EQ(MoneyOf(f, "effective_rate"), "46.00");
}

TEST_F(UnderpayingTest, TheReferenceIsTheHoursWeightedMedianOfTheOtherClients) {
  const std::vector<ClientLedger> clients = {
      Earning(600, "300.00", "a"),    // 10 h at 30.00
      Earning(1200, "1000.00", "b"),  // 20 h at 50.00
      Earning(600, "480.00", "c"),    // 10 h at 48.00
  };
  const Portfolio portfolio = PortfolioOf(clients, AsOf("2026-03-01"));
  ASSERT_EQ(portfolio.rates.size(), 3u);
  EXPECT_EQ(portfolio.rates[1].client, "b");
  EXPECT_DOUBLE_EQ(portfolio.rates[1].hours, 20);
  const Finding f = Evaluate(clients[2], portfolio);
  EXPECT_EQ(MoneyOf(f, "reference_rate"), "50.00");
  EXPECT_EQ(CountOf(f, "reference_clients"), 2);
  EXPECT_DOUBLE_EQ(Number(f, "rate_ratio"), 0.96);
  EXPECT_NE(Reasons(f).find("hours-weighted median of 2 other clients"), std::string::npos);
}

TEST_F(UnderpayingTest, TheMedianIsTheSmallestRateReachingHalfTheHours) {
  const std::vector<ClientLedger> clients = {
      Earning(600, "300.00", "a"),  // 10 h at 30.00
      Earning(600, "500.00", "b"),  // 10 h at 50.00
      Earning(600, "480.00", "c"),
  };
  const auto context = AsOf("2026-03-01");
  const Portfolio portfolio = PortfolioOf(clients, context);
  EXPECT_EQ(portfolio.ReferenceRate("c", context)->ToString(), "30.00");
  // For a, the others are b (50.00) and c (48.00): 48.00 reaches half the hours.
  EXPECT_EQ(portfolio.ReferenceRate("a", context)->ToString(), "48.00");
}

TEST_F(UnderpayingTest, FewerThanTwoOtherClientsFallBackToTheTargetRate) {
  const std::vector<ClientLedger> clients = {Earning(600, "300.00", "a"),
                                             Earning(599, "500.00", "b"),  // rate unknown
                                             Earning(600, "480.00", "c")};
  const Portfolio portfolio = PortfolioOf(clients, AsOf("2026-03-01"));
  const Finding f = Evaluate(clients[2], portfolio);
  EXPECT_EQ(MoneyOf(f, "reference_rate"), "60.00");
  EXPECT_EQ(CountOf(f, "reference_clients"), 0);
  workspace_.target_hourly_rate.reset();
  EXPECT_EQ(Evaluate(clients[2], portfolio).level, Level::kUnknown);
}

// The median read off the ranking is the definition computed the slow way: the other
// clients' rates sorted, each weighing its minutes, the first that reaches half the total.
TEST_F(UnderpayingTest, TheRankedReferenceIsTheWeightedMedianOfTheOthers) {
  std::vector<ClientLedger> clients;
  for (int i = 0; i < 300; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "c%03d", i);
    const int minutes = 600 + (i * 37) % 800;
    const int revenue = 200 + (i * 7919) % 1500;
    clients.push_back(Earning(minutes, std::to_string(revenue) + ".00", id));
  }
  const auto context = AsOf("2026-03-01");
  const Portfolio portfolio = PortfolioOf(clients, context);
  ASSERT_EQ(portfolio.Ranked(), 300u);
  for (int i = 0; i < 300; i += 7) {
    const std::string& id = clients[static_cast<size_t>(i)].client.id;
    std::vector<std::pair<int64_t, int64_t>> others;  // rate, minutes
    for (const ClientRate& rate : portfolio.rates) {
      if (rate.client == id || !rate.effective_rate) continue;
      others.emplace_back(rate.effective_rate->minor(), std::llround(rate.hours * 60));
    }
    std::stable_sort(others.begin(), others.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    int64_t total = 0, running = 0;
    for (const auto& other : others) total += other.second;
    std::optional<int64_t> median;
    for (const auto& [rate, minutes] : others) {
      running += minutes;
      if (2 * running >= total) {
        median = rate;
        break;
      }
    }
    ASSERT_TRUE(median);
    EXPECT_EQ(portfolio.ReferenceRate(id, context)->minor(), *median) << id;
  }
  EXPECT_EQ(portfolio.rates.front().client, "c000");
  EXPECT_EQ(portfolio.rates.back().client, "c299");
}

TEST_F(UnderpayingTest, RecordsAfterAsOfNeverCount) {
  const Finding f =
      Evaluate(Earning(600, "480.00")
                   .With(AWorkEntry("later").At("2026-03-02T10:00:00+01:00"))
                   .With(AnInvoice("later").Issued("2026-03-02").Due("2026-03-31").Amount("500.00"))
                   .With(ARateChange("rc").On("2026-03-02")));
  EXPECT_EQ(MoneyOf(f, "revenue"), "480.00");
  EXPECT_DOUBLE_EQ(Number(f, "hours"), 10);
  EXPECT_EQ(f.level, Level::kGreen);
}

TEST_F(UnderpayingTest, TheMinimumHoursSettingChangesTheResult) {
  workspace_.settings["underpaying.min_hours"] = 20;
  EXPECT_EQ(Evaluate(Earning(600, "300.00")).level, Level::kUnknown);
}

TEST_F(UnderpayingTest, EvaluateSignsFeedsTheRateRatioToTimeDrain) {
  // Well paid (2x the target) and working evenings: time_drain drops from red to amber.
  const ClientLedger client =
      AClient()
          .With(AWorkEntry("w").At("2026-01-05T19:00:00+01:00").Minutes(600))
          .With(AnInvoice("i").Issued("2026-01-31").Amount("1200.00"));
  const Context context = AsOf("2026-03-01");
  const ClientSnapshot snapshot(client, workspace_, context.as_of);
  const Findings findings = EvaluateSigns(snapshot, Portfolio{}, context);
  ASSERT_EQ(findings.size(), AllSigns().size());
  for (size_t i = 0; i < findings.size(); ++i) EXPECT_EQ(findings[i].sign, AllSigns()[i]);
  EXPECT_DOUBLE_EQ(Number(*FindingOf(findings, "underpaying"), "rate_ratio"), 2.0);
  const Finding& time_drain = *FindingOf(findings, "time_drain");
  EXPECT_EQ(time_drain.level, Level::kAmber);
  EXPECT_EQ(CountOf(time_drain, "stepped_down"), 1);
}

}  // namespace
}  // namespace addio::testing
