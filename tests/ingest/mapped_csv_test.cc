#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "ingest/importers.h"
#include "invoicing_test_support.h"
#include "ledger/allocation.h"
#include "ledger/csv.h"
#include "ledger/validate.h"

namespace addio {
namespace {

using testing::Amount;
using testing::ClientNamed;
using testing::Contains;
using testing::Day;
using testing::FindId;
using testing::ReadWith;
using testing::ReviewText;
using testing::WriteFixture;

const Importer& Mapped() { return MappedCsvImporter(); }

using testing::IbmMapping;
using testing::IbmSample;

IngestOptions WithMapping(const std::string& mapping) {
  IngestOptions options;
  options.format = "csv-mapping";
  options.mapping_file = mapping;
  return options;
}

IngestResult ReadIbm() {
  return ReadWith(Mapped(), IbmSample(), Ledger{}, WithMapping(IbmMapping()));
}

// invoiceNumber -> DaysLate, as the sample gives them.
std::map<std::string, int> DaysLateColumn() {
  std::ifstream in(IbmSample(), std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  const std::string csv = text.str();
  CsvReader reader(csv);
  std::vector<std::string> fields;
  reader.Next(fields);
  const auto column = [&fields](const char* name) {
    return static_cast<size_t>(std::find(fields.begin(), fields.end(), name) - fields.begin());
  };
  const size_t number = column("invoiceNumber");
  const size_t days_late = column("DaysLate");
  std::map<std::string, int> out;
  while (reader.Next(fields)) out[fields[number]] = std::stoi(fields[days_late]);
  return out;
}

TEST(MappedCsv, IsNeverDetected) {
  EXPECT_EQ(Mapped().Detect("any.csv", "a,b,c\n1,2,3\n"), 0);
  EXPECT_EQ(Mapped().name(), "csv-mapping");
}

TEST(MappedCsv, ImportsTheIbmAccountsReceivableSample) {
  ADDIO_SKIP_WITHOUT(IbmSample());
  const IngestResult result = ReadIbm();
  EXPECT_TRUE(result.diagnostics.empty()) << result.diagnostics.ToString();
  EXPECT_TRUE(result.review.empty()) << ReviewText(result);
  EXPECT_EQ(result.format, "csv-mapping");
  EXPECT_EQ(result.ledger.invoices.size(), 2466u);
  EXPECT_EQ(result.ledger.payments.size(), 2466u);
  EXPECT_EQ(result.ledger.clients.size(), 100u);

  const Invoice* first = FindId(result.ledger.invoices, "0000611365");
  ASSERT_NE(first, nullptr);
  const Client* customer = ClientNamed(result.ledger, "0379-NEVHP");
  ASSERT_NE(customer, nullptr);
  EXPECT_EQ(first->client, customer->id);
  EXPECT_EQ(first->issued, Day("2013-01-02"));
  EXPECT_EQ(first->due, Day("2013-02-01"));
  EXPECT_EQ(first->amount, Amount("55.94", "EUR"));
  EXPECT_EQ(first->status, InvoiceStatus::kIssued);
  EXPECT_FALSE(first->disputed);
  EXPECT_TRUE(FindId(result.ledger.invoices, "0007900770")->disputed);
  const Payment* paid = FindId(result.ledger.payments, "0000611365-paid");
  ASSERT_NE(paid, nullptr);
  EXPECT_EQ(paid->invoice, "0000611365");
  EXPECT_EQ(paid->client, customer->id);
  EXPECT_EQ(paid->date, Day("2013-01-15"));
  EXPECT_EQ(paid->amount, Amount("55.94", "EUR"));
  // Whole amounts ("94") read exactly.
  EXPECT_EQ(std::count_if(result.ledger.invoices.begin(), result.ledger.invoices.end(),
                          [](const Invoice& i) { return i.disputed; }),
            561);

  Diagnostics checks;
  Validate(result.ledger, result.source, checks);
  EXPECT_FALSE(checks.HasErrors()) << checks.ToString();
}

// The issue's key test: after the import, the days late addio computes per invoice (the
// date its allocated payments settle it, minus its due date, as the late_payment sign does)
// equals the sample's DaysLate column, which is 0 for invoices paid early.
TEST(MappedCsv, IbmDaysLateEqualsTheSampleOnEveryInvoice) {
  ADDIO_SKIP_WITHOUT(IbmSample());
  const IngestResult result = ReadIbm();
  ASSERT_FALSE(result.diagnostics.HasErrors()) << result.diagnostics.ToString();
  const std::map<std::string, int> expected = DaysLateColumn();
  ASSERT_EQ(expected.size(), 2466u);

  std::map<std::string, std::pair<std::vector<Invoice>, std::vector<Payment>>> by_client;
  for (const Invoice& i : result.ledger.invoices) by_client[i.client].first.push_back(i);
  for (const Payment& p : result.ledger.payments) by_client[p.client].second.push_back(p);
  const CivilDate as_of = Day("2014-12-31");  // after every settlement of the sample
  size_t compared = 0, late = 0;
  for (const auto& [client, records] : by_client) {
    const auto& [invoices, payments] = records;
    const AllocationResult allocation =
        AllocatePayments(invoices, payments, result.ledger.workspace, as_of);
    for (size_t i = 0; i < invoices.size(); ++i) {
      const InvoiceSettlement& settlement = allocation.settlements[i];
      ASSERT_TRUE(settlement.settled.has_value()) << invoices[i].id;
      const int days_late = DaysBetween(invoices[i].due, *settlement.settled);
      EXPECT_EQ(std::max(0, days_late), expected.at(invoices[i].id)) << invoices[i].id;
      late += days_late > 0;
      ++compared;
    }
  }
  EXPECT_EQ(compared, 2466u);
  EXPECT_EQ(late, 877u);
}

TEST(MappedCsv, ReadingTwiceGivesTheSameLedger) {
  ADDIO_SKIP_WITHOUT(IbmSample());
  EXPECT_TRUE(ReadIbm().ledger == ReadIbm().ledger);
}

constexpr char kEuropeanMapping[] = R"(
separator = ";"
date_format = "%d/%m/%Y"
datetime_format = "%d/%m/%Y %H:%M"
decimal_separator = ","
thousands_separator = "."
currency = "EUR"

[clients]
"Rossi Srl" = "rossi"

[records.invoices]
id = "Numero"
client = "Cliente"
issued = "Data"
terms_days = { value = 60 }
amount = "Importo"
status = "Stato"
settled = "Pagata il"
settled_amount = "Pagato"

[records.clients]
name = "Cliente"
email = "Email"
country = { value = "IT" }
)";

TEST(MappedCsv, ReadsDecimalCommasDayFirstDatesAndConstants) {
  const std::string mapping = WriteFixture("mapping.toml", kEuropeanMapping);
  const std::string csv = WriteFixture(
      "fatture.csv",
      "\xEF\xBB\xBF"
      "Numero;Cliente;Email;Data;Importo;Stato;Pagata il;Pagato;Note\r\n"
      "1/2024;Rossi Srl;info@rossi.it;5/3/2024;1.234,50;emessa;20/5/2024;1.000,00;\"riga\r\n"
      "a capo\"\r\n"
      "2/2024;Bianchi;;6/3/2024;99,90;bozza;;;\r\n");
  const IngestResult result = ReadWith(Mapped(), csv, Ledger{}, WithMapping(mapping));
  EXPECT_FALSE(result.diagnostics.HasErrors()) << result.diagnostics.ToString();
  ASSERT_EQ(result.ledger.invoices.size(), 1u);
  const Invoice& invoice = result.ledger.invoices[0];
  EXPECT_EQ(invoice.id, "1/2024");
  EXPECT_EQ(invoice.client, "rossi") << "renamed by the mapping's [clients] table";
  EXPECT_EQ(invoice.issued, Day("2024-03-05"));
  EXPECT_EQ(invoice.due, Day("2024-05-04"));
  EXPECT_EQ(invoice.amount, Amount("1234.50", "EUR"));
  ASSERT_EQ(result.ledger.payments.size(), 1u);
  EXPECT_EQ(result.ledger.payments[0].id, "1/2024-paid");
  EXPECT_EQ(result.ledger.payments[0].amount, Amount("1000.00", "EUR"));
  EXPECT_EQ(result.ledger.payments[0].date, Day("2024-05-20"));
  const Client* rossi = FindId(result.ledger.clients, "rossi");
  ASSERT_NE(rossi, nullptr);
  EXPECT_EQ(rossi->emails, std::vector<std::string>{"info@rossi.it"});
  EXPECT_EQ(rossi->country, "IT");
  // The draft is skipped; its client came from the clients record of its row.
  EXPECT_TRUE(Contains(ReviewText(result), "1 draft invoice skipped (2/2024)"));
  EXPECT_NE(ClientNamed(result.ledger, "Bianchi"), nullptr);
}

TEST(MappedCsv, ReadsPaymentsWorkAndContacts) {
  const std::string mapping = WriteFixture("mapping.toml", R"(
date_format = "%Y-%m-%d"
timezone = "Europe/Rome"

[records.payments]
id = "Ref"
client = "Client"
invoice = "Invoice"
date = "Date"
amount = "Amount"

[records.work]
client = "Client"
date = "Date"
time = { column = "Time", format = "%I:%M %p" }
duration = "Duration"
billable = { column = "Billable", true_values = ["B"] }
note = "Note"

[records.contacts]
client = "Client"
date = "Date"
time = { column = "Time", format = "%I:%M %p" }
channel = { value = "call" }
minutes = "Minutes"
)");
  const std::string csv = WriteFixture("mixed.csv",
                                       "Ref,Client,Invoice,Date,Amount,Time,Duration,Billable,"
                                       "Note,Minutes\n"
                                       "P1,Acme,,2024-03-01,250.00,9:30 PM,1:45,B,design,15\n");
  const IngestResult result = ReadWith(Mapped(), csv, Ledger{}, WithMapping(mapping));
  EXPECT_FALSE(result.diagnostics.HasErrors()) << result.diagnostics.ToString();
  ASSERT_EQ(result.ledger.payments.size(), 1u);
  EXPECT_EQ(result.ledger.payments[0].id, "P1");
  EXPECT_EQ(result.ledger.payments[0].invoice, "");
  ASSERT_EQ(result.ledger.work.size(), 1u);
  const WorkEntry& work = result.ledger.work[0];
  EXPECT_EQ(work.start.ToUtcString(), "2024-03-01T20:30:00Z") << "21:30 in Rome, winter";
  EXPECT_EQ(work.minutes, 105);
  EXPECT_TRUE(work.billable);
  EXPECT_EQ(work.note, "design");
  EXPECT_TRUE(work.id.starts_with("w-"));
  ASSERT_EQ(result.ledger.contacts.size(), 1u);
  EXPECT_EQ(result.ledger.contacts[0].channel, Channel::kCall);
  EXPECT_EQ(result.ledger.contacts[0].minutes, 15);
  EXPECT_EQ(result.ledger.clients.size(), 1u);
}

TEST(MappedCsv, ReadsCreditNotesOfTheInvoicesTheyLower) {
  const std::string mapping = WriteFixture("notes.toml", R"(
[records.credit_notes]
id = "Note"
client = "Client"
invoice = "Invoice"
issued = "Date"
amount = "Credited"
reason = "Why"
)");
  Ledger stored;
  stored.clients = {Client{.id = "acme", .name = "Acme"}};
  stored.invoices = {Invoice{.id = "F1",
                             .client = "acme",
                             .issued = Day("2024-03-01"),
                             .due = Day("2024-03-31"),
                             .amount = Amount("1000.00", "EUR")}};
  // A note written negative, as many tools do, is the same note.
  const std::string csv = WriteFixture("notes.csv",
                                       "Note,Invoice,Client,Date,Credited,Why\n"
                                       "NC1,F1,Acme,2024-03-15,-200.00,wrong rate\n");
  const IngestResult result = ReadWith(Mapped(), csv, stored, WithMapping(mapping));
  ASSERT_FALSE(result.diagnostics.HasErrors()) << result.diagnostics.ToString();
  ASSERT_EQ(result.ledger.credit_notes.size(), 1u);
  const CreditNote& note = result.ledger.credit_notes[0];
  EXPECT_EQ(note.id, "NC1");
  EXPECT_EQ(note.invoice, "F1");
  EXPECT_EQ(note.client, "acme");
  EXPECT_EQ(note.issued, Day("2024-03-15"));
  EXPECT_EQ(note.amount, Amount("200.00", "EUR"));
  EXPECT_EQ(note.reason, "wrong rate");
  EXPECT_TRUE(result.ledger.payments.empty()) << "a credit note is never money received";

  // A note of an invoice that is nowhere is an error naming its line.
  const std::string orphan = WriteFixture("orphan.csv",
                                          "Note,Invoice,Client,Date,Credited,Why\n"
                                          "NC2,F9,Acme,2024-03-15,200.00,\n");
  const IngestResult bad = ReadWith(Mapped(), orphan, stored, WithMapping(mapping));
  ASSERT_TRUE(bad.diagnostics.HasErrors());
  EXPECT_TRUE(Contains(bad.diagnostics.ToString(), "orphan.csv:2")) << bad.diagnostics.ToString();
  EXPECT_TRUE(bad.ledger.credit_notes.empty());
}

TEST(MappedCsv, TwoClientsPaymentNumbersNeverCollide) {
  const std::string mapping = WriteFixture("payments.toml", R"(
date_format = "%Y-%m-%d"

[records.payments]
id = "Ref"
client = "Client"
date = "Date"
amount = "Amount"
)");
  // Both clients number their payments from 1: the second client's gets its client id.
  const std::string csv = WriteFixture("payments.csv",
                                       "Ref,Client,Date,Amount\n"
                                       "1,Acme,2024-03-01,250.00\n"
                                       "1,Beta,2024-03-02,90.00\n");
  const IngestResult result = ReadWith(Mapped(), csv, Ledger{}, WithMapping(mapping));
  EXPECT_FALSE(result.diagnostics.HasErrors()) << result.diagnostics.ToString();
  ASSERT_EQ(result.ledger.payments.size(), 2u);
  const std::string acme = ClientNamed(result.ledger, "Acme")->id;
  const std::string beta = ClientNamed(result.ledger, "Beta")->id;
  EXPECT_EQ(result.ledger.payments[0].id, "1");
  EXPECT_EQ(result.ledger.payments[0].client, acme);
  EXPECT_EQ(result.ledger.payments[1].id, "1-" + beta);

  // Against a store where payment 1 is Beta's, Acme's payment 1 is scoped instead, and a
  // re-read of Beta's keeps its id.
  Ledger store;
  store.clients = result.ledger.clients;
  store.payments = {result.ledger.payments[1]};
  store.payments[0].id = "1";
  const std::string again = WriteFixture("again.csv",
                                         "Ref,Client,Date,Amount\n"
                                         "1,Beta,2024-03-02,90.00\n"
                                         "1,Acme,2024-03-01,250.00\n");
  const IngestResult scoped = ReadWith(Mapped(), again, store, WithMapping(mapping));
  ASSERT_EQ(scoped.ledger.payments.size(), 2u) << scoped.diagnostics.ToString();
  EXPECT_EQ(scoped.ledger.payments[0].id, "1");
  EXPECT_EQ(scoped.ledger.payments[1].id, "1-" + acme);
}

TEST(MappedCsv, MalformedValuesNameTheLineAndColumn) {
  const std::string mapping = WriteFixture("mapping.toml", R"(
[records.invoices]
id = "No"
client = "Client"
issued = "Date"
amount = "Total"
)");
  const std::string csv = WriteFixture("bad.csv",
                                       "No,Client,Date,Total\n"
                                       "1,Acme,2024-01-10,100.00\n"
                                       "2,Acme,2024-01-11,\"12,34.5\"\n"
                                       "3,Acme,2024-02-30,10.00\n");
  const IngestResult result = ReadWith(Mapped(), csv, Ledger{}, WithMapping(mapping));
  ASSERT_EQ(result.diagnostics.ErrorCount(), 2u) << result.diagnostics.ToString();
  const Diagnostic& amount = result.diagnostics.items()[0];
  EXPECT_EQ(amount.file, csv);
  EXPECT_EQ(amount.line, 3);
  EXPECT_EQ(amount.field, "Total");
  EXPECT_TRUE(Contains(amount.message.In(Lang::kEn), "\"12,34.5\" is not an amount"))
      << amount.message.In(Lang::kEn);
  const Diagnostic& date = result.diagnostics.items()[1];
  EXPECT_EQ(date.line, 4);
  EXPECT_EQ(date.field, "Date");
  EXPECT_TRUE(Contains(date.message.In(Lang::kEn), "no such day")) << date.message.In(Lang::kEn);
  // Without a due date the default terms apply, with a warning.
  EXPECT_EQ(FindId(result.ledger.invoices, "1")->due, Day("2024-02-09"));
  EXPECT_TRUE(Contains(result.diagnostics.ToString(), "1 invoice has no due date"));
}

TEST(MappedCsv, MistakesInTheMappingNameItsLine) {
  const std::string mapping = WriteFixture("mapping.toml",
                                           "date_format = \"%d/%m/%Y\"\n"
                                           "[records.invoices]\n"
                                           "client = \"Customer\"\n"
                                           "issued = \"Date\"\n"
                                           "amount = \"Total\"\n"
                                           "colour = \"Total\"\n");
  const std::string csv = WriteFixture("any.csv", "Client,Date,Total\nAcme,1/2/2024,1.00\n");
  const IngestResult unknown_field = ReadWith(Mapped(), csv, Ledger{}, WithMapping(mapping));
  ASSERT_EQ(unknown_field.diagnostics.ErrorCount(), 1u) << unknown_field.diagnostics.ToString();
  EXPECT_EQ(unknown_field.diagnostics.items()[0].file, mapping);
  EXPECT_EQ(unknown_field.diagnostics.items()[0].line, 6);
  EXPECT_TRUE(Contains(unknown_field.diagnostics.items()[0].message.In(Lang::kEn),
                       "unknown field \"colour\""));

  const std::string fixed = WriteFixture("fixed.toml",
                                         "[records.invoices]\n"
                                         "client = \"Customer\"\n"
                                         "issued = \"Date\"\n"
                                         "amount = \"Total\"\n");
  const IngestResult missing_column = ReadWith(Mapped(), csv, Ledger{}, WithMapping(fixed));
  ASSERT_EQ(missing_column.diagnostics.ErrorCount(), 1u);
  const Diagnostic& d = missing_column.diagnostics.items()[0];
  EXPECT_EQ(d.line, 2);
  EXPECT_TRUE(Contains(d.message.In(Lang::kEn), "no column \"Customer\""))
      << d.message.In(Lang::kEn);
  EXPECT_TRUE(Contains(d.message.In(Lang::kEn), "Client, Date, Total")) << d.message.In(Lang::kEn);
  EXPECT_TRUE(missing_column.ledger == Ledger{});
}

TEST(MappedCsv, NeedsAMappingFile) {
  const std::string csv = WriteFixture("any.csv", "a,b\n1,2\n");
  const IngestResult result = ReadWith(Mapped(), csv);
  ASSERT_EQ(result.diagnostics.ErrorCount(), 1u);
  EXPECT_TRUE(Contains(result.diagnostics.items()[0].message.In(Lang::kEn), "--mapping"));
}

}  // namespace
}  // namespace addio
