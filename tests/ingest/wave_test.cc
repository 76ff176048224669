#include <gtest/gtest.h>

#include "ingest/importers.h"
#include "invoicing_test_support.h"
#include "ledger/validate.h"

namespace addio {
namespace {

using testing::Amount;
using testing::ClientNamed;
using testing::Contains;
using testing::Day;
using testing::FindId;
using testing::InvoicingExport;
using testing::ReadWith;
using testing::ReviewText;
using testing::WriteFixture;

const Importer& Wave() { return WaveImporter(); }

TEST(Wave, ReadsInvoicesAndPaymentsFromTheTransactionsExport) {
  const std::string path = InvoicingExport("wave_invoices.csv");
  ADDIO_SKIP_WITHOUT(path);
  const IngestResult result = ReadWith(Wave(), path, testing::WorkspaceIn("USD"));
  EXPECT_FALSE(result.diagnostics.HasErrors()) << result.diagnostics.ToString();
  ASSERT_EQ(result.ledger.invoices.size(), 3u);
  EXPECT_EQ(result.ledger.clients.size(), 3u);
  const Invoice* walberg = FindId(result.ledger.invoices, "2");
  ASSERT_NE(walberg, nullptr);
  EXPECT_EQ(walberg->client, ClientNamed(result.ledger, "Mark Walberg")->id);
  EXPECT_EQ(walberg->amount, Amount("4974.00", "USD"));
  EXPECT_EQ(walberg->issued, Day("2021-01-28"));
  EXPECT_EQ(walberg->due, Day("2021-02-27"));
  EXPECT_EQ(walberg->status, InvoiceStatus::kIssued);
  EXPECT_EQ(FindId(result.ledger.invoices, "3")->amount, Amount("590.50", "USD"));
  EXPECT_EQ(FindId(result.ledger.invoices, "4")->amount, Amount("3500.41", "USD"));
  EXPECT_TRUE(Contains(result.diagnostics.ToString(), "3 invoices have no due date (2, 3, 4)"));

  ASSERT_EQ(result.ledger.payments.size(), 1u);
  const Payment& payment = result.ledger.payments[0];
  EXPECT_EQ(payment.id, "1131802355113782011") << "Wave's transaction id";
  EXPECT_EQ(payment.invoice, "3");
  EXPECT_EQ(payment.client, ClientNamed(result.ledger, "Lucas Cage")->id);
  EXPECT_EQ(payment.date, Day("2021-01-28"));
  EXPECT_EQ(payment.amount, Amount("590.50", "USD"));
  EXPECT_TRUE(result.review.empty()) << ReviewText(result);

  Ledger ledger = result.ledger;
  ledger.workspace.currency = *Currency::Find("USD");
  Diagnostics checks;
  Validate(ledger, result.source, checks);
  EXPECT_FALSE(checks.HasErrors()) << checks.ToString();
  EXPECT_TRUE(ReadWith(Wave(), path, testing::WorkspaceIn("USD")).ledger == result.ledger);
}

TEST(Wave, SkipsExpensesAndBillsAndSaysSo) {
  const std::string path = InvoicingExport("wave_expenses.csv");
  ADDIO_SKIP_WITHOUT(path);
  const IngestResult result = ReadWith(Wave(), path);
  EXPECT_FALSE(result.diagnostics.HasErrors()) << result.diagnostics.ToString();
  ASSERT_EQ(result.ledger.invoices.size(), 1u);
  EXPECT_EQ(result.ledger.invoices[0].id, "2");
  EXPECT_EQ(result.ledger.invoices[0].amount, Amount("42.00", "EUR"));
  EXPECT_EQ(result.ledger.invoices[0].issued, Day("2022-02-10"));
  EXPECT_TRUE(result.ledger.payments.empty()) << "a bill payment is no customer payment";
  EXPECT_TRUE(Contains(ReviewText(result), "5 transactions that are no customer invoice"))
      << ReviewText(result);
}

TEST(Wave, ReadsCustomersAndSkipsVendors) {
  const std::string customers = InvoicingExport("wave_clients.csv");
  ADDIO_SKIP_WITHOUT(customers);
  const IngestResult result = ReadWith(Wave(), customers);
  EXPECT_FALSE(result.diagnostics.HasErrors()) << result.diagnostics.ToString();
  ASSERT_EQ(result.ledger.clients.size(), 4u);
  EXPECT_EQ(ClientNamed(result.ledger, "Jessica Jones")->emails,
            std::vector<std::string>{"jessica@jones.com"});

  const IngestResult vendors = ReadWith(Wave(), InvoicingExport("wave_vendors.csv"));
  EXPECT_TRUE(vendors.ledger == Ledger{});
  EXPECT_TRUE(Contains(ReviewText(vendors), "skipped: Wave vendors"));
}

constexpr char kHeader[] =
    "Transaction ID,Transaction Date,Account Name,Transaction Description,Amount (One column),"
    "Debit Amount (Two Column Approach),Credit Amount (Two Column Approach),Customer,"
    "Invoice Number,Account Type\n";

TEST(Wave, CorrectionsChangeTheInvoiceAndBadAmountsAreNamed) {
  const std::string path = WriteFixture(
      "wave.csv", std::string(kHeader) +
                      "11,2024-05-02,Accounts Receivable,Acme - 9,500.00,500.00,,Acme,9,"
                      "System Receivable Invoice\n"
                      "12,2024-05-03,Accounts Receivable,Acme - 9,-50.00,,50.00,Acme,9,"
                      "System Receivable Invoice\n"
                      "13,2024-06-01,Accounts Receivable,Invoice Payment,-450.00,,450.00,Acme,9,"
                      "System Receivable Invoice\n"
                      "14,2024-06-02,Accounts Receivable,Acme - 10,1x0.00,1x0.00,,Acme,10,"
                      "System Receivable Invoice\n");
  const IngestResult result = ReadWith(Wave(), path);
  ASSERT_EQ(result.diagnostics.ErrorCount(), 1u) << result.diagnostics.ToString();
  EXPECT_EQ(result.diagnostics.items()[0].line, 5);
  EXPECT_EQ(result.diagnostics.items()[0].field, "Debit Amount (Two Column Approach)");
  const Invoice* nine = FindId(result.ledger.invoices, "9");
  ASSERT_NE(nine, nullptr);
  // A credit a day after the invoice is a credit note of it, never a payment.
  EXPECT_EQ(nine->amount, Amount("500.00", "EUR"));
  ASSERT_EQ(result.ledger.credit_notes.size(), 1u);
  const CreditNote& note = result.ledger.credit_notes[0];
  EXPECT_EQ(note.id, "12");
  EXPECT_EQ(note.invoice, "9");
  EXPECT_EQ(note.client, nine->client);
  EXPECT_EQ(note.issued, Day("2024-05-03"));
  EXPECT_EQ(note.amount, Amount("50.00", "EUR"));
  EXPECT_EQ(result.source.locations.at("credit_note")[0].line, 3);
  ASSERT_EQ(result.ledger.payments.size(), 1u);
  EXPECT_EQ(result.ledger.payments[0].id, "13");
}

TEST(Wave, ACreditOnTheInvoicesOwnDateLowersItsTotal) {
  const std::string path = WriteFixture(
      "wave-same-day.csv", std::string(kHeader) +
                               "11,2024-05-02,Accounts Receivable,Acme - 9,500.00,500.00,,Acme,9,"
                               "System Receivable Invoice\n"
                               "12,2024-05-02,Accounts Receivable,Acme - 9,-50.00,,50.00,Acme,9,"
                               "System Receivable Invoice\n");
  const IngestResult result = ReadWith(Wave(), path);
  ASSERT_FALSE(result.diagnostics.HasErrors()) << result.diagnostics.ToString();
  const Invoice* nine = FindId(result.ledger.invoices, "9");
  ASSERT_NE(nine, nullptr);
  EXPECT_EQ(nine->amount, Amount("450.00", "EUR")) << "500 less the 50 corrected";
  EXPECT_TRUE(result.ledger.credit_notes.empty());
}

}  // namespace
}  // namespace addio
