#include <gtest/gtest.h>

#include "ingest/importers.h"
#include "invoicing_test_support.h"

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

const Importer& Zoho() { return ZohoImporter(); }

TEST(Zoho, SkipsTheDraftsOfTheSharedExportAndSaysSo) {
  const std::string path = InvoicingExport("zoho_invoices.csv");
  ADDIO_SKIP_WITHOUT(path);
  const IngestResult result = ReadWith(Zoho(), path);
  EXPECT_TRUE(result.diagnostics.empty()) << result.diagnostics.ToString();
  // Its three invoices (13 line-item rows) are drafts: nothing is owed, no client made.
  EXPECT_TRUE(result.ledger == Ledger{});
  EXPECT_TRUE(
      Contains(ReviewText(result), "3 draft invoices skipped (INV-000001, INV-000002, INV-000003)"))
      << ReviewText(result);
}

TEST(Zoho, ReadsContacts) {
  const std::string path = InvoicingExport("zoho_contacts.csv");
  ADDIO_SKIP_WITHOUT(path);
  const IngestResult result = ReadWith(Zoho(), path);
  EXPECT_FALSE(result.diagnostics.HasErrors()) << result.diagnostics.ToString();
  ASSERT_EQ(result.ledger.clients.size(), 5u);
  const Client* baking = ClientNamed(result.ledger, "Simpsons Baking Co");
  ASSERT_NE(baking, nullptr);
  EXPECT_EQ(baking->emails, std::vector<std::string>{"marge@simpsonsbaking.com"});
}

// The columns Zoho exports that the importer reads, in Zoho's order.
constexpr char kHeader[] =
    "Invoice Date,Invoice ID,Invoice Number,Invoice Status,Customer Name,Due Date,Currency Code,"
    "Item Name,Item Total,Total,Balance,Last Payment Date,WriteOff Amount\n";

TEST(Zoho, ReadsStatusesPaymentsAndWriteOffs) {
  const std::string path = WriteFixture(
      "invoices.csv", std::string(kHeader) +
                          // Day-first dates: 28/01 can only be the 28th of January.
                          "28/01/2024,1,INV-9,PartiallyPaid,Avengers,27/02/2024,EUR,A,300.00,"
                          "500.00,200.00,15/03/2024,0.00\n"
                          "28/01/2024,1,INV-9,PartiallyPaid,Avengers,27/02/2024,EUR,B,200.00,"
                          "500.00,200.00,15/03/2024,0.00\n"
                          "02/02/2024,2,INV-10,Void,Avengers,03/03/2024,EUR,A,80.00,80.00,0.00,"
                          ",0.00\n"
                          "03/02/2024,3,INV-11,Overdue,Defenders,04/03/2024,USD,A,120.00,120.00,"
                          "0.00,,120.00\n"
                          "04/02/2024,4,INV-12,Sent,Defenders,05/03/2024,EUR,A,10.00,10.00,"
                          "10.00,,0.00\n");
  const IngestResult result = ReadWith(Zoho(), path);
  EXPECT_FALSE(result.diagnostics.HasErrors()) << result.diagnostics.ToString();
  ASSERT_EQ(result.ledger.invoices.size(), 4u);
  const Invoice* partial = FindId(result.ledger.invoices, "INV-9");
  ASSERT_NE(partial, nullptr);
  EXPECT_EQ(partial->amount, Amount("500.00", "EUR")) << "the invoice total, not its lines";
  EXPECT_EQ(partial->issued, Day("2024-01-28"));
  EXPECT_EQ(partial->due, Day("2024-02-27"));
  EXPECT_EQ(partial->status, InvoiceStatus::kIssued);
  EXPECT_EQ(FindId(result.ledger.invoices, "INV-10")->status, InvoiceStatus::kVoid);
  const Invoice* written_off = FindId(result.ledger.invoices, "INV-11");
  EXPECT_EQ(written_off->status, InvoiceStatus::kWrittenOff);
  EXPECT_EQ(written_off->amount, Amount("120.00", "USD"));
  ASSERT_EQ(result.ledger.payments.size(), 1u);
  const Payment& paid = result.ledger.payments[0];
  EXPECT_EQ(paid.id, "INV-9-paid");
  EXPECT_EQ(paid.amount, Amount("300.00", "EUR")) << "total less balance";
  EXPECT_EQ(paid.date, Day("2024-03-15"));
  EXPECT_TRUE(ReadWith(Zoho(), path).ledger == result.ledger);
}

TEST(Zoho, SkipsVendorContactsAndNamesABadDate) {
  const std::string contacts = WriteFixture("contacts.csv",
                                            "Display Name,Company Name,EmailID,Contact Type\n"
                                            "Acme,Acme,a@acme.test,customer\n"
                                            "Paper Supplies,Paper Supplies,p@paper.test,vendor\n");
  const IngestResult read = ReadWith(Zoho(), contacts);
  ASSERT_EQ(read.ledger.clients.size(), 1u);
  EXPECT_TRUE(Contains(ReviewText(read), "1 vendor contacts skipped"));

  const std::string invoices = WriteFixture(
      "invoices.csv", std::string(kHeader) +
                          "2024-01-28,1,INV-1,Sent,Acme,2024-02-31,EUR,A,5.00,5.00,5.00,,0.00\n");
  const IngestResult bad = ReadWith(Zoho(), invoices);
  ASSERT_EQ(bad.diagnostics.ErrorCount(), 1u) << bad.diagnostics.ToString();
  EXPECT_EQ(bad.diagnostics.items()[0].line, 2);
  EXPECT_EQ(bad.diagnostics.items()[0].field, "Due Date");
}

}  // namespace
}  // namespace addio
