// Invoice2go CSV exports: documents ("DocumentNumber", "DocumentDate", "Name",
// "EmailRecipient", "DocumentStatus", "DatePaid", "TermsOld", "CurrencyCode",
// "TotalAmount", "AmountPaidAmount"; line items and taxes packed into single cells) and
// the client list ("Client Name", "Email", "Phone", "Country"). The due date is the
// document date plus "TermsOld" days when that is set; "unsent" (Invoice2go has no draft:
// a numbered invoice may well have been printed or shared by hand) reads as issued. What
// was paid is on the document row: "AmountPaidAmount" on "DatePaid", one payment
// "<invoice>-paid".
#include <charconv>

#include "ingest/importers.h"
#include "ingest/invoicing_common.h"

namespace addio {
namespace {

using invoicing::Cell;
using invoicing::CsvRow;
using invoicing::CsvTable;
using invoicing::HasAll;
using invoicing::InvoicingBuilder;

bool IsDocumentHeader(const std::vector<std::string>& keys) {
  return HasAll(keys, {"documentnumber", "documentdate", "documentstatus", "totalamount",
                       "balancedueamount"});
}

void ReadDocuments(const CsvTable& table, InvoicingBuilder& b) {
  const auto number_col = table.Find({"DocumentNumber"});
  const auto issued_col = table.Find({"DocumentDate"});
  const auto client_col = table.Find({"Name"});
  const auto email_col = table.Find({"EmailRecipient"});
  const auto status_col = table.Find({"DocumentStatus"});
  const auto paid_on_col = table.Find({"DatePaid"});
  const auto terms_col = table.Find({"TermsOld"});
  const auto currency_col = table.Find({"CurrencyCode"});
  const auto total_col = table.Find({"TotalAmount"});
  const auto paid_col = table.Find({"AmountPaidAmount"});
  const std::string_view issued_format = b.DateFormatOf(table, issued_col);
  const std::string_view paid_format = b.DateFormatOf(table, paid_on_col);
  std::vector<std::string> paid_without_date;
  for (const CsvRow& row : table.rows) {
    const std::string client = Cell(row, client_col);
    b.ClientDetails(client, Cell(row, email_col), "", "");
    const std::string number = Cell(row, number_col);
    invoicing::SourceInvoice& invoice =
        b.InvoiceFor(client, table.Name(client_col), number, row.line, table.Name(number_col));
    if (invoice.line != row.line) {
      b.Error(row.line, table.Name(number_col),
              "document " + number + " appears twice (first on line " +
                  std::to_string(invoice.line) + ")");
      continue;
    }
    const Currency currency = b.CurrencyOf(table, row, currency_col);
    invoice.issued = b.Date(table, row, issued_col, issued_format, true);
    invoice.total = b.Amount(table, row, total_col, currency, true);
    const std::string status = Cell(row, status_col);
    invoice.status = status == "unsent" ? "" : status;
    const std::string terms = Cell(row, terms_col);
    int days = 0;
    const auto [end, error] = std::from_chars(terms.data(), terms.data() + terms.size(), days);
    if (!terms.empty() &&
        (error != std::errc() || end != terms.data() + terms.size() || days < 0)) {
      b.Error(row.line, table.Name(terms_col),
              "\"" + terms + "\" is not a number of days of payment terms");
    } else if (invoice.issued && days > 0) {
      invoice.due = invoice.issued->AddDays(days);
    }
    const auto paid = b.Amount(table, row, paid_col, currency, false);
    const auto paid_on = b.Date(table, row, paid_on_col, paid_format, false);
    if (paid && paid->is_positive()) {
      if (paid_on) {
        invoice.paid_on = paid_on;
        invoice.paid_amount = paid;
      } else {
        paid_without_date.push_back(number);
      }
    }
  }
  if (!paid_without_date.empty()) {
    b.Review(std::to_string(paid_without_date.size()) +
             " invoices show an amount paid but no date paid (first: " + paid_without_date.front() +
             "): enter those payments by hand");
  }
}

// Invoicely writes the same client list: the file name tells them apart.
constexpr invoicing::ExportFiles kFiles{.is_invoices = IsDocumentHeader,
                                        .read_invoices = ReadDocuments,
                                        .is_clients = invoicing::IsBasicClientListHeader,
                                        .read_clients = invoicing::ReadBasicClientList};

class Invoice2goImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "invoice2go"; }
  std::string_view description_en() const override {
    return "Invoice2go CSV export: invoices and clients";
  }
  std::string_view description_it() const override {
    return "Esportazione CSV di Invoice2go: fatture e clienti";
  }

  int Detect(const std::string& path, std::string_view head) const override {
    const std::string file = invoicing::LowerFileName(path);
    const bool named =
        file.find("i2g") != std::string::npos || file.find("invoice2go") != std::string::npos;
    return invoicing::ScoreExportHeader(head, kFiles, 90, named ? 80 : 50);
  }

  IngestResult Read(const std::string& path, const IngestContext& context) const override {
    return invoicing::ReadExport(name(), path, context, kFiles);
  }
};

}  // namespace

const Importer& Invoice2goImporter() {
  static const Invoice2goImporterImpl instance;
  return instance;
}

}  // namespace addio
