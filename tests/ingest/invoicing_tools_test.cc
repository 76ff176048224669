// The table of invoicing tools (invoicing_tools.h): every entry is registered where its
// importer always was, and each kind of file of each tool is still detected as that tool's,
// with the score it had when each tool had its own class.
#include "ingest/invoicing_tools.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/importers.h"
#include "timesheet_test_util.h"

namespace addio {
namespace {

using testing::TempDir;

TEST(InvoicingToolsTest, TheImporterListIsUnchanged) {
  std::vector<std::string_view> names;
  for (const Importer* importer : Importers()) names.push_back(importer->name());
  EXPECT_EQ(names, (std::vector<std::string_view>{"ledger", "toggl", "clockify", "harvest", "kimai",
                                                  "invoiceninja", "freshbooks", "wave", "zoho",
                                                  "invoice2go", "invoicely", "fatturapa", "camt",
                                                  "ofx", "ics", "mbox", "eml", "csv-mapping"}));
}

TEST(InvoicingToolsTest, EachEntryIsTheImporterOfItsName) {
  const std::vector<const Importer*> accessors = {&InvoiceNinjaImporter(), &FreshBooksImporter(),
                                                  &WaveImporter(),         &ZohoImporter(),
                                                  &Invoice2goImporter(),   &InvoicelyImporter()};
  ASSERT_EQ(invoicing::InvoicingToolFormats().size(), accessors.size());
  for (size_t i = 0; i < accessors.size(); ++i) {
    const invoicing::InvoicingToolFormat& format = invoicing::InvoicingToolFormats()[i];
    EXPECT_EQ(accessors[i]->name(), format.name);
    EXPECT_EQ(FindImporter(format.name).value(), accessors[i]) << format.name;
    EXPECT_FALSE(format.display_name.empty());
    EXPECT_FALSE(format.files.empty());
  }
}

struct Sample {
  const char* file;
  const char* head;
  const char* tool;
  int score;
};

TEST(InvoicingToolsTest, EveryKindOfFileIsDetectedAsItsTools) {
  const Sample samples[] = {
      {"invoice.csv", "\"Invoice Ninja v4.5.17 - December 19, 2020 11:28 pm\"\n\nINVOICES\n",
       "invoiceninja", 95},
      {"invoices.csv",
       "Client,Email,Invoice Number,Amount,Paid,PO Number,Status,Invoice Date,Due Date\n",
       "invoiceninja", 80},
      {"recurring.csv", "Client,Frequency,Start Date,Amount\n", "invoiceninja", 80},
      {"clients.csv", "Name,Balance,Paid to Date,ID Number,VAT Number,Email\n", "invoiceninja", 70},
      {"payments.csv", "Client,Invoice Number,Amount,Payment Date\n", "invoiceninja", 40},
      {"report.csv",
       "Client Name,Invoice #,Date Issued,Invoice Status,Date Paid,Line Total,Currency\n",
       "freshbooks", 90},
      {"clients.csv", "Organization,First Name,Last Name,Email,Province/State,Country\n",
       "freshbooks", 60},
      {"accounting.csv",
       "Transaction ID,Transaction Date,Account Name,Customer,Invoice Number,Account Type\n",
       "wave", 90},
      {"customers.csv", "customer_name,email,customer_currency\n", "wave", 85},
      {"vendors.csv", "vendor_name,email,vendor_currency\n", "wave", 85},
      {"Invoice.csv",
       "Invoice Date,Invoice ID,Invoice Number,Invoice Status,Customer Name,Total,Balance\n",
       "zoho", 90},
      {"Contacts.csv", "Display Name,EmailID,Contact Type\n", "zoho", 85},
      {"documents.csv",
       "DocumentNumber,DocumentDate,Name,DocumentStatus,TotalAmount,BalanceDueAmount\n",
       "invoice2go", 90},
      {"I2G_clients.csv", "Client Name,Email,Phone,Country\n", "invoice2go", 80},
      {"clients.csv", "Client Name,Email,Phone,Country\n", "invoice2go", 50},
      {"export.csv", "Date,Due,Details,Client,Status,Total\n", "invoicely", 85},
      {"invoicely_clients.csv", "Client Name,Email,Phone,Country\n", "invoicely", 80},
  };
  TempDir dir;
  for (const Sample& sample : samples) {
    SCOPED_TRACE(std::string(sample.tool) + " " + sample.head);
    const std::string path = dir.Write(std::string(sample.tool) + "/" + sample.file, sample.head);
    const auto detected = DetectImporter(path);
    ASSERT_TRUE(detected) << detected.error().message.In(Lang::kEn);
    EXPECT_EQ((*detected)->name(), sample.tool);
    EXPECT_EQ((*detected)->Detect(path, sample.head), sample.score);
  }
}

TEST(InvoicingToolsTest, StricterDetectHeadersAndColumnBoundsHold) {
  // Invoice Ninja's payments are only claimed with six columns or fewer, its clients only
  // with the id and VAT number columns; Invoicely's invoices with eight columns or fewer.
  EXPECT_EQ(InvoiceNinjaImporter().Detect("p.csv", "Client,Invoice Number,Amount,Date,A,B,C\n"), 0);
  EXPECT_EQ(InvoiceNinjaImporter().Detect("c.csv", "Name,Balance,Paid to Date\n"), 0);
  EXPECT_EQ(InvoicelyImporter().Detect("i.csv", "Date,Due,Details,Client,Status,Total,A,B,C\n"), 0);
  EXPECT_EQ(Invoice2goImporter().Detect("c.csv", "Client Name,Email,Phone,Country,Notes\n"), 0);
  // Quotes are Invoice Ninja's to skip when read, but not claimed by detection.
  EXPECT_EQ(InvoiceNinjaImporter().Detect("q.csv", "Client,Quote Number,Amount\n"), 0);
}

TEST(InvoicingToolsTest, ASectionOfNoKnownKindIsSkippedNamingIt) {
  TempDir dir;
  const std::string path = dir.Write("vendors.csv",
                                     "\"Invoice Ninja v4.5.17 - December 19, 2020 11:28 pm\"\n\n"
                                     "Vendors\nName,Balance,Paid to Date\nAcme,0,0\n");
  const IngestResult result = testing::ReadWith(InvoiceNinjaImporter(), path);
  ASSERT_EQ(result.review.size(), 1u);
  EXPECT_NE(result.review[0].In(Lang::kEn).find(
                "skipped: Invoice Ninja vendors are not read (addio reads invoices, payments "
                "and clients)"),
            std::string::npos)
      << result.review[0].In(Lang::kEn);
  EXPECT_TRUE(result.ledger.clients.empty());
}

}  // namespace
}  // namespace addio
