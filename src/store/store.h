// The store: where workspaces' records live between runs (DESIGN.md section 1,
// "ledger records --store--> SQLite | PostgreSQL"). Importers hand it a Ledger; it merges
// the records into what is stored (new ids are added, changed records replace the old ones,
// equal records change nothing), validates the merged whole and writes it in one
// transaction, so a bad import, or a process killed halfway, leaves the store as it was.
// The engine reads it back as a Ledger or as one client's as-of snapshot (ClientLedger).
//
// One store holds one or more workspaces (DESIGN.md section 10), each with its own
// records, settings and kept statistics: a Store object reads and writes one of them and
// sees nothing of the others.
// Store is the abstract interface; OpenStore opens one from a URL: a file path (or
// sqlite:PATH, file:PATH) gives the embedded SQLite store (one file, the default); a
// postgresql://... URL the same store on a PostgreSQL server (its tables are created on
// first use), with the same results byte for byte.
// A Store object is not thread-safe: use one per thread (SQLite allows several readers
// and one writer on the same file; writers wait up to 5 seconds for the lock).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "core/money.h"
#include "core/result.h"
#include "core/time.h"
#include "ledger/client_ledger.h"
#include "ledger/record_types.h"
#include "ledger/records.h"
#include "ledger/validate.h"
#include "store/rates_table.h"

namespace addio {

// How one record type fared in an import.
struct ImportCounts {
  std::string type;    // "workspace", "client", "contract", ... (the LedgerSource type names)
  size_t added = 0;    // ids not stored before
  size_t updated = 0;  // stored ids whose record differed; the incoming one replaced it
  size_t unchanged = 0;
  std::vector<std::string> updated_ids;  // sorted
  size_t total() const { return added + updated + unchanged; }
};

struct ImportReport {
  bool dry_run = false;
  // True when the records were committed: never for a dry run or when `diagnostics` has
  // an error (then nothing at all was written).
  bool written = false;
  ImportCounts workspace;             // type "workspace"; at most one of the three counts is 1
  std::vector<ImportCounts> records;  // one per record type, in the order of kRecordTypes
  // Bank credits kept for review (type "unmatched_credit"). A credit whose id is already a
  // payment (it was matched) is counted unchanged and not stored again.
  ImportCounts unmatched;
  // Stored unmatched credits that incoming payments now account for (a re-imported
  // statement matched them): removed from the review list. Sorted.
  std::vector<std::string> resolved_unmatched;
  // Errors and warnings of the merged ledger (stored + incoming). Records from the
  // incoming source carry their file and line or JSON path; stored records only their
  // type and id.
  Diagnostics diagnostics;

  bool ok() const { return !diagnostics.HasErrors(); }
  // The counts of `type` ("client", ...). REQUIRES: `type` is one of kRecordTypes.
  const ImportCounts& For(std::string_view type) const;
  // Sums over the record types (the workspace not included).
  size_t added() const;
  size_t updated() const;
  size_t unchanged() const;
};

// The record types in the order they are written (parents before children) and reported.
inline constexpr const char* kRecordTypes[] = {"client",      "contract",   "project", "request",
                                               "work",        "contact",    "invoice", "payment",
                                               "rate_change", "credit_note"};

// Whether an import report shows the counts of a record type: every type of
// addio-ledger/1 always, credit notes (ledger 1.1) only when the import met some, so that
// the report of a ledger without them reads as before.
inline bool ShowCounts(const ImportCounts& counts) {
  return std::string_view(counts.type) != "credit_note" || counts.total() > 0;
}

// What a client owes and holds as of a date, in the workspace currency, from
// AllocatePayments (ledger/allocation.h). Invoices issued after `as_of` and payments dated
// after it do not count.
struct ClientBalance {
  Money invoiced;  // non-void invoices issued on or before as_of (written-off included)
  Money paid;      // payments dated on or before as_of
  Money open;      // still owed on invoices with status issued (not void, not written off)
  Money overdue;   // the part of `open` on invoices whose due date is before as_of
  Money credit;    // money received and not yet allocated to any invoice (overpayment)
};

// One line of the client list (`addio clients`).
struct ClientSummary {
  std::string id;
  std::string name;
  std::string country;
  size_t invoices = 0;  // non-void invoices issued on or before as_of
  ClientBalance balance;
};

// The balance of one client's snapshot. Error kValidation when an amount is in a
// currency the workspace FX table cannot convert.
Result<ClientBalance> ComputeBalance(const ClientLedger& client, const Workspace& workspace,
                                     CivilDate as_of);

// The summary of one client's snapshot. Same errors as ComputeBalance, naming the client.
Result<ClientSummary> SummarizeClient(const ClientLedger& client, const Workspace& workspace,
                                      CivilDate as_of);

// One summary per client of `ledger`, in client id order. Same errors as SummarizeClient.
Result<std::vector<ClientSummary>> SummarizeClients(const Ledger& ledger, CivilDate as_of);

// The portfolio statistics a store keeps for one date, and the clients whose records were
// written since (their entry is out of date, or missing for a client added since).
struct KeptRates {
  // Each client's entry as measured when they were saved, with the ranking: nullopt when
  // none were saved, they are of another date, or the workspace changed since.
  std::optional<RatesTable> table;
  std::vector<std::string> stale;  // by client id, each once
  // The last write noted when this was read (an increasing number). SaveRates with it
  // forgets the writes up to it and keeps those noted later, while its caller measured.
  int64_t seen = 0;
};

// Every stored client with the portfolio line kept for it as of one date
// (Store::LoadLines). The line is text the verdict layer writes and reads
// (verdict/portfolio_lines.h); the store only keeps it.
struct KeptLines {
  std::vector<std::string> clients;  // every stored client, by id
  std::vector<std::string> lines;    // lines[i] is clients[i]'s; empty when none is kept
  // The last write noted when this was read (Store::SaveLines).
  int64_t seen = 0;
};

// Consecutive stored clients: those whose ids are in [first, last].
struct ClientRange {
  std::string first;
  std::string last;
};

// The stored clients read in batches of consecutive ids (Store::ReadInBatches), so that
// a whole-store pass holds only the batches in flight and several threads can read at
// once. Everything it reads comes from the snapshot of the store taken when it was made:
// an import committed meanwhile is not seen.
class ClientBatches {
 public:
  virtual ~ClientBatches() = default;

  // The next `count` clients in id order (fewer for the last batch); nullopt after the
  // last. Called by one thread at a time, which may differ from Read's threads.
  // REQUIRES: count > 0. Error kStore on a database failure.
  virtual Result<std::optional<ClientRange>> Next(size_t count) = 0;

  // The clients of `range` in id order, each with its records exactly as LoadClient gives
  // them. Thread-safe: up to the `readers` asked for run at once, more wait for a free
  // connection. Error kStore on a database failure or a damaged row.
  virtual Result<std::vector<ClientLedger>> Read(const ClientRange& range) = 0;
};

// How far the stored records reach, read without loading them (one aggregate per table).
struct StoredExtent {
  size_t clients = 0;
  // The earliest and latest business dates: contracts signed (else sent), invoices
  // issued, payments, rate changes.
  std::optional<CivilDate> first_date, last_date;
  // The earliest and latest instants: requests, work entries' starts, contacts.
  std::optional<Instant> first_instant, last_instant;
};

// What the store holds of one record type (DESIGN.md section 4b, the coverage view).
struct TypeCoverage {
  std::string type;  // "client", ... (RecordTypeNames)
  size_t records = 0;
  // The span of the records' dates (clients since, contracts signed else sent, projects
  // start, invoices and credit notes issued, payments, rate changes) or of their instants
  // (requests, work entries' starts, contacts); none when no record has one.
  std::optional<CivilDate> first_date, last_date;
  std::optional<Instant> first_instant, last_instant;
  // The importers the records came from ("toggl", "camt", ...; "match" for payments made
  // by `addio match`), sorted; "" stands for records whose importer is not known (stored
  // before the store kept sources, or given by a program rather than read from a file).
  std::vector<std::string> sources;
};

// A message addio undertook to send (DESIGN.md section 12): a dunning step of an invoice,
// an alert to a webhook. The outbox makes every such message go out at most once: a run
// claims its key (committed) before sending and settles it after, so a run killed between
// the two leaves a claim that no later run sends again.
enum class OutboxState {
  kClaimed,  // claimed, not known to be sent: a crash or an uncertain failure
  kSent,
};
struct OutboxEntry {
  std::string key;  // "dunning:<invoice>:<action>", "alert:<alert id>:webhook", ...
  OutboxState state = OutboxState::kClaimed;
  Instant claimed_at;
  std::optional<Instant> settled_at;
  std::string detail;  // to whom it went, or why it is not known to be sent
};

class Store {
 public:
  virtual ~Store() = default;

  // Merges `incoming` into the stored records in one transaction: a record whose id is
  // not stored is added, one equal (operator==) to the stored record with its id is left
  // alone, a different one replaces it. The incoming workspace replaces the stored one;
  // an incoming workspace equal to Workspace{} (what a source without workspace settings
  // gives) keeps the stored one. The merged ledger is validated (ledger/validate.h), so
  // references may point to records stored earlier; `source` locates the incoming
  // records in messages. An import of a few records reads only the stored records they
  // name or point to (the same diagnostics as validating the whole store); a bulk load,
  // a workspace change or a record moving to another client reads the whole store.
  // Returns the report also when the records were rejected: then report.ok() is false,
  // its diagnostics say why and nothing was written. With `dry_run` the same report is
  // computed and the transaction rolled back. Error kStore only when the database
  // refuses (locked for more than 5 seconds, disk full, read-only file).
  Result<ImportReport> Import(const Ledger& incoming, const LedgerSource& source, bool dry_run) {
    return Import(incoming, source, {}, dry_run);
  }

  // The same, in the same transaction, with the bank credits an importer could not match
  // (IngestResult::unmatched): each is stored for review under its id (a new id is added,
  // a changed one replaced, one that is already a payment skipped), and stored ones whose
  // id `incoming` now has as a payment are removed. An unmatched credit with an empty id,
  // an amount that is not positive, or an id given twice is an error of the report, and
  // then nothing is written.
  virtual Result<ImportReport> Import(const Ledger& incoming, const LedgerSource& source,
                                      const std::vector<UnmatchedCredit>& unmatched,
                                      bool dry_run) = 0;

  // The bank credits waiting for review, ordered by date then id. Error kStore on a
  // database failure.
  virtual Result<std::vector<UnmatchedCredit>> Unmatched() = 0;

  // Turns the unmatched credit `credit_id` into a Payment with the same id, date and
  // amount, of the client of invoice `invoice_id` and naming it, and removes the credit
  // from the review list, in one transaction. Returns the payment written.
  // Errors: kNotFound when no unmatched credit has `credit_id` (also when it was matched
  // already) or no invoice has `invoice_id`; kConflict when the invoice is void or a
  // payment already has the id; kValidation when the credit's currency differs from the
  // invoice's and the workspace FX table cannot convert it; kStore on a database failure.
  virtual Result<Payment> Match(const std::string& credit_id, const std::string& invoice_id) = 0;

  // The whole workspace, every vector ordered by id. A store never imported into gives
  // an empty Ledger with a default Workspace. Error kStore on a database failure.
  virtual Result<Ledger> Load() = 0;

  // The stored workspace, or Workspace{} when none was imported yet.
  virtual Result<Workspace> LoadWorkspace() = 0;

  // Every client, ordered by id.
  virtual Result<std::vector<Client>> Clients() = 0;

  // One client's records sorted as ClientLedger documents; nullopt when no client has
  // this id.
  virtual Result<std::optional<ClientLedger>> LoadClient(const std::string& id) = 0;

  // Every stored client with its records, read batch by batch, never the whole store at
  // once, by up to `readers` threads at a time (each on a connection of its own), all from
  // one consistent snapshot of the store (ClientBatches). The store must outlive it and
  // must not be used while it exists. Error kStore on a database failure.
  virtual Result<std::unique_ptr<ClientBatches>> ReadInBatches(size_t readers) = 0;

  // Calls `visit` once per stored client, in client id order, with that client's records
  // exactly as LoadClient gives them, from one consistent snapshot; memory holds a small
  // batch of clients at a time, whatever their number. Stops at the first error `visit`
  // returns and returns it. `visit` runs on the calling thread and must not use this
  // store. Error kStore on a database failure.
  using ClientVisitor = std::function<Status(ClientLedger&& client)>;
  Status ForEachClient(const ClientVisitor& visit);

  // The workspace settings (threshold name -> value, DESIGN.md section 3); only the
  // ones set, not the defaults.
  virtual Result<std::map<std::string, double>> Settings() = 0;

  // Sets one workspace setting, creating the workspace with defaults when none is
  // stored. The store does not know which names are valid: callers check that.
  // Error kInvalidArgument for an empty name or a value that is not finite.
  virtual Status SetSetting(const std::string& name, double value) = 0;

  // Replaces the stored workspace with `workspace` (settings, working hours, holidays,
  // target rate, ...), creating it when none is stored; records are left alone. The
  // workspace is checked as an import checks one, in one transaction: error kValidation
  // (the message lists every problem) leaves the store as it was. Unlike Import, a
  // workspace equal to Workspace{} is stored as it is. kStore when the database refuses.
  virtual Status SaveWorkspace(const Workspace& workspace) = 0;

  // Claims `keys` in the outbox before their message is sent, all or none in one
  // transaction: true when none was there (now all are, kClaimed, committed before this
  // returns); false, claiming nothing, when any was (sent, or claimed by an earlier run
  // that may have sent it): the message must not be sent. Error kStore when the database
  // refuses.
  virtual Result<bool> ClaimOutbox(const std::vector<std::string>& keys, Instant at,
                                   const std::string& detail) = 0;
  // Marks the claimed `keys` sent, with what was sent to whom, in one transaction. Keys
  // never claimed are left out. Error kStore when the database refuses.
  virtual Status SettleOutbox(const std::vector<std::string>& keys, Instant at,
                              const std::string& detail) = 0;
  // Removes `keys` (claimed or sent), so that their message may be sent again: after a
  // failure that certainly sent nothing, or by the user's decision. Error kNotFound when
  // the outbox has none of them.
  virtual Status ReleaseOutbox(const std::vector<std::string>& keys) = 0;
  // The entries whose key starts with `prefix`, by key.
  virtual Result<std::vector<OutboxEntry>> Outbox(const std::string& prefix) = 0;

  // The portfolio statistics kept for `as_of` (KeptRates::table, when there are any), with
  // the clients written since and the last write noted, read at one moment.
  // Rates are in the workspace currency. Error kStore on a database failure.
  virtual Result<KeptRates> LoadRates(CivilDate as_of) = 0;
  // The same for a few lookups (one client's assessment): where the store can, the table
  // is read where it lies (RatesTable::InPlace), a few bytes per lookup, instead of whole.
  // Such a table must not outlive this store, nor see a write through it: drop it first.
  virtual Result<KeptRates> LoadRatesForLookups(CivilDate as_of) { return LoadRates(as_of); }

  // Keeps `table`, every client's entry with their ranking, as the statistics for `as_of`,
  // replacing what was kept (one date is kept at a time), and forgets the writes noted up
  // to `seen` (KeptRates::seen as read before measuring): a client written later stays
  // stale. An import notes every client whose records it writes; any change of the
  // workspace makes the statistics not current.
  virtual Status SaveRates(CivilDate as_of, const RatesTable& table, int64_t seen) = 0;

  // Every stored client, with its portfolio line kept for `as_of` where there is one. An
  // import drops the lines of the clients it writes; any change of the workspace drops
  // them all. Error kStore on a database failure.
  virtual Result<KeptLines> LoadLines(CivilDate as_of) = 0;

  // Keeps `lines` (client id, line) as those of their clients for `as_of`, replacing the
  // lines kept for another date, unless a write was noted after `seen` (KeptLines::seen
  // as read before the lines were made): then nothing is saved, since a line may have
  // been made from records replaced since. Returns whether the lines were saved. Error
  // kStore on a database failure.
  virtual Result<bool> SaveLines(CivilDate as_of,
                                 const std::vector<std::pair<std::string, std::string>>& lines,
                                 int64_t seen) = 0;

  // A number that changes whenever another connection to the same store commits a change,
  // whether in this process or in another one (`addio import` into the file a server
  // reads): two calls on this object return different values if and only if some other
  // connection committed in between. Commits made through this object do not change it,
  // so a caller that writes through it must account for its own writes. Cheap (no table is
  // read): made to be asked before every cached answer. Error kStore when the database
  // refuses.
  virtual Result<int64_t> DataVersion() = 0;

  // The number of clients and the span of the records' dates and instants. Error kStore
  // on a database failure or a stored date that does not parse.
  virtual Result<StoredExtent> Extent() = 0;

  // The record types of which the store holds at least one record. Cheap (one probe per
  // table). Error kStore on a database failure.
  virtual Result<RecordTypes> HeldRecordTypes() = 0;

  // One entry per record type, in the order of RecordTypeNames, read at one moment (each
  // table is counted and its dates scanned: about 2 s at 11 million records). Error kStore on a
  // database failure or a stored date that does not parse.
  virtual Result<std::vector<TypeCoverage>> Coverage() = 0;

  // The balance of client `id` as of `as_of`. Error kNotFound when no client has this id.
  Result<ClientBalance> Balance(const std::string& id, CivilDate as_of);

  // One summary per stored client, in id order, read client by client
  // (ForEachClient: the whole ledger is never held).
  Result<std::vector<ClientSummary>> ClientSummaries(CivilDate as_of);
};

enum class OpenMode {
  kCreateIfMissing,  // `addio init`: creates the file and its schema when missing
  kMustExist,        // every other command: a missing file is an error
};

// Which store a URL names, and where.
enum class StoreKind { kSqlite, kPostgres };
struct StoreUrl {
  StoreKind kind = StoreKind::kSqlite;
  std::string location;  // kSqlite: the file path; kPostgres: the whole URL
};

// One workspace of a store.
struct WorkspaceEntry {
  std::string id;    // how commands name it (--workspace ID); see IsWorkspaceId
  std::string name;  // shown in lists; the id when none was given
  size_t clients = 0;
};

// Whether `id` can name a workspace: 1 to 40 characters of a-z, 0-9, '-' and '_', the
// first a letter or a digit (it is typed in commands and addresses).
bool IsWorkspaceId(std::string_view id);

// The workspace every store has from its creation (and the one that holds what a store
// of an earlier version held).
inline constexpr char kDefaultWorkspace[] = "default";

// Reads a store URL: a plain path ("addio.db", "/data/addio.db"), "sqlite:PATH" or
// "file:PATH" (a leading "//" after the colon is dropped, so "sqlite:///data/addio.db" is
// /data/addio.db) name a SQLite file; "postgresql://..." and "postgres://..." name a
// PostgreSQL server. Error kInvalidArgument for an empty URL or path, or any other
// "scheme://" form (the message lists the forms accepted).
Result<StoreUrl> ParseStoreUrl(const std::string& url);

// Opens workspace `workspace` (its id) of the store `url` names (see ParseStoreUrl); an
// empty `workspace` names the store's only one. With kCreateIfMissing a SQLite file and
// its schema, with the workspace kDefaultWorkspace, are created when missing. The schema
// is brought up to date (each migration step in its own transaction). The only way to
// open a store: the composition roots (the CLI's commands, `addio serve`) call it,
// nothing below them does.
// Errors: those of ParseStoreUrl; kInvalidArgument for an empty `workspace` when the store
// holds several (the message lists them); kNotFound when the file does not exist and `mode` is
// kMustExist (the message tells the user to run `addio init`), or when no workspace has the id
// `workspace` (the message lists those there are); kStore when the file is not an addio
// database, was written by a newer addio (its schema version is unknown here), or the
// database refuses (a PostgreSQL server that cannot be reached: the message names it
// without the password of the URL).
Result<std::unique_ptr<Store>> OpenStore(const std::string& url, OpenMode mode,
                                         const std::string& workspace = "");

// The workspaces of the store `url` names, by id. Errors as OpenStore's with kMustExist.
Result<std::vector<WorkspaceEntry>> ListWorkspaces(const std::string& url);

// Adds the empty workspace `id`, named `name` (the id when empty), to the store `url`
// names. Errors: kInvalidArgument when IsWorkspaceId(id) is false; kConflict when the
// store has a workspace with this id; those of OpenStore with kMustExist.
Status AddWorkspace(const std::string& url, const std::string& id, const std::string& name);

// Names workspace `id` of the store `url` names `name` (its id never changes: scripts and
// addresses name it). Errors: kInvalidArgument for an empty name; kNotFound when no
// workspace has this id; those of OpenStore with kMustExist.
Status RenameWorkspace(const std::string& url, const std::string& id, const std::string& name);

// The schema version this build writes (the last migration step).
int SqliteSchemaVersion();

}  // namespace addio
