#include "alerts/alerts.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "../predict/predict_test_support.h"

namespace addio {
namespace {

using testing::D;
using testing::Eur;

// One ledger of the clients' records, as a ledger file would hold them.
Ledger LedgerOf(const std::vector<ClientLedger>& clients) {
  Ledger ledger;
  for (const ClientLedger& c : clients) {
    ledger.clients.push_back(c.client);
    ledger.projects.insert(ledger.projects.end(), c.projects.begin(), c.projects.end());
    ledger.work.insert(ledger.work.end(), c.work.begin(), c.work.end());
    ledger.invoices.insert(ledger.invoices.end(), c.invoices.begin(), c.invoices.end());
    ledger.payments.insert(ledger.payments.end(), c.payments.begin(), c.payments.end());
  }
  return ledger;
}

Instant NoonOf(CivilDate day) {
  return Instant::FromUnixSeconds(int64_t{day.days_since_epoch()} * 86400 + 12 * 3600);
}

// A project of `budget` hours and `hours` of work on each of `days` (one entry a day).
ClientLedger WithProject(const std::string& id, Pricing pricing, double budget,
                         const std::vector<CivilDate>& days, double hours) {
  ClientLedger client;
  client.client.id = "studio";
  client.client.name = "Studio Client";
  Project project;
  project.id = id;
  project.client = "studio";
  project.name = "Website " + id;
  project.pricing = pricing;
  project.budget_hours = budget;
  project.start = D("2025-01-01");
  client.projects.push_back(project);
  for (size_t i = 0; i < days.size(); ++i) {
    WorkEntry entry;
    entry.id = id + "-w" + std::to_string(i);
    entry.client = "studio";
    entry.project = id;
    entry.start = NoonOf(days[i]);
    entry.minutes = static_cast<int>(hours * 60);
    client.work.push_back(entry);
  }
  return client;
}

std::vector<const Alert*> OfKind(const AlertReport& report, AlertKind kind) {
  std::vector<const Alert*> out;
  for (const Alert& alert : report.alerts) {
    if (alert.kind == kind) out.push_back(&alert);
  }
  return out;
}

// 10-hour budget: 5 h on 2025-03-01, then 1 h on each of 2025-06-10 and 06-20 (and one 1 h
// entry after as_of). As of 2025-06-30: 7 h used = 70 % → the 50 % threshold; the last four
// weeks hold 2 h, a pace of 2/28 h a day, so the 3 h left last 42 days: 2025-08-11.
TEST(BudgetAlertTest, TheHighestThresholdReachedWithTheRunOutDateAtTheRecentPace) {
  const ClientLedger client =
      WithProject("p1", Pricing::kFixed, 10,
                  {D("2025-03-01"), D("2025-06-10"), D("2025-06-20"), D("2025-07-05")}, 0);
  ClientLedger shaped = client;
  shaped.work[0].minutes = 5 * 60;
  for (size_t i = 1; i < shaped.work.size(); ++i) shaped.work[i].minutes = 60;
  auto report = FindAlerts(LedgerOf({shaped}), D("2025-06-23"), D("2025-06-30"));
  ASSERT_TRUE(report.has_value()) << report.error().message.In(Lang::kEn);
  const auto budgets = OfKind(*report, AlertKind::kBudget);
  ASSERT_EQ(budgets.size(), 1u);
  const BudgetBurn& burn = *budgets[0]->budget;
  EXPECT_EQ(budgets[0]->id, "budget:p1:50");
  EXPECT_DOUBLE_EQ(burn.used_hours, 7.0);
  EXPECT_EQ(burn.threshold, 50);
  ASSERT_TRUE(burn.runs_out.has_value());
  EXPECT_EQ(*burn.runs_out, D("2025-08-11"));
  EXPECT_FALSE(burn.ran_out.has_value());
  EXPECT_NE(budgets[0]->text.In(Lang::kIt).find("11 agosto 2025"), std::string::npos)
      << budgets[0]->text.In(Lang::kIt);
}

TEST(BudgetAlertTest, AnOverrunSaysTheDayTheBudgetRanOutAndHourlyWorkHasNoBudget) {
  std::vector<CivilDate> days;
  for (int i = 0; i < 6; ++i) days.push_back(D("2025-05-01").AddDays(7 * i));  // 2 h each
  const ClientLedger retainer = WithProject("r1", Pricing::kRetainer, 10, days, 2);
  const ClientLedger hourly = WithProject("h1", Pricing::kHourly, 10, days, 2);
  ClientLedger both = retainer;
  both.projects.push_back(hourly.projects[0]);
  both.work.insert(both.work.end(), hourly.work.begin(), hourly.work.end());
  auto report = FindAlerts(LedgerOf({both}), D("2025-06-23"), D("2025-06-30"));
  ASSERT_TRUE(report.has_value());
  const auto budgets = OfKind(*report, AlertKind::kBudget);
  ASSERT_EQ(budgets.size(), 1u);  // the hourly project is billed by the hour: no budget
  EXPECT_EQ(budgets[0]->id, "budget:r1:100");
  EXPECT_DOUBLE_EQ(budgets[0]->budget->used_hours, 12.0);
  EXPECT_EQ(budgets[0]->budget->ran_out, D("2025-05-29"));  // the fifth 2-hour day
  EXPECT_FALSE(budgets[0]->budget->runs_out.has_value());
}

// An invoice left unpaid: a week after its due date nothing is red yet; months later
// non-payment is red and the verdict is part ways.
TEST(ChangeAlertTest, ASignTurningRedAndAWorseVerdictAreEachOneAlert) {
  testing::AClient acme("acme");
  for (int i = 0; i < 4; ++i) {
    const std::string id = "A" + std::to_string(i);
    const CivilDate due = D("2024-09-30").AddDays(30 * i);
    acme.Invoice(id, due.AddDays(-30), due, "500.00").Pay("p" + id, due, "500.00", id);
  }
  acme.Invoice("B1", D("2025-01-01"), D("2025-01-31"), "2000.00");
  const Ledger ledger = LedgerOf({acme.Build()});
  auto report = FindAlerts(ledger, D("2025-02-07"), D("2025-06-30"));
  ASSERT_TRUE(report.has_value()) << report.error().message.In(Lang::kEn);
  const auto signs = OfKind(*report, AlertKind::kSign);
  const auto verdicts = OfKind(*report, AlertKind::kVerdict);
  EXPECT_TRUE(std::any_of(signs.begin(), signs.end(), [](const Alert* a) {
    return a->id == "sign:acme:non_payment:red" && a->now == Level::kRed;
  }));
  ASSERT_EQ(verdicts.size(), 1u);
  EXPECT_EQ(verdicts[0]->id, "verdict:acme:part_ways");
  EXPECT_EQ(verdicts[0]->is, Verdict::kPartWays);
  // Listed again, the same alerts with the same ids: what a delivery sends once.
  auto again = FindAlerts(ledger, D("2025-02-07"), D("2025-06-30"));
  ASSERT_TRUE(again.has_value());
  ASSERT_EQ(again->alerts.size(), report->alerts.size());
  for (size_t i = 0; i < report->alerts.size(); ++i) {
    EXPECT_EQ(again->alerts[i].id, report->alerts[i].id);
  }
  // Over a period where nothing changed, nothing is listed.
  auto quiet = FindAlerts(ledger, D("2025-06-29"), D("2025-06-30"));
  ASSERT_TRUE(quiet.has_value());
  EXPECT_TRUE(OfKind(*quiet, AlertKind::kSign).empty());
  EXPECT_TRUE(OfKind(*quiet, AlertKind::kVerdict).empty());
}

TEST(LateRiskAlertTest, AnInvoiceOfASlowPayerEntersTheHighBandBeforeItIsLate) {
  const Ledger ledger = LedgerOf(testing::HabitsPortfolio());
  auto report = FindAlerts(ledger, D("2025-12-20"), D("2025-12-31"));
  ASSERT_TRUE(report.has_value()) << report.error().message.In(Lang::kEn);
  const auto risks = OfKind(*report, AlertKind::kLateRisk);
  ASSERT_FALSE(risks.empty());
  for (const Alert* alert : risks) {
    EXPECT_NE(alert->client, "c100") << "c100 pays early";  // a prompt payer
    EXPECT_GE(alert->p_late, 0.75);
    EXPECT_EQ(alert->id, "late_risk:" + alert->invoice);
    EXPECT_GE(DaysBetween(D("2025-12-31"), *alert->due), -3) << "already late";
  }
  EXPECT_TRUE(
      std::any_of(risks.begin(), risks.end(), [](const Alert* a) { return a->client == "c101"; }));
}

TEST(AlertsTest, ThePeriodMustStartBeforeItEnds) {
  auto report = FindAlerts(Ledger{}, D("2025-06-30"), D("2025-06-30"));
  ASSERT_FALSE(report.has_value());
  EXPECT_EQ(report.error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace addio
