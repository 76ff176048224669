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

const Importer& FreshBooks() { return FreshBooksImporter(); }

TEST(FreshBooks, ReadsTheInvoiceDetailsExport) {
  const std::string path = InvoicingExport("freshbooks_invoices.csv");
  ADDIO_SKIP_WITHOUT(path);
  const IngestResult result = ReadWith(FreshBooks(), path);
  EXPECT_FALSE(result.diagnostics.HasErrors()) << result.diagnostics.ToString();
  // Three line-item rows of one invoice.
  ASSERT_EQ(result.ledger.invoices.size(), 1u);
  const Invoice& invoice = result.ledger.invoices[0];
  EXPECT_EQ(invoice.id, "0000001");
  EXPECT_EQ(invoice.client, ClientNamed(result.ledger, "X-Men")->id);
  EXPECT_EQ(invoice.amount, Amount("7890.00", "USD")) << "650 + 490 + 6750";
  EXPECT_EQ(invoice.issued, Day("2021-01-28"));
  EXPECT_EQ(invoice.due, Day("2021-02-27")) << "no due date in the export: 30 days";
  EXPECT_EQ(invoice.status, InvoiceStatus::kIssued);
  EXPECT_TRUE(Contains(result.diagnostics.ToString(), "1 invoice has no due date (0000001)"));
  EXPECT_TRUE(result.ledger.payments.empty());
  EXPECT_EQ(result.preview.size(), 4u) << "the header and the three rows";
  EXPECT_TRUE(ReadWith(FreshBooks(), path).ledger == result.ledger);
}

TEST(FreshBooks, ReadsTheClientList) {
  const std::string path = InvoicingExport("freshbooks_clients.csv");
  ADDIO_SKIP_WITHOUT(path);
  const IngestResult result = ReadWith(FreshBooks(), path);
  EXPECT_FALSE(result.diagnostics.HasErrors()) << result.diagnostics.ToString();
  ASSERT_EQ(result.ledger.clients.size(), 2u);
  const Client* marge = ClientNamed(result.ledger, "Marge Simpson");
  ASSERT_NE(marge, nullptr);
  EXPECT_EQ(marge->emails, std::vector<std::string>{"marge@simpsons.com"});
  EXPECT_NE(ClientNamed(result.ledger, "X-Men"), nullptr);
}

constexpr char kHeader[] =
    "Client Name;Invoice #;Date Issued;Invoice Status;Date Paid;Item Name;Line Total;Currency\r\n";

TEST(FreshBooks, PaidInvoicesBecomePaymentsOfTheirTotal) {
  const std::string path = WriteFixture(
      "invoices.csv",
      std::string("\xEF\xBB\xBF") + kHeader +
          "Studio Verdi;F-10;2024-02-01;paid;2024-03-15;\"Logo,\r\nfinal files\";1.250,00;EUR\r\n"
          "Studio Verdi;F-10;2024-02-01;paid;2024-03-15;Print;250,00;EUR\r\n"
          "Studio Verdi;F-11;2024-02-05;partial;;Site;800,00;EUR\r\n"
          "Studio Verdi;F-12;2024-02-06;disputed;;Site;90,00;EUR\r\n");
  const IngestResult result = ReadWith(FreshBooks(), path);
  EXPECT_FALSE(result.diagnostics.HasErrors()) << result.diagnostics.ToString();
  ASSERT_EQ(result.ledger.invoices.size(), 3u);
  EXPECT_EQ(FindId(result.ledger.invoices, "F-10")->amount, Amount("1500.00", "EUR"));
  EXPECT_TRUE(FindId(result.ledger.invoices, "F-12")->disputed);
  ASSERT_EQ(result.ledger.payments.size(), 1u);
  const Payment& paid = result.ledger.payments[0];
  EXPECT_EQ(paid.id, "F-10-paid");
  EXPECT_EQ(paid.invoice, "F-10");
  EXPECT_EQ(paid.date, Day("2024-03-15"));
  EXPECT_EQ(paid.amount, Amount("1500.00", "EUR"));
  EXPECT_TRUE(Contains(ReviewText(result), "1 partly paid invoices")) << ReviewText(result);
  // The quoted line break spans lines 2 and 3: F-11 is on line 5.
  EXPECT_EQ(result.source.locations.at("invoice")[1].line, 5);
}

TEST(FreshBooks, AMalformedLineTotalNamesLineAndColumn) {
  const std::string path = WriteFixture(
      "invoices.csv", std::string(kHeader) + "Acme;1;2024-02-01;sent;;Work;12,34.5;EUR\r\n");
  const IngestResult result = ReadWith(FreshBooks(), path);
  ASSERT_EQ(result.diagnostics.ErrorCount(), 1u) << result.diagnostics.ToString();
  EXPECT_EQ(result.diagnostics.items()[0].line, 2);
  EXPECT_EQ(result.diagnostics.items()[0].field, "Line Total");
  EXPECT_TRUE(result.ledger.invoices.empty());
}

TEST(FreshBooks, DetectsOnlyItsOwnHeaders) {
  EXPECT_GE(FreshBooks().Detect("x.csv", kHeader), 90);
  EXPECT_EQ(FreshBooks().Detect("x.csv", "Client,Invoice Number,Amount,Date\n"), 0);
}

}  // namespace
}  // namespace addio
