// Importers: other tools' files (time trackers, invoicing tools, FatturaPA e-invoices,
// bank statements, calendars, mailboxes, any CSV with a mapping) turned into ledger
// records (DESIGN.md section 1: "sources --import--> ledger records"). Each source is one
// class in its own file; the registry here detects the format of a path and runs its
// importer. An importer never writes: it returns records, where they came from and every
// problem, and `addio import` hands them to the store, which validates the merged whole
// and writes all or nothing.
//
// Idempotence: record ids come from the source's own ids (an invoice number, a Toggl
// entry id, a bank entry reference), else from a content hash (core/ids.h ContentId), so
// importing the same file twice yields the same ids and the store reports "unchanged".
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/result.h"
#include "core/text.h"
#include "core/time.h"
#include "ledger/records.h"
#include "ledger/validate.h"

namespace addio {

struct IngestOptions {
  std::string format;          // importer name to force (--format); empty: detect
  std::string timezone;        // --timezone: zone for naive local times; empty: workspace
  bool create_clients = true;  // false with --no-create: unknown client names are errors
  std::string mapping_file;    // --mapping: client renames/merges (TOML [clients] table);
                               // for the generic CSV importer, its column mapping
  // --since/--until: only records dated in these days (workspace time zone), for the
  // importers that read a span of time (calendars); absent: everything the source holds.
  std::optional<CivilDate> since, until;
  // --encoding: how CSV files are read (core/text.h); kAuto detects UTF-8 else
  // Windows-1252 with a warning naming the file.
  TextEncoding encoding = TextEncoding::kAuto;
};

// What the importers may read of the store: the workspace (time zone, currency, owner
// e-mails) and the records already there (clients with names, tax ids, e-mails and
// domains; open invoices for matching bank payments).
struct IngestContext {
  const Ledger* existing = nullptr;  // never null when an importer that reads it runs
  // Reads the stored records when `existing` is null: Ingest calls it once, and only when
  // an importer that resolves against the store runs (not for the canonical ledger, whose
  // references the store itself checks), so a ledger import never reads the whole store.
  // With neither set, importers see an empty store.
  std::function<Result<Ledger>()> load_existing;
  IngestOptions options;
  // Called from the reading thread as a folder's files are read: (files done, files in
  // all), first with 0 and last with done == total. Not called for a single file. May be
  // empty.
  std::function<void(size_t done, size_t total)> progress;
};

struct IngestResult {
  std::string format;   // the importer that read the input, e.g. "toggl"
  Ledger ledger;        // new and updated records; its workspace is Workspace{} (keep)
  LedgerSource source;  // file and line (or path) of each record, for messages
  Diagnostics diagnostics;
  // Things a person must look at that are not errors: unmatched bank credits, unknown
  // mail senders, skipped rows. Shown by --dry-run and after an import.
  std::vector<Message> review;
  // Bank credits matched to no invoice and no client (camt, OFX): stored for review.
  std::vector<UnmatchedCredit> unmatched;
  // A few rows as read, for the --dry-run preview: header then rows.
  std::vector<std::vector<std::string>> preview;
};

class Importer {
 public:
  virtual ~Importer() = default;
  // The --format name: "ledger", "toggl", "clockify", "harvest", "kimai", "invoiceninja",
  // "freshbooks", "wave", "zoho", "invoice2go", "invoicely", "fatturapa", "camt",
  // "ofx", "ics", "mbox", "eml", "csv-mapping".
  virtual std::string_view name() const = 0;
  // One line for --help: the catalogue entry "ingest.source.<name>".
  Message description() const { return Msg("ingest.source." + std::string(name())); }
  // Whether Read looks at context.existing (names, open invoices, projects, workspace).
  virtual bool ReadsStoredRecords() const { return true; }
  // How sure this importer is that it reads `path`, 0 (not at all) to 100, from the
  // file name and its first bytes (`head`, up to 64 KiB). Cheap and without errors.
  virtual int Detect(const std::string& path, std::string_view head) const = 0;
  // Reads `path` (a file, or a folder where the source says so). Never throws for bad
  // input: problems go to the result's diagnostics with file, line and column or path,
  // record and field.
  virtual IngestResult Read(const std::string& path, const IngestContext& context) const = 0;
  // Whether a folder's files of this format are read together, by ReadSet, because they
  // tell together what no file tells alone (which seller of a set of e-invoices is the
  // workspace). Default: each file alone, by Read.
  virtual bool ReadsFilesAsOneSet() const { return false; }
  // Reads `files` (of one folder, in name order) as one set, as Read reads a folder. Only
  // called when ReadsFilesAsOneSet().
  virtual IngestResult ReadSet(const std::vector<std::string>& files,
                               const IngestContext& context) const {
    (void)files, (void)context;
    return {};
  }
};

// Every importer, in a fixed order.
const std::vector<const Importer*>& Importers();

// The importer named `name`. Error kInvalidArgument listing the valid names.
Result<const Importer*> FindImporter(std::string_view name);

// The importer most sure it reads `path` (ties: the earlier in Importers()). Error
// kInvalidArgument when none recognises it, naming the file and suggesting --format.
Result<const Importer*> DetectImporter(const std::string& path);

// Detects (or takes options.format) and reads. A folder is read as the canonical CSV
// ledger when it holds workspace.json or a ledger CSV file; otherwise every file in it
// (sorted by name, recursively) is detected and read on its own, and the results merged.
// Error only for a path that cannot be read at all or an unknown --format.
Result<IngestResult> Ingest(const std::string& path, const IngestContext& context);

}  // namespace addio
