#include "ledger/validate.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <string>
#include <vector>

namespace addio {
namespace {

Currency Ccy(const char* code) { return *Currency::Find(code); }
Money M(const char* amount, const char* code = "EUR") { return *Money::Parse(amount, Ccy(code)); }
CivilDate D(const char* text) { return *CivilDate::Parse(text); }
Instant T(const char* text) { return ParseInstant(text, TimeZone::Utc())->instant; }

// One valid record of each type, all belonging to client "acme" (and a second client
// "beta" to refer to by mistake).
Ledger ValidLedger() {
  Ledger l;
  l.workspace.fx = {{Ccy("USD"), *Decimal::Parse("0.92")}};
  l.clients = {{.id = "acme", .name = "ACME"}, {.id = "beta", .name = "Beta"}};
  l.contracts = {{.id = "k1",
                  .client = "acme",
                  .signed_on = D("2025-01-15"),
                  .start = D("2025-01-15"),
                  .payment_terms_days = 30,
                  .hourly_rate = M("60.00")},
                 {.id = "kb", .client = "beta"}};
  l.projects = {{.id = "p1",
                 .client = "acme",
                 .contract = "k1",
                 .name = "Site",
                 .budget_hours = 40,
                 .fee = M("2400.00")},
                {.id = "pb", .client = "beta", .name = "Other"}};
  l.requests = {{.id = "r1",
                 .client = "acme",
                 .project = "p1",
                 .at = T("2025-02-03T20:40:00Z"),
                 .estimate_hours = 6},
                {.id = "rb", .client = "beta", .at = T("2025-02-03T20:40:00Z")}};
  l.work = {{.id = "w1",
             .client = "acme",
             .project = "p1",
             .request = "r1",
             .start = T("2025-02-04T06:00:00Z"),
             .minutes = 1440}};
  l.contacts = {{.id = "m1", .client = "acme", .at = T("2025-02-03T21:10:00Z"), .minutes = 0}};
  l.invoices = {{.id = "i1",
                 .client = "acme",
                 .issued = D("2025-02-28"),
                 .due = D("2025-02-28"),
                 .amount = M("0.01")},
                {.id = "ib",
                 .client = "beta",
                 .issued = D("2025-02-28"),
                 .due = D("2025-03-30"),
                 .amount = M("10.00", "USD")}};
  l.payments = {{.id = "y1",
                 .client = "acme",
                 .invoice = "i1",
                 .date = D("2025-03-01"),
                 .amount = M("0.01")}};
  l.rate_changes = {{.id = "rc1",
                     .client = "acme",
                     .at = D("2025-06-01"),
                     .from = M("60.00"),
                     .to = M("70.00"),
                     .agreed = M("65.00")}};
  return l;
}

// Locations as the JSON form gives them: "$.<array>[i]" on line 10 + i.
LedgerSource JsonSource(const Ledger& l) {
  LedgerSource source;
  auto add = [&source](const char* type, const char* array, size_t count) {
    for (size_t i = 0; i < count; ++i) {
      source.locations[type].push_back({"l.json", static_cast<int>(10 + i),
                                        std::string("$.") + array + "[" + std::to_string(i) + "]"});
    }
  };
  add("client", "clients", l.clients.size());
  add("contract", "contracts", l.contracts.size());
  add("project", "projects", l.projects.size());
  add("request", "requests", l.requests.size());
  add("work", "work", l.work.size());
  add("contact", "contacts", l.contacts.size());
  add("invoice", "invoices", l.invoices.size());
  add("payment", "payments", l.payments.size());
  add("rate_change", "rate_changes", l.rate_changes.size());
  source.locations["workspace"].push_back({"l.json", 2, "$.workspace"});
  return source;
}

// The diagnostics of ValidLedger() changed by `change`, located as the JSON form does.
std::vector<Diagnostic> Check(const std::function<void(Ledger&)>& change) {
  Ledger l = ValidLedger();
  change(l);
  Diagnostics out;
  Validate(l, JsonSource(l), out);
  return out.items();
}

// The field a path names: "$.invoices[0].amount" -> "amount",
// "$.workspace.fx[0].per_unit" -> "fx".
std::string FieldOf(const std::string& path) {
  const size_t start = path.starts_with("$.workspace.") ? 12 : path.find("].") + 2;
  return path.substr(start, path.find_first_of(".[", start) - start);
}

// Asserts exactly one error, at `path`, about `type` `id`, with `message`.
void ExpectOne(const std::vector<Diagnostic>& found, const std::string& path,
               const std::string& type, const std::string& id, const std::string& message) {
  std::string all;
  for (const Diagnostic& d : found) all += d.ToString() + "\n";
  ASSERT_EQ(found.size(), 1u) << all;
  const Diagnostic& d = found[0];
  EXPECT_EQ(d.severity, Severity::kError);
  EXPECT_EQ(d.file, "l.json");
  EXPECT_EQ(d.path, path);
  EXPECT_EQ(d.record_type, type);
  EXPECT_EQ(d.record_id, id);
  EXPECT_EQ(d.field, FieldOf(path));
  EXPECT_EQ(d.Text(), message);
}

TEST(ValidateTest, ValidLedgerHasNoDiagnostics) {
  EXPECT_TRUE(Check([](Ledger&) {}).empty());
}

TEST(ValidateTest, IdMustNotBeEmpty) {
  ExpectOne(Check([](Ledger& l) { l.contacts[0].id.clear(); }), "$.contacts[0].id", "contact", "",
            "missing: every contact needs an id");
}

TEST(ValidateTest, IdsAreUniquePerRecordType) {
  const auto found = Check([](Ledger& l) {
    l.invoices[1].id = "i1";
    l.invoices[1].client = "acme";
    l.invoices[1].amount = M("1.00");
  });
  ExpectOne(found, "$.invoices[1].id", "invoice", "i1",
            "duplicate id \"i1\": the invoice at $.invoices[0] has it too");
  // The same id in another record type is fine.
  EXPECT_TRUE(Check([](Ledger& l) { l.payments[0].id = "i1"; }).empty());
}

TEST(ValidateTest, DuplicateIdNamesTheFirstRecordsFileAndLine) {
  Ledger l = ValidLedger();
  l.clients[1].id = "acme";
  LedgerSource source;
  source.locations["client"] = {{"clients.csv", 2, ""}, {"clients.csv", 3, ""}};
  Diagnostics out;
  Validate(l, source, out);
  ASSERT_GE(out.items().size(), 1u);
  const Diagnostic& d = out.items()[0];
  EXPECT_EQ(d.line, 3);
  EXPECT_EQ(d.path, "");
  EXPECT_EQ(d.Text(), "duplicate id \"acme\": the client at clients.csv:2 has it too");
}

TEST(ValidateTest, ClientMustBeGiven) {
  ExpectOne(Check([](Ledger& l) { l.rate_changes[0].client.clear(); }), "$.rate_changes[0].client",
            "rate_change", "rc1", "missing: every rate_change belongs to a client");
}

TEST(ValidateTest, ClientMustExist) {
  ExpectOne(Check([](Ledger& l) { l.contacts[0].client = "nobody"; }), "$.contacts[0].client",
            "contact", "m1", "client \"nobody\" does not exist");
}

TEST(ValidateTest, ContractMustExist) {
  ExpectOne(Check([](Ledger& l) { l.projects[0].contract = "k9"; }), "$.projects[0].contract",
            "project", "p1", "contract \"k9\" does not exist");
}

TEST(ValidateTest, ContractBelongsToTheSameClient) {
  ExpectOne(Check([](Ledger& l) { l.projects[0].contract = "kb"; }), "$.projects[0].contract",
            "project", "p1", "contract \"kb\" belongs to client \"beta\", not to \"acme\"");
}

TEST(ValidateTest, ProjectMustExist) {
  ExpectOne(Check([](Ledger& l) { l.requests[0].project = "p9"; }), "$.requests[0].project",
            "request", "r1", "project \"p9\" does not exist");
}

TEST(ValidateTest, ProjectBelongsToTheSameClient) {
  ExpectOne(Check([](Ledger& l) { l.work[0].project = "pb"; }), "$.work[0].project", "work", "w1",
            "project \"pb\" belongs to client \"beta\", not to \"acme\"");
}

TEST(ValidateTest, RequestMustExistAndBelongToTheSameClient) {
  ExpectOne(Check([](Ledger& l) { l.work[0].request = "r9"; }), "$.work[0].request", "work", "w1",
            "request \"r9\" does not exist");
  ExpectOne(Check([](Ledger& l) { l.work[0].request = "rb"; }), "$.work[0].request", "work", "w1",
            "request \"rb\" belongs to client \"beta\", not to \"acme\"");
}

TEST(ValidateTest, InvoiceMustExistAndBelongToTheSameClient) {
  ExpectOne(Check([](Ledger& l) { l.payments[0].invoice = "i9"; }), "$.payments[0].invoice",
            "payment", "y1", "invoice \"i9\" does not exist");
  ExpectOne(Check([](Ledger& l) { l.payments[0].invoice = "ib"; }), "$.payments[0].invoice",
            "payment", "y1", "invoice \"ib\" belongs to client \"beta\", not to \"acme\"");
}

TEST(ValidateTest, InvoiceAmountMustBePositive) {
  ExpectOne(Check([](Ledger& l) { l.invoices[0].amount = M("0.00"); }), "$.invoices[0].amount",
            "invoice", "i1", "must be greater than 0 (found 0.00)");
}

TEST(ValidateTest, PaymentAmountMustBePositive) {
  ExpectOne(Check([](Ledger& l) { l.payments[0].amount = M("-5.00"); }), "$.payments[0].amount",
            "payment", "y1", "must be greater than 0 (found -5.00)");
}

TEST(ValidateTest, DueMustNotComeBeforeIssued) {
  ExpectOne(Check([](Ledger& l) { l.invoices[0].due = D("2025-02-27"); }), "$.invoices[0].due",
            "invoice", "i1", "due 2025-02-27 is before issued 2025-02-28");
}

TEST(ValidateTest, WorkMinutesWithinADay) {
  ExpectOne(Check([](Ledger& l) { l.work[0].minutes = 1441; }), "$.work[0].minutes", "work", "w1",
            "must be between 0 and 1440 (found 1441)");
}

TEST(ValidateTest, ContactMinutesNotNegative) {
  ExpectOne(Check([](Ledger& l) { l.contacts[0].minutes = -1; }), "$.contacts[0].minutes",
            "contact", "m1", "must be between 0 and 1440 (found -1)");
}

TEST(ValidateTest, ContractNotBothSignedAndRefused) {
  ExpectOne(Check([](Ledger& l) { l.contracts[0].refused = D("2025-01-20"); }),
            "$.contracts[0].refused", "contract", "k1",
            "a contract cannot be both signed (2025-01-15) and refused (2025-01-20)");
}

TEST(ValidateTest, ForeignCurrencyNeedsAnFxRate) {
  ExpectOne(Check([](Ledger& l) { l.payments[0].amount = M("3.00", "GBP"); }),
            "$.payments[0].currency", "payment", "y1",
            "no FX rate for GBP in the workspace: add {\"currency\": \"GBP\", \"per_unit\": "
            "\"...\"} to workspace.fx");
}

TEST(ValidateTest, PaymentTermsNotNegative) {
  ExpectOne(Check([](Ledger& l) { l.contracts[0].payment_terms_days = -30; }),
            "$.contracts[0].payment_terms_days", "contract", "k1",
            "must be 0 or more days (found -30)");
}

TEST(ValidateTest, HoursNotNegative) {
  ExpectOne(Check([](Ledger& l) { l.projects[0].budget_hours = -1; }), "$.projects[0].budget_hours",
            "project", "p1", "must be a number of hours of at least 0");
  ExpectOne(Check([](Ledger& l) { l.requests[0].estimate_hours = NAN; }),
            "$.requests[0].estimate_hours", "request", "r1",
            "must be a number of hours of at least 0");
}

TEST(ValidateTest, EndNotBeforeStart) {
  ExpectOne(Check([](Ledger& l) { l.contracts[0].end = D("2025-01-14"); }), "$.contracts[0].end",
            "contract", "k1", "end 2025-01-14 is before start 2025-01-15");
}

TEST(ValidateTest, WorkspaceMoneyIsInTheWorkspaceCurrency) {
  ExpectOne(Check([](Ledger& l) { l.rate_changes[0].agreed = M("65.00", "USD"); }),
            "$.rate_changes[0].agreed", "rate_change", "rc1",
            "is in USD; expected the workspace currency EUR");
  ExpectOne(Check([](Ledger& l) { l.projects[0].fee = M("-1.00"); }), "$.projects[0].fee",
            "project", "p1", "must not be negative (found -1.00)");
}

TEST(ValidateTest, IntakeIsAJsonObject) {
  ExpectOne(Check([](Ledger& l) { l.clients[0].intake = "[1, 2]"; }), "$.clients[0].intake",
            "client", "acme",
            "expected the screening answers as a JSON object: the text is JSON but not an "
            "object {...}");
}

TEST(ValidateTest, WorkspaceTimeZoneMustExist) {
  ExpectOne(Check([](Ledger& l) { l.workspace.timezone = "Europe/Atlantis"; }),
            "$.workspace.timezone", "workspace", "",
            "\"Europe/Atlantis\" is not a time zone of the tz database (expected e.g. "
            "Europe/Rome)");
}

TEST(ValidateTest, WorkingHoursAreRealIntervals) {
  ExpectOne(Check([](Ledger& l) {
              l.workspace.working_hours[2] = {{13 * 60, 9 * 60}};
            }),
            "$.workspace.working_hours.wed[0]", "workspace", "",
            "wed 13:00-09:00 is no interval: the end must come after the start, within "
            "00:00-24:00");
}

TEST(ValidateTest, WorkingHoursAreSortedWithoutOverlaps) {
  ExpectOne(Check([](Ledger& l) {
              l.workspace.working_hours[0] = {{9 * 60, 13 * 60}, {12 * 60, 18 * 60}};
            }),
            "$.workspace.working_hours.mon[1]", "workspace", "",
            "mon 12:00-18:00 overlaps or comes before 09:00-13:00: list the intervals of a day "
            "in order, without overlaps");
}

TEST(ValidateTest, FxRatesArePositiveAndForeign) {
  ExpectOne(Check([](Ledger& l) {
              l.workspace.fx[0].per_unit = {0, 0};
            }),
            "$.workspace.fx[0].per_unit", "workspace", "",
            "the rate for USD must be greater than 0");
  ExpectOne(Check([](Ledger& l) {
              l.workspace.fx.push_back({Ccy("EUR"), {1, 0}});
            }),
            "$.workspace.fx[1]", "workspace", "", "lists the workspace currency EUR itself");
}

TEST(ValidateTest, SettingsAreNumbers) {
  ExpectOne(Check([](Ledger& l) { l.workspace.settings["grace_days"] = INFINITY; }),
            "$.workspace.settings.grace_days", "workspace", "", "expected a number");
}

// ---- Bounds (DESIGN.md section 2): each an error naming the record and the field.

TEST(ValidateTest, AmountsAreAtMostAThousandBillionUnits) {
  EXPECT_TRUE(Check([](Ledger& l) { l.invoices[0].amount = M("1000000000000.00"); }).empty());
  ExpectOne(Check([](Ledger& l) { l.invoices[0].amount = M("50000000000000000.00"); }),
            "$.invoices[0].amount", "invoice", "i1",
            "50000000000000000.00 EUR is more than 1000000000000 (the largest amount a record "
            "may hold)");
  ExpectOne(Check([](Ledger& l) { l.payments[0].amount = M("1000000000000.01"); }),
            "$.payments[0].amount", "payment", "y1",
            "1000000000000.01 EUR is more than 1000000000000 (the largest amount a record may "
            "hold)");
  ExpectOne(Check([](Ledger& l) { l.rate_changes[0].to = M("2000000000000.00"); }),
            "$.rate_changes[0].to", "rate_change", "rc1",
            "2000000000000.00 EUR is more than 1000000000000 (the largest amount a record may "
            "hold)");
}

TEST(ValidateTest, TextFieldsAreAtMost64KiB) {
  EXPECT_TRUE(Check([](Ledger& l) { l.work[0].note = std::string(65536, 'a'); }).empty());
  ExpectOne(Check([](Ledger& l) { l.work[0].note = std::string(65537, 'a'); }), "$.work[0].note",
            "work", "w1", "the text is 65537 bytes long; at most 65536 are kept");
  ExpectOne(Check([](Ledger& l) { l.clients[1].emails.assign(3, std::string(30000, 'b')); }),
            "$.clients[1].emails", "client", "beta",
            "the text is 90000 bytes long; at most 65536 are kept");
}

TEST(ValidateTest, TextHoldsNoNulAndIsUtf8) {
  ExpectOne(Check([](Ledger& l) { l.clients[0].name = std::string("AC\0ME", 5); }),
            "$.clients[0].name", "client", "acme",
            "the text holds a NUL character (\\u0000), which text never does");
  ExpectOne(Check([](Ledger& l) { l.requests[0].summary = "caf\xE9"; }), "$.requests[0].summary",
            "request", "r1", "the text is not valid UTF-8 (from byte 3)");
}

TEST(ValidateTest, YearsAreFrom1900To2200) {
  EXPECT_TRUE(Check([](Ledger& l) { l.invoices[0].due = D("2200-12-31"); }).empty());
  ExpectOne(Check([](Ledger& l) { l.invoices[0].due = D("2201-01-01"); }), "$.invoices[0].due",
            "invoice", "i1", "year 2201 is outside 1900-2200");
  ExpectOne(Check([](Ledger& l) { l.contacts[0].at = T("1899-12-31T12:00:00Z"); }),
            "$.contacts[0].at", "contact", "m1", "year 1899 is outside 1900-2200");
}

TEST(ValidateTest, SameIdForTwoClientsNamesBothClients) {
  const auto found = Check([](Ledger& l) { l.invoices[1].id = "i1"; });
  ExpectOne(found, "$.invoices[1].client", "invoice", "i1",
            "invoice i1 belongs to client acme (read at $.invoices[0]), and this record gives it "
            "to client beta: a record never changes client; give it another id");
}

TEST(ValidateTest, RecordWithoutLocationIsNamedByTypeAndId) {
  Ledger l = ValidLedger();
  l.invoices[0].amount = M("0.00");
  Diagnostics out;
  Validate(l, LedgerSource{}, out);
  ASSERT_EQ(out.items().size(), 1u);
  EXPECT_EQ(out.items()[0].ToString(),
            "invoice i1: field amount: must be greater than 0 (found 0.00)");
}

TEST(ValidateTest, EveryViolationIsReported) {
  const auto found = Check([](Ledger& l) {
    l.work[0].minutes = 2000;
    l.contacts[0].minutes = 2000;
    l.invoices[0].due = D("2025-01-01");
  });
  EXPECT_EQ(found.size(), 3u);
}

}  // namespace
}  // namespace addio
