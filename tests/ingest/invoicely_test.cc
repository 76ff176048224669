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

const Importer& Invoicely() { return InvoicelyImporter(); }

TEST(Invoicely, ReadsTheInvoicesExport) {
  const std::string path = InvoicingExport("invoicely_invoices.csv");
  ADDIO_SKIP_WITHOUT(path);
  const IngestResult result = ReadWith(Invoicely(), path);
  EXPECT_TRUE(result.diagnostics.empty()) << result.diagnostics.ToString();
  ASSERT_EQ(result.ledger.invoices.size(), 1u);
  const Invoice& invoice = result.ledger.invoices[0];
  EXPECT_EQ(invoice.id, "INV-1");
  EXPECT_EQ(invoice.client, ClientNamed(result.ledger, "Bruce Wayne")->id);
  EXPECT_EQ(invoice.amount, Amount("1020.00", "EUR")) << "\"1,020.00\", workspace currency";
  EXPECT_EQ(invoice.issued, Day("2021-01-28")) << "\"Jan 28 2021\"";
  EXPECT_EQ(invoice.due, Day("2021-01-28"));
  EXPECT_EQ(invoice.status, InvoiceStatus::kIssued) << "\"Due\"";
  EXPECT_TRUE(ReadWith(Invoicely(), path).ledger == result.ledger);
}

TEST(Invoicely, ReadsTheClientListNamedAfterIt) {
  const std::string path = InvoicingExport("invoicely_clients.csv");
  ADDIO_SKIP_WITHOUT(path);
  EXPECT_EQ(Invoicely().Detect(path, "\"Client Name\",\"Email\",\"Phone\",\"Country\"\n"), 80);
  const IngestResult result = ReadWith(Invoicely(), path);
  ASSERT_EQ(result.ledger.clients.size(), 2u);
  EXPECT_EQ(ClientNamed(result.ledger, "Bruce Wayne")->emails,
            std::vector<std::string>{"batman@gotham.gov"});
}

TEST(Invoicely, PaidInvoicesWithoutADateAreListedAndBadDatesNamed) {
  const std::string path =
      WriteFixture("invoices.csv",
                   "\"Date\";\"Due\";\"Details\";\"Client\";\"Status\";\"Total\"\r\n"
                   "\"Mar 4 2024\";\"Apr 3 2024\";\"INV-7\";\"Wayne\";\"Paid\";\"1.020,50\"\r\n"
                   "\"Mar 5 2024\";\"Feb 30 2024\";\"INV-8\";\"Wayne\";\"Due\";\"10,00\"\r\n"
                   "\"Mar 6 2024\";\"\";\"INV-9\";\"Wayne\";\"Void\";\"10,00\"\r\n");
  const IngestResult result = ReadWith(Invoicely(), path);
  ASSERT_EQ(result.diagnostics.ErrorCount(), 1u) << result.diagnostics.ToString();
  EXPECT_EQ(result.diagnostics.items()[0].line, 3);
  EXPECT_EQ(result.diagnostics.items()[0].field, "Due");
  EXPECT_EQ(FindId(result.ledger.invoices, "INV-7")->amount, Amount("1020.50", "EUR"));
  EXPECT_EQ(FindId(result.ledger.invoices, "INV-7")->due, Day("2024-04-03"));
  EXPECT_EQ(FindId(result.ledger.invoices, "INV-9")->status, InvoiceStatus::kVoid);
  EXPECT_TRUE(result.ledger.payments.empty());
  EXPECT_TRUE(Contains(ReviewText(result), "1 invoices marked paid")) << ReviewText(result);
}

}  // namespace
}  // namespace addio
