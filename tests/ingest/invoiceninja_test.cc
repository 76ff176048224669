#include <gtest/gtest.h>

#include <map>

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

const Importer& Ninja() { return InvoiceNinjaImporter(); }

std::string Head(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(64 * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  return head;
}

// The invoicing importer most sure it reads `path`; "" when none is.
std::string BestInvoicingImporter(const std::string& path) {
  const std::string head = Head(path);
  std::string best;
  int best_score = 0;
  for (const Importer* importer :
       {&InvoiceNinjaImporter(), &FreshBooksImporter(), &WaveImporter(), &ZohoImporter(),
        &Invoice2goImporter(), &InvoicelyImporter(), &MappedCsvImporter()}) {
    const int score = importer->Detect(path, head);
    if (score > best_score) {
      best_score = score;
      best = importer->name();
    }
  }
  return best;
}

TEST(InvoicingDetect, EachSharedExportGoesToItsOwnTool) {
  ADDIO_SKIP_WITHOUT(InvoicingExport("invoice.csv"));
  const std::map<std::string, std::string> expected = {
      {"invoice.csv", "invoiceninja"},
      {"payments.csv", "invoiceninja"},
      {"clients.csv", "invoiceninja"},
      {"quotes.csv", "invoiceninja"},
      {"recurring_invoice.csv", "invoiceninja"},
      {"products.csv", "invoiceninja"},
      {"expenses.csv", "invoiceninja"},
      {"vendors.csv", "invoiceninja"},
      {"freshbooks_invoices.csv", "freshbooks"},
      {"freshbooks_clients.csv", "freshbooks"},
      {"wave_invoices.csv", "wave"},
      {"wave_expenses.csv", "wave"},
      {"wave_clients.csv", "wave"},
      {"wave_vendors.csv", "wave"},
      {"zoho_invoices.csv", "zoho"},
      {"zoho_contacts.csv", "zoho"},
      {"i2g_invoices.csv", "invoice2go"},
      {"i2g_clients.csv", "invoice2go"},
      {"invoicely_invoices.csv", "invoicely"},
      {"invoicely_clients.csv", "invoicely"},
      // A Toggl export in the same folder: none of the invoicing tools claims it.
      {"tasks.csv", ""},
  };
  for (const auto& [file, tool] : expected) {
    EXPECT_EQ(BestInvoicingImporter(InvoicingExport(file)), tool) << file;
  }
}

TEST(InvoiceNinja, ReadsEveryInvoiceOfInvoiceCsv) {
  const std::string path = InvoicingExport("invoice.csv");
  ADDIO_SKIP_WITHOUT(path);
  const IngestResult result = ReadWith(Ninja(), path);
  EXPECT_FALSE(result.diagnostics.HasErrors()) << result.diagnostics.ToString();
  EXPECT_EQ(result.format, "invoiceninja");
  // 401 rows, invoice 2 on two line-item rows.
  EXPECT_EQ(result.ledger.invoices.size(), 400u);
  EXPECT_EQ(result.ledger.clients.size(), 20u);
  EXPECT_TRUE(result.ledger.payments.empty());

  const Invoice* first = FindId(result.ledger.invoices, "1");
  ASSERT_NE(first, nullptr);
  const Client* ludwig = ClientNamed(result.ledger, "Ludwig Krajcik DVM");
  ASSERT_NE(ludwig, nullptr);
  EXPECT_EQ(first->client, ludwig->id);
  EXPECT_EQ(ludwig->emails, std::vector<std::string>{"brook59@example.org"});
  EXPECT_EQ(first->amount, Amount("13.50", "EUR"));
  EXPECT_EQ(first->issued, Day("2019-11-25"));
  // Due 2019-10-20, before the issue date: read as due on the issue date.
  EXPECT_EQ(first->due, Day("2019-11-25"));
  EXPECT_EQ(first->status, InvoiceStatus::kIssued);
  const Invoice* second = FindId(result.ledger.invoices, "2");
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(second->amount, Amount("26.67", "EUR"));
  EXPECT_EQ(second->due, Day("2020-02-29"));

  const std::string diagnostics = result.diagnostics.ToString();
  EXPECT_TRUE(Contains(diagnostics, "215 invoices are due before their issue date")) << diagnostics;
  // "$13.50" read in the default workspace currency, EUR: said once.
  EXPECT_TRUE(Contains(diagnostics, "written with \"$\" but read in EUR")) << diagnostics;
  EXPECT_TRUE(Contains(ReviewText(result), "payments.csv"));
  // Every record has its file and line.
  ASSERT_EQ(result.source.locations.at("invoice").size(), 400u);
  EXPECT_EQ(result.source.locations.at("invoice")[0].line, 5);
}

TEST(InvoiceNinja, DollarAmountsInADollarWorkspaceNeedNoWarning) {
  const std::string path = InvoicingExport("invoice.csv");
  ADDIO_SKIP_WITHOUT(path);
  const IngestResult result = ReadWith(Ninja(), path, testing::WorkspaceIn("USD"));
  EXPECT_FALSE(Contains(result.diagnostics.ToString(), "written with"));
  EXPECT_EQ(FindId(result.ledger.invoices, "1")->amount, Amount("13.50", "USD"));
}

TEST(InvoiceNinja, ReadsPaymentsCsvAgainstTheInvoicesReadBefore) {
  const std::string invoices_path = InvoicingExport("invoice.csv");
  const std::string payments_path = InvoicingExport("payments.csv");
  ADDIO_SKIP_WITHOUT(payments_path);
  Ledger store = ReadWith(Ninja(), invoices_path, testing::WorkspaceIn("USD")).ledger;
  store.workspace.currency = *Currency::Find("USD");
  const IngestResult result = ReadWith(Ninja(), payments_path, store);
  EXPECT_FALSE(result.diagnostics.HasErrors()) << result.diagnostics.ToString();
  // 403 rows: one repeated word for word, two refunds of ($400.00).
  EXPECT_EQ(result.ledger.payments.size(), 400u);
  EXPECT_TRUE(result.ledger.clients.empty()) << "the clients were known already";
  const std::string review = ReviewText(result);
  EXPECT_TRUE(Contains(review, "2 payments of zero or less skipped")) << review;
  EXPECT_TRUE(Contains(review, "1 payment row repeats")) << review;

  const Payment* first = nullptr;
  for (const Payment& p : result.ledger.payments) {
    if (p.invoice == "1") first = &p;
  }
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->date, Day("2019-10-20"));
  EXPECT_EQ(first->amount, Amount("13.50", "USD"));
  EXPECT_EQ(first->client, FindId(store.invoices, "1")->client);

  // Invoices and payments together pass the ledger's own checks.
  Ledger merged = store;
  merged.payments = result.ledger.payments;
  Diagnostics checks;
  Validate(merged, LedgerSource{}, checks);
  EXPECT_FALSE(checks.HasErrors()) << checks.ToString();
}

TEST(InvoiceNinja, ReadsClientsCsv) {
  const std::string path = InvoicingExport("clients.csv");
  ADDIO_SKIP_WITHOUT(path);
  const IngestResult result = ReadWith(Ninja(), path);
  EXPECT_FALSE(result.diagnostics.HasErrors()) << result.diagnostics.ToString();
  EXPECT_EQ(result.ledger.clients.size(), 20u);
  const Client* ludwig = ClientNamed(result.ledger, "Ludwig Krajcik DVM");
  ASSERT_NE(ludwig, nullptr);
  EXPECT_EQ(ludwig->emails, std::vector<std::string>{"brook59@example.org"});
  EXPECT_TRUE(result.ledger.invoices.empty());
}

TEST(InvoiceNinja, SkipsWhatIsNotInvoicesPaymentsOrClients) {
  for (const char* file :
       {"vendors.csv", "quotes.csv", "recurring_invoice.csv", "products.csv", "expenses.csv"}) {
    const std::string path = InvoicingExport(file);
    ADDIO_SKIP_WITHOUT(path);
    const IngestResult result = ReadWith(Ninja(), path);
    EXPECT_FALSE(result.diagnostics.HasErrors()) << file << result.diagnostics.ToString();
    EXPECT_TRUE(result.ledger == Ledger{}) << file;
    ASSERT_EQ(result.review.size(), 1u) << file;
    EXPECT_TRUE(Contains(result.review[0].In(Lang::kEn), "skipped"))
        << result.review[0].In(Lang::kEn);
  }
}

TEST(InvoiceNinja, ReadingTwiceGivesTheSameLedger) {
  for (const char* file : {"invoice.csv", "payments.csv"}) {
    const std::string path = InvoicingExport(file);
    ADDIO_SKIP_WITHOUT(path);
    EXPECT_TRUE(ReadWith(Ninja(), path).ledger == ReadWith(Ninja(), path).ledger) << file;
  }
}

constexpr char kPreamble[] =
    "\xEF\xBB\xBF\"Invoice Ninja v4.5.17 - December 19, 2020 11:28 pm\";;;;;;;;\r\n"
    ";;;;;;;;\r\n"
    "INVOICES;;;;;;;;\r\n"
    "Client;Email;Invoice Number;Amount;Paid;Status;Invoice Date;Due Date;Public Notes\r\n";

TEST(InvoiceNinja, ReadsSemicolonsDecimalCommasBomCrlfAndQuotedNewlines) {
  const std::string path = WriteFixture(
      "invoice.csv", std::string(kPreamble) +
                         "Rossi S.r.l.;a@rossi.it;2024-001;\"1.234,50 €\";0,00;Sent;05/03/2024;"
                         "04/04/2024;\"first line\r\nsecond line\"\r\n"
                         "Rossi S.r.l.;a@rossi.it;2024-002;99,90;0,00;Draft;06/03/2024;;\r\n"
                         "Bianchi;b@bianchi.it;2024-003;0,00;0,00;Sent;07/03/2024;;\r\n"
                         "Bianchi;b@bianchi.it;2024-004;450;0,00;Cancelled;13/03/2024;;\r\n");
  const IngestResult result = ReadWith(Ninja(), path);
  EXPECT_FALSE(result.diagnostics.HasErrors()) << result.diagnostics.ToString();
  ASSERT_EQ(result.ledger.invoices.size(), 2u);
  const Invoice* rossi = FindId(result.ledger.invoices, "2024-001");
  ASSERT_NE(rossi, nullptr);
  EXPECT_EQ(rossi->amount, Amount("1234.50", "EUR"));
  // A ';' file writes days first: 05/03/2024 is 5 March.
  EXPECT_EQ(rossi->issued, Day("2024-03-05"));
  EXPECT_EQ(rossi->due, Day("2024-04-04"));
  const Invoice* cancelled = FindId(result.ledger.invoices, "2024-004");
  ASSERT_NE(cancelled, nullptr);
  EXPECT_EQ(cancelled->status, InvoiceStatus::kVoid);
  EXPECT_EQ(cancelled->due, Day("2024-04-12")) << "no due date: the default 30 days";
  // The quoted line break spans lines 5 and 6: the draft is on line 7.
  const std::string review = ReviewText(result);
  EXPECT_TRUE(Contains(review, "1 draft invoice skipped (2024-002)")) << review;
  EXPECT_TRUE(Contains(review, "1 invoice with a zero total skipped (2024-003)")) << review;
  // The draft created no client: only Rossi and Bianchi exist, once each.
  EXPECT_EQ(result.ledger.clients.size(), 2u);
}

TEST(InvoiceNinja, AMalformedAmountNamesTheFileLineAndColumn) {
  const std::string path = WriteFixture(
      "invoice.csv",
      "Client,Email,Invoice Number,Amount,Paid,PO Number,Status,Invoice Date,Due Date\n"
      "Acme,a@acme.test,1,100.00,0,,Sent,2024-01-10,2024-02-09\n"
      "Acme,a@acme.test,2,\"12,34.5\",0,,Sent,2024-01-11,2024-02-10\n"
      "Acme,a@acme.test,3,10.00,0,,Sent,2024-13-45,2024-02-10\n");
  const IngestResult result = ReadWith(Ninja(), path);
  ASSERT_EQ(result.diagnostics.ErrorCount(), 2u) << result.diagnostics.ToString();
  const Diagnostic& amount = result.diagnostics.items()[0];
  EXPECT_EQ(amount.file, path);
  EXPECT_EQ(amount.line, 3);
  EXPECT_EQ(amount.field, "Amount");
  EXPECT_TRUE(Contains(amount.message.In(Lang::kEn), "\"12,34.5\" is not an amount"))
      << amount.message.In(Lang::kEn);
  const Diagnostic& date = result.diagnostics.items()[1];
  EXPECT_EQ(date.line, 4);
  EXPECT_EQ(date.field, "Invoice Date");
  EXPECT_TRUE(Contains(date.message.In(Lang::kEn), "2024-13-45")) << date.message.In(Lang::kEn);
}

TEST(InvoiceNinja, ANumberUsedByTwoClientsIsMadeUniqueAndSaidSo) {
  const std::string invoices = WriteFixture(
      "invoice.csv",
      "Client,Email,Invoice Number,Amount,Paid,PO Number,Status,Invoice Date,Due Date\n"
      "Acme,,7,100.00,0,,Sent,2024-01-10,2024-02-09\n"
      "Beta,,7,200.00,0,,Sent,2024-01-11,2024-02-10\n");
  const IngestResult result = ReadWith(Ninja(), invoices);
  ASSERT_EQ(result.ledger.invoices.size(), 2u);
  const std::string beta = ClientNamed(result.ledger, "Beta")->id;
  EXPECT_EQ(result.ledger.invoices[0].id, "7");
  EXPECT_EQ(result.ledger.invoices[1].id, "7-" + beta);
  EXPECT_TRUE(Contains(ReviewText(result), "invoice number 7 belongs to more than one client"));

  // A later payments file finds Beta's invoice under its new id.
  Ledger store = result.ledger;
  const std::string payments = WriteFixture("payments.csv",
                                            "Client,Invoice Number,Amount,Date\n"
                                            "Beta,7,200.00,2/15/2024\n");
  const IngestResult paid = ReadWith(Ninja(), payments, store);
  ASSERT_EQ(paid.ledger.payments.size(), 1u) << paid.diagnostics.ToString();
  EXPECT_EQ(paid.ledger.payments[0].invoice, "7-" + beta);
  EXPECT_EQ(paid.ledger.payments[0].date, Day("2024-02-15"));
}

TEST(InvoiceNinja, UnknownClientsAreErrorsWhenCreationIsOff) {
  const std::string path = WriteFixture(
      "payments.csv", "Client,Invoice Number,Amount,Date\nNobody Ltd,1,10.00,1/2/2024\n");
  IngestOptions options;
  options.create_clients = false;
  const IngestResult result = ReadWith(Ninja(), path, Ledger{}, options);
  ASSERT_EQ(result.diagnostics.ErrorCount(), 1u);
  EXPECT_EQ(result.diagnostics.items()[0].line, 2);
  EXPECT_EQ(result.diagnostics.items()[0].field, "Client");
  EXPECT_TRUE(Contains(result.diagnostics.items()[0].message.In(Lang::kEn), "Nobody Ltd"));
}

}  // namespace
}  // namespace addio
