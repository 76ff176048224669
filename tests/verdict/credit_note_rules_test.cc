// Every rule on net amounts (DESIGN.md section 2, credit notes): the signs, economics,
// receivables and the statement read an invoice as its amount less the credit notes issued
// by the date they look at, and never count a credit note as money received.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "ledger/snapshot.h"
#include "verdict/assessment.h"
#include "verdict/receivables.h"

namespace addio {
namespace {

CivilDate D(const char* text) { return *CivilDate::Parse(text); }
Money Eur(const char* text) { return *Money::Parse(text, Currency()); }

Invoice AnInvoice(const char* id, const char* issued, const char* due, const char* amount) {
  return Invoice{
      .id = id, .client = "acme", .issued = D(issued), .due = D(due), .amount = Eur(amount)};
}

CreditNote ANote(const char* id, const char* invoice, const char* issued, const char* amount) {
  return CreditNote{
      .id = id, .client = "acme", .invoice = invoice, .issued = D(issued), .amount = Eur(amount)};
}

Ledger Books() {
  Ledger l;
  l.workspace.name = "Studio";
  l.clients = {Client{.id = "acme", .name = "ACME"}};
  // Overdue and unpaid for 70 days on 2025-06-30: non_payment is red without credit notes.
  l.invoices = {AnInvoice("big", "2025-03-22", "2025-04-21", "1000.00"),
                AnInvoice("small", "2025-05-01", "2025-05-31", "400.00")};
  // The workspace records payments and work (DESIGN.md section 4b), here only after the
  // dates assessed, so that they count in nothing before them.
  l.payments = {Payment{.id = "p1",
                        .client = "acme",
                        .invoice = "small",
                        .date = D("2025-12-01"),
                        .amount = Eur("400.00")}};
  l.work = {WorkEntry{
      .id = "w1", .client = "acme", .start = Instant::FromUnixSeconds(1767225600), .minutes = 60}};
  return l;
}

const Finding& Sign(const ClientAssessment& client, std::string_view key) {
  for (const Finding& finding : client.signs) {
    if (finding.sign->key() == key) return finding;
  }
  throw std::runtime_error("no sign " + std::string(key));
}

TEST(CreditNoteRulesTest, OverdueAmountsAndRevenueAreNetAndAFullCreditVoids) {
  const CivilDate as_of = D("2025-06-30");
  auto gross = Assess(Books(), as_of);
  ASSERT_TRUE(gross) << gross.error().message.In(Lang::kEn);
  const ClientAssessment& before = gross->clients.front();
  EXPECT_EQ(Sign(before, "non_payment").level, Level::kRed);
  EXPECT_EQ(before.economics.overdue_amount, Eur("1400.00"));
  EXPECT_EQ(before.economics.revenue, Eur("1400.00"));

  Ledger partial = Books();
  partial.credit_notes = {ANote("n1", "small", "2025-06-01", "150.00")};
  auto lowered = Assess(partial, as_of);
  ASSERT_TRUE(lowered);
  EXPECT_EQ(lowered->clients.front().economics.overdue_amount, Eur("1250.00"));
  EXPECT_EQ(lowered->clients.front().economics.revenue, Eur("1250.00"));
  EXPECT_EQ(
      MetricMoney(Sign(lowered->clients.front(), "non_payment"), "overdue_amount", Currency()),
      Eur("1250.00"));

  // Credited in full before it was 60 days past due: void from then, nothing unpaid at 60.
  Ledger full = Books();
  full.credit_notes = {ANote("n1", "big", "2025-05-10", "600.00"),
                       ANote("n2", "big", "2025-05-12", "400.00")};
  auto voided = Assess(full, as_of);
  ASSERT_TRUE(voided);
  const ClientAssessment& after = voided->clients.front();
  EXPECT_NE(Sign(after, "non_payment").level, Level::kRed);
  EXPECT_EQ(after.economics.overdue_amount, Eur("400.00"));
  EXPECT_EQ(after.economics.revenue, Eur("400.00"));
  // The verdict of the day before the credit notes still sees the gross invoice.
  auto earlier = Assess(full, D("2025-05-09"));
  ASSERT_TRUE(earlier);
  EXPECT_EQ(earlier->clients.front().economics.overdue_amount, Eur("1000.00"));
}

TEST(CreditNoteRulesTest, ACreditNoteSettlingWhatWasPaidEndsTheLateness) {
  Ledger l = Books();
  l.invoices = {AnInvoice("big", "2025-03-22", "2025-04-21", "1000.00")};
  l.payments = {Payment{.id = "p1",
                        .client = "acme",
                        .invoice = "big",
                        .date = D("2025-04-20"),
                        .amount = Eur("900.00")}};
  l.credit_notes = {ANote("n1", "big", "2025-04-30", "100.00")};
  const ClientLedger client = SplitByClient(l).front();
  const ClientSnapshot snapshot(client, l.workspace, D("2025-06-30"));
  EXPECT_EQ(snapshot.settlement(0).settled, D("2025-04-30"));
  EXPECT_EQ(snapshot.DaysLate(0), 9);  // settled by the credit note, 9 days after due

  auto summary = SummarizeReceivables(client, l.workspace, Settings{}, D("2025-06-30"));
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->open, Eur("0.00"));
  EXPECT_EQ(summary->credit, Eur("0.00"));
  EXPECT_EQ(summary->last_payment, D("2025-04-20"));  // the credit note is no payment
}

TEST(CreditNoteRulesTest, AgingAndTheStatementShowNetAmountsAndTheNotes) {
  Ledger l = Books();
  l.credit_notes = {ANote("n1", "big", "2025-05-10", "250.00")};
  l.credit_notes[0].reason = "scope reduced";
  const std::vector<ClientLedger> clients = SplitByClient(l);
  auto aging = AgeReceivables(clients, l.workspace, D("2025-06-30"));
  ASSERT_TRUE(aging);
  EXPECT_EQ(aging->total, Eur("1150.00"));

  auto statement = BuildStatement(clients.front(), l.workspace, D("2025-06-30"));
  ASSERT_TRUE(statement);
  ASSERT_EQ(statement->open_items.size(), 2u);
  EXPECT_EQ(statement->open_items[0].invoice, "big");
  EXPECT_EQ(statement->open_items[0].amount, Eur("750.00"));
  EXPECT_EQ(statement->open_items[0].open, Eur("750.00"));
  EXPECT_TRUE(statement->payments.empty());
  ASSERT_EQ(statement->credit_notes.size(), 1u);
  EXPECT_EQ(statement->credit_notes[0].credit_note, "n1");
  EXPECT_EQ(statement->credit_notes[0].invoice, "big");
  EXPECT_EQ(statement->credit_notes[0].amount, Eur("250.00"));
  EXPECT_EQ(statement->credit_notes[0].reason, "scope reduced");
  EXPECT_EQ(statement->balance, Eur("1150.00"));
}

}  // namespace
}  // namespace addio
