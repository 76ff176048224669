// Wave CSV exports: the accounting transactions export (every journal line: "Transaction
// ID", "Transaction Date", "Account Name", "Debit Amount (Two Column Approach)", "Credit
// Amount (Two Column Approach)", "Customer", "Invoice Number", "Account Type") and the
// customer list ("customer_name", "email", "customer_currency"). Invoices and payments are
// the lines on Accounts Receivable: a debit is an invoice (issued on the transaction date),
// a credit described as a payment is a payment with the transaction id as its id, any
// other credit corrects the invoice. Everything else (expenses, bills, transfers) is
// skipped and counted for review, as is the vendor list. The accounting export is in the
// business's own currency, the workspace's, and has no due dates (default terms apply).
#include <set>

#include "ingest/importers.h"
#include "ingest/invoicing_common.h"

namespace addio {
namespace {

using invoicing::Cell;
using invoicing::CsvRow;
using invoicing::CsvTable;
using invoicing::HasAll;
using invoicing::InvoicingBuilder;

bool IsTransactionHeader(const std::vector<std::string>& keys) {
  return HasAll(keys, {"transaction id", "transaction date", "account name", "customer",
                       "invoice number", "account type"});
}
bool IsCustomerHeader(const std::vector<std::string>& keys) {
  return HasAll(keys, {"customer_name", "customer_currency"});
}
bool IsVendorHeader(const std::vector<std::string>& keys) {
  return HasAll(keys, {"vendor_name", "vendor_currency"});
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool IsReceivableLine(const std::string& account_name, const std::string& account_type) {
  return Lower(account_type) == "system receivable invoice" ||
         Lower(account_name) == "accounts receivable";
}

void ReadTransactions(const CsvTable& table, InvoicingBuilder& b) {
  const auto id_col = table.Find({"Transaction ID"});
  const auto date_col = table.Find({"Transaction Date"});
  const auto account_col = table.Find({"Account Name"});
  const auto type_col = table.Find({"Account Type"});
  const auto description_col = table.Find({"Transaction Description"});
  const auto debit_col = table.Find({"Debit Amount (Two Column Approach)"});
  const auto credit_col = table.Find({"Credit Amount (Two Column Approach)"});
  const auto customer_col = table.Find({"Customer"});
  const auto number_col = table.Find({"Invoice Number"});
  const std::string_view date_format = b.DateFormatOf(table, date_col);
  const Currency currency = b.workspace_currency();
  std::set<std::string> transactions, receivable;
  for (const CsvRow& row : table.rows) {
    const std::string transaction = Cell(row, id_col);
    transactions.insert(transaction);
    if (!IsReceivableLine(Cell(row, account_col), Cell(row, type_col)) ||
        Cell(row, customer_col).empty()) {
      continue;
    }
    receivable.insert(transaction);
    const std::string customer = Cell(row, customer_col);
    const auto date = b.Date(table, row, date_col, date_format, true);
    const auto debit = b.Amount(table, row, debit_col, currency, false);
    const auto credit = b.Amount(table, row, credit_col, currency, false);
    if (!date) continue;
    const std::string number = Cell(row, number_col);
    const bool payment = Lower(Cell(row, description_col)).find("payment") != std::string::npos;
    if (credit && credit->is_positive() && payment) {
      const auto client = b.ResolveClient(customer, row.line, table.Name(customer_col));
      if (client) b.AddPayment({transaction, *client, number, *date, *credit, row.line});
      continue;
    }
    if (!debit && !credit) {
      if (Cell(row, debit_col).empty() && Cell(row, credit_col).empty()) {
        b.Error(row.line, table.Name(debit_col), "missing: a debit or a credit amount is needed");
      }
      continue;
    }
    invoicing::SourceInvoice& invoice =
        b.InvoiceFor(customer, table.Name(customer_col), number, row.line, table.Name(number_col));
    const Money change = debit ? *debit : -*credit;
    invoice.total = invoice.total ? *invoice.total + change : change;
    if (!invoice.issued || *date < *invoice.issued) invoice.issued = date;
  }
  const size_t skipped = transactions.size() - receivable.size();
  if (skipped > 0) {
    b.Review(std::to_string(skipped) +
             " transactions that are no customer invoice or payment (expenses, bills, "
             "transfers) skipped");
  }
}

void ReadCustomers(const CsvTable& table, InvoicingBuilder& b) {
  invoicing::ReadClientList(table, b,
                            {.name = "customer_name", .email = "email", .country = "country"});
}

constexpr invoicing::ExportFiles kFiles{
    .is_invoices = IsTransactionHeader,
    .read_invoices = ReadTransactions,
    .is_clients = IsCustomerHeader,
    .read_clients = ReadCustomers,
    .is_skipped = IsVendorHeader,
    .skipped_note =
        "skipped: Wave vendors are not read (addio reads invoices, payments and clients)"};

class WaveImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "wave"; }
  std::string_view description_en() const override {
    return "Wave CSV export: accounting transactions and customers";
  }
  std::string_view description_it() const override {
    return "Esportazione CSV di Wave: movimenti contabili e clienti";
  }

  int Detect(const std::string&, std::string_view head) const override {
    return invoicing::ScoreExportHeader(head, kFiles, 90, 85);
  }

  IngestResult Read(const std::string& path, const IngestContext& context) const override {
    return invoicing::ReadExport(name(), path, context, kFiles);
  }
};

}  // namespace

const Importer& WaveImporter() {
  static const WaveImporterImpl instance;
  return instance;
}

}  // namespace addio
