// Invoicely CSV exports: invoices ("Date", "Due", "Details" (the invoice number),
// "Client", "Status", "Total"; dates as "Jan 28 2021", totals as "1,020.00") and the
// client list ("Client Name", "Email", "Phone", "Country", the same columns as
// Invoice2go's: the file name tells them apart). The export names no currency (the
// workspace's is used) and no payment date: invoices marked paid are listed for review.
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
  return keys.size() <= 8 && HasAll(keys, {"date", "due", "details", "client", "status", "total"});
}

void ReadInvoices(const CsvTable& table, InvoicingBuilder& b) {
  const auto issued_col = table.Find({"Date"});
  const auto due_col = table.Find({"Due"});
  const auto number_col = table.Find({"Details"});
  const auto client_col = table.Find({"Client"});
  const auto status_col = table.Find({"Status"});
  const auto total_col = table.Find({"Total"});
  const auto currency_col = table.Find({"Currency"});
  const std::string_view issued_format = b.DateFormatOf(table, issued_col);
  const std::string_view due_format = b.DateFormatOf(table, due_col);
  std::vector<std::string> paid;
  for (const CsvRow& row : table.rows) {
    const std::string number = Cell(row, number_col);
    invoicing::SourceInvoice& invoice = b.InvoiceFor(Cell(row, client_col), table.Name(client_col),
                                                     number, row.line, table.Name(number_col));
    if (invoice.line != row.line) {
      b.Error(row.line, table.Name(number_col),
              "invoice " + number + " appears twice (first on line " +
                  std::to_string(invoice.line) + ")");
      continue;
    }
    const Currency currency = b.CurrencyOf(table, row, currency_col);
    invoice.issued = b.Date(table, row, issued_col, issued_format, true);
    invoice.due = b.Date(table, row, due_col, due_format, false);
    invoice.total = b.Amount(table, row, total_col, currency, true);
    invoice.status = Cell(row, status_col);
    const std::string status = invoicing::HeaderKeys({invoice.status})[0];
    if (status == "paid" || status == "partial" || status == "partially paid") {
      paid.push_back(number);
    }
  }
  if (!paid.empty()) {
    b.Review(std::to_string(paid.size()) +
             " invoices marked paid or partly paid, but the export gives no payment date "
             "(first: " +
             paid.front() + "): enter those payments by hand");
  }
}

// Invoice2go writes the same client list: the file name tells them apart.
constexpr invoicing::ExportFiles kFiles{.is_invoices = IsInvoiceHeader,
                                        .read_invoices = ReadInvoices,
                                        .is_clients = invoicing::IsBasicClientListHeader,
                                        .read_clients = invoicing::ReadBasicClientList};

class InvoicelyImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "invoicely"; }
  std::string_view description_en() const override {
    return "Invoicely CSV export: invoices and clients";
  }
  std::string_view description_it() const override {
    return "Esportazione CSV di Invoicely: fatture e clienti";
  }

  int Detect(const std::string& path, std::string_view head) const override {
    const bool named = invoicing::LowerFileName(path).find("invoicely") != std::string::npos;
    return invoicing::ScoreExportHeader(head, kFiles, 85, named ? 80 : 45);
  }

  IngestResult Read(const std::string& path, const IngestContext& context) const override {
    return invoicing::ReadExport(name(), path, context, kFiles);
  }
};

}  // namespace

const Importer& InvoicelyImporter() {
  static const InvoicelyImporterImpl instance;
  return instance;
}

}  // namespace addio
