// The canonical format `addio-ledger/1` on disk, in its two forms: one JSON document, or
// a folder with workspace.json and one CSV file per record type (clients.csv,
// contracts.csv, projects.csv, requests.csv, work.csv, contacts.csv, invoices.csv,
// payments.csv, rate_changes.csv) whose headers are the JSON field names. Both forms
// carry the same information: JSON -> CSV -> JSON gives back equal records.
//
// Reading collects every problem of the input (it does not stop at the first) and runs
// the field rules of ledger/validate.h; the caller decides what to do with errors
// (an import writes nothing when there is one).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/result.h"
#include "core/text.h"
#include "ledger/records.h"
#include "ledger/validate.h"

namespace addio {

struct ReadResult {
  Ledger ledger;            // what could be read; meaningful only without errors
  LedgerSource source;      // where each record came from
  Diagnostics diagnostics;  // every error and warning, with file, line/path, record, field
};

// How much of the field rules a read checks.
enum class ReadChecks {
  kFull,        // the reader's own checks plus Validate() on what was read
  kFieldsOnly,  // syntax, types, formats and enum values only: for a caller that validates
                // the read records merged with others (the store's import), where a
                // reference may point to a record stored earlier
};

// Reads a ledger: a folder is the CSV form, a file the JSON form; messages name the
// input by `path`. Never fails as a whole: problems, including an unreadable file, are
// in `diagnostics`. `encoding` says how the CSV files are read (core/text.h
// DecodeCsvText: by default UTF-8, else Windows-1252 with a warning naming the file);
// the JSON form is always UTF-8, and invalid UTF-8 in it is an error.
ReadResult ReadLedger(const std::string& path, ReadChecks checks = ReadChecks::kFull,
                      TextEncoding encoding = TextEncoding::kAuto);

// Parses the JSON form from memory. `file` names the input in messages.
ReadResult ParseLedgerJson(std::string_view text, const std::string& file);

// Reads the members of a workspace block (`json`: a JSON object holding any of them, as
// the JSON form writes them) over `workspace`: a member present replaces that setting
// whole, the others are kept. Problems go to the diagnostics returned (paths from
// "$.workspace"); `workspace` holds what was read right.
Diagnostics ReadWorkspaceMembers(std::string_view json, Workspace& workspace);

// Writes the JSON form: two-space indented, records in the order given, instants in the
// workspace time zone with their offset, money as decimal strings. Deterministic.
std::string LedgerToJson(const Ledger& ledger);

// Writes `ledger` to `path` as JSON, or when `csv` is true as a folder of CSV files
// (created if missing; existing files of the format are replaced).
// Error kIo when the file system refuses.
Status WriteLedger(const Ledger& ledger, const std::string& path, bool csv);

// Writes records as they come, so that memory does not grow with the ledger (the
// generator writes millions of records through it). Records may arrive in any type
// order; the output is identical to WriteLedger of the same records in arrival order
// per type. Not thread-safe.
class LedgerSink {
 public:
  virtual ~LedgerSink() = default;
  // Appends every record of `chunk` (its workspace is ignored).
  virtual void Add(const Ledger& chunk) = 0;
  // Completes the output. Error kIo when the file system refused at any point.
  virtual Status Finish() = 0;
};

// A sink writing the JSON form to `path` (or the CSV form into folder `path` when `csv`).
// Error kIo when the output cannot be created.
Result<std::unique_ptr<LedgerSink>> OpenLedgerSink(const std::string& path, bool csv,
                                                   const Workspace& workspace);

}  // namespace addio
