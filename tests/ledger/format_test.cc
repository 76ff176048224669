#include "ledger/format.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ledger/csv.h"

namespace addio {
namespace {

Currency Ccy(const char* code) { return *Currency::Find(code); }
Money M(const char* amount, const char* code = "EUR") { return *Money::Parse(amount, Ccy(code)); }
CivilDate D(const char* text) { return *CivilDate::Parse(text); }
Instant T(const char* text) { return ParseInstant(text, TimeZone::Utc())->instant; }

// A ledger that sets every field and leaves every optional field out at least once.
Ledger FullLedger() {
  Ledger l;
  Workspace& w = l.workspace;
  w.name = "Studio \"Rossi\" \\ Società";
  w.currency = Ccy("EUR");
  w.timezone = "Europe/Rome";
  w.working_hours[5] = {{10 * 60, 12 * 60}};
  w.working_hours[4] = {{9 * 60, 13 * 60}, {14 * 60, 24 * 60}};
  w.holidays = {D("2026-01-06"), D("2026-12-25")};
  w.target_hourly_rate = M("60.00");
  w.fx = {{Ccy("USD"), *Decimal::Parse("0.92")}, {Ccy("JPY"), *Decimal::Parse("0.0061")}};
  w.owner_emails = {"me@rossi.it", "studio@rossi.it"};
  w.settings = {{"grace_days", 5}, {"cost_of_capital", 0.1}};
  w.dunning["slow_payer"] = {{1, DunningAction::kReminder, DunningChannel::kEmail},
                             {15, DunningAction::kFormalNotice, DunningChannel::kManual},
                             {30, DunningAction::kStopWork, DunningChannel::kManual}};
  w.dunning["default"] = {{10, DunningAction::kReminder, DunningChannel::kEmail}};
  w.smtp = {.host = "smtp.rossi.it",
            .port = 465,
            .security = MailSecurity::kTls,
            .user = "studio",
            .password_file = "/etc/addio/smtp",
            .from = "Studio <s@rossi.it>"};
  w.alerts = {.webhook = "https://hooks.rossi.it/addio",
              .secret_env = "ADDIO_HOOK",
              .email = "me@rossi.it"};

  Client acme{.id = "acme",
              .name = "ACME S.r.l.",
              .kind = ClientKind::kCompany,
              .country = "IT",
              .since = D("2025-01-10"),
              .tax_id = "IT01234567890",
              .emails = {"a@acme.it", "b@acme.it"},
              .billing_email = "pay@acme.it",
              .domains = {"acme.it"},
              .intake = R"({"will_sign_contract":"yes","budget_ratio":0.8,"notes":["a,b"]})"};
  Client solo{.id = "solo", .name = "Line\nbreak, \"quoted\"", .kind = ClientKind::kIndividual};
  l.clients = {acme, solo};
  l.contracts = {
      {.id = "k1",
       .client = "acme",
       .sent = D("2025-01-12"),
       .signed_on = D("2025-01-15"),
       .start = D("2025-01-15"),
       .end = D("2025-12-31"),
       .payment_terms_days = 30,
       .hourly_rate = M("60.00")},
      {.id = "k2", .client = "solo", .sent = D("2025-02-01"), .refused = D("2025-02-03")},
  };
  l.projects = {
      {.id = "p1",
       .client = "acme",
       .contract = "k1",
       .name = "Website",
       .pricing = Pricing::kFixed,
       .budget_hours = 40.5,
       .fee = M("2400.00"),
       .start = D("2025-01-15"),
       .end = D("2025-06-30")},
      {.id = "p2", .client = "solo", .name = "Retainer", .pricing = Pricing::kRetainer},
  };
  l.requests = {
      {.id = "r1",
       .client = "acme",
       .project = "p1",
       .at = T("2025-02-03T20:40:00Z"),
       .summary = "Add a blog",
       .in_scope = false,
       .estimate_hours = 0.1,
       .change_order = ChangeOrder::kProposed,
       .deadline = T("2025-07-04T07:00:00Z")},
      {.id = "r2", .client = "solo", .at = T("2025-08-01T10:00:00Z")},
  };
  l.work = {
      {.id = "w1",
       .client = "acme",
       .project = "p1",
       .request = "r1",
       .start = T("2025-02-04T06:00:00Z"),
       .minutes = 120,
       .billable = false,
       .note = "tab\there; semi"},
      {.id = "w2", .client = "solo", .start = T("2025-07-01T16:30:00Z"), .minutes = 0},
  };
  l.contacts = {
      {.id = "m1",
       .client = "acme",
       .at = T("2025-02-03T21:10:00Z"),
       .channel = Channel::kCall,
       .direction = Direction::kInbound,
       .minutes = 15,
       .urgent = true,
       .logged = true},
      {.id = "m2",
       .client = "solo",
       .at = T("2025-02-04T08:00:00Z"),
       .channel = Channel::kSms,
       .direction = Direction::kOutbound},
  };
  l.invoices = {
      {.id = "2025-001",
       .client = "acme",
       .issued = D("2025-02-28"),
       .due = D("2025-03-30"),
       .amount = M("2400.00"),
       .status = InvoiceStatus::kIssued,
       .disputed = true},
      {.id = "2025-002",
       .client = "solo",
       .issued = D("2025-03-01"),
       .due = D("2025-03-01"),
       .amount = M("99.95", "USD"),
       .status = InvoiceStatus::kWrittenOff},
  };
  l.payments = {
      {.id = "pay1",
       .client = "acme",
       .invoice = "2025-001",
       .date = D("2025-04-20"),
       .amount = M("2400.00")},
      {.id = "pay2", .client = "solo", .date = D("2025-04-21"), .amount = M("1500", "JPY")},
  };
  l.rate_changes = {
      {.id = "rc1",
       .client = "acme",
       .at = D("2025-06-01"),
       .from = M("60.00"),
       .to = M("70.00"),
       .outcome = RateOutcome::kCountered,
       .agreed = M("65.00")},
      {.id = "rc2", .client = "solo", .at = D("2025-06-02")},
  };
  return l;
}

std::filesystem::path TempPath(const std::string& name) {
  const auto* info = testing::UnitTest::GetInstance()->current_test_info();
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      (std::string("addio_format_") + info->name() + "_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir / name;
}

std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void Spit(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// A JSON document with a small workspace and `records` (JSON members) after it.
std::string Doc(const std::string& records) {
  return "{\"format\": \"addio-ledger/1\",\n"
         "\"workspace\": {\"name\": \"S\", \"currency\": \"EUR\", \"timezone\": \"Europe/Rome\"," +
         std::string(" \"fx\": [{\"currency\": \"USD\", \"per_unit\": \"0.92\"}]},\n") +
         "\"clients\": [{\"id\": \"acme\", \"name\": \"ACME\"}]" + (records.empty() ? "" : ",\n") +
         records + "\n}\n";
}

const Diagnostic* FindDiagnostic(const ReadResult& r, const std::string& field) {
  for (const Diagnostic& d : r.diagnostics.items()) {
    if (d.field == field) return &d;
  }
  return nullptr;
}

TEST(FormatTest, JsonRoundTripKeepsEveryField) {
  const Ledger ledger = FullLedger();
  const std::string json = LedgerToJson(ledger);
  const ReadResult read = ParseLedgerJson(json, "full.json");
  EXPECT_TRUE(read.diagnostics.empty()) << read.diagnostics.ToString();
  EXPECT_EQ(read.ledger, ledger);
  EXPECT_EQ(LedgerToJson(read.ledger), json);
  // Locations point at each record's path and line (one record per line).
  const std::optional<RecordLocation> invoice = read.source.Find("invoice", 1);
  ASSERT_TRUE(invoice.has_value());
  EXPECT_EQ(invoice->path, "$.invoices[1]");
  EXPECT_EQ(invoice->file, "full.json");
  std::istringstream lines(json);
  std::string line;
  for (int n = 1; std::getline(lines, line); ++n) {
    if (n == invoice->line) {
      EXPECT_NE(line.find("\"2025-002\""), std::string::npos) << line;
    }
  }
}

TEST(FormatTest, APasswordIsNeverReadIntoTheWorkspaceNorAStepOutOfShape) {
  const std::string json =
      "{\"format\": \"addio-ledger/1\", \"workspace\": {\"name\": \"S\", "
      "\"smtp\": {\"host\": \"smtp.example\", \"password\": \"hunter2\", \"from\": \"a@b.it\"}, "
      "\"dunning\": {\"partner\": [{\"after_days\": 7, \"action\": \"phone\"}]}}}";
  const ReadResult read = ParseLedgerJson(json, "w.json");
  ASSERT_TRUE(read.diagnostics.HasErrors());
  std::vector<std::string> paths;
  for (const Diagnostic& d : read.diagnostics.items()) paths.push_back(d.path);
  EXPECT_NE(std::find(paths.begin(), paths.end(), "$.workspace.smtp.password"), paths.end());
  EXPECT_NE(std::find(paths.begin(), paths.end(), "$.workspace.dunning.partner[0].action"),
            paths.end());
  EXPECT_EQ(LedgerToJson(read.ledger).find("hunter2"), std::string::npos);
}

TEST(FormatTest, JsonToCsvToJsonGivesEqualLedgerAndBytes) {
  const Ledger ledger = FullLedger();
  const std::string json = LedgerToJson(ledger);
  const ReadResult from_json = ParseLedgerJson(json, "full.json");
  ASSERT_TRUE(from_json.diagnostics.empty()) << from_json.diagnostics.ToString();
  const std::filesystem::path folder = TempPath("csv");
  ASSERT_TRUE(WriteLedger(from_json.ledger, folder.string(), /*csv=*/true));
  const ReadResult from_csv = ReadLedger(folder.string());
  EXPECT_TRUE(from_csv.diagnostics.empty()) << from_csv.diagnostics.ToString();
  EXPECT_EQ(from_csv.ledger, ledger);
  EXPECT_EQ(LedgerToJson(from_csv.ledger), json);
  const std::optional<RecordLocation> work = from_csv.source.Find("work", 1);
  ASSERT_TRUE(work.has_value());
  EXPECT_EQ(work->file, (folder / "work.csv").string());
  EXPECT_EQ(work->line, 3);
}

TEST(FormatTest, WritesTheDocumentedShape) {
  Ledger l;
  l.workspace.name = "S";
  l.clients = {{.id = "acme", .name = "ACME", .since = D("2025-01-10")}};
  l.requests = {
      {.id = "r1", .client = "acme", .at = T("2025-07-01T08:00:00Z"), .estimate_hours = 6}};
  l.invoices = {{.id = "i1",
                 .client = "acme",
                 .issued = D("2025-02-28"),
                 .due = D("2025-03-30"),
                 .amount = M("2400.50")}};
  EXPECT_EQ(LedgerToJson(l),
            "{\n"
            "  \"format\": \"addio-ledger/1\",\n"
            "  \"workspace\": {\n"
            "    \"name\": \"S\",\n"
            "    \"currency\": \"EUR\",\n"
            "    \"timezone\": \"Europe/Rome\",\n"
            "    \"working_hours\": {\"mon\": [\"09:00-13:00\", \"14:00-18:00\"], "
            "\"tue\": [\"09:00-13:00\", \"14:00-18:00\"], \"wed\": [\"09:00-13:00\", "
            "\"14:00-18:00\"], \"thu\": [\"09:00-13:00\", \"14:00-18:00\"], \"fri\": "
            "[\"09:00-13:00\", \"14:00-18:00\"], \"sat\": [], \"sun\": []}\n"
            "  },\n"
            "  \"clients\": [\n"
            "    {\"id\": \"acme\", \"name\": \"ACME\", \"kind\": \"company\", "
            "\"since\": \"2025-01-10\"}\n"
            "  ],\n"
            "  \"contracts\": [],\n"
            "  \"projects\": [],\n"
            "  \"requests\": [\n"
            "    {\"id\": \"r1\", \"client\": \"acme\", \"at\": \"2025-07-01T10:00:00+02:00\", "
            "\"summary\": \"\", \"in_scope\": true, \"estimate_hours\": 6, "
            "\"change_order\": \"none\"}\n"
            "  ],\n"
            "  \"work\": [],\n"
            "  \"contacts\": [],\n"
            "  \"invoices\": [\n"
            "    {\"id\": \"i1\", \"client\": \"acme\", \"issued\": \"2025-02-28\", "
            "\"due\": \"2025-03-30\", \"amount\": \"2400.50\", \"currency\": \"EUR\", "
            "\"status\": \"issued\", \"disputed\": false}\n"
            "  ],\n"
            "  \"payments\": [],\n"
            "  \"rate_changes\": []\n"
            "}\n");
}

TEST(FormatTest, MoneyWithTooManyDecimalsIsAnErrorNamingRecordAndField) {
  const ReadResult r =
      ParseLedgerJson(Doc(R"("invoices": [{"id": "i1", "client": "acme", "issued": "2025-02-28",
             "due": "2025-03-30", "amount": "1.234"}])"),
                      "l.json");
  ASSERT_EQ(r.diagnostics.ErrorCount(), 1u) << r.diagnostics.ToString();
  const Diagnostic& d = r.diagnostics.items()[0];
  EXPECT_EQ(d.file, "l.json");
  EXPECT_EQ(d.path, "$.invoices[0].amount");
  EXPECT_EQ(d.line, 4);
  EXPECT_EQ(d.record_type, "invoice");
  EXPECT_EQ(d.record_id, "i1");
  EXPECT_EQ(d.field, "amount");
  EXPECT_EQ(d.Text(), "\"1.234\" has 3 decimals, EUR has 2; expected a decimal string in EUR");
}

TEST(FormatTest, AmountReadInTheInvoiceCurrencyWhereverItIsWritten) {
  const ReadResult r =
      ParseLedgerJson(Doc(R"("invoices": [{"currency": "JPY", "id": "i1", "client": "acme",
             "issued": "2025-02-28", "due": "2025-03-30", "amount": "1.5"}])"),
                      "l.json");
  const Diagnostic* d = FindDiagnostic(r, "amount");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->Text(), "\"1.5\" has 1 decimals, JPY has 0; expected a decimal string in JPY");
}

TEST(FormatTest, NumberForMoneyAsksForADecimalString) {
  const ReadResult r = ParseLedgerJson(
      Doc(R"("payments": [{"id": "p1", "client": "acme", "date": "2025-02-28", "amount": 12.5}])"),
      "l.json");
  const Diagnostic* d = FindDiagnostic(r, "amount");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->severity, Severity::kError);
  EXPECT_EQ(d->path, "$.payments[0].amount");
  EXPECT_EQ(d->Text(), "expected a decimal string such as \"1234.50\", not a number");
  // Reported once: the validation rule "amount > 0" does not repeat it.
  EXPECT_EQ(r.diagnostics.ErrorCount(), 1u) << r.diagnostics.ToString();
}

TEST(FormatTest, UnknownFieldIsAWarningAndDropped) {
  const ReadResult r = ParseLedgerJson(Doc(R"("contacts": [
             {"id": "m1", "client": "acme", "at": "2025-02-03T21:10:00Z", "mood": "x"},
             {"id": "m2", "client": "acme", "at": "2025-02-03T21:10:00Z", "mood": "y"}])"),
                                       "l.json");
  EXPECT_EQ(r.diagnostics.ErrorCount(), 0u) << r.diagnostics.ToString();
  ASSERT_EQ(r.diagnostics.WarningCount(), 1u);
  const Diagnostic& d = r.diagnostics.items()[0];
  EXPECT_EQ(d.severity, Severity::kWarning);
  EXPECT_EQ(d.path, "$.contacts[0].mood");
  EXPECT_EQ(d.record_id, "m1");
  EXPECT_EQ(d.Text(), "unknown field, ignored; the same in 1 more record");
  EXPECT_EQ(r.ledger.contacts.size(), 2u);
}

TEST(FormatTest, InstantWithoutOffsetIsReadInTheWorkspaceZoneWithAWarning) {
  const ReadResult r = ParseLedgerJson(Doc(R"("work": [
             {"id": "w1", "client": "acme", "start": "2025-07-01T10:00:00", "minutes": 5}])"),
                                       "l.json");
  ASSERT_EQ(r.ledger.work.size(), 1u);
  EXPECT_EQ(r.ledger.work[0].start, T("2025-07-01T08:00:00Z"));  // Rome is +02:00 in July
  ASSERT_EQ(r.diagnostics.items().size(), 1u) << r.diagnostics.ToString();
  const Diagnostic& d = r.diagnostics.items()[0];
  EXPECT_EQ(d.severity, Severity::kWarning);
  EXPECT_EQ(d.path, "$.work[0].start");
  EXPECT_EQ(d.Text(),
            "instant \"2025-07-01T10:00:00\" has no offset; read in the workspace time zone "
            "Europe/Rome");
}

TEST(FormatTest, SyntaxErrorNamesLineAndColumn) {
  const ReadResult r = ParseLedgerJson(
      "{\"format\": \"addio-ledger/1\",\n"
      "  \"clients\": [\n"
      "    {\"id\": \"a\" \"name\": \"A\"}\n"
      "  ]\n"
      "}\n",
      "bad.json");
  ASSERT_EQ(r.diagnostics.ErrorCount(), 1u) << r.diagnostics.ToString();
  const Diagnostic& d = r.diagnostics.items()[0];
  EXPECT_EQ(d.file, "bad.json");
  EXPECT_EQ(d.line, 3);
  EXPECT_EQ(d.Text(), "JSON syntax error at line 3, column 16 (byte 59): expected ',' or '}'");
}

TEST(FormatTest, SyntaxErrorInsideARecordDoesNotHideTheNextRecord) {
  const ReadResult r = ParseLedgerJson(Doc("\"payments\": [\n"
                                           "  {\"id\": \"p1\" \"client\": \"acme\"},\n"
                                           "  {\"id\": \"p2\", \"client\": \"acme\", \"date\": "
                                           "\"2025-01-01\", \"amount\": \"-1\"}]"),
                                       "l.json");
  std::vector<std::string> found;
  for (const Diagnostic& d : r.diagnostics.items()) {
    found.push_back(std::to_string(d.line) + " " + d.path + ": " + d.Text());
  }
  EXPECT_EQ(found, (std::vector<std::string>{
                       "5 $.payments[0]: JSON syntax error at line 5, column 15 (byte 225): "
                       "expected ',' or '}'",
                       "6 $.payments[1].amount: must be greater than 0 (found -1.00)"}));
}

TEST(FormatTest, SyntaxErrorAtTopLevelNamesByteOffset) {
  const ReadResult r = ParseLedgerJson("{\"format\": \"addio-ledger/1\" \"x\": 1}", "bad.json");
  ASSERT_EQ(r.diagnostics.ErrorCount(), 1u);
  EXPECT_EQ(r.diagnostics.items()[0].Text(),
            "JSON syntax error at line 1, column 29 (byte 28): expected ',' or '}'");
}

TEST(FormatTest, EveryBrokenRecordIsReported) {
  const ReadResult r = ParseLedgerJson(Doc(R"("invoices": [
        {"id": "i1", "client": "acme", "issued": "2025-02-30", "due": "2025-03-30",
         "amount": "1.00"},
        {"id": "i2", "client": "acme", "issued": "2025-02-28", "due": "2025-03-30",
         "amount": "1.00", "status": "paid"}])"),
                                       "l.json");
  ASSERT_EQ(r.diagnostics.ErrorCount(), 2u) << r.diagnostics.ToString();
  const Diagnostic& date = r.diagnostics.items()[0];
  EXPECT_EQ(date.path, "$.invoices[0].issued");
  EXPECT_EQ(date.Text(), "\"2025-02-30\" is not a calendar date");
  const Diagnostic& status = r.diagnostics.items()[1];
  EXPECT_EQ(status.path, "$.invoices[1].status");
  EXPECT_EQ(status.record_id, "i2");
  EXPECT_EQ(status.Text(), "\"paid\" is not allowed; expected one of: issued, void, written_off");
}

TEST(FormatTest, WrongJsonTypesAndMissingFieldsAreErrors) {
  const ReadResult r = ParseLedgerJson(
      Doc(R"("work": [{"id": "w1", "client": "acme", "minutes": "60", "billable": "yes"}])"),
      "l.json");
  std::vector<std::string> messages;
  for (const Diagnostic& d : r.diagnostics.items()) messages.push_back(d.field + ": " + d.Text());
  EXPECT_EQ(messages,
            (std::vector<std::string>{"start: missing: expected an RFC 3339 instant such as "
                                      "2026-03-27T18:30:00+01:00",
                                      "minutes: expected a whole number, not a string",
                                      "billable: expected true or false, not a string"}));
}

TEST(FormatTest, RecordsBeforeTheWorkspaceUseItsCurrencyAndZone) {
  const ReadResult r = ParseLedgerJson(
      R"({"rate_changes": [{"id": "rc1", "client": "c", "at": "2025-01-01", "from": "1500"}],
          "clients": [{"id": "c", "name": "C"}],
          "format": "addio-ledger/1",
          "workspace": {"currency": "JPY", "timezone": "Asia/Tokyo"}})",
      "l.json");
  EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics.ToString();
  ASSERT_EQ(r.ledger.rate_changes.size(), 1u);
  EXPECT_EQ(r.ledger.rate_changes[0].from, M("1500", "JPY"));
}

TEST(FormatTest, MissingFormatIsAnError) {
  const ReadResult r = ParseLedgerJson(R"({"clients": []})", "l.json");
  ASSERT_EQ(r.diagnostics.ErrorCount(), 1u);
  EXPECT_EQ(r.diagnostics.items()[0].Text(), "missing \"format\": expected \"addio-ledger/1\"");
}

TEST(FormatTest, WorkspaceProblemsNameTheirPath) {
  const ReadResult r = ParseLedgerJson(
      R"({"format": "addio-ledger/1", "workspace": {"currency": "EUX",
          "working_hours": {"mon": ["9-13"], "xyz": []}, "settings": {"grace_days": "3"},
          "holidays": ["2026-02-30"], "colour": "red"}, "extra": 1})",
      "l.json");
  std::vector<std::string> paths;
  for (const Diagnostic& d : r.diagnostics.items()) paths.push_back(d.path + ": " + d.Text());
  EXPECT_EQ(paths,
            (std::vector<std::string>{
                "$.workspace.currency: \"EUX\" is not a known ISO 4217 currency code",
                "$.workspace.working_hours.mon[0]: expected an interval HH:MM-HH:MM such "
                "as \"09:00-13:00\"",
                "$.workspace.working_hours.xyz: \"xyz\" is not a day; expected one of: "
                "mon, tue, wed, thu, fri, sat, sun",
                "$.workspace.settings.grace_days: expected a number",
                "$.workspace.holidays[0]: \"2026-02-30\" is not a calendar date",
                "$.workspace.colour: unknown field, ignored", "$.extra: unknown field, ignored"}));
}

TEST(FormatTest, ReadLedgerReportsAMissingFile) {
  const ReadResult r = ReadLedger(TempPath("absent.json").string());
  ASSERT_EQ(r.diagnostics.ErrorCount(), 1u);
  EXPECT_NE(r.diagnostics.items()[0].Text().find("cannot open"), std::string::npos);
}

TEST(FormatTest, CsvFolderReportsColumnsCellsAndLines) {
  const std::filesystem::path folder = TempPath("ledger");
  std::filesystem::create_directories(folder);
  Spit(folder / "workspace.json", R"({"format": "addio-ledger/1", "currency": "EUR"})");
  // ';'-separated as Italian spreadsheets write it, with a BOM, CRLF and an unknown column.
  Spit(folder / "clients.csv",
       "\xEF\xBB\xBFid;name;colour\r\nacme;\"ACME; \"\"the\"\" best\";red\r\nbeta;Beta\r\n");
  Spit(folder / "invoices.csv",
       "id,client,issued,due,amount,currency\n"
       "i1,acme,2025-01-01,2025-01-31,\"1,5\",EUR\n");
  const ReadResult r = ReadLedger(folder.string());
  ASSERT_EQ(r.ledger.clients.size(), 1u) << r.diagnostics.ToString();
  EXPECT_EQ(r.ledger.clients[0].name, "ACME; \"the\" best");
  std::vector<std::string> found;
  for (const Diagnostic& d : r.diagnostics.items()) {
    found.push_back(std::filesystem::path(d.file).filename().string() + ":" +
                    std::to_string(d.line) + ": " + d.field + ": " + d.Text());
  }
  EXPECT_EQ(found, (std::vector<std::string>{
                       "clients.csv:1: colour: unknown column, ignored",
                       "clients.csv:3: : expected 3 cells as in the header, found 2",
                       "invoices.csv:2: amount: \"1,5\" is not a decimal number (expected "
                       "digits with an optional '.', no thousands separators); expected a "
                       "decimal string in EUR"}));
}

// The files of a folder are read at once on several cores; what their reading says comes
// in the order of the record types and, in a file, of its lines, whichever file ends
// first: here a long work.csv whose last line is wrong, and a short payments.csv.
TEST(FormatTest, CsvFolderDiagnosticsKeepTheOrderOfTheFiles) {
  const std::filesystem::path folder = TempPath("ledger");
  std::filesystem::create_directories(folder);
  Spit(folder / "workspace.json", R"({"format": "addio-ledger/1", "currency": "EUR"})");
  Spit(folder / "clients.csv", "id,name,colour\nacme,ACME,red\n");
  std::string work = "id,client,start,minutes,mood\n";
  const int entries = 30000;
  for (int i = 1; i <= entries; ++i) {
    work += "w" + std::to_string(i) + ",acme,2025-01-02T09:00:00+01:00,60,calm\n";
  }
  work += "bad,acme,2025-01-02T09:00:00+01:00,sixty,calm\n";
  Spit(folder / "work.csv", work);
  Spit(folder / "payments.csv", "id,client,date,amount,currency\np1,acme,2025-13-01,10.00,EUR\n");
  const ReadResult r = ReadLedger(folder.string());
  std::vector<std::string> found;
  for (const Diagnostic& d : r.diagnostics.items()) {
    found.push_back(std::filesystem::path(d.file).filename().string() + ":" +
                    std::to_string(d.line) + ": " + d.field);
  }
  EXPECT_EQ(found,
            (std::vector<std::string>{"clients.csv:1: colour", "work.csv:1: mood",
                                      "work.csv:" + std::to_string(entries + 2) + ": minutes",
                                      "payments.csv:2: date"}))
      << r.diagnostics.ToString();
  EXPECT_EQ(r.ledger.work.size(), static_cast<size_t>(entries) + 1);
  EXPECT_EQ(r.source.Find("work", entries)->line, entries + 2);
}

// The CSV form keeps one file name per record type and a line per record; the findings of
// Validate on what was read still name the file and the line of each record.
TEST(FormatTest, CsvFolderValidationFindingsNameFileAndLine) {
  const std::filesystem::path folder = TempPath("ledger");
  std::filesystem::create_directories(folder);
  Spit(folder / "workspace.json", R"({"format": "addio-ledger/1", "currency": "EUR"})");
  Spit(folder / "clients.csv", "id,name\nacme,ACME\n");
  Spit(folder / "work.csv",
       "id,client,project,start,minutes\n"
       "w1,acme,,2025-01-02T09:00:00+01:00,60\n"
       "\n"
       "w2,acme,nowhere,2025-01-02T10:00:00+01:00,30\n"
       "w1,acme,,2025-01-03T09:00:00+01:00,2000\n");
  const ReadResult r = ReadLedger(folder.string());
  std::vector<std::string> found;
  for (const Diagnostic& d : r.diagnostics.items()) {
    found.push_back(std::filesystem::path(d.file).filename().string() + ":" +
                    std::to_string(d.line) + ": " + d.record_id + ": " + d.field + ": " + d.Text());
  }
  const std::string first = (folder / "work.csv").string() + ":2";
  EXPECT_EQ(found,
            (std::vector<std::string>{
                "work.csv:4: w2: project: project \"nowhere\" does not exist",
                "work.csv:5: w1: id: duplicate id \"w1\": the work at " + first + " has it too",
                "work.csv:5: w1: minutes: must be between 0 and 1440 (found 2000)"}));
  const std::optional<RecordLocation> w2 = r.source.Find("work", 1);
  ASSERT_TRUE(w2.has_value());
  EXPECT_EQ(w2->file, (folder / "work.csv").string());
  EXPECT_EQ(w2->line, 4);
  EXPECT_EQ(w2->path, "");
  EXPECT_FALSE(r.source.Find("work", 3).has_value());
  EXPECT_FALSE(r.source.Find("invoice", 0).has_value());
}

TEST(FormatTest, CsvWorkspaceFileAndIntakeProblems) {
  const std::filesystem::path folder = TempPath("ledger");
  std::filesystem::create_directories(folder);
  Spit(folder / "workspace.json", "{\"format\": \"addio-ledger/1\",\n \"name\" \"x\"}");
  Spit(folder / "clients.csv", "id,name,intake\nacme,ACME,\"{\"\"a\"\": }\"\n");
  const ReadResult r = ReadLedger(folder.string());
  std::vector<std::string> found;
  for (const Diagnostic& d : r.diagnostics.items()) {
    found.push_back(std::filesystem::path(d.file).filename().string() + ":" +
                    std::to_string(d.line) + ": " + d.field + ": " + d.Text());
  }
  EXPECT_EQ(found, (std::vector<std::string>{
                       "workspace.json:2: : JSON syntax error at line 2, column 9 (byte 37): "
                       "expected ':' after the key",
                       "clients.csv:2: intake: expected a JSON object: unexpected '}': expected "
                       "a value at byte 6"}));
}

TEST(FormatTest, CsvFolderWithoutWorkspaceFileUsesTheDefault) {
  const std::filesystem::path folder = TempPath("ledger");
  std::filesystem::create_directories(folder);
  Spit(folder / "clients.csv", "id,name\nacme,ACME\n");
  const ReadResult r = ReadLedger(folder.string());
  ASSERT_EQ(r.diagnostics.items().size(), 1u);
  EXPECT_EQ(r.diagnostics.items()[0].severity, Severity::kWarning);
  EXPECT_EQ(r.ledger.workspace, Workspace{});
  EXPECT_EQ(r.ledger.clients.size(), 1u);
}

TEST(FormatTest, JsonSinkWritesWhatLedgerToJsonWrites) {
  const Ledger ledger = FullLedger();
  const std::filesystem::path path = TempPath("sink.json");
  auto sink = OpenLedgerSink(path.string(), /*csv=*/false, ledger.workspace);
  ASSERT_TRUE(sink) << sink.error().message.In(Lang::kEn);
  // Records of all types arrive mixed, one chunk per client.
  for (const std::string client : {"acme", "solo"}) {
    Ledger chunk;
    chunk.rate_changes = ledger.rate_changes;
    std::erase_if(chunk.rate_changes, [&](const RateChange& r) { return r.client != client; });
    chunk.clients = ledger.clients;
    std::erase_if(chunk.clients, [&](const Client& c) { return c.id != client; });
    auto add = [&client](auto& to, const auto& from) {
      for (const auto& record : from) {
        if (record.client == client) to.push_back(record);
      }
    };
    add(chunk.contracts, ledger.contracts);
    add(chunk.projects, ledger.projects);
    add(chunk.requests, ledger.requests);
    add(chunk.work, ledger.work);
    add(chunk.contacts, ledger.contacts);
    add(chunk.invoices, ledger.invoices);
    add(chunk.payments, ledger.payments);
    (*sink)->Add(chunk);
  }
  ASSERT_TRUE((*sink)->Finish());
  EXPECT_EQ(Slurp(path), LedgerToJson(ledger));
  // The temporary parts are gone.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(path.parent_path()),
                          std::filesystem::directory_iterator()),
            1);
}

TEST(FormatTest, CsvSinkWritesWhatWriteLedgerWrites) {
  const Ledger ledger = FullLedger();
  const std::filesystem::path direct = TempPath("direct"), streamed = TempPath("streamed");
  ASSERT_TRUE(WriteLedger(ledger, direct.string(), /*csv=*/true));
  auto sink = OpenLedgerSink(streamed.string(), /*csv=*/true, ledger.workspace);
  ASSERT_TRUE(sink);
  Ledger first = ledger, second;
  second.invoices = {first.invoices.back()};
  first.invoices.pop_back();
  (*sink)->Add(first);
  (*sink)->Add(second);
  ASSERT_TRUE((*sink)->Finish());
  for (const char* file : {"workspace.json", "clients.csv", "invoices.csv", "work.csv"}) {
    EXPECT_EQ(Slurp(streamed / file), Slurp(direct / file)) << file;
  }
  EXPECT_EQ(Slurp(direct / "payments.csv"),
            "id,client,invoice,date,amount,currency\n"
            "pay1,acme,2025-001,2025-04-20,2400.00,EUR\n"
            "pay2,solo,,2025-04-21,1500,JPY\n");
}

TEST(FormatTest, WriteLedgerJsonMatchesLedgerToJson) {
  const Ledger ledger = FullLedger();
  const std::filesystem::path path = TempPath("out.json");
  ASSERT_TRUE(WriteLedger(ledger, path.string(), /*csv=*/false));
  EXPECT_EQ(Slurp(path), LedgerToJson(ledger));
  const ReadResult r = ReadLedger(path.string());
  EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics.ToString();
  EXPECT_EQ(r.ledger, ledger);
}

// ---- The CSV reader on its own

std::vector<std::vector<std::string>> ReadAll(std::string_view text, CsvOptions options = {},
                                              std::vector<int>* lines = nullptr) {
  CsvReader reader(text, options);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> fields;
  while (reader.Next(fields)) {
    rows.push_back(fields);
    if (lines != nullptr) lines->push_back(reader.line());
    EXPECT_EQ(reader.problem().In(Lang::kEn), "") << reader.line();
  }
  return rows;
}

using Rows = std::vector<std::vector<std::string>>;

TEST(CsvReaderTest, ReadsBomCrlfQuotedNewlinesAndDoubledQuotes) {
  std::vector<int> lines;
  const Rows rows =
      ReadAll("\xEF\xBB\xBFid,note\r\n1,\"two\r\nlines\"\r\n2,\"say \"\"hi\"\"\"\r\n\r\n3,\r\n", {},
              &lines);
  EXPECT_EQ(rows, (Rows{{"id", "note"}, {"1", "two\nlines"}, {"2", "say \"hi\""}, {"3", ""}}));
  EXPECT_EQ(lines, (std::vector<int>{1, 2, 4, 6}));
}

TEST(CsvReaderTest, UsesTheConfiguredSeparator) {
  EXPECT_EQ(ReadAll("a;b,c;\"d;e\"\n", {.separator = ';'}), (Rows{{"a", "b,c", "d;e"}}));
  EXPECT_EQ(SniffCsvSeparator("\xEF\xBB\xBFid;name;\"a,b,c\"\n1,2,3,4"), ';');
  EXPECT_EQ(SniffCsvSeparator("id\tname\n"), '\t');
  EXPECT_EQ(SniffCsvSeparator("id\n"), ',');
}

TEST(CsvReaderTest, LastLineWithoutLineEnd) {
  EXPECT_EQ(ReadAll("a,b\n1,2"), (Rows{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(ReadAll("\"\"\n"), (Rows{{""}}));
}

TEST(CsvReaderTest, ReportsMalformedRecords) {
  CsvReader reader("a,\"b\nc\n");
  std::vector<std::string> fields;
  ASSERT_TRUE(reader.Next(fields));
  EXPECT_EQ(fields, (std::vector<std::string>{"a", "b\nc\n"}));
  EXPECT_EQ(reader.problem().In(Lang::kEn), "quoted field opened on line 1 is never closed");
  CsvReader stray("a\"b,\"c\"d\n");
  ASSERT_TRUE(stray.Next(fields));
  EXPECT_EQ(fields, (std::vector<std::string>{"a\"b", "cd"}));
  EXPECT_EQ(stray.problem().In(Lang::kEn), "quote inside unquoted field 1");
}

// The fields as views: into the input where a field reads as written, into the reader's
// own storage where it does not, all of them valid together until the next record.
TEST(CsvReaderTest, ViewsPointIntoTheInputUnlessTheFieldDiffersFromItsText) {
  const std::string text =
      "plain,\"quoted, as is\",\"dou\"\"bled\",\"cr\r\nlf\",\"after\"x,\"lone\rcr\"\n";
  CsvReader reader(text);
  std::vector<std::string_view> fields;
  ASSERT_TRUE(reader.Next(fields));
  ASSERT_EQ(fields.size(), 6u);
  EXPECT_EQ(fields[0], "plain");
  EXPECT_EQ(fields[1], "quoted, as is");
  EXPECT_EQ(fields[2], "dou\"bled");
  EXPECT_EQ(fields[3], "cr\nlf");
  EXPECT_EQ(fields[4], "afterx");
  EXPECT_EQ(fields[5], "lone\rcr");
  auto inside = [&text](std::string_view field) {
    return field.data() >= text.data() && field.data() < text.data() + text.size();
  };
  EXPECT_TRUE(inside(fields[0]));
  EXPECT_TRUE(inside(fields[1]));
  EXPECT_FALSE(inside(fields[2]));
  EXPECT_FALSE(inside(fields[3]));
  EXPECT_FALSE(inside(fields[4]));
  EXPECT_TRUE(inside(fields[5]));
  EXPECT_EQ(reader.problem().In(Lang::kEn), "text after the closing quote of field 5");
  EXPECT_EQ(reader.line(), 1);
  EXPECT_FALSE(reader.Next(fields));
}

TEST(CsvWriterTest, QuotesOnlyWhenNeeded) {
  std::string out;
  for (const char* field : {"plain", "a,b", "say \"hi\"", "two\nlines", " padded", ""}) {
    AppendCsvField(out, field);
    out += '|';
  }
  EXPECT_EQ(out, "plain|\"a,b\"|\"say \"\"hi\"\"\"|\"two\nlines\"|\" padded\"||");
  out.clear();
  AppendCsvField(out, "a;b", ';');
  EXPECT_EQ(out, "\"a;b\"");
}

}  // namespace
}  // namespace addio
