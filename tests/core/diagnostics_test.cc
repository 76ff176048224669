#include "core/diagnostics.h"

#include <gtest/gtest.h>

namespace addio {
namespace {

TEST(DiagnosticTest, NamesFileLocationRecordAndField) {
  Diagnostic d{Severity::kError, "demo.json", 0,        "$.invoices[3].amount",
               "invoice",        "2025-001",  "amount", "expected a decimal string"};
  EXPECT_EQ(d.ToString(),
            "demo.json: $.invoices[3].amount: invoice 2025-001: field amount: expected a decimal "
            "string");
  Diagnostic csv{Severity::kError, "ledger/invoices.csv", 12, "", "invoice", "", "due", "bad"};
  EXPECT_EQ(csv.ToString(), "ledger/invoices.csv:12: invoice: field due: bad");
}

TEST(DiagnosticsTest, CountsAndListsErrorsFirst) {
  Diagnostics all;
  all.Add({Severity::kWarning, "a.json", 0, "", "", "", "", "unknown field"});
  all.Add({Severity::kError, "a.json", 0, "", "", "", "", "broken"});
  EXPECT_TRUE(all.HasErrors());
  EXPECT_EQ(all.ErrorCount(), 1u);
  EXPECT_EQ(all.WarningCount(), 1u);
  EXPECT_EQ(all.ToString(), "error: a.json: broken\nwarning: a.json: unknown field\n");
}

}  // namespace
}  // namespace addio
