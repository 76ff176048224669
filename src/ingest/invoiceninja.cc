// Invoice Ninja CSV exports (v4): invoice.csv, payments.csv and clients.csv. Each file opens
// with a preamble ("Invoice Ninja v4.5.17 - December 19, 2020 11:28 pm", a blank line, the
// section name) before its header. invoice.csv repeats an invoice on each line-item row
// with its total in "Amount"; payments.csv has no payment ids (content ids are made) and
// repeats a payment per line item too; amounts carry "$" and negatives are "($400.00)".
// The other sections (quotes, recurring invoices, products, expenses, vendors) are
// recognised and skipped with a review note.
#include <algorithm>
#include <cctype>

#include "ingest/importers.h"
#include "ingest/invoicing_common.h"

namespace addio {
namespace {

using invoicing::Cell;
using invoicing::CsvRow;
using invoicing::CsvTable;
using invoicing::HasAll;
using invoicing::InvoicingBuilder;

enum class Section { kInvoices, kPayments, kClients, kOther };

// The header is the first record with two names or more: the preamble rows have one.
bool IsHeader(const std::vector<std::string>& keys) {
  return std::count_if(keys.begin(), keys.end(), [](const std::string& k) { return !k.empty(); }) >=
         2;
}

bool HasPreamble(const std::vector<std::vector<std::string>>& records) {
  return !records.empty() && !records[0].empty() && records[0][0].starts_with("invoice ninja v");
}

bool IsInvoiceHeader(const std::vector<std::string>& keys) {
  return HasAll(keys, {"client", "invoice number", "amount", "invoice date"}) &&
         (HasAll(keys, {"paid", "po number"}) || HasAll(keys, {"paid", "due date", "status"}));
}

bool IsRecurringHeader(const std::vector<std::string>& keys) {
  return HasAll(keys, {"frequency"}) || HasAll(keys, {"auto bill"}) ||
         HasAll(keys, {"remaining cycles"});
}

bool IsPaymentHeader(const std::vector<std::string>& keys) {
  return HasAll(keys, {"client", "invoice number", "amount"}) &&
         (HasAll(keys, {"date"}) || HasAll(keys, {"payment date"}));
}

bool IsClientHeader(const std::vector<std::string>& keys) {
  return HasAll(keys, {"name", "balance", "paid to date"});
}

// What a file holds, from its header and its preamble's section name ("Vendors" has the
// clients' columns).
Section Classify(const std::vector<std::string>& keys, const std::string& section,
                 std::string& other) {
  if (IsRecurringHeader(keys)) {
    other = "recurring invoice profiles";
    return Section::kOther;
  }
  if (HasAll(keys, {"quote number"})) {
    other = "quotes";
    return Section::kOther;
  }
  if (IsInvoiceHeader(keys)) return Section::kInvoices;
  if (IsPaymentHeader(keys)) return Section::kPayments;
  if (IsClientHeader(keys) && section != "vendors") return Section::kClients;
  other = section.empty() ? "records of another kind" : section;
  return Section::kOther;
}

std::string LowerAscii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

void ReadInvoices(const CsvTable& table, InvoicingBuilder& b) {
  const auto client_col = table.Find({"Client"});
  const auto email_col = table.Find({"Email"});
  const auto number_col = table.Find({"Invoice Number"});
  const auto amount_col = table.Find({"Amount"});
  const auto paid_col = table.Find({"Paid"});
  const auto status_col = table.Find({"Status"});
  const auto issued_col = table.Find({"Invoice Date"});
  const auto due_col = table.Find({"Due Date"});
  const auto currency_col = table.Find({"Currency"});
  const std::string_view issued_format = b.DateFormatOf(table, issued_col);
  const std::string_view due_format = b.DateFormatOf(table, due_col);
  size_t paid_without_date = 0;
  for (const CsvRow& row : table.rows) {
    const std::string client = Cell(row, client_col);
    b.ClientDetails(client, Cell(row, email_col), "", "");
    invoicing::SourceInvoice& invoice = b.InvoiceFor(
        client, table.Name(client_col), Cell(row, number_col), row.line, table.Name(number_col));
    if (invoice.line != row.line) continue;  // another line item of the same invoice
    const Currency currency = b.CurrencyOf(table, row, currency_col);
    invoice.issued = b.Date(table, row, issued_col, issued_format, true);
    invoice.due = b.Date(table, row, due_col, due_format, false);
    invoice.total = b.Amount(table, row, amount_col, currency, true);
    invoice.status = Cell(row, status_col);
    if (Result<Money> paid = invoicing::ParseAmount(Cell(row, paid_col), currency);
        paid && paid->is_positive()) {
      ++paid_without_date;
    }
  }
  if (paid_without_date > 0) {
    b.Review(std::to_string(paid_without_date) +
             " invoices show an amount paid but no payment date: their payments are read from "
             "Invoice Ninja's payments.csv, import it too");
  }
}

void ReadPayments(const CsvTable& table, InvoicingBuilder& b) {
  const auto client_col = table.Find({"Client"});
  const auto number_col = table.Find({"Invoice Number"});
  const auto amount_col = table.Find({"Amount"});
  const auto date_col = table.Find({"Date", "Payment Date"});
  const auto currency_col = table.Find({"Currency"});
  const std::string_view date_format = b.DateFormatOf(table, date_col);
  for (const CsvRow& row : table.rows) {
    const auto client = b.ResolveClient(Cell(row, client_col), row.line, table.Name(client_col));
    const Currency currency = b.CurrencyOf(table, row, currency_col);
    const auto amount = b.Amount(table, row, amount_col, currency, true);
    const auto date = b.Date(table, row, date_col, date_format, true);
    if (!client || !amount || !date) continue;
    b.AddPayment({"", *client, Cell(row, number_col), *date, *amount, row.line});
  }
}

void ReadClients(const CsvTable& table, InvoicingBuilder& b) {
  invoicing::ReadClientList(
      table, b,
      {.name = "Name", .email = "Email", .country = "Billing Country", .tax_id = "VAT Number"});
}

class InvoiceNinjaImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "invoiceninja"; }
  std::string_view description_en() const override {
    return "Invoice Ninja CSV export: invoices, payments and clients";
  }
  std::string_view description_it() const override {
    return "Esportazione CSV di Invoice Ninja: fatture, pagamenti e clienti";
  }

  int Detect(const std::string&, std::string_view head) const override {
    const auto records = invoicing::HeadRecords(head, 6);
    // The preamble is Invoice Ninja's own: every section is ours to read or to skip.
    if (HasPreamble(records)) return 95;
    if (records.empty()) return 0;
    const std::vector<std::string>& keys = records[0];
    if (IsInvoiceHeader(keys) || IsRecurringHeader(keys)) return 80;
    if (IsClientHeader(keys) && HasAll(keys, {"id number", "vat number"})) return 70;
    if (IsPaymentHeader(keys) && keys.size() <= 6) return 40;
    return 0;
  }

  IngestResult Read(const std::string& path, const IngestContext& context) const override {
    InvoicingBuilder b(name(), path, context);
    const std::optional<CsvTable> table = invoicing::LoadCsvTable(path, IsHeader, b.diagnostics());
    if (!table) return b.Finish();
    std::string section;  // the preamble's last word: "INVOICES", "Vendors"
    for (const std::string& cell : table->preamble) {
      if (!cell.empty()) section = LowerAscii(cell);
    }
    std::string other;
    switch (Classify(invoicing::HeaderKeys(table->header), section, other)) {
      case Section::kInvoices:
        ReadInvoices(*table, b);
        break;
      case Section::kPayments:
        ReadPayments(*table, b);
        break;
      case Section::kClients:
        ReadClients(*table, b);
        break;
      case Section::kOther:
        b.Review("skipped: Invoice Ninja " + other +
                 " are not read (addio reads invoices, payments and clients)");
        break;
    }
    return b.Finish(*table);
  }
};

}  // namespace

const Importer& InvoiceNinjaImporter() {
  static const InvoiceNinjaImporterImpl instance;
  return instance;
}

}  // namespace addio
