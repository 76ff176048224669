// What the importers of invoicing tools (Invoice Ninja, FreshBooks, Wave, Zoho Invoice,
// Invoice2go, Invoicely) and the generic CSV with a mapping share: a CSV file read into a
// table whose header may follow a preamble; money, dates and statuses as these tools write
// them ("$1,020.00", "1.020,00", "(400.00)", "Jan 28 2021", "10/20/2019", "Partially
// Paid"); and an InvoicingBuilder that turns what an export says about invoices, payments
// and clients into ledger records with stable ids, their file and line, and every problem.
//
// Data flow: export file -> CsvTable -> the tool's reader (invoicing_tools.h) -> builder ->
// IngestResult -> `addio import` -> store (validates the merged whole, writes all or
// nothing). Nothing here writes or throws for bad input.
#pragma once

#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/money.h"
#include "core/result.h"
#include "core/text.h"
#include "core/time.h"
#include "ingest/client_resolver.h"
#include "ingest/ingest.h"

namespace addio::invoicing {

// Days from issue to due when an export gives no due date: the workspace default terms.
inline constexpr int kDefaultTermsDays = 30;

// ---------------------------------------------------------------------------------------
// CSV tables

struct CsvRow {
  int line = 0;                    // where the record starts, 1-based
  std::vector<std::string> cells;  // as read, untrimmed
};

struct CsvTable {
  std::string file;
  char separator = ',';
  int header_line = 0;
  std::vector<std::string> header;    // trimmed
  std::vector<std::string> preamble;  // the first cell of each record before the header
  std::vector<CsvRow> rows;           // the records after the header; blank ones dropped

  // The first column named one of `names` (compared trimmed and case-insensitively, in
  // the order of `names`); nullopt when there is none.
  std::optional<size_t> Find(std::initializer_list<std::string_view> names) const;
  // The header of `column` as written, or "" for nullopt.
  std::string Name(std::optional<size_t> column) const;
};

// The cell of `column` in `row`, trimmed; "" for nullopt or a short row.
std::string Cell(const CsvRow& row, std::optional<size_t> column);

// Header names as compared: trimmed, lowercase ASCII.
std::vector<std::string> HeaderKeys(const std::vector<std::string>& header);
// Whether `keys` (from HeaderKeys) holds every one of `names` (lowercase).
bool HasAll(const std::vector<std::string>& keys, std::initializer_list<std::string_view> names);

// Which record is the header: true for the keys (HeaderKeys) of the header record.
using HeaderTest = std::function<bool(const std::vector<std::string>& keys)>;

// Parses CSV text (BOM, CRLF, quoted line breaks; `separator`, or when it is 0 ',', ';'
// or tab sniffed from the first line that has one). The header is the first record `is_header`
// accepts (any preamble before it is kept in `preamble`); an empty HeaderTest takes the first
// record. Reports to `out`, naming `file` and the line: no header found, and each malformed record.
// Returns nullopt only when no header was found.
std::optional<CsvTable> ParseCsvTable(std::string_view text, const std::string& file,
                                      const HeaderTest& is_header, Diagnostics& out,
                                      char separator = 0);

// Reads the file at `path` whole and parses it as ParseCsvTable does; an unreadable file
// is an error in `out` and nullopt.
// `encoding` says how its bytes are read (core/text.h DecodeCsvText).
std::optional<CsvTable> LoadCsvTable(const std::string& path, const HeaderTest& is_header,
                                     Diagnostics& out, char separator = 0,
                                     TextEncoding encoding = TextEncoding::kAuto);

// For Detect(): the HeaderKeys of the first `max_records` records of `head` (the first
// bytes of a file, possibly cut in the middle of a record).
std::vector<std::vector<std::string>> HeadRecords(std::string_view head, int max_records = 6);

// The file name of `path` in lowercase ASCII ("I2G_invoices.csv" -> "i2g_invoices.csv").
std::string LowerFileName(const std::string& path);

// ---------------------------------------------------------------------------------------
// Values

// How an amount writes its decimals and thousands.
struct NumberFormat {
  // '.' or ','; 0: told apart per value (the last of '.' and ',' when both appear; a single
  // separator followed by exactly three digits groups thousands unless the currency has
  // three decimals, otherwise it is decimal).
  char decimal = 0;
  // The grouping character (',', '.', ' ', '\'') or 0: none when `decimal` is set,
  // whichever the value shows when it is not. Spaces are always allowed as grouping.
  char thousands = 0;
};

// Parses an amount as exports write it: "1,020.00", "1.020,00", "12,50", "$13.50 ",
// "€ 12", "($400.00)" (negative), "-5", "5-", "12.50 EUR". Exact: more decimals than
// `currency` has is an error. Error kInvalidArgument saying what is wrong, e.g. for
// "12,34.5": "digits between ',' must come in groups of 3"; for "12.50 USD" read in EUR:
// "in USD, expected EUR".
Result<Money> ParseAmount(std::string_view text, Currency currency, NumberFormat format = {});

// The currency symbol an amount carries ("$", "€", "£", "¥", "₪"), or "" for none.
std::string_view CurrencySymbol(std::string_view text);
// Whether an amount written with `symbol` can be in `currency` ("$" fits any dollar).
bool SymbolFits(std::string_view symbol, Currency currency);

// Parses `text` by a strftime-like `format`: %Y (4 digits), %y (2 digits, 20yy), %m and
// %d (1 or 2 digits), %b or %B (a month name or its first three letters, English or
// Italian, any case), %H and %I (1 or 2 digits), %M, %S, %p (AM/PM), %%; a space matches
// one or more spaces; anything else matches itself. After a format without time fields,
// a trailing time is ignored ("2021-01-28 05:14:15", "2021-01-28T11:04:09+00:00").
// Error kInvalidArgument naming the format, or for a day that does not exist.
Result<LocalDateTime> ParseDateTime(std::string_view text, std::string_view format);
Result<CivilDate> ParseDate(std::string_view text, std::string_view format);

// The date formats invoicing tools write, US month-first before day-first.
std::span<const std::string_view> ToolDateFormats();
// The same with day-first before month-first: for files that use ';' or decimal commas.
std::span<const std::string_view> EuropeanDateFormats();

// The one of `formats` that reads the most non-empty values of `values` (the earlier on a
// tie, so a column of 02/03/2024 only is read month first from ToolDateFormats), so that a
// single malformed date is reported alone; nullopt when none reads any.
std::optional<std::string_view> PickDateFormat(const std::vector<std::string>& values,
                                               std::span<const std::string_view> formats);

// What an invoice status written by a tool means for the ledger.
enum class StatusKind {
  kIssued,      // sent, viewed, paid, partial, overdue, due, open, unpaid, disputed...
  kVoid,        // void, cancelled, deleted, reversed, refunded
  kWrittenOff,  // written off, bad debt, uncollectible
  kDraft,       // never sent: not a receivable, skipped
  kUnknown,     // read as issued, with a warning
};
// Case, spaces, '_' and '-' do not matter ("Partially_Paid", "written-off"); English and
// Italian words. An empty status is kIssued.
StatusKind ClassifyStatus(std::string_view status);
// Whether the status says the client disputes the invoice ("Disputed", "contestata").
bool IsDisputedStatus(std::string_view status);

// "yes", "true", "y", "1", "x", "sì", "si" (any case) are true.
bool IsTruthy(std::string_view text);

// ---------------------------------------------------------------------------------------
// From an export's rows to ledger records

// One invoice as an export describes it, its rows (one per line item) merged.
struct SourceInvoice {
  std::string number;  // the tool's invoice number; empty: a content id is made
  // The client's name as written. It is resolved only for invoices that are kept, so that
  // a draft creates no client.
  std::string client_name;
  std::string client_column;  // for messages
  int line = 0;               // where it first appears
  std::string column;         // the invoice number's column, for messages
  std::optional<CivilDate> issued;
  std::optional<CivilDate> due;
  std::optional<Money> total;
  std::string status;  // as written
  bool disputed = false;
  bool written_off = false;  // a write-off recorded beside the status
  // A payment recorded on the invoice row itself: id "<invoice id>-paid".
  std::optional<CivilDate> paid_on;
  std::optional<Money> paid_amount;  // nullopt: the whole total
};

struct SourcePayment {
  std::string id;              // the tool's id; empty: a content id is made
  std::string client;          // client id, resolved
  std::string invoice_number;  // the tool's invoice number; may be empty
  CivilDate date;
  Money amount;
  int line = 0;
};

// Builds one file's IngestResult. Resolves client names through a ClientResolver over the
// store's records (and the mapping file's [clients] renames, when one is given), keeps
// each record's line, and applies the rules every invoicing importer shares:
// - invoice ids are the tool's numbers; a number that another client already uses (in this
//   file or in the store) becomes "<number>-<client id>", and the review says so;
// - drafts, and invoices whose total is zero or negative, are skipped with a review note;
// - a missing due date is the issue date + kDefaultTermsDays, and a due date before the
//   issue date is the issue date, each with one warning naming the invoices;
// - a payment on the invoice row becomes Payment "<invoice id>-paid";
// - payments of zero or less (refunds) are skipped with a review note, and rows repeated
//   word for word (exports that repeat a payment per line item) are read once.
// Not thread-safe; one builder per file read.
class InvoicingBuilder {
 public:
  // REQUIRES: context.existing is not null; `context` outlives the builder.
  InvoicingBuilder(std::string_view format, const std::string& file, const IngestContext& context);

  const std::string& file() const { return file_; }
  // The workspace currency: what amounts are in when the file names none.
  Currency workspace_currency() const;

  void Error(int line, const std::string& column, Message message);
  void Warning(int line, const std::string& column, Message message);
  // A line for the review list; the file name is prefixed.
  void Review(const Message& text);
  Diagnostics& diagnostics() { return result_.diagnostics; }

  // The client id for `name` as written in `column` at `line`; reports an empty name or,
  // with client creation off, an unknown one, and returns nullopt.
  std::optional<std::string> ResolveClient(const std::string& name, int line,
                                           const std::string& column);
  // Details of the client named `name`, kept when this file creates that client (clients
  // already stored are left as they are): e-mail, country (when it is an ISO alpha-2
  // code), tax id. The first non-empty value of each wins.
  void ClientDetails(const std::string& name, const std::string& email, const std::string& country,
                     const std::string& tax_id);

  // Reading cells with messages that name the line and the column. Each returns nullopt
  // (having reported an error) for a malformed value, and also for an empty cell when
  // `required` (reported as missing); an empty optional cell gives nullopt silently.
  std::optional<Money> Amount(const CsvTable& table, const CsvRow& row,
                              std::optional<size_t> column, Currency currency, bool required,
                              NumberFormat format = {});
  std::optional<CivilDate> Date(const CsvTable& table, const CsvRow& row,
                                std::optional<size_t> column, std::string_view format,
                                bool required);
  // The currency named in `column` ("USD"), else the workspace's; an unknown code is an
  // error and gives the workspace currency.
  Currency CurrencyOf(const CsvTable& table, const CsvRow& row, std::optional<size_t> column);
  // The date format that reads the most values of `column` (PickDateFormat over
  // ToolDateFormats, or EuropeanDateFormats for ';' files); the first candidate when none
  // reads any.
  std::string_view DateFormatOf(const CsvTable& table, std::optional<size_t> column) const;

  // The invoice `number` of the client named `client_name`, created at `line` on first
  // sight (its line is `line` then); the importer fills in or adds to its fields (exports
  // repeat an invoice on each line-item row).
  SourceInvoice& InvoiceFor(const std::string& client_name, const std::string& client_column,
                            const std::string& number, int line, const std::string& column);
  void AddPayment(SourcePayment payment);
  // A credit note of the tool (ledger 1.1): `note.invoice_number` names the invoice it
  // lowers, resolved as a payment's is; a note without a known invoice is an error naming
  // its line. `note.id` is required.
  void AddCreditNote(SourcePayment note, std::string reason);

  // Records that need no invoicing rules (the generic CSV's work and contacts).
  void AddWork(WorkEntry entry, int line);
  void AddContact(Contact contact, int line);

  // The result: records (with the clients this file creates), their locations,
  // diagnostics, review notes and a preview of `table` (header and first rows). Call once:
  // the builder is spent afterwards.
  IngestResult Finish(const CsvTable& table);
  // The same without a preview (a file that could not be read as a table).
  IngestResult Finish();

 private:
  std::string InvoiceId(const SourceInvoice& invoice, const std::string& client,
                        std::set<std::string>& renumbered);
  std::string PaymentInvoice(const SourcePayment& payment) const;
  void BuildInvoices();
  void BuildPayments();
  void BuildCreditNotes();
  void Locate(const char* type, int line);

  std::string format_;
  std::string file_;
  const IngestContext& context_;
  ClientResolver resolver_;
  IngestResult result_;
  std::map<std::string, int> client_lines_;  // created client id -> first line
  struct Details {
    std::string email, country, tax_id;
  };
  std::map<std::string, Details> details_;  // by NormalizeClientName
  std::vector<SourceInvoice> invoices_;
  // (client name, number) -> index in invoices_; (client id, number) -> invoice id.
  std::map<std::pair<std::string, std::string>, size_t> invoice_index_;
  std::map<std::pair<std::string, std::string>, std::string> invoice_ids_;
  std::map<std::string, std::string> built_ids_;             // invoice id -> client, this file
  std::map<std::string, std::string> existing_ids_;          // invoice id -> client, the store
  std::map<std::string, std::string> existing_payment_ids_;  // payment id -> client, the store
  std::vector<SourcePayment> payments_;
  std::vector<std::pair<SourcePayment, std::string>> credit_notes_;  // with the reason
  std::vector<std::pair<WorkEntry, int>> work_;
  std::vector<std::pair<Contact, int>> contacts_;
  std::set<std::string> symbol_warned_;
};

}  // namespace addio::invoicing
