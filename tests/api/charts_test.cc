#include "api/charts.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "ledger/client_ledger.h"
#include "verdict/assessment.h"

namespace addio {
namespace {

CivilDate D(std::string_view text) { return *CivilDate::Parse(text); }
Money M(std::string_view amount) { return *Money::Parse(amount, *Currency::Find("EUR")); }
Instant At(std::string_view rfc3339) { return ParseInstant(rfc3339, TimeZone::Utc())->instant; }

const CivilDate kAsOf = D("2026-03-31");

WorkEntry Work(std::string id, std::string client, std::string_view start, int minutes,
               std::string project = "", std::string request = "") {
  return WorkEntry{.id = std::move(id),
                   .client = std::move(client),
                   .project = std::move(project),
                   .request = std::move(request),
                   .start = At(start),
                   .minutes = minutes};
}

Invoice Inv(std::string id, std::string client, std::string_view issued, std::string_view due,
            std::string_view amount) {
  return Invoice{.id = std::move(id),
                 .client = std::move(client),
                 .issued = D(issued),
                 .due = D(due),
                 .amount = M(amount)};
}

Payment Pay(std::string id, std::string client, std::string invoice, std::string_view date,
            std::string_view amount) {
  return Payment{.id = std::move(id),
                 .client = std::move(client),
                 .invoice = std::move(invoice),
                 .date = D(date),
                 .amount = M(amount)};
}

Contact Call(std::string id, std::string_view at, Direction direction) {
  return Contact{.id = std::move(id),
                 .client = "c",
                 .at = At(at),
                 .channel = Channel::kCall,
                 .direction = direction,
                 .minutes = 10};
}

// Client "c" under test and two others that give the portfolio its reference rate.
Ledger SampleLedger() {
  Ledger l;
  l.workspace.name = "Studio";
  l.workspace.target_hourly_rate = M("60.00");
  l.workspace.holidays = {D("2026-03-06")};
  for (const char* id : {"c", "o1", "o2"})
    l.clients.push_back({.id = id, .name = "Client " + std::string(id)});
  l.projects = {Project{.id = "p1",
                        .client = "c",
                        .name = "Website",
                        .pricing = Pricing::kFixed,
                        .budget_hours = 10,
                        .start = D("2026-01-01")},
                Project{.id = "p-later", .client = "c", .name = "Later", .start = D("2026-05-01")}};
  l.requests = {Request{.id = "r1",
                        .client = "c",
                        .project = "p1",
                        .at = At("2026-02-01T10:00:00+01:00"),
                        .summary = "Add a blog",
                        .in_scope = false}};
  l.work = {Work("w1", "c", "2026-02-02T09:00:00+01:00", 180, "p1"),
            Work("w2", "c", "2026-02-03T09:00:00+01:00", 120, "p1", "r1"),
            Work("w3", "c", "2026-02-03T14:00:00+01:00", 60, "p1"),
            Work("w4", "c", "2026-04-05T09:00:00+02:00", 600, "p1"),  // after as_of
            Work("w5", "c", "2026-02-10T09:00:00+01:00", 600),
            Work("o1w", "o1", "2026-02-10T09:00:00+01:00", 1200),
            Work("o2w", "o2", "2026-02-10T09:00:00+01:00", 1200)};
  l.contacts = {Call("m1", "2026-03-02T21:30:00+01:00", Direction::kInbound),   // Monday 21h
                Call("m2", "2026-03-02T10:00:00+01:00", Direction::kOutbound),  // not inbound
                Call("m3", "2026-03-06T10:15:00+01:00", Direction::kInbound),   // Friday, holiday
                Call("m4", "2025-01-10T10:00:00+01:00", Direction::kInbound)};  // before the window
  Invoice voided = Inv("i4", "c", "2026-01-05", "2026-02-10", "50.00");
  voided.status = InvoiceStatus::kVoid;
  l.invoices = {Inv("i1", "c", "2026-01-01", "2026-01-31", "1000.00"),
                Inv("i2", "c", "2026-02-01", "2026-02-28", "500.00"),
                Inv("i3", "c", "2026-02-15", "2026-03-01", "300.00"),
                voided,
                Inv("i5", "c", "2026-03-20", "2026-04-19", "200.00"),
                Inv("o1i", "o1", "2026-02-28", "2026-03-30", "1200.00"),
                Inv("o2i", "o2", "2026-02-28", "2026-03-30", "2000.00")};
  l.payments = {Pay("y1", "c", "i1", "2026-02-20", "1000.00"),
                Pay("y2", "c", "i2", "2026-02-25", "500.00")};
  return l;
}

class ChartsTest : public ::testing::Test {
 protected:
  ClientCharts ChartsOf(const std::string& id) {
    auto assessment = Assess(ledger_, kAsOf);
    EXPECT_TRUE(assessment.has_value());
    auto history = History(ledger_, id, kAsOf, 3);
    EXPECT_TRUE(history.has_value());
    for (const ClientLedger& client : SplitByClient(ledger_)) {
      if (client.client.id != id) continue;
      auto charts = ComputeCharts(client, ledger_.workspace, *assessment, *history);
      EXPECT_TRUE(charts.has_value()) << charts.error().message;
      return *charts;
    }
    ADD_FAILURE() << "no client " << id;
    return {};
  }

  Ledger ledger_ = SampleLedger();
};

TEST_F(ChartsTest, InvoicesDueByAsOfWithTheirDelay) {
  const ClientCharts charts = ChartsOf("c");
  ASSERT_EQ(charts.invoices.size(), 3u);  // void i4 and i5, due after as_of, are left out
  const InvoiceDelay& late = charts.invoices[0];
  EXPECT_EQ(late.invoice, "i1");
  EXPECT_EQ(late.settled, D("2026-02-20"));
  EXPECT_EQ(late.days_late, 20);
  EXPECT_TRUE(late.late);
  EXPECT_FALSE(late.open);
  const InvoiceDelay& early = charts.invoices[1];
  EXPECT_EQ(early.invoice, "i2");
  EXPECT_EQ(early.days_late, -3);
  EXPECT_FALSE(early.late);
  const InvoiceDelay& open = charts.invoices[2];
  EXPECT_EQ(open.invoice, "i3");
  EXPECT_FALSE(open.settled.has_value());
  EXPECT_TRUE(open.open);
  EXPECT_EQ(open.days_late, 30);  // aged to as_of
  EXPECT_TRUE(open.in_window);
}

TEST_F(ChartsTest, GraceDaysDecideWhatIsLate) {
  ledger_.workspace.settings["grace_days"] = 25;
  const ClientCharts charts = ChartsOf("c");
  EXPECT_EQ(charts.grace_days, 25);
  EXPECT_FALSE(charts.invoices[0].late);  // 20 days late is within 25 days of grace
  EXPECT_TRUE(charts.invoices[2].late);
}

TEST_F(ChartsTest, InboundContactsByLocalWeekdayAndHour) {
  const ClientCharts charts = ChartsOf("c");
  const ContactHeatmap& h = charts.contacts;
  EXPECT_EQ(h.timezone, "Europe/Rome");
  EXPECT_EQ(h.total, 2);  // m2 is outbound, m4 before the window
  EXPECT_EQ(h.counts[0][21], 1);
  EXPECT_EQ(h.counts[4][10], 1);
  EXPECT_EQ(h.on_holidays, 1);
  EXPECT_EQ(h.after_hours, 2);  // the evening call and the holiday one
  EXPECT_EQ(h.working_hours, ledger_.workspace.working_hours);
}

TEST_F(ChartsTest, HeatmapFollowsTheWorkspaceTimeZone) {
  ledger_.workspace.timezone = "America/New_York";
  const ClientCharts charts = ChartsOf("c");
  // 2026-03-02T21:30+01:00 is 15:30 in New York, still Monday.
  EXPECT_EQ(charts.contacts.counts[0][15], 1);
  EXPECT_EQ(charts.contacts.counts[0][21], 0);
}

TEST_F(ChartsTest, RateAgainstThePortfolio) {
  const ClientCharts charts = ChartsOf("c");
  const RateComparison& r = charts.rate;
  ASSERT_TRUE(r.effective_rate.has_value());
  ASSERT_TRUE(r.reference_rate.has_value());
  EXPECT_EQ(r.target_hourly_rate, M("60.00"));
  // c: 2000.00 over 16.5 hours (16 of work, 0.5 of unlogged calls); o2 100.00; o1 60.00.
  ASSERT_EQ(r.clients.size(), 3u);
  EXPECT_EQ(r.clients[0].client, "c");
  EXPECT_TRUE(r.clients[0].is_self);
  EXPECT_EQ(r.clients[0].effective_rate, M("121.21"));
  EXPECT_EQ(r.clients[1].client, "o2");
  EXPECT_EQ(r.clients[1].effective_rate, M("100.00"));
  EXPECT_FALSE(r.clients[1].is_self);
  EXPECT_EQ(r.clients[2].client, "o1");
  EXPECT_EQ(r.clients[2].effective_rate, M("60.00"));
  EXPECT_EQ(r.effective_rate, r.clients[0].effective_rate);
  ASSERT_TRUE(r.rate_ratio.has_value());
  EXPECT_GT(*r.rate_ratio, 0);
}

TEST_F(ChartsTest, ScopeBurnUpPerProject) {
  const ClientCharts charts = ChartsOf("c");
  ASSERT_EQ(charts.projects.size(), 1u);  // p-later starts after as_of
  const BurnUp& b = charts.projects[0];
  EXPECT_EQ(b.project, "p1");
  EXPECT_EQ(b.agreed_hours, 10);
  EXPECT_DOUBLE_EQ(b.worked_hours, 6);  // w4 is after as_of
  EXPECT_DOUBLE_EQ(b.extra_hours, 2);   // w2, linked to the out-of-scope request
  ASSERT_EQ(b.points.size(), 2u);       // two days with work
  EXPECT_EQ(b.points[0].date, D("2026-02-02"));
  EXPECT_DOUBLE_EQ(b.points[0].worked_hours, 3);
  EXPECT_EQ(b.points[1].date, D("2026-02-03"));
  EXPECT_DOUBLE_EQ(b.points[1].worked_hours, 6);  // cumulative
  EXPECT_DOUBLE_EQ(b.points[1].extra_hours, 2);
}

TEST_F(ChartsTest, AgreedHoursFromTheFeeAndTheTargetRate) {
  ledger_.projects[0].budget_hours.reset();
  ledger_.projects[0].fee = M("1200.00");
  const ClientCharts charts = ChartsOf("c");
  ASSERT_EQ(charts.projects.size(), 1u);
  EXPECT_EQ(charts.projects[0].agreed_hours, 20);  // 1200 / 60
}

TEST_F(ChartsTest, ScoreHistoryIsTheClientsHistory) {
  const ClientCharts charts = ChartsOf("c");
  ASSERT_EQ(charts.score_history.size(), 3u);
  EXPECT_EQ(charts.score_history.back().date, kAsOf);
  EXPECT_EQ(charts.window_start, D("2025-04-01"));
}

TEST_F(ChartsTest, UnknownClientIsNotFound) {
  auto assessment = Assess(ledger_, kAsOf);
  ASSERT_TRUE(assessment.has_value());
  ClientLedger stranger;
  stranger.client.id = "stranger";
  auto charts = ComputeCharts(stranger, ledger_.workspace, *assessment, {});
  ASSERT_FALSE(charts.has_value());
  EXPECT_EQ(charts.error().code, ErrorCode::kNotFound);
}

TEST_F(ChartsTest, JsonHasEveryChart) {
  const nlohmann::json json = nlohmann::json::parse(ChartsJson(ChartsOf("c")));
  EXPECT_EQ(json["client"], "c");
  EXPECT_EQ(json["as_of"], "2026-03-31");
  ASSERT_EQ(json["contacts"]["counts"].size(), 7u);
  EXPECT_EQ(json["contacts"]["counts"][0].size(), 24u);
  EXPECT_EQ(json["contacts"]["counts"][0][21], 1);
  EXPECT_EQ(json["contacts"]["working_hours"]["mon"][0], "09:00-13:00");
  EXPECT_EQ(json["invoices"][0]["settled"], "2026-02-20");
  EXPECT_TRUE(json["invoices"][2]["settled"].is_null());
  EXPECT_EQ(json["invoices"][0]["amount"], "1000.00");
  EXPECT_EQ(json["projects"][0]["agreed_hours"], 10);
  EXPECT_EQ(json["rate"]["target_hourly_rate"], "60.00");
  EXPECT_EQ(json["score_history"].size(), 3u);
}

}  // namespace
}  // namespace addio
