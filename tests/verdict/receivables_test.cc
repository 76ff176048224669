#include "verdict/receivables.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace addio {
namespace {

CivilDate D(const char* text) { return *CivilDate::Parse(text); }
Money Eur(const char* text) { return *Money::Parse(text, Currency()); }

// Builds one client's ledger: AClient("acme").Invoice(...).Pay(...).
class AClient {
 public:
  explicit AClient(const char* id) {
    ledger_.client.id = id;
    ledger_.client.name = std::string("Client ") + id;
  }
  AClient& Invoice(const char* id, const char* issued, const char* due, const char* amount,
                   InvoiceStatus status = InvoiceStatus::kIssued) {
    addio::Invoice invoice{id, ledger_.client.id, D(issued), D(due), Eur(amount), status};
    ledger_.invoices.push_back(invoice);
    return *this;
  }
  AClient& InvoiceIn(const char* id, const char* due, const char* amount, const char* currency) {
    addio::Invoice invoice{id, ledger_.client.id, D(due).AddDays(-30), D(due),
                           *Money::Parse(amount, *Currency::Find(currency))};
    ledger_.invoices.push_back(invoice);
    return *this;
  }
  // A payment naming `invoice` (empty: allocated oldest due first).
  AClient& Pay(const char* id, const char* date, const char* amount, const char* invoice = "") {
    ledger_.payments.push_back({id, ledger_.client.id, invoice, D(date), Eur(amount)});
    return *this;
  }
  const ClientLedger& Build() const { return ledger_; }

 private:
  ClientLedger ledger_;
};

Workspace EuroWorkspace() {
  Workspace workspace;
  workspace.fx.push_back({*Currency::Find("USD"), *Decimal::Parse("0.90")});
  return workspace;
}

// As of 2025-06-30, window 365 days:
//   A 1000.00 issued 01-01 due 01-31 paid 02-10: pays in 40 days, 10 days late
//   B  500.00 issued 02-01 due 03-03 paid 03-01: pays in 28 days, early, delay 0
//   C 2000.00 issued 04-01 due 05-01 open:       aged to as_of, 60 days late
//   D  300.00 issued 06-15 due 07-15 open:       not yet due, no delay counted
//   V  900.00 void: ignored everywhere
// usually_pays_in_days = (40 + 28) / 2 = 34
// average_delay_days   = (1000×10 + 500×0 + 2000×60) / 3500 = 130000 / 3500 = 37.142857…
// dso_days             = open 2300.00 / invoiced 3800.00 × 365 = 220.9210…
TEST(ReceivablesSummaryTest, BehaviourFiguresByHand) {
  const ClientLedger client =
      AClient("acme")
          .Invoice("A", "2025-01-01", "2025-01-31", "1000.00")
          .Invoice("B", "2025-02-01", "2025-03-03", "500.00")
          .Invoice("C", "2025-04-01", "2025-05-01", "2000.00")
          .Invoice("D", "2025-06-15", "2025-07-15", "300.00")
          .Invoice("V", "2025-05-01", "2025-05-31", "900.00", InvoiceStatus::kVoid)
          .Pay("pA", "2025-02-10", "1000.00", "A")
          .Pay("pB", "2025-03-01", "500.00", "B")
          .Build();
  auto summary = SummarizeReceivables(client, EuroWorkspace(), Settings{}, D("2025-06-30"));
  ASSERT_TRUE(summary.has_value());
  ASSERT_TRUE(summary->usually_pays_in_days.has_value());
  EXPECT_DOUBLE_EQ(*summary->usually_pays_in_days, 34.0);
  ASSERT_TRUE(summary->average_delay_days.has_value());
  EXPECT_NEAR(*summary->average_delay_days, 130000.0 / 3500.0, 1e-9);
  ASSERT_TRUE(summary->dso_days.has_value());
  EXPECT_NEAR(*summary->dso_days, 2300.0 / 3800.0 * 365.0, 1e-9);
  EXPECT_EQ(summary->open, Eur("2300.00"));
  EXPECT_EQ(summary->overdue, Eur("2000.00"));
  EXPECT_EQ(summary->open_invoices, 2);
  EXPECT_EQ(summary->overdue_invoices, 1);
  EXPECT_EQ(summary->credit, Eur("0.00"));
  EXPECT_EQ(summary->last_payment, D("2025-03-01"));
}

TEST(ReceivablesSummaryTest, LaterPaymentsAndInvoicesHaveNotHappenedYet) {
  const ClientLedger client = AClient("acme")
                                  .Invoice("A", "2025-01-01", "2025-01-31", "1000.00")
                                  .Invoice("B", "2025-07-01", "2025-07-31", "500.00")
                                  .Pay("pA", "2025-07-10", "1000.00", "A")
                                  .Build();
  auto summary = SummarizeReceivables(client, EuroWorkspace(), Settings{}, D("2025-06-30"));
  ASSERT_TRUE(summary.has_value());
  EXPECT_FALSE(summary->usually_pays_in_days.has_value());
  EXPECT_FALSE(summary->last_payment.has_value());
  EXPECT_EQ(summary->open, Eur("1000.00"));
  // Only A, 150 days past due on 2025-06-30.
  EXPECT_DOUBLE_EQ(*summary->average_delay_days, 150.0);
}

TEST(ReceivablesSummaryTest, NothingToMeasureGivesNoFigures) {
  auto summary =
      SummarizeReceivables(AClient("new").Build(), EuroWorkspace(), Settings{}, D("2025-06-30"));
  ASSERT_TRUE(summary.has_value());
  EXPECT_FALSE(summary->usually_pays_in_days.has_value());
  EXPECT_FALSE(summary->average_delay_days.has_value());
  EXPECT_FALSE(summary->dso_days.has_value());
  EXPECT_EQ(summary->open, Eur("0.00"));
}

TEST(AgingTest, BucketBoundaries) {
  EXPECT_EQ(BucketFor(-5), AgingBucket::kCurrent);
  EXPECT_EQ(BucketFor(0), AgingBucket::kCurrent);
  EXPECT_EQ(BucketFor(1), AgingBucket::k1To30);
  EXPECT_EQ(BucketFor(30), AgingBucket::k1To30);
  EXPECT_EQ(BucketFor(31), AgingBucket::k31To60);
  EXPECT_EQ(BucketFor(60), AgingBucket::k31To60);
  EXPECT_EQ(BucketFor(61), AgingBucket::k61To90);
  EXPECT_EQ(BucketFor(90), AgingBucket::k61To90);
  EXPECT_EQ(BucketFor(91), AgingBucket::kOver90);
}

// One invoice at each boundary, as_of 2025-06-30, amounts powers of two so every sum
// says which invoices went where:
//   0 days -> 1.00 current; 1, 30 -> 2 + 4 = 6.00; 31, 60 -> 8 + 16 = 24.00;
//   61, 90 -> 32 + 64 = 96.00; 91 -> 128.00.
TEST(AgingTest, InvoicesFallIntoBucketsByDaysPastDue) {
  AClient acme("acme");
  const CivilDate as_of = D("2025-06-30");
  const std::vector<std::pair<int, const char*>> cases = {
      {0, "1.00"},   {1, "2.00"},   {30, "4.00"},  {31, "8.00"},
      {60, "16.00"}, {61, "32.00"}, {90, "64.00"}, {91, "128.00"}};
  std::vector<std::string> ids;
  for (const auto& [days, amount] : cases) {
    const std::string due = as_of.AddDays(-days).ToString();
    ids.push_back("d" + std::to_string(days));
    acme.Invoice(ids.back().c_str(), "2025-01-01", due.c_str(), amount);
  }
  auto aging = AgeReceivables({acme.Build()}, EuroWorkspace(), as_of);
  ASSERT_TRUE(aging.has_value());
  ASSERT_EQ(aging->clients.size(), 1u);
  const BucketAmounts& b = aging->clients[0].buckets;
  EXPECT_EQ(b[static_cast<size_t>(AgingBucket::kCurrent)], Eur("1.00"));
  EXPECT_EQ(b[static_cast<size_t>(AgingBucket::k1To30)], Eur("6.00"));
  EXPECT_EQ(b[static_cast<size_t>(AgingBucket::k31To60)], Eur("24.00"));
  EXPECT_EQ(b[static_cast<size_t>(AgingBucket::k61To90)], Eur("96.00"));
  EXPECT_EQ(b[static_cast<size_t>(AgingBucket::kOver90)], Eur("128.00"));
  EXPECT_EQ(aging->clients[0].total, Eur("255.00"));
}

TEST(AgingTest, PortfolioTotalsConvertCurrenciesAndListWriteOffsApart) {
  const ClientLedger acme =
      AClient("acme")
          .Invoice("a1", "2025-04-01", "2025-05-01", "1000.00")
          .Pay("p1", "2025-05-10", "400.00", "a1")              // 600.00 left, 60 days
          .Invoice("a2", "2025-06-01", "2025-07-01", "250.00")  // current
          .Invoice("a3", "2025-06-01", "2025-06-15", "70.00", InvoiceStatus::kVoid)
          .Invoice("a4", "2025-07-01", "2025-07-31", "999.00")  // future
          .Build();
  const ClientLedger paid_up = AClient("paid")
                                   .Invoice("b1", "2025-01-01", "2025-01-31", "100.00")
                                   .Pay("p2", "2025-01-20", "100.00", "b1")
                                   .Build();
  const ClientLedger globex =
      AClient("globex")
          .InvoiceIn("g1", "2025-03-01", "100.00", "USD")  // 90.00 EUR
          .Invoice("g2", "2024-01-01", "2024-01-31", "300.00", InvoiceStatus::kWrittenOff)
          .Build();
  auto aging = AgeReceivables({acme, paid_up, globex}, EuroWorkspace(), D("2025-06-30"));
  ASSERT_TRUE(aging.has_value());
  ASSERT_EQ(aging->clients.size(), 2u);  // nothing open at "paid"
  EXPECT_EQ(aging->clients[0].client, "acme");
  EXPECT_EQ(aging->clients[0].buckets[1], Eur("0.00"));
  EXPECT_EQ(aging->clients[0].buckets[2], Eur("600.00"));
  EXPECT_EQ(aging->clients[0].buckets[0], Eur("250.00"));
  EXPECT_EQ(aging->clients[0].total, Eur("850.00"));
  EXPECT_EQ(aging->clients[1].client, "globex");
  EXPECT_EQ(aging->clients[1].buckets[4], Eur("90.00"));  // 121 days past due
  EXPECT_EQ(aging->clients[1].total, Eur("90.00"));
  EXPECT_EQ(aging->clients[1].written_off, Eur("300.00"));
  EXPECT_EQ(aging->totals[2], Eur("600.00"));
  EXPECT_EQ(aging->total, Eur("940.00"));
  EXPECT_EQ(aging->written_off, Eur("300.00"));
  ASSERT_EQ(aging->written_off_items.size(), 1u);
  EXPECT_EQ(aging->written_off_items[0].invoice, "g2");
}

TEST(AgingTest, MissingExchangeRateIsAnError) {
  const ClientLedger client = AClient("acme").InvoiceIn("x", "2025-03-01", "10.00", "GBP").Build();
  auto aging = AgeReceivables({client}, EuroWorkspace(), D("2025-06-30"));
  ASSERT_FALSE(aging.has_value());
  EXPECT_EQ(aging.error().code, ErrorCode::kValidation);
}

// I1 1000.00 due 2025-02-09; P1 400.00 names I1 on 02-20 (partial); P2 900.00 names
// nothing on 03-10: 600.00 settles I1, 300.00 becomes credit; I2 200.00 issued 03-20
// takes 200.00 of it; I3 500.00 issued 04-01 takes the last 100.00.
TEST(StatementTest, BalanceWithPartialPaymentAndCredit) {
  const ClientLedger client = AClient("acme")
                                  .Invoice("I1", "2025-01-10", "2025-02-09", "1000.00")
                                  .Invoice("I2", "2025-03-20", "2025-04-19", "200.00")
                                  .Invoice("I3", "2025-04-01", "2025-05-01", "500.00")
                                  .Pay("P1", "2025-02-20", "400.00", "I1")
                                  .Pay("P2", "2025-03-10", "900.00")
                                  .Build();
  const Workspace workspace = EuroWorkspace();

  // 2025-02-28: I1 partly paid, 19 days past due.
  auto partial = BuildStatement(client, workspace, D("2025-02-28"));
  ASSERT_TRUE(partial.has_value());
  ASSERT_EQ(partial->open_items.size(), 1u);
  EXPECT_EQ(partial->open_items[0].invoice, "I1");
  EXPECT_EQ(partial->open_items[0].paid, Eur("400.00"));
  EXPECT_EQ(partial->open_items[0].open, Eur("600.00"));
  EXPECT_EQ(partial->open_items[0].days_past_due, 19);
  EXPECT_EQ(partial->balance, Eur("600.00"));
  ASSERT_EQ(partial->payments.size(), 1u);

  // 2025-03-25: nothing open, 300.00 − 200.00 = 100.00 credit, the client is owed 100.00.
  auto credit = BuildStatement(client, workspace, D("2025-03-25"));
  ASSERT_TRUE(credit.has_value());
  EXPECT_TRUE(credit->open_items.empty());
  EXPECT_EQ(credit->credit, Eur("100.00"));
  EXPECT_EQ(credit->balance, Eur("-100.00"));
  ASSERT_EQ(credit->payments.size(), 2u);
  const StatementPayment& p2 = credit->payments[1];
  EXPECT_EQ(p2.payment, "P2");
  ASSERT_EQ(p2.applied.size(), 1u);
  EXPECT_EQ(p2.applied[0].invoice, "I1");
  EXPECT_EQ(p2.applied[0].amount, Eur("600.00"));
  EXPECT_EQ(p2.unapplied, Eur("300.00"));

  // 2025-04-15, payments from 2025-03-01: I3 has 100.00 of credit, 400.00 open, not due.
  auto later = BuildStatement(client, workspace, D("2025-04-15"), D("2025-03-01"));
  ASSERT_TRUE(later.has_value());
  ASSERT_EQ(later->open_items.size(), 1u);
  EXPECT_EQ(later->open_items[0].invoice, "I3");
  EXPECT_EQ(later->open_items[0].paid, Eur("100.00"));
  EXPECT_EQ(later->open_items[0].days_past_due, -16);
  EXPECT_EQ(later->credit, Eur("0.00"));
  EXPECT_EQ(later->balance, Eur("400.00"));
  ASSERT_EQ(later->payments.size(), 1u);
  EXPECT_EQ(later->payments[0].payment, "P2");
}

}  // namespace
}  // namespace addio
