// Credit notes (ledger 1.1): the format in both forms, validation, and what they do to the
// allocation of payments.
#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ledger/allocation.h"
#include "ledger/format.h"
#include "ledger/snapshot.h"

namespace addio {
namespace {

namespace fs = std::filesystem;

Currency Ccy(const char* code) { return *Currency::Find(code); }
Money M(const char* amount, const char* code = "EUR") { return *Money::Parse(amount, Ccy(code)); }
CivilDate D(const char* text) { return *CivilDate::Parse(text); }

Workspace EurWorkspace() {
  Workspace w;
  w.name = "Studio";
  w.currency = Ccy("EUR");
  w.timezone = "Europe/Rome";
  w.fx = {{Ccy("USD"), *Decimal::Parse("0.92")}};
  return w;
}

Invoice AnInvoice(const char* id, const char* issued, const char* due, const char* amount) {
  return Invoice{
      .id = id, .client = "acme", .issued = D(issued), .due = D(due), .amount = M(amount)};
}

Payment APayment(const char* id, const char* date, const char* amount, const char* invoice = "") {
  return Payment{
      .id = id, .client = "acme", .invoice = invoice, .date = D(date), .amount = M(amount)};
}

CreditNote ANote(const char* id, const char* invoice, const char* issued, const char* amount,
                 const char* code = "EUR") {
  return CreditNote{.id = id,
                    .client = "acme",
                    .invoice = invoice,
                    .issued = D(issued),
                    .amount = M(amount, code),
                    .reason = "discount agreed"};
}

Ledger SmallLedger() {
  Ledger l;
  l.workspace = EurWorkspace();
  l.clients = {Client{.id = "acme", .name = "ACME"}, Client{.id = "beta", .name = "Beta"}};
  l.invoices = {AnInvoice("2025-001", "2025-02-28", "2025-03-30", "2400.00")};
  l.invoices.push_back(Invoice{.id = "b-1",
                               .client = "beta",
                               .issued = D("2025-02-01"),
                               .due = D("2025-03-01"),
                               .amount = M("500.00")});
  l.payments = {APayment("pay1", "2025-04-20", "2200.00", "2025-001")};
  return l;
}

fs::path TempPath(const std::string& name) {
  const fs::path path =
      fs::temp_directory_path() / ("addio-credit-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(path);
  return path;
}

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool HasError(const Diagnostics& diagnostics, const std::string& type, const std::string& field,
              const std::string& text) {
  for (const Diagnostic& d : diagnostics.items()) {
    if (d.severity == Severity::kError && d.record_type == type && d.field == field &&
        d.ToString(Lang::kEn).find(text) != std::string::npos) {
      return true;
    }
  }
  return false;
}

// ---- The format ----

TEST(CreditNoteFormatTest, JsonAndCsvRoundTripKeepEveryField) {
  Ledger l = SmallLedger();
  l.credit_notes = {ANote("NC-1", "2025-001", "2025-03-10", "200.00")};
  const std::string json = LedgerToJson(l);
  EXPECT_NE(json.find("\"format\": \"addio-ledger/1.1\""), std::string::npos);
  EXPECT_NE(json.find("\"credit_notes\": [\n    {\"id\": \"NC-1\", \"client\": \"acme\", "
                      "\"invoice\": \"2025-001\", \"issued\": \"2025-03-10\", \"amount\": "
                      "\"200.00\", \"currency\": \"EUR\", \"reason\": \"discount agreed\"}"),
            std::string::npos)
      << json;
  ReadResult back = ParseLedgerJson(json, "mem.json");
  ASSERT_FALSE(back.diagnostics.HasErrors()) << back.diagnostics.ToString();
  EXPECT_EQ(back.ledger, l);

  const fs::path folder = TempPath("csv");
  ASSERT_TRUE(WriteLedger(l, folder.string(), /*csv=*/true));
  EXPECT_EQ(Slurp(folder / "credit_notes.csv"),
            "id,client,invoice,issued,amount,currency,reason\n"
            "NC-1,acme,2025-001,2025-03-10,200.00,EUR,discount agreed\n");
  EXPECT_NE(Slurp(folder / "workspace.json").find("addio-ledger/1.1"), std::string::npos);
  ReadResult csv = ReadLedger(folder.string());
  ASSERT_FALSE(csv.diagnostics.HasErrors()) << csv.diagnostics.ToString();
  EXPECT_EQ(LedgerToJson(csv.ledger), json);
  fs::remove_all(folder);
}

TEST(CreditNoteFormatTest, ALedgerWithoutCreditNotesIsWrittenAsBefore) {
  const Ledger l = SmallLedger();
  const std::string json = LedgerToJson(l);
  EXPECT_NE(json.find("\"format\": \"addio-ledger/1\","), std::string::npos);
  EXPECT_EQ(json.find("credit_notes"), std::string::npos);
  EXPECT_NE(json.find("\"rate_changes\": []\n}\n"), std::string::npos);  // still the last key

  // A folder that held credit notes loses the file when written again without them.
  const fs::path folder = TempPath("csv-none");
  Ledger with = l;
  with.credit_notes = {ANote("NC-1", "2025-001", "2025-03-10", "200.00")};
  ASSERT_TRUE(WriteLedger(with, folder.string(), true));
  ASSERT_TRUE(WriteLedger(l, folder.string(), true));
  EXPECT_FALSE(fs::exists(folder / "credit_notes.csv"));
  EXPECT_EQ(Slurp(folder / "workspace.json").find("1.1"), std::string::npos);
  fs::remove_all(folder);

  // The streaming sink agrees.
  const fs::path file = TempPath("sink.json");
  auto sink = OpenLedgerSink(file.string(), false, l.workspace);
  ASSERT_TRUE(sink);
  (*sink)->Add(l);
  ASSERT_TRUE((*sink)->Finish());
  EXPECT_EQ(Slurp(file), json);
  fs::remove(file);
}

TEST(CreditNoteFormatTest, ReadsBothFormatNames) {
  Ledger l = SmallLedger();
  std::string json = LedgerToJson(l);
  EXPECT_FALSE(ParseLedgerJson(json, "a.json").diagnostics.HasErrors());
  json.replace(json.find("addio-ledger/1"), 14, "addio-ledger/1.1");
  EXPECT_FALSE(ParseLedgerJson(json, "b.json").diagnostics.HasErrors());
  json.replace(json.find("addio-ledger/1.1"), 16, "addio-ledger/2");
  EXPECT_TRUE(ParseLedgerJson(json, "c.json").diagnostics.HasErrors());
}

// ---- Validation ----

TEST(CreditNoteValidationTest, EachRuleIsAnErrorNamingPathRecordAndField) {
  Ledger l = SmallLedger();
  l.credit_notes = {
      ANote("no-invoice", "", "2025-03-10", "10.00"),
      ANote("missing", "2025-404", "2025-03-10", "10.00"),
      ANote("zero", "2025-001", "2025-03-10", "0.00"),
      ANote("no-rate", "2025-001", "2025-03-10", "10.00", "CHF"),
      ANote("other", "b-1", "2025-03-10", "10.00"),
      ANote("first", "2025-001", "2025-03-11", "2000.00"),
      ANote("beyond", "2025-001", "2025-03-12", "400.01"),
  };
  const std::string json = LedgerToJson(l);
  ReadResult r = ParseLedgerJson(json, "books.json");
  const Diagnostics& d = r.diagnostics;
  EXPECT_TRUE(HasError(d, "credit_note", "invoice", "must name the invoice")) << d.ToString();
  EXPECT_TRUE(HasError(d, "credit_note", "invoice", "2025-404"));
  EXPECT_TRUE(HasError(d, "credit_note", "amount", "greater than 0"));
  EXPECT_TRUE(HasError(d, "credit_note", "currency", "CHF"));
  EXPECT_TRUE(HasError(d, "credit_note", "invoice", "belongs to client \"beta\""));
  EXPECT_TRUE(HasError(d, "credit_note", "amount", "total 2400.01 EUR, more than its amount"));
  EXPECT_EQ(d.ErrorCount(), 6u) << d.ToString();
  for (const Diagnostic& item : d.items()) {
    EXPECT_EQ(item.file, "books.json");
    EXPECT_EQ(item.path.rfind("$.credit_notes[", 0), 0u) << item.path;
    EXPECT_GT(item.line, 0);
  }

  // In the CSV form the messages name the file and the line.
  const fs::path folder = TempPath("csv-bad");
  ASSERT_TRUE(WriteLedger(l, folder.string(), true));
  ReadResult csv = ReadLedger(folder.string());
  bool found = false;
  for (const Diagnostic& item : csv.diagnostics.items()) {
    if (item.record_id == "beyond") {
      found = true;
      EXPECT_EQ(item.file, (folder / "credit_notes.csv").string());
      EXPECT_EQ(item.line, 8);
      EXPECT_EQ(item.field, "amount");
    }
  }
  EXPECT_TRUE(found) << csv.diagnostics.ToString();
  fs::remove_all(folder);
}

TEST(CreditNoteValidationTest, ANoteInAnotherCurrencyIsComparedConverted) {
  Ledger l = SmallLedger();
  // 100 USD = 92 EUR: 2300 + 92 = 2392 <= 2400.
  l.credit_notes = {ANote("a", "2025-001", "2025-03-10", "2300.00"),
                    ANote("b", "2025-001", "2025-03-11", "100.00", "USD")};
  Diagnostics d;
  Validate(l, LedgerSource{}, d);
  EXPECT_FALSE(d.HasErrors()) << d.ToString();
}

// ---- Allocation ----

const Workspace kWorkspace = EurWorkspace();

TEST(CreditNoteAllocationTest, APartialCreditLowersWhatIsOwedFromItsDate) {
  const std::vector<Invoice> invoices = {AnInvoice("i1", "2025-01-10", "2025-02-10", "1000.00")};
  const std::vector<CreditNote> notes = {ANote("n1", "i1", "2025-01-20", "200.00")};
  const AllocationResult before =
      AllocatePayments(invoices, {}, notes, kWorkspace, D("2025-01-19"));
  EXPECT_EQ(before.settlements[0].net, M("1000.00"));
  EXPECT_EQ(before.settlements[0].open, M("1000.00"));
  const AllocationResult after = AllocatePayments(invoices, {}, notes, kWorkspace, D("2025-01-20"));
  EXPECT_EQ(after.settlements[0].net, M("800.00"));
  EXPECT_EQ(after.settlements[0].credited, M("200.00"));
  EXPECT_EQ(after.settlements[0].open, M("800.00"));
  EXPECT_EQ(after.settlements[0].paid, M("0.00"));
  EXPECT_FALSE(after.settlements[0].voided);

  // Paying the net amount settles it, on the payment's date.
  const std::vector<Payment> payments = {APayment("p1", "2025-02-05", "800.00")};
  const AllocationResult paid =
      AllocatePayments(invoices, payments, notes, kWorkspace, D("2025-03-01"));
  EXPECT_EQ(paid.settlements[0].open, M("0.00"));
  EXPECT_EQ(paid.settlements[0].settled, D("2025-02-05"));
  EXPECT_EQ(paid.credit, M("0.00"));
}

TEST(CreditNoteAllocationTest, ACreditThatBringsTheNetDownToWhatWasPaidSettlesOnItsDate) {
  const std::vector<Invoice> invoices = {AnInvoice("i1", "2025-01-10", "2025-02-10", "1000.00")};
  const std::vector<Payment> payments = {APayment("p1", "2025-02-01", "800.00", "i1")};
  const std::vector<CreditNote> notes = {ANote("n1", "i1", "2025-03-01", "200.00")};
  const AllocationResult r =
      AllocatePayments(invoices, payments, notes, kWorkspace, D("2025-06-01"));
  EXPECT_EQ(r.settlements[0].settled, D("2025-03-01"));
  EXPECT_EQ(r.settlements[0].paid, M("800.00"));
  EXPECT_EQ(r.credit, M("0.00"));
}

TEST(CreditNoteAllocationTest, AFullCreditVoidsTheInvoiceFromItsDate) {
  const std::vector<Invoice> invoices = {AnInvoice("i1", "2025-01-10", "2025-02-10", "1000.00"),
                                         AnInvoice("i2", "2025-01-15", "2025-02-15", "300.00")};
  const std::vector<CreditNote> notes = {ANote("n1", "i1", "2025-02-01", "600.00"),
                                         ANote("n2", "i1", "2025-02-03", "400.00")};
  // A payment naming no invoice goes to i2 only: i1 is void by then.
  const std::vector<Payment> payments = {APayment("p1", "2025-02-20", "300.00")};
  const AllocationResult r =
      AllocatePayments(invoices, payments, notes, kWorkspace, D("2025-06-01"));
  EXPECT_EQ(r.settlements[0].voided, D("2025-02-03"));
  EXPECT_EQ(r.settlements[0].net, M("0.00"));
  EXPECT_EQ(r.settlements[0].open, M("0.00"));
  EXPECT_FALSE(r.settlements[0].settled);  // void, not paid
  EXPECT_EQ(r.settlements[1].settled, D("2025-02-20"));

  ClientLedger client{.client = Client{.id = "acme"}};
  client.invoices = invoices;
  client.credit_notes = notes;
  const ClientSnapshot before(client, kWorkspace, D("2025-02-02"));
  EXPECT_FALSE(before.IsVoid(0));
  EXPECT_EQ(before.NetAmount(0), M("400.00"));
  const ClientSnapshot after(client, kWorkspace, D("2025-02-03"));
  EXPECT_TRUE(after.IsVoid(0));
}

TEST(CreditNoteAllocationTest, ACreditAfterPaymentBecomesClientCreditOnItsDate) {
  const std::vector<Invoice> invoices = {AnInvoice("i1", "2025-01-10", "2025-02-10", "1000.00"),
                                         AnInvoice("i2", "2025-04-01", "2025-05-01", "500.00")};
  const std::vector<Payment> payments = {APayment("p1", "2025-01-20", "600.00", "i1"),
                                         APayment("p2", "2025-02-01", "400.00", "i1")};
  const std::vector<CreditNote> notes = {ANote("n1", "i1", "2025-03-01", "300.00")};

  const AllocationResult march =
      AllocatePayments(invoices, payments, notes, kWorkspace, D("2025-03-15"));
  const InvoiceSettlement& i1 = march.settlements[0];
  EXPECT_EQ(i1.net, M("700.00"));
  EXPECT_EQ(i1.paid, M("700.00"));  // the 300 beyond the net amount was taken back
  EXPECT_EQ(i1.open, M("0.00"));
  EXPECT_EQ(i1.settled, D("2025-02-01"));  // it was paid in full then
  ASSERT_EQ(i1.parts.size(), 2u);          // taken from the latest part
  EXPECT_EQ(i1.parts[1].amount, M("100.00"));
  EXPECT_EQ(march.credit, M("300.00"));  // client credit, not money received again

  // Consumed like any other credit by the next invoice, on its issue date.
  const AllocationResult april =
      AllocatePayments(invoices, payments, notes, kWorkspace, D("2025-04-15"));
  EXPECT_EQ(april.credit, M("0.00"));
  EXPECT_EQ(april.settlements[1].paid, M("300.00"));
  EXPECT_EQ(april.settlements[1].open, M("200.00"));
  ASSERT_EQ(april.settlements[1].parts.size(), 1u);
  EXPECT_EQ(april.settlements[1].parts[0].payment, "");
  EXPECT_EQ(april.settlements[1].parts[0].date, D("2025-04-01"));
}

TEST(CreditNoteAllocationTest, ANoteBeforeItsInvoiceAppliesWhenTheInvoiceIsIssued) {
  const std::vector<Invoice> invoices = {AnInvoice("i1", "2025-01-10", "2025-02-10", "1000.00")};
  const std::vector<CreditNote> notes = {ANote("n1", "i1", "2025-01-05", "100.00", "USD")};
  const AllocationResult early = AllocatePayments(invoices, {}, notes, kWorkspace, D("2025-01-07"));
  EXPECT_EQ(early.settlements[0].credited, M("0.00"));  // the invoice does not exist yet
  EXPECT_EQ(early.credit, M("0.00"));
  const AllocationResult later = AllocatePayments(invoices, {}, notes, kWorkspace, D("2025-01-10"));
  EXPECT_EQ(later.settlements[0].credited, M("92.00"));  // 100 USD at 0.92
  EXPECT_EQ(later.settlements[0].open, M("908.00"));
}

}  // namespace
}  // namespace addio
