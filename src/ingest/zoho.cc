// Zoho Invoice CSV exports: invoices (one row per line item, the invoice's fields repeated:
// "Invoice Date", "Invoice Number", "Invoice Status", "Customer Name", "Due Date",
// "Currency Code", "Total", "Balance", "Last Payment Date", "WriteOff Amount") and contacts
// ("Display Name", "EmailID", "Contact Type"). What was paid is on the invoice row: Total -
// Balance - WriteOff Amount, last paid on "Last Payment Date", read as one payment
// "<invoice>-paid". A write-off makes the invoice written off. Vendors among the contacts
// are skipped.
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

bool IsInvoiceHeader(const std::vector<std::string>& keys) {
  return HasAll(keys, {"invoice date", "invoice id", "invoice number", "invoice status",
                       "customer name", "total", "balance"});
}
bool IsContactHeader(const std::vector<std::string>& keys) {
  return HasAll(keys, {"display name", "contact type", "emailid"});
}

void ReadInvoices(const CsvTable& table, InvoicingBuilder& b) {
  const auto issued_col = table.Find({"Invoice Date"});
  const auto number_col = table.Find({"Invoice Number"});
  const auto status_col = table.Find({"Invoice Status"});
  const auto client_col = table.Find({"Customer Name"});
  const auto due_col = table.Find({"Due Date"});
  const auto currency_col = table.Find({"Currency Code"});
  const auto total_col = table.Find({"Total"});
  const auto balance_col = table.Find({"Balance"});
  const auto paid_on_col = table.Find({"Last Payment Date"});
  const auto write_off_col = table.Find({"WriteOff Amount"});
  const std::string_view issued_format = b.DateFormatOf(table, issued_col);
  const std::string_view due_format = b.DateFormatOf(table, due_col);
  const std::string_view paid_format = b.DateFormatOf(table, paid_on_col);
  for (const CsvRow& row : table.rows) {
    invoicing::SourceInvoice& invoice =
        b.InvoiceFor(Cell(row, client_col), table.Name(client_col), Cell(row, number_col), row.line,
                     table.Name(number_col));
    if (invoice.line != row.line) continue;  // another line item of the same invoice
    const Currency currency = b.CurrencyOf(table, row, currency_col);
    invoice.issued = b.Date(table, row, issued_col, issued_format, true);
    invoice.due = b.Date(table, row, due_col, due_format, false);
    invoice.total = b.Amount(table, row, total_col, currency, true);
    invoice.status = Cell(row, status_col);
    const auto balance = b.Amount(table, row, balance_col, currency, false);
    const auto written_off = b.Amount(table, row, write_off_col, currency, false);
    if (written_off && written_off->is_positive()) invoice.written_off = true;
    const auto paid_on = b.Date(table, row, paid_on_col, paid_format, false);
    if (invoice.total && balance && paid_on) {
      Money paid = *invoice.total - *balance;
      if (written_off) paid -= *written_off;
      if (paid.is_positive()) {
        invoice.paid_on = paid_on;
        invoice.paid_amount = paid;
      }
    }
  }
}

void ReadContacts(const CsvTable& table, InvoicingBuilder& b) {
  const auto name_col = table.Find({"Display Name"});
  const auto email_col = table.Find({"EmailID"});
  const auto type_col = table.Find({"Contact Type"});
  const auto country_col = table.Find({"Billing Country"});
  size_t vendors = 0;
  for (const CsvRow& row : table.rows) {
    std::string type = Cell(row, type_col);
    for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (type == "vendor") {
      ++vendors;
      continue;
    }
    const std::string name = Cell(row, name_col);
    if (b.ResolveClient(name, row.line, table.Name(name_col))) {
      b.ClientDetails(name, Cell(row, email_col), Cell(row, country_col), "");
    }
  }
  if (vendors > 0) {
    b.Review(std::to_string(vendors) + " vendor contacts skipped (addio reads clients)");
  }
}

constexpr invoicing::ExportFiles kFiles{.is_invoices = IsInvoiceHeader,
                                        .read_invoices = ReadInvoices,
                                        .is_clients = IsContactHeader,
                                        .read_clients = ReadContacts};

class ZohoImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "zoho"; }
  std::string_view description_en() const override {
    return "Zoho Invoice CSV export: invoices and contacts";
  }
  std::string_view description_it() const override {
    return "Esportazione CSV di Zoho Invoice: fatture e contatti";
  }

  int Detect(const std::string&, std::string_view head) const override {
    return invoicing::ScoreExportHeader(head, kFiles, 90, 85);
  }

  IngestResult Read(const std::string& path, const IngestContext& context) const override {
    return invoicing::ReadExport(name(), path, context, kFiles);
  }
};

}  // namespace

const Importer& ZohoImporter() {
  static const ZohoImporterImpl instance;
  return instance;
}

}  // namespace addio
