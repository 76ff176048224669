// The table of invoicing tools (invoicing_tools.h): one entry per tool, what its export
// files look like and where each field is. Each entry's comment says what the tool
// exports and what is peculiar about it.
#include "ingest/invoicing_tools.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "core/ascii.h"
#include "ingest/importers.h"

namespace addio {
namespace invoicing {
namespace {

// ---- Wave's accounting journal ----------------------------------------------------------

bool IsReceivableLine(const std::string& account_name, const std::string& account_type) {
  return AsciiLower(account_type) == "system receivable invoice" ||
         AsciiLower(account_name) == "accounts receivable";
}

// Invoices and payments are the journal lines on Accounts Receivable: a debit is an
// invoice (issued on the transaction date), a credit described as a payment is a payment
// with the transaction id as its id, any other credit corrects the invoice: on a later date
// than the invoice it is a credit note (the transaction id its id), on the same date it
// lowers the invoice's total. The other
// transactions (expenses, bills, transfers) are counted for review. Amounts are in the
// workspace's currency.
void ReadWaveTransactions(const CsvTable& table, InvoicingBuilder& b) {
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
  struct Correction {
    std::string transaction, customer, number, description;
    CivilDate date;
    Money amount;
    int line;
  };
  std::vector<Correction> corrections;  // non-payment credits, judged once all is read
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
    const bool payment =
        AsciiLower(Cell(row, description_col)).find("payment") != std::string::npos;
    if (credit && credit->is_positive() && payment) {
      const auto client = b.ResolveClient(customer, row.line, table.Name(customer_col));
      if (client) b.AddPayment({transaction, *client, number, *date, *credit, row.line});
      continue;
    }
    if (!debit && !credit) {
      if (Cell(row, debit_col).empty() && Cell(row, credit_col).empty()) {
        b.Error(row.line, table.Name(debit_col), Msg("ingest.missing.debit_or_credit"));
      }
      continue;
    }
    if (!debit && credit->is_positive()) {
      corrections.push_back(
          {transaction, customer, number, Cell(row, description_col), *date, *credit, row.line});
      continue;
    }
    SourceInvoice& invoice =
        b.InvoiceFor(customer, table.Name(customer_col), number, row.line, table.Name(number_col));
    const Money change = debit ? *debit : -*credit;
    invoice.total = invoice.total ? *invoice.total + change : change;
    if (!invoice.issued || *date < *invoice.issued) invoice.issued = date;
  }
  for (const Correction& c : corrections) {
    SourceInvoice& invoice = b.InvoiceFor(c.customer, table.Name(customer_col), c.number, c.line,
                                          table.Name(number_col));
    if (invoice.issued && c.date > *invoice.issued && invoice.total) {
      const auto client = b.ResolveClient(c.customer, c.line, table.Name(customer_col));
      if (client) {
        b.AddCreditNote({c.transaction, *client, c.number, c.date, c.amount, c.line},
                        c.description);
      }
      continue;
    }
    invoice.total = invoice.total ? *invoice.total - c.amount : -c.amount;
    if (!invoice.issued || c.date < *invoice.issued) invoice.issued = c.date;
  }
  const size_t skipped = transactions.size() - receivable.size();
  if (skipped > 0) {
    b.Review(Msg("ingest.review.wave_other_transactions", skipped));
  }
}

// ---- The table ----------------------------------------------------------------------------

const std::array<InvoicingToolFormat, 6>& Table() {
  // The client list Invoice2go and Invoicely both export: exactly these four columns, so
  // only the file name tells whose it is.
  const HeaderShape kBasicClientList{
      .columns = {"client name", "email", "phone", "country"}, .min_columns = 4, .max_columns = 4};
  const ClientColumns kBasicClientColumns{
      .name = {"Client Name"}, .email = {"Email"}, .country = {"Country"}};
  static const std::array<InvoicingToolFormat, 6> kTable =
      {
          {
              // Invoice Ninja v4: invoice.csv, payments.csv and clients.csv, each opening with a
              // preamble ("Invoice Ninja v4.5.17 - December 19, 2020 11:28 pm", a blank line, the
              // section name). invoice.csv repeats an invoice on each line-item row with its total
              // in "Amount"; payments.csv has no payment ids and repeats a payment per line item;
              // amounts carry "$" and negatives are "($400.00)". Quotes, recurring invoices,
              // products, expenses and vendors are recognised and skipped with a review note.
              {
                  .name = "invoiceninja",
                  .display_name = "Invoice Ninja",
                  .preamble = "invoice ninja v",
                  .preamble_score = 95,
                  .files =
                      {
                          {.kind = FileKind::kSkipped,
                           .headers = {{.columns = {"frequency"}},
                                       {.columns = {"auto bill"}},
                                       {.columns = {"remaining cycles"}}},
                           .score = 80,
                           .what = "ingest.what.recurring_profiles"},
                          {.kind = FileKind::kSkipped,
                           .headers = {{.columns = {"quote number"}}},
                           .what = "ingest.what.quotes"},
                          {.kind = FileKind::kInvoices,
                           .headers = {{.columns = {"client", "invoice number", "amount",
                                                    "invoice date", "paid", "po number"}},
                                       {.columns = {"client", "invoice number", "amount",
                                                    "invoice date", "paid", "due date", "status"}}},
                           .score = 80},
                          {.kind = FileKind::kPayments,
                           .headers = {{.columns = {"client", "invoice number", "amount", "date"}},
                                       {.columns = {"client",
                                                    "invoice number", "amount", "payment date"}}},
                           .score = 40,
                           .detect_headers =
                               {{.columns = {"client", "invoice number", "amount", "date"},
                                 .max_columns = 6},
                                {.columns = {"client", "invoice number", "amount", "payment date"},
                                 .max_columns = 6}}},
                          {.kind = FileKind::kClients,
                           .headers = {{.columns = {"name", "balance", "paid to date"}}},
                           .score = 70,
                           .detect_headers =
                               {{.columns = {"name", "balance",
                                             "paid to date", "id number", "vat number"}}},
                           .not_in_section = "vendors"},
                      },
                  .invoices =
                      {
                          .client = {"Client"},
                          .email = {"Email"},
                          .number = {"Invoice Number"},
                          .issued = {"Invoice Date"},
                          .due = {"Due Date"},
                          .status = {"Status"},
                          .currency = {"Currency"},
                          .total = {"Amount"},
                          .payment = RowPayment::kAmountElsewhere,
                          .paid_amount = {"Paid"},
                          .payment_review = "ingest.review.ninja_paid_elsewhere",
                      },
                  .payments =
                      {
                          .client = {"Client"},
                          .number = {"Invoice Number"},
                          .amount = {"Amount"},
                          .date = {"Date", "Payment Date"},
                          .currency = {"Currency"},
                      },
                  .clients = {.name = {"Name"},
                              .email = {"Email"},
                              .country = {"Billing Country"},
                              .tax_id = {"VAT Number"}},
              },
              // FreshBooks: the invoice details report (one row per line item; an invoice's total
              // is the sum of its line totals) and the client list. The export has no due date
              // (the default terms apply) and no amount paid: a paid invoice with a "Date Paid" is
              // paid in full; a partly paid one is listed for review.
              {
                  .name = "freshbooks",
                  .display_name = "FreshBooks",
                  .files =
                      {
                          {.kind = FileKind::kInvoices,
                           .headers = {{.columns = {"client name", "invoice #", "date issued",
                                                    "invoice status"}}},
                           .score = 90},
                          {.kind = FileKind::kClients,
                           .headers = {{.columns = {"organization", "first name", "last name",
                                                    "email", "province/state"}}},
                           .score = 60},
                      },
                  .invoices =
                      {
                          .client = {"Client Name"},
                          .number = {"Invoice #"},
                          .issued = {"Date Issued"},
                          .due = {"Due Date", "Date Due"},
                          .status = {"Invoice Status"},
                          .currency = {"Currency"},
                          .total = {"Line Total"},
                          .line_totals = true,
                          .payment = RowPayment::kDateWhenPaid,
                          .paid_on = {"Date Paid"},
                          .paid_statuses = {"paid", "auto-paid"},
                          .partly_paid_statuses = {"partial"},
                          .payment_review = "ingest.review.freshbooks_partly_paid",
                      },
                  .clients = {.name = {"Organization"},
                              .first_name = {"First Name"},
                              .last_name = {"Last Name"},
                              .email = {"Email"},
                              .country = {"Country"}},
              },
              // Wave: the accounting transactions export (every journal line; see
              // ReadWaveTransactions) and the customer list; the vendor list is skipped. No due
              // dates: the default terms apply.
              {
                  .name = "wave",
                  .display_name = "Wave",
                  .files =
                      {
                          {.kind = FileKind::kInvoices,
                           .headers = {{.columns = {"transaction id", "transaction date",
                                                    "account name", "customer", "invoice number",
                                                    "account type"}}},
                           .score = 90},
                          {.kind = FileKind::kClients,
                           .headers = {{.columns = {"customer_name", "customer_currency"}}},
                           .score = 85},
                          {.kind = FileKind::kSkipped,
                           .headers = {{.columns = {"vendor_name", "vendor_currency"}}},
                           .score = 85,
                           .what = "ingest.what.vendors"},
                      },
                  .read_invoices = ReadWaveTransactions,
                  .clients = {.name = {"customer_name"},
                              .email = {"email"},
                              .country = {"country"}},
              },
              // Zoho Invoice: invoices (one row per line item, the invoice's fields repeated) and
              // contacts. What was paid is on the invoice row: Total - Balance - WriteOff Amount,
              // last paid on "Last Payment Date", one payment "<invoice>-paid". A write-off makes
              // the invoice written off. Vendors among the contacts are skipped.
              {
                  .name = "zoho",
                  .display_name = "Zoho Invoice",
                  .files =
                      {
                          {.kind = FileKind::kInvoices,
                           .headers = {{.columns = {"invoice date", "invoice id", "invoice number",
                                                    "invoice status", "customer name", "total",
                                                    "balance"}}},
                           .score = 90},
                          {.kind = FileKind::kClients,
                           .headers = {{.columns = {"display name", "contact type", "emailid"}}},
                           .score = 85},
                      },
                  .invoices =
                      {
                          .client = {"Customer Name"},
                          .number = {"Invoice Number"},
                          .issued = {"Invoice Date"},
                          .due = {"Due Date"},
                          .status = {"Invoice Status"},
                          .currency = {"Currency Code"},
                          .total = {"Total"},
                          .payment = RowPayment::kTotalLessBalance,
                          .paid_on = {"Last Payment Date"},
                          .balance = {"Balance"},
                          .written_off = {"WriteOff Amount"},
                      },
                  .clients = {.name = {"Display Name"},
                              .email = {"EmailID"},
                              .country = {"Billing Country"},
                              .kind = {"Contact Type"},
                              .skipped_kind = "vendor",
                              .skipped_review = "ingest.review.vendor_contacts_skipped"},
              },
              // Invoice2go: documents (one row each; line items and taxes packed into cells) and
              // the basic client list. The due date is the document date plus "TermsOld" days;
              // "unsent" reads as issued (Invoice2go has no draft: a numbered invoice may well have
              // been printed or shared by hand). "AmountPaidAmount" on "DatePaid" is one payment.
              {
                  .name = "invoice2go",
                  .display_name = "Invoice2go",
                  .file_names = {"i2g", "invoice2go"},
                  .files =
                      {
                          {.kind = FileKind::kInvoices,
                           .headers = {{.columns = {"documentnumber", "documentdate",
                                                    "documentstatus", "totalamount",
                                                    "balancedueamount"}}},
                           .score = 90},
                          {.kind = FileKind::kClients,
                           .headers = {kBasicClientList},
                           .score = 50,
                           .score_if_named = 80},
                      },
                  .invoices =
                      {
                          .client = {"Name"},
                          .email = {"EmailRecipient"},
                          .number = {"DocumentNumber"},
                          .issued = {"DocumentDate"},
                          .status = {"DocumentStatus"},
                          .currency = {"CurrencyCode"},
                          .total = {"TotalAmount"},
                          .repeated_row = "ingest.word.document",
                          .issued_status = "unsent",
                          .terms_days = {"TermsOld"},
                          .payment = RowPayment::kAmountOnDate,
                          .paid_amount = {"AmountPaidAmount"},
                          .paid_on = {"DatePaid"},
                          .payment_review = "ingest.review.invoice2go_paid_undated",
                      },
                  .clients = kBasicClientColumns,
              },
              // Invoicely: invoices ("Details" is the number; dates as "Jan 28 2021") and the basic
              // client list. No currency (the workspace's) and no payment date: invoices marked
              // paid are listed for review.
              {
                  .name = "invoicely",
                  .display_name = "Invoicely",
                  .file_names = {"invoicely"},
                  .files =
                      {
                          {.kind = FileKind::kInvoices,
                           .headers = {{.columns = {"date", "due", "details", "client", "status",
                                                    "total"},
                                        .max_columns = 8}},
                           .score = 85},
                          {.kind = FileKind::kClients,
                           .headers = {kBasicClientList},
                           .score = 45,
                           .score_if_named = 80},
                      },
                  .invoices =
                      {
                          .client = {"Client"},
                          .number = {"Details"},
                          .issued = {"Date"},
                          .due = {"Due"},
                          .status = {"Status"},
                          .currency = {"Currency"},
                          .total = {"Total"},
                          .repeated_row = "ingest.word.invoice",
                          .payment = RowPayment::kStatusOnly,
                          .paid_statuses = {"paid"},
                          .partly_paid_statuses = {"partial", "partially paid"},
                          .payment_review = "ingest.review.invoicely_paid_undated",
                      },
                  .clients = kBasicClientColumns,
              },
          }};
  return kTable;
}

// The importer of the entry named `name`. REQUIRES: the table has one.
const Importer& ImporterOf(std::string_view name) {
  static const std::vector<InvoicingToolImporter> kImporters(Table().begin(), Table().end());
  return *std::find_if(kImporters.begin(), kImporters.end(),
                       [name](const InvoicingToolImporter& i) { return i.name() == name; });
}

}  // namespace

std::span<const InvoicingToolFormat> InvoicingToolFormats() { return Table(); }

}  // namespace invoicing

const Importer& InvoiceNinjaImporter() { return invoicing::ImporterOf("invoiceninja"); }
const Importer& FreshBooksImporter() { return invoicing::ImporterOf("freshbooks"); }
const Importer& WaveImporter() { return invoicing::ImporterOf("wave"); }
const Importer& ZohoImporter() { return invoicing::ImporterOf("zoho"); }
const Importer& Invoice2goImporter() { return invoicing::ImporterOf("invoice2go"); }
const Importer& InvoicelyImporter() { return invoicing::ImporterOf("invoicely"); }

}  // namespace addio
