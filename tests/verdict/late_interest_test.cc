#include "verdict/late_interest.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace addio {
namespace {

CivilDate D(const char* text) { return *CivilDate::Parse(text); }
Money Eur(const char* text) { return *Money::Parse(text, Currency()); }

Invoice AnInvoice(const char* id, const char* due, const char* amount) {
  Invoice invoice;
  invoice.id = id;
  invoice.client = "acme";
  invoice.issued = D(due).AddDays(-30);
  invoice.due = D(due);
  invoice.amount = Eur(amount);
  return invoice;
}

// A settlement as ledger/allocation.h would give it: payments as (date, amount) parts.
InvoiceSettlement Paid(const Invoice& invoice,
                       const std::vector<std::pair<const char*, const char*>>& parts) {
  InvoiceSettlement s;
  s.net = invoice.amount;  // no credit notes
  s.credited = Money::Zero(invoice.amount.currency());
  s.paid = Money::Zero(invoice.amount.currency());
  for (const auto& [date, amount] : parts) {
    s.parts.push_back({"pay", D(date), Eur(amount)});
    s.paid += Eur(amount);
    if (!s.settled && s.paid == invoice.amount) s.settled = D(date);
  }
  s.open = invoice.amount - s.paid;
  return s;
}

InvoiceLateInterest Compute(const Invoice& invoice, const InvoiceSettlement& settlement,
                            const LateInterestRules& rules, const char* as_of) {
  Workspace workspace;
  auto result = ComputeLateInterest(invoice, settlement, rules, workspace, D(as_of));
  EXPECT_TRUE(result.has_value());
  return *result;
}

TEST(ReferenceRateTableTest, ItalianHalfYearsFollowTheEcbRateOnTheirFirstDay) {
  const ReferenceRateTable& table = ItalyReferenceRates();
  EXPECT_EQ(table.RateOn(D("2022-12-31")), 0);
  EXPECT_EQ(table.RateOn(D("2023-01-01")), 250);
  EXPECT_EQ(table.RateOn(D("2023-06-30")), 250);
  EXPECT_EQ(table.RateOn(D("2023-07-01")), 400);
  EXPECT_EQ(table.RateOn(D("2024-07-01")), 425);
  EXPECT_EQ(table.RateOn(D("2030-01-01")), 215);  // the latest period goes on
  EXPECT_EQ(table.RateOn(D("2010-05-05")), 0);    // before the table: its first rate
  EXPECT_EQ(table.NextChangeAfter(D("2023-05-31")), D("2023-07-01"));
  EXPECT_EQ(table.NextChangeAfter(D("2026-01-01")), std::nullopt);
  EXPECT_EQ(GermanyBaseRates().RateOn(D("2022-12-31")), -88);
  EXPECT_EQ(GermanyBaseRates().RateOn(D("2023-07-01")), 312);
}

TEST(ReferenceRateTableTest, RejectsEmptyOrUnorderedPeriods) {
  EXPECT_FALSE(ReferenceRateTable::FromPeriods({}).has_value());
  EXPECT_FALSE(
      ReferenceRateTable::FromPeriods({{D("2024-07-01"), 1}, {D("2024-01-01"), 2}}).has_value());
  EXPECT_FALSE(
      ReferenceRateTable::FromPeriods({{D("2024-07-01"), 1}, {D("2024-07-01"), 2}}).has_value());
}

// Italy, 1000.00 EUR due 2023-05-31 paid in full on 2023-09-15: 107 days, across the
// change from H1 2023 (2.50% + 8 = 10.50%) to H2 2023 (4.00% + 8 = 12.00%).
//   2023-06-01..2023-06-30:  30 days × 1000.00 × 10.50% / 365 = 8.6301... ->  8.63
//   2023-07-01..2023-09-15:  77 days × 1000.00 × 12.00% / 365 = 25.3150... -> 25.32
//   interest 33.95 + fixed 40.00 = 73.95
TEST(LateInterestTest, SplitsAtTheItalianHalfYearChange) {
  const Invoice invoice = AnInvoice("2023-007", "2023-05-31", "1000.00");
  const auto claim = Compute(invoice, Paid(invoice, {{"2023-09-15", "1000.00"}}),
                             StatutoryRules(Jurisdiction::kItalyEu), "2023-12-31");
  ASSERT_EQ(claim.lines.size(), 2u);
  EXPECT_EQ(claim.lines[0].from, D("2023-06-01"));
  EXPECT_EQ(claim.lines[0].to, D("2023-06-30"));
  EXPECT_EQ(claim.lines[0].days, 30);
  EXPECT_EQ(claim.lines[0].reference_rate_bp, 250);
  EXPECT_EQ(claim.lines[0].annual_rate_bp, 1050);
  EXPECT_EQ(claim.lines[0].interest, Eur("8.63"));
  EXPECT_EQ(claim.lines[1].from, D("2023-07-01"));
  EXPECT_EQ(claim.lines[1].to, D("2023-09-15"));
  EXPECT_EQ(claim.lines[1].days, 77);
  EXPECT_EQ(claim.lines[1].annual_rate_bp, 1200);
  EXPECT_EQ(claim.lines[1].base, Eur("1000.00"));
  EXPECT_EQ(claim.lines[1].interest, Eur("25.32"));
  EXPECT_TRUE(claim.settled);
  EXPECT_EQ(claim.until, D("2023-09-15"));
  EXPECT_EQ(claim.interest, Eur("33.95"));
  EXPECT_EQ(claim.fixed, Eur("40.00"));
  EXPECT_EQ(claim.total, Eur("73.95"));
}

// Italy, 2000.00 EUR due 2024-01-31 (H1 2024: 4.50% + 8 = 12.50%); 500.00 paid on
// 2024-02-29, the remaining 1500.00 on 2024-04-15. The payment day still accrues on
// what it pays, so the base drops from 2024-03-01.
//   2024-02-01..2024-02-29: 29 days × 2000.00 × 12.50% / 365 = 19.8630... -> 19.86
//   2024-03-01..2024-04-15: 46 days × 1500.00 × 12.50% / 365 = 23.6301... -> 23.63
//   interest 43.49 + fixed 40.00 = 83.49
TEST(LateInterestTest, PartialPaymentLowersTheBaseFromTheNextDay) {
  const Invoice invoice = AnInvoice("2024-002", "2024-01-31", "2000.00");
  const auto claim =
      Compute(invoice, Paid(invoice, {{"2024-02-29", "500.00"}, {"2024-04-15", "1500.00"}}),
              StatutoryRules(Jurisdiction::kItalyEu), "2024-06-30");
  ASSERT_EQ(claim.lines.size(), 2u);
  EXPECT_EQ(claim.lines[0].to, D("2024-02-29"));
  EXPECT_EQ(claim.lines[0].days, 29);
  EXPECT_EQ(claim.lines[0].base, Eur("2000.00"));
  EXPECT_EQ(claim.lines[0].interest, Eur("19.86"));
  EXPECT_EQ(claim.lines[1].from, D("2024-03-01"));
  EXPECT_EQ(claim.lines[1].days, 46);
  EXPECT_EQ(claim.lines[1].base, Eur("1500.00"));
  EXPECT_EQ(claim.lines[1].interest, Eur("23.63"));
  EXPECT_EQ(claim.total, Eur("83.49"));
}

// A payment made before the due date lowers the base from the first day.
// 100.00 EUR due 2025-06-30, 40.00 paid on 2025-06-20, still 60.00 open on 2025-07-10:
//   2025-07-01..2025-07-10: 10 days × 60.00 × (2.15% + 8 = 10.15%) / 365 = 0.1668... -> 0.17
TEST(LateInterestTest, OpenInvoiceAccruesToAsOfOnWhatIsStillOpen) {
  const Invoice invoice = AnInvoice("2025-010", "2025-06-30", "100.00");
  const auto claim = Compute(invoice, Paid(invoice, {{"2025-06-20", "40.00"}}),
                             StatutoryRules(Jurisdiction::kItalyEu), "2025-07-10");
  ASSERT_EQ(claim.lines.size(), 1u);
  EXPECT_FALSE(claim.settled);
  EXPECT_EQ(claim.until, D("2025-07-10"));
  EXPECT_EQ(claim.lines[0].base, Eur("60.00"));
  EXPECT_EQ(claim.lines[0].days, 10);
  EXPECT_EQ(claim.lines[0].annual_rate_bp, 1015);
  EXPECT_EQ(claim.lines[0].interest, Eur("0.17"));
}

// Germany B2B, base rate + 9 points: 1000.00 EUR due 2022-12-15, paid 2023-01-10.
//   2022-12-16..2022-12-31: 16 days × 1000.00 × (−0.88% + 9 = 8.12%) / 365 = 3.5594... -> 3.56
//   2023-01-01..2023-01-10: 10 days × 1000.00 × (1.62% + 9 = 10.62%) / 365 = 2.9096... -> 2.91
//   interest 6.47 + fixed 40.00 = 46.47
TEST(LateInterestTest, GermanyAddsNinePointsToTheBaseRate) {
  const Invoice invoice = AnInvoice("2022-120", "2022-12-15", "1000.00");
  const auto claim = Compute(invoice, Paid(invoice, {{"2023-01-10", "1000.00"}}),
                             StatutoryRules(Jurisdiction::kGermanyB2b), "2023-03-31");
  ASSERT_EQ(claim.lines.size(), 2u);
  EXPECT_EQ(claim.lines[0].days, 16);
  EXPECT_EQ(claim.lines[0].reference_rate_bp, -88);
  EXPECT_EQ(claim.lines[0].annual_rate_bp, 812);
  EXPECT_EQ(claim.lines[0].interest, Eur("3.56"));
  EXPECT_EQ(claim.lines[1].annual_rate_bp, 1062);
  EXPECT_EQ(claim.lines[1].interest, Eur("2.91"));
  EXPECT_EQ(claim.total, Eur("46.47"));
}

TEST(LateInterestTest, NothingIsOwedWhenPaidByTheDueDate) {
  const Invoice invoice = AnInvoice("2025-001", "2025-03-31", "500.00");
  const auto claim = Compute(invoice, Paid(invoice, {{"2025-03-31", "500.00"}}),
                             StatutoryRules(Jurisdiction::kItalyEu), "2025-06-30");
  EXPECT_TRUE(claim.lines.empty());
  EXPECT_EQ(claim.fixed, Eur("0.00"));
  EXPECT_EQ(claim.total, Eur("0.00"));
}

// 3.65 EUR at 10.00% for 5 days is exactly 0.005 EUR: half a cent rounds up, once.
TEST(LateInterestTest, RoundsEachLineOnceHalfAwayFromZero) {
  LateInterestRules rules = StatutoryRules(Jurisdiction::kItalyEu);
  rules.reference = ReferenceRateTable::Flat(200);
  const Invoice invoice = AnInvoice("tiny", "2025-01-10", "3.65");
  const auto claim = Compute(invoice, Paid(invoice, {}), rules, "2025-01-15");
  ASSERT_EQ(claim.lines.size(), 1u);
  EXPECT_EQ(claim.lines[0].annual_rate_bp, 1000);
  EXPECT_EQ(claim.lines[0].interest, Eur("0.01"));
}

TEST(RulesForWorkspaceTest, GivenReferenceRateOverridesTheLatestPeriodOrEveryPeriod) {
  Settings settings;
  settings.late_interest_reference_rate = 0.03;
  Workspace workspace;
  auto untouched = RulesForWorkspace(Jurisdiction::kItalyEu, settings, workspace);
  ASSERT_TRUE(untouched.has_value());
  EXPECT_EQ(untouched->reference.RateOn(D("2026-03-01")), 215);  // not given: the table

  workspace.settings["late_interest.reference_rate"] = 0.03;
  auto latest = RulesForWorkspace(Jurisdiction::kItalyEu, settings, workspace);
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(latest->reference.RateOn(D("2026-03-01")), 300);
  EXPECT_EQ(latest->reference.RateOn(D("2023-08-01")), 400);
  EXPECT_EQ(latest->margin_bp, 800);
  EXPECT_EQ(latest->fixed_per_invoice, Eur("40.00"));

  auto flat = RulesForWorkspace(Jurisdiction::kItalyEu, settings, workspace, RateOverride::kFlat);
  ASSERT_TRUE(flat.has_value());
  EXPECT_EQ(flat->reference.RateOn(D("2023-08-01")), 300);
}

TEST(RulesForWorkspaceTest, GivenMarginAndFixedAmountReplaceTheStatute) {
  Settings settings;
  settings.late_interest_margin = 0.05;
  settings.late_interest_fixed = "25.00";
  Workspace workspace;
  workspace.settings["late_interest.margin"] = 0.05;
  workspace.settings["late_interest.fixed"] = 25;
  auto rules = RulesForWorkspace(Jurisdiction::kGermanyB2b, settings, workspace);
  ASSERT_TRUE(rules.has_value());
  EXPECT_EQ(rules->margin_bp, 500);
  EXPECT_EQ(rules->fixed_per_invoice, Eur("25.00"));

  settings.late_interest_fixed = "25.001";
  EXPECT_FALSE(RulesForWorkspace(Jurisdiction::kGermanyB2b, settings, workspace).has_value());
}

TEST(RulesForWorkspaceTest, FixedAmountNeedsARateOutsideTheEuro) {
  Settings settings;
  Workspace workspace;
  workspace.currency = *Currency::Find("CHF");
  EXPECT_FALSE(RulesForWorkspace(Jurisdiction::kItalyEu, settings, workspace).has_value());
  workspace.fx.push_back({Currency(), *Decimal::Parse("0.95")});  // 1 EUR = 0.95 CHF
  auto rules = RulesForWorkspace(Jurisdiction::kItalyEu, settings, workspace);
  ASSERT_TRUE(rules.has_value());
  EXPECT_EQ(rules->fixed_per_invoice, *Money::Parse("38.00", workspace.currency));
}

// Through the real allocation: a late invoice, one paid on time, a void and a
// written-off one. Only the late one is claimed.
//   late: 1000.00 due 2023-05-31 paid 2023-09-15 -> 33.95 + 40.00 (see above)
TEST(ClientLateInterestTest, ClaimsOnlyLateLiveInvoices) {
  ClientLedger client;
  client.client.id = "acme";
  client.client.name = "ACME";
  Invoice late = AnInvoice("late", "2023-05-31", "1000.00");
  Invoice on_time = AnInvoice("on-time", "2023-06-30", "300.00");
  Invoice voided = AnInvoice("void", "2023-04-30", "200.00");
  voided.status = InvoiceStatus::kVoid;
  Invoice written_off = AnInvoice("w-off", "2023-03-31", "150.00");
  written_off.status = InvoiceStatus::kWrittenOff;
  client.invoices = {written_off, voided, late, on_time};
  client.payments = {{"p1", "acme", "on-time", D("2023-06-20"), Eur("300.00")},
                     {"p2", "acme", "late", D("2023-09-15"), Eur("1000.00")}};
  Workspace workspace;
  const ClientSnapshot snapshot(client, workspace, D("2023-12-31"));
  auto claim = ComputeClientLateInterest(snapshot, StatutoryRules(Jurisdiction::kItalyEu));
  ASSERT_TRUE(claim.has_value());
  ASSERT_EQ(claim->invoices.size(), 1u);
  EXPECT_EQ(claim->invoices[0].invoice, "late");
  EXPECT_EQ(claim->interest, Eur("33.95"));
  EXPECT_EQ(claim->fixed, Eur("40.00"));
  EXPECT_EQ(claim->total, Eur("73.95"));
  EXPECT_EQ(claim->name, "ACME");
}

}  // namespace
}  // namespace addio
