// The importers' words in Italian: broken files of several formats are read and every
// diagnostic, review line and error must be a catalogue message (an ingest.* key that both
// catalogues have, never the transitional "raw" English) and read as Italian, with none of
// the English sentences' telltale words left.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/catalogue.h"
#include "ingest/importers.h"
#include "ingest/ingest.h"
#include "ingest/invoicing_common.h"
#include "invoicing_test_support.h"

namespace addio {
namespace {

using testing::ReadWith;
using testing::WriteFixture;

// Words that only an English sentence of the importers would hold.
constexpr std::string_view kEnglish[] = {
    "expected", "missing", " is not ", "cannot",  "skipped", "column ", "neither",
    "unknown",  "empty",   "the file", " found ", "no such", "needed",
};

// Fails for a message that is not a catalogue entry of the importers or reads English in
// Italian.
void ExpectItalian(const Message& message, const std::string& where) {
  EXPECT_NE(message.key, "raw") << where << ": " << message.In(Lang::kEn);
  EXPECT_TRUE(message.key.starts_with("ingest.")) << where << ": " << message.key;
  EXPECT_TRUE(HasEntry(message.key)) << where << ": " << message.key;
  const std::string italian = message.In(Lang::kIt);
  EXPECT_NE(italian, message.In(Lang::kEn)) << where << ": " << italian;
  for (std::string_view word : kEnglish) {
    EXPECT_EQ(italian.find(word), std::string::npos)
        << where << ": \"" << word << "\" in: " << italian;
  }
}

// Every diagnostic and review line of `result`, which must have at least one diagnostic.
void ExpectAllItalian(const IngestResult& result, const std::string& what) {
  ASSERT_FALSE(result.diagnostics.empty()) << what;
  for (const Diagnostic& d : result.diagnostics.items()) ExpectItalian(d.message, what);
  for (const Message& line : result.review) ExpectItalian(line, what + " (review)");
  const std::string text = result.diagnostics.ToString(Lang::kIt);
  EXPECT_TRUE(text.starts_with("errore: ") || text.starts_with("avviso: ")) << text;
}

TEST(ItalianMessages, TimeTrackerCells) {
  const std::string path = WriteFixture(
      "toggl.csv",
      "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,"
      "End time,Duration\n"
      "Ann,a@x.it,Acme,Web,,Design,maybe,2024-13-45,25:99,2024-03-04,11:00,abc\n"
      "Ann,a@x.it,,,,Lost,Yes,2024-03-04,09:00,2024-03-04,10:00,01:00:00\n"
      "Ann,a@x.it,Acme,Web,,Night,Yes,2024-03-04,09:00,,,30:00:00\n");
  const IngestResult result = ReadWith(TogglImporter(), path);
  ExpectAllItalian(result, "toggl");
  const std::string text = result.diagnostics.ToString(Lang::kIt);
  EXPECT_NE(text.find("colonna 8: \"2024-13-45\" non è una data"), std::string::npos) << text;
  EXPECT_NE(text.find("non è né sì né no"), std::string::npos) << text;
  EXPECT_NE(text.find("dura 30 h 0 min: una voce di lavoro dura al massimo 24 ore"),
            std::string::npos)
      << text;
}

TEST(ItalianMessages, TimeTrackerMissingColumns) {
  const std::string path =
      WriteFixture("toggl.csv", "User,Client,Start date\nAnn,Acme,2024-03-04\n");
  const IngestResult result = ReadWith(TogglImporter(), path);
  ExpectAllItalian(result, "toggl header");
  EXPECT_NE(result.diagnostics.ToString(Lang::kIt).find("mancano le colonne \"Start time\""),
            std::string::npos)
      << result.diagnostics.ToString(Lang::kIt);
}

TEST(ItalianMessages, MappedCsvMapping) {
  const std::string mapping = WriteFixture("mapping.toml",
                                           "separator = \"|\"\n"
                                           "colour = \"red\"\n"
                                           "[records.invoices]\n"
                                           "client = \"Cliente\"\n"
                                           "number = \"Numero\"\n");
  const std::string csv = WriteFixture("data.csv", "Cliente,Numero\nAcme,1\n");
  IngestOptions options;
  options.mapping_file = mapping;
  const IngestResult result = ReadWith(MappedCsvImporter(), csv, Ledger{}, options);
  ExpectAllItalian(result, "csv-mapping");
}

TEST(ItalianMessages, InvoicingToolAmountsAndDates) {
  const std::string path = WriteFixture("invoicely.csv",
                                        "Date,Due,Details,Client,Status,Total\n"
                                        "Jan 28 2021,Feb 27 2021,INV-1,Acme,Sent,\"12,34.5\"\n"
                                        "Jan 32 2021,,INV-2,Acme,Sent,100.00\n"
                                        "Jan 28 2021,,INV-3,,Sent,100.00\n");
  const IngestResult result = ReadWith(InvoicelyImporter(), path);
  ExpectAllItalian(result, "invoicely");
  EXPECT_NE(result.diagnostics.ToString(Lang::kIt).find("vanno raggruppate a tre a tre"),
            std::string::npos)
      << result.diagnostics.ToString(Lang::kIt);
}

TEST(ItalianMessages, BankStatements) {
  ExpectAllItalian(ReadWith(OfxImporter(), WriteFixture("a.ofx", "nothing here\n")), "ofx root");
  const std::string ofx = WriteFixture(
      "b.ofx",
      "<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR</CURDEF><BANKTRANLIST>"
      "<STMTTRN><TRNTYPE>CREDIT</TRNTYPE><DTPOSTED>2024</DTPOSTED><TRNAMT>12x</TRNAMT>"
      "<FITID>1</FITID></STMTTRN></BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n");
  ExpectAllItalian(ReadWith(OfxImporter(), ofx), "ofx transaction");
  ExpectAllItalian(
      ReadWith(CamtImporter(), WriteFixture("c.xml", "<Document><Other/></Document>\n")), "camt");
}

TEST(ItalianMessages, CalendarsAndMail) {
  ExpectAllItalian(
      ReadWith(IcsImporter(), WriteFixture("a.ics", "BEGIN:VCALENDAR\nnonsense\nEND:VCALENDAR\n")),
      "ics");
  ExpectAllItalian(ReadWith(MboxImporter(), WriteFixture("a.mbox", "Hello\n\nbody\n")), "mbox");
  ExpectAllItalian(ReadWith(EmlImporter(), WriteFixture("a.eml", "just text\n")), "eml");
}

TEST(ItalianMessages, FatturaPa) {
  ExpectAllItalian(ReadWith(FatturaPaImporter(), WriteFixture("a.xml", "<Ricevuta/>\n")),
                   "fatturapa root");
}

TEST(ItalianMessages, ErrorsOfIngestAndParsers) {
  IngestContext context;
  context.options.format = "lotus123";
  const Result<IngestResult> unknown = Ingest(WriteFixture("x.txt", "x"), context);
  ASSERT_FALSE(unknown);
  ExpectItalian(unknown.error().message, "unknown format");
  const Result<IngestResult> missing = Ingest("/nonexistent/addio/file.csv", IngestContext{});
  ASSERT_FALSE(missing);
  ExpectItalian(missing.error().message, "missing path");
  const Currency eur = *Currency::Find("EUR");
  for (const char* text : {"12,34.5", "1.2.3", "0.125", "(x)", "1 USD"}) {
    const Result<Money> amount = invoicing::ParseAmount(text, eur);
    ASSERT_FALSE(amount) << text;
    ExpectItalian(amount.error().message, text);
  }
  EXPECT_EQ(invoicing::ParseAmount("0.125", eur).error().message.In(Lang::kIt),
            "\"0.125\" non è un importo: 3 decimali, EUR ne ha 2");
  EXPECT_EQ(invoicing::ParseAmount("0.125", eur).error().message.In(Lang::kEn),
            "\"0.125\" is not an amount: 3 decimals, EUR has 2");
}

}  // namespace
}  // namespace addio
