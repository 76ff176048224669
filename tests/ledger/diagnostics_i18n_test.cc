// The problems of a ledger read in the reader's language: the same diagnostics render in
// English exactly as before the catalogue, and in Italian without a word of English.
#include <gtest/gtest.h>

#include <string>

#include "core/diagnostics.h"
#include "ledger/format.h"

namespace addio {
namespace {

// A ledger with one problem of each kind the reader and the field rules report: a bad
// amount, a date that does not exist, an enum value, a missing required field, a wrong type,
// a reference to nothing, due before issued, an unknown field twice (counted), an instant
// without offset and a duplicate id.
constexpr char kBrokenLedger[] = R"({"format": "addio-ledger/1",
 "workspace": {"name": "Studio", "currency": "EUR", "timezone": "Europe/Rome"},
 "clients": [{"id": "acme", "name": "ACME", "kind": "company", "mood": "x"},
             {"id": "acme", "name": "ACME bis", "kind": "company", "mood": "y"}],
 "work": [{"id": "w1", "client": "acme", "start": "2025-07-01T10:00:00", "minutes": 5}],
 "invoices": [
   {"id": "F1", "client": "acme", "issued": "2025-02-30", "due": "2025-03-30",
    "amount": "960.001", "currency": "EUR", "status": "paid", "disputed": "no"},
   {"id": "F2", "client": "nobody", "issued": "2025-03-30", "due": "2025-03-01",
    "amount": "100.00", "currency": "EUR", "status": "issued"},
   {"id": "F3", "client": "acme", "due": "2025-03-01", "amount": 12,
    "currency": "EUR", "status": "issued"}]})";

constexpr char kEnglish[] =
    "error: l.json:7: $.invoices[0].issued: invoice F1: field issued: \"2025-02-30\" is not a "
    "calendar date\n"
    "error: l.json:7: $.invoices[0].amount: invoice F1: field amount: \"960.001\" has 3 "
    "decimals, EUR has 2; expected a decimal string in EUR\n"
    "error: l.json:7: $.invoices[0].status: invoice F1: field status: \"paid\" is not allowed; "
    "expected one of: issued, void, written_off\n"
    "error: l.json:7: $.invoices[0].disputed: invoice F1: field disputed: expected true or "
    "false, not a string\n"
    "error: l.json:11: $.invoices[2].issued: invoice F3: field issued: missing: expected a date "
    "YYYY-MM-DD\n"
    "error: l.json:11: $.invoices[2].amount: invoice F3: field amount: expected a decimal "
    "string such as \"1234.50\", not a number\n"
    "error: l.json:4: $.clients[1].id: client acme: field id: duplicate id \"acme\": the client "
    "at $.clients[0] has it too\n"
    "error: l.json:9: $.invoices[1].client: invoice F2: field client: client \"nobody\" does "
    "not exist\n"
    "error: l.json:9: $.invoices[1].due: invoice F2: field due: due 2025-03-01 is before "
    "issued 2025-03-30\n"
    "warning: l.json:3: $.clients[0].mood: client acme: field mood: unknown field, ignored; the "
    "same in 1 more record\n"
    "warning: l.json:5: $.work[0].start: work w1: field start: instant \"2025-07-01T10:00:00\" "
    "has no offset; read in the workspace time zone Europe/Rome\n";

TEST(DiagnosticsI18nTest, EnglishIsUnchanged) {
  const ReadResult r = ParseLedgerJson(kBrokenLedger, "l.json");
  EXPECT_EQ(r.diagnostics.ToString(Lang::kEn), kEnglish);
}

TEST(DiagnosticsI18nTest, ItalianIsItalianThroughout) {
  const ReadResult r = ParseLedgerJson(kBrokenLedger, "l.json");
  const std::string italian = r.diagnostics.ToString(Lang::kIt);
  for (const char* word :
       {"errore: ", "avviso: ", "fattura F1", "campo amount", "non è una data del calendario",
        "si attendeva una stringa decimale", "non è ammesso", "mancante",
        "cliente \"nobody\" inesistente", "la scadenza 2025-03-01 precede", "campo sconosciuto",
        "lo stesso in un altro record", "fuso orario", "duplicato"}) {
    EXPECT_NE(italian.find(word), std::string::npos) << word << "\n" << italian;
  }
  for (const char* english : {"raw", "expected", "error:", "warning:", "invoice ", " is not ",
                              "missing", "the same", "does not exist", "field "}) {
    EXPECT_EQ(italian.find(english), std::string::npos) << english << "\n" << italian;
  }
}

TEST(DiagnosticsI18nTest, EveryMessageOfTheReaderHasBothLanguages) {
  const ReadResult r = ParseLedgerJson(kBrokenLedger, "l.json");
  for (const Diagnostic& d : r.diagnostics.items()) {
    EXPECT_TRUE(HasEntry(d.message.key)) << d.message.key;
    for (const Message& note : d.notes) EXPECT_TRUE(HasEntry(note.key)) << note.key;
  }
}

}  // namespace
}  // namespace addio
