#include "core/diagnostics.h"

#include <gtest/gtest.h>

namespace addio {
namespace {

TEST(DiagnosticTest, NamesFileLocationRecordAndField) {
  Diagnostic d{Severity::kError, "demo.json", 0,        "$.invoices[3].amount",
               "invoice",        "2025-001",  "amount", Msg("ledger.shape.money")};
  EXPECT_EQ(d.ToString(),
            "demo.json: $.invoices[3].amount: invoice 2025-001: field amount: a decimal string "
            "such as \"1234.50\"");
  Diagnostic csv{Severity::kError,       "ledger/invoices.csv", 12, "", "invoice", "", "due",
                 Msg("ledger.type.text")};
  EXPECT_EQ(csv.ToString(), "ledger/invoices.csv:12: invoice: field due: text");
}

TEST(DiagnosticTest, NotesFollowTheMessageInTheReadersLanguage) {
  Diagnostic d{Severity::kWarning, "a.json", 0,      "$.clients[0].mood",
               "client",           "acme",   "mood", Msg("diag.unknown_field")};
  d.notes.push_back(Msg("diag.same_in_more", 2));
  EXPECT_EQ(d.Text(), "unknown field, ignored; the same in 2 more records");
  EXPECT_EQ(d.ToString(Lang::kIt),
            "a.json: $.clients[0].mood: cliente acme: campo mood: campo sconosciuto, ignorato; lo "
            "stesso in altri 2 record");
}

TEST(DiagnosticTest, KeepsARecordTypeTheCatalogueDoesNotName) {
  Diagnostic d{Severity::kError, "", 0, "", "bank_line", "7", "", Msg("diag.unknown_field")};
  EXPECT_EQ(d.ToString(Lang::kIt), "bank_line 7: campo sconosciuto, ignorato");
}

TEST(DiagnosticsTest, CountsAndListsErrorsFirst) {
  Diagnostics all;
  all.Add({Severity::kWarning, "a.json", 0, "", "", "", "", Msg("diag.unknown_field")});
  all.Add({Severity::kError, "a.json", 0, "", "", "", "", Msg("ledger.json.empty_file")});
  EXPECT_TRUE(all.HasErrors());
  EXPECT_EQ(all.ErrorCount(), 1u);
  EXPECT_EQ(all.WarningCount(), 1u);
  EXPECT_EQ(all.ToString(),
            "error: a.json: the file is empty; expected a ledger in JSON\n"
            "warning: a.json: unknown field, ignored\n");
  EXPECT_EQ(all.ToString(Lang::kIt),
            "errore: a.json: il file è vuoto; si attendeva un registro in JSON\n"
            "avviso: a.json: campo sconosciuto, ignorato\n");
}

}  // namespace
}  // namespace addio
