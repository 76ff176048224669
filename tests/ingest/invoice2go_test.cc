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

const Importer& I2g() { return Invoice2goImporter(); }

TEST(Invoice2go, ReadsTheDocumentsExport) {
  const std::string path = InvoicingExport("i2g_invoices.csv");
  ADDIO_SKIP_WITHOUT(path);
  const IngestResult result = ReadWith(I2g(), path);
  EXPECT_FALSE(result.diagnostics.HasErrors()) << result.diagnostics.ToString();
  ASSERT_EQ(result.ledger.invoices.size(), 4u);
  EXPECT_EQ(result.ledger.clients.size(), 4u);
  const Invoice* first = FindId(result.ledger.invoices, "1");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->client, ClientNamed(result.ledger, "Barry Gordon")->id);
  EXPECT_EQ(first->amount, Amount("953.55", "ILS"));
  EXPECT_EQ(first->issued, Day("2021-01-28"));
  EXPECT_EQ(first->due, Day("2021-02-27")) << "no terms: the default 30 days";
  EXPECT_EQ(first->status, InvoiceStatus::kIssued) << "\"unsent\" is no draft";
  const Invoice* planet = FindId(result.ledger.invoices, "3");
  ASSERT_NE(planet, nullptr);
  EXPECT_EQ(planet->amount, Amount("367.20", "USD"));
  EXPECT_EQ(planet->due, Day("2021-02-11")) << "TermsOld 14";
  EXPECT_EQ(ClientNamed(result.ledger, "Daily Planet")->emails,
            std::vector<std::string>{"louislane@dailyplanet.com"});
  EXPECT_TRUE(result.ledger.payments.empty());
  const std::string diagnostics = result.diagnostics.ToString();
  EXPECT_FALSE(Contains(diagnostics, "unknown invoice status")) << diagnostics;
  EXPECT_TRUE(Contains(diagnostics, "2 invoices have no due date (1, 2)")) << diagnostics;
  EXPECT_TRUE(ReadWith(I2g(), path).ledger == result.ledger);
}

TEST(Invoice2go, ReadsTheClientList) {
  const std::string path = InvoicingExport("i2g_clients.csv");
  ADDIO_SKIP_WITHOUT(path);
  const IngestResult result = ReadWith(I2g(), path);
  ASSERT_EQ(result.ledger.clients.size(), 2u);
  const Client* hamilton = ClientNamed(result.ledger, "Alexander Hamilton");
  ASSERT_NE(hamilton, nullptr);
  EXPECT_EQ(hamilton->country, "US");
  EXPECT_EQ(hamilton->emails, std::vector<std::string>{"alexander@iamhamllton.com"});
}

constexpr char kHeader[] =
    "Id;DocumentDate;DocumentNumber;Name;EmailRecipient;DocumentStatus;DatePaid;TermsOld;"
    "CurrencyCode;TotalAmount;BalanceDueAmount;AmountPaidAmount\r\n";

TEST(Invoice2go, PaymentsOnTheDocumentRowBecomePayments) {
  const std::string path = WriteFixture(
      "i2g.csv", std::string(kHeader) +
                     "a;2024-04-02;101;Wayne Enterprises;b@wayne.test;partially_paid;2024-04-20;"
                     "30;EUR;1.500,00;500,00;1.000,00\r\n"
                     "b;2024-04-03;102;Wayne Enterprises;b@wayne.test;sent;;30;EUR;200,00;100,00;"
                     "100,00\r\n"
                     "c;2024-04-04;103;Wayne Enterprises;b@wayne.test;void;;x;EUR;20,00;0;0\r\n");
  const IngestResult result = ReadWith(I2g(), path);
  ASSERT_EQ(result.diagnostics.ErrorCount(), 1u) << result.diagnostics.ToString();
  EXPECT_EQ(result.diagnostics.items()[0].line, 4);
  EXPECT_EQ(result.diagnostics.items()[0].field, "TermsOld");
  const Invoice* partial = FindId(result.ledger.invoices, "101");
  ASSERT_NE(partial, nullptr);
  EXPECT_EQ(partial->amount, Amount("1500.00", "EUR"));
  EXPECT_EQ(partial->due, Day("2024-05-02"));
  ASSERT_EQ(result.ledger.payments.size(), 1u);
  EXPECT_EQ(result.ledger.payments[0].id, "101-paid");
  EXPECT_EQ(result.ledger.payments[0].amount, Amount("1000.00", "EUR"));
  EXPECT_EQ(result.ledger.payments[0].date, Day("2024-04-20"));
  EXPECT_TRUE(Contains(ReviewText(result), "no date paid (first: 102)")) << ReviewText(result);
  EXPECT_EQ(FindId(result.ledger.invoices, "103")->status, InvoiceStatus::kVoid);
}

}  // namespace
}  // namespace addio
