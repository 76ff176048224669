// The invoicing tools addio imports from (Invoice Ninja, FreshBooks, Wave, Zoho Invoice,
// Invoice2go, Invoicely), each described by one entry of a table (invoicing_tools.cc):
// its name, how its export files are told apart and detected, where each field is, and
// its quirks as data, with a hook for the one export that is no invoice list (Wave's
// accounting journal). One importer class (invoicing_export.cc) reads any entry, the way
// the time trackers share ReadTrackerExport (timesheet_common.h).
//
// Data flow: export file -> CsvTable -> the entry's reader for that kind of file ->
// InvoicingBuilder (invoicing_common.h: ids, default terms, drafts, refunds) ->
// IngestResult.
//
// Every date column is read in the format that reads most of its values (DateFormatOf:
// ToolDateFormats, or EuropeanDateFormats for ';' files); no tool fixes its own.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/ingest.h"
#include "ingest/invoicing_common.h"

namespace addio::invoicing {

// The header names one field goes by: any matches (ignoring case), an earlier name before
// a later one. Empty: the export has no such field.
using ColumnNames = std::vector<std::string_view>;

// The header of one kind of file: it holds every one of `columns` (lowercase) and has
// between `min_columns` and `max_columns` columns (0: no bound).
struct HeaderShape {
  ColumnNames columns;
  size_t min_columns = 0;
  size_t max_columns = 0;
  // Whether the HeaderKeys `keys` have this shape.
  bool Matches(const std::vector<std::string>& keys) const;
};

enum class FileKind { kInvoices, kPayments, kClients, kSkipped };

// One kind of file a tool exports.
struct ExportFile {
  FileKind kind = FileKind::kInvoices;
  // Its header: any of these shapes. The first file of a tool whose header matches is
  // the kind of a file read.
  std::vector<HeaderShape> headers;
  // Detect()'s score when a file's first record is this header (the highest of the
  // files that match wins); `score_if_named` instead when the file name holds one of the
  // tool's `file_names` (0: `score`). A file that only this entry's `detect_headers` (when
  // not empty) accept is scored; `headers` alone then only serve to read.
  int score = 0;
  int score_if_named = 0;
  std::vector<HeaderShape> detect_headers;
  // kSkipped: the catalogue key of what the file holds, for the review note "skipped:
  // <tool> <what> are not read" ("ingest.what.vendors").
  std::string_view what;
  // kClients of a tool with a preamble: the section (the preamble's last cell, lowercase)
  // whose file has the clients' columns but is not a client list ("vendors").
  std::string_view not_in_section;
};

// How an invoice row tells what was paid on it.
enum class RowPayment {
  kNone,
  // `paid_amount` shows a payment whose date is in another file (Invoice Ninja): each
  // invoice with a positive one is counted for review.
  kAmountElsewhere,
  // `paid_on` dates the payment of the whole total when the status is one of
  // `paid_statuses` (FreshBooks); a date with another status, or one of
  // `partly_paid_statuses`, is listed for review.
  kDateWhenPaid,
  // Total - `balance` - `written_off` was paid, last on `paid_on` (Zoho); a positive
  // `written_off` makes the invoice written off.
  kTotalLessBalance,
  // `paid_amount` was paid on `paid_on` (Invoice2go); an amount without a date is listed.
  kAmountOnDate,
  // No payment columns: invoices with one of `paid_statuses` or `partly_paid_statuses`
  // are listed for review (Invoicely).
  kStatusOnly,
};

// Where an export's invoice rows keep each field, and how they differ in reading them.
struct InvoiceColumns {
  ColumnNames client;
  // When not empty, the client's e-mail, kept for a client the file creates.
  ColumnNames email;
  ColumnNames number;
  ColumnNames issued;  // required in each row
  ColumnNames due;
  ColumnNames status;
  ColumnNames currency;  // the workspace's when absent
  ColumnNames total;     // required in each row
  // True (FreshBooks): `total` is each line item's, the invoice's is their sum.
  bool line_totals = false;
  // Empty: an invoice's later rows are its line items, passed over. Otherwise a later
  // row of the same number is an error "<repeated_row> <number> appears twice", where
  // `repeated_row` is the catalogue key of the record's name ("ingest.word.invoice").
  std::string_view repeated_row;
  // A status that means issued although it reads otherwise (Invoice2go's "unsent": a
  // numbered invoice may have been shared by hand); read as an empty status.
  std::string_view issued_status;
  // When not empty, the due date is the issue date plus this many days (when above 0).
  ColumnNames terms_days;
  RowPayment payment = RowPayment::kNone;
  ColumnNames paid_amount;
  ColumnNames paid_on;
  ColumnNames balance;
  ColumnNames written_off;
  std::vector<std::string_view> paid_statuses;         // lowercase
  std::vector<std::string_view> partly_paid_statuses;  // lowercase
  // The catalogue key of the review note on the invoices listed by `payment`: a plural
  // entry of their count {0} and the first one's number {1}.
  std::string_view payment_review;
};

// Where an export's payment rows keep each field (Invoice Ninja's payments.csv).
struct PaymentColumns {
  ColumnNames id;  // empty: content ids are made
  ColumnNames client;
  ColumnNames number;  // the invoice's
  ColumnNames amount;
  ColumnNames date;
  ColumnNames currency;
};

// Where a client list keeps each field.
struct ClientColumns {
  ColumnNames name;
  // When `name` is empty in a row, the client is the person "<first> <last>" (FreshBooks).
  ColumnNames first_name;
  ColumnNames last_name;
  ColumnNames email;
  ColumnNames country;  // kept when an ISO alpha-2 code
  ColumnNames tax_id;
  // A contact whose `kind` is `skipped_kind` (lowercase, "vendor") is no client: skipped,
  // counted, and the review says so with `skipped_review`: the catalogue key of a plural
  // entry of the count.
  ColumnNames kind;
  std::string_view skipped_kind;
  std::string_view skipped_review;
};

// Reads the rows of one kind of file into the builder, in place of the column readers.
using TableReader = void (*)(const CsvTable& table, InvoicingBuilder& builder);

// One invoicing tool's export: everything the importer needs to know about it.
struct InvoicingToolFormat {
  std::string_view name;          // --format, the result's format, ids' prefix
  std::string_view display_name;  // "Invoice Ninja": in review notes
  // Lowercase parts of a file name that say the file is this tool's ("i2g").
  std::vector<std::string_view> file_names;
  // When not empty, the lowercase start of the first cell of the preamble the tool's
  // files open with ("invoice ninja v"). A file that opens so is the tool's whatever its
  // section (Detect: `preamble_score`); the header is then the first record with two
  // names or more, and a file of no kind in `files` is skipped with a review note
  // naming its section.
  std::string_view preamble;
  int preamble_score = 0;
  std::vector<ExportFile> files;
  InvoiceColumns invoices;
  // When set, reads the kInvoices file instead of the `invoices` columns (Wave's journal).
  TableReader read_invoices = nullptr;
  PaymentColumns payments;
  ClientColumns clients;
};

// The table: every invoicing tool, in the registry's order.
std::span<const InvoicingToolFormat> InvoicingToolFormats();

// The importer of one table entry. REQUIRES: `format` outlives it (entries are static).
class InvoicingToolImporter final : public Importer {
 public:
  explicit InvoicingToolImporter(const InvoicingToolFormat& format) : format_(format) {}
  std::string_view name() const override { return format_.name; }
  // The highest score of the files whose header is the first record of `head`, or the
  // preamble's; 0 for none.
  int Detect(const std::string& path, std::string_view head) const override;
  // Reads the file as the kind its header says. Never fails as a whole: an unreadable
  // file or one without a known header gives errors and no records.
  IngestResult Read(const std::string& path, const IngestContext& context) const override;

 private:
  const InvoicingToolFormat& format_;
};

}  // namespace addio::invoicing
