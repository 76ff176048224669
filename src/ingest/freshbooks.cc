// FreshBooks CSV exports: the invoice details report (one row per line item: "Client
// Name", "Invoice #", "Date Issued", "Invoice Status", "Date Paid", "Line Total",
// "Currency") and the client list ("Organization", "First Name", "Last Name", "Email").
// An invoice's total is the sum of its line totals. The export has no due date (the
// default terms apply, with a warning) and no amount paid: a paid invoice with a "Date
// Paid" becomes a payment of its whole total; a partly paid one is listed for review.
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
  return HasAll(keys, {"client name", "invoice #", "date issued", "invoice status"});
}

bool IsClientHeader(const std::vector<std::string>& keys) {
  return HasAll(keys, {"organization", "first name", "last name", "email", "province/state"});
}

void ReadInvoices(const CsvTable& table, InvoicingBuilder& b) {
  const auto client_col = table.Find({"Client Name"});
  const auto number_col = table.Find({"Invoice #"});
  const auto issued_col = table.Find({"Date Issued"});
  const auto status_col = table.Find({"Invoice Status"});
  const auto paid_col = table.Find({"Date Paid"});
  const auto total_col = table.Find({"Line Total"});
  const auto due_col = table.Find({"Due Date", "Date Due"});
  const auto currency_col = table.Find({"Currency"});
  const std::string_view issued_format = b.DateFormatOf(table, issued_col);
  const std::string_view paid_format = b.DateFormatOf(table, paid_col);
  const std::string_view due_format = b.DateFormatOf(table, due_col);
  std::vector<std::string> partly_paid;
  for (const CsvRow& row : table.rows) {
    const std::string number = Cell(row, number_col);
    invoicing::SourceInvoice& invoice = b.InvoiceFor(Cell(row, client_col), table.Name(client_col),
                                                     number, row.line, table.Name(number_col));
    const Currency currency = b.CurrencyOf(table, row, currency_col);
    const auto line_total = b.Amount(table, row, total_col, currency, true);
    if (line_total) {
      if (invoice.total && !(invoice.total->currency() == line_total->currency())) {
        b.Error(row.line, table.Name(currency_col),
                "invoice " + number + " mixes currencies across its lines");
      } else {
        invoice.total = invoice.total ? *invoice.total + *line_total : *line_total;
      }
    }
    if (invoice.line != row.line) continue;  // the invoice's fields repeat on every line
    invoice.issued = b.Date(table, row, issued_col, issued_format, true);
    invoice.due = b.Date(table, row, due_col, due_format, false);
    invoice.status = Cell(row, status_col);
    const auto paid_on = b.Date(table, row, paid_col, paid_format, false);
    const std::string status = invoicing::HeaderKeys({invoice.status})[0];
    if (paid_on && (status == "paid" || status == "auto-paid")) {
      invoice.paid_on = paid_on;
    } else if (paid_on || status == "partial") {
      partly_paid.push_back(number);
    }
  }
  if (!partly_paid.empty()) {
    b.Review(std::to_string(partly_paid.size()) +
             " partly paid invoices whose payments the export does not give (first: " +
             partly_paid.front() + "): import the payments, or enter them by hand");
  }
}

void ReadClients(const CsvTable& table, InvoicingBuilder& b) {
  const auto organization_col = table.Find({"Organization"});
  const auto first_col = table.Find({"First Name"});
  const auto last_col = table.Find({"Last Name"});
  const auto email_col = table.Find({"Email"});
  const auto country_col = table.Find({"Country"});
  for (const CsvRow& row : table.rows) {
    // A client without an organization is the person.
    std::string name = Cell(row, organization_col);
    if (name.empty()) {
      name = Cell(row, first_col);
      const std::string last = Cell(row, last_col);
      if (!last.empty()) name += (name.empty() ? "" : " ") + last;
    }
    if (!b.ResolveClient(name, row.line, table.Name(organization_col))) continue;
    b.ClientDetails(name, Cell(row, email_col), Cell(row, country_col), "");
  }
}

constexpr invoicing::ExportFiles kFiles{.is_invoices = IsInvoiceHeader,
                                        .read_invoices = ReadInvoices,
                                        .is_clients = IsClientHeader,
                                        .read_clients = ReadClients};

class FreshBooksImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "freshbooks"; }
  std::string_view description_en() const override {
    return "FreshBooks CSV export: invoice details and clients";
  }
  std::string_view description_it() const override {
    return "Esportazione CSV di FreshBooks: dettaglio fatture e clienti";
  }

  int Detect(const std::string&, std::string_view head) const override {
    return invoicing::ScoreExportHeader(head, kFiles, 90, 60);
  }

  IngestResult Read(const std::string& path, const IngestContext& context) const override {
    return invoicing::ReadExport(name(), path, context, kFiles);
  }
};

}  // namespace

const Importer& FreshBooksImporter() {
  static const FreshBooksImporterImpl instance;
  return instance;
}

}  // namespace addio
