// The store (store.h) on a SQL database (sql.h): one workspace's records, read and
// written with the statements both SQLite and PostgreSQL run. Every write runs inside a
// transaction; nothing is written outside one.
#include "store/sql_store.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>
#include <ranges>
#include <set>
#include <span>
#include <type_traits>
#include <unordered_map>
#include <utility>

#include "ledger/allocation.h"
#include "store/client_stream.h"
#include "store/import_plan.h"
#include "store/rows.h"
#include "store/sql.h"
#include "store/store.h"

namespace addio {
namespace {

using store_internal::Binder;
using store_internal::DamagedRow;
using store_internal::ImportPlan;
using store_internal::kTableOf;
using store_internal::RowReader;
using store_internal::SqlColumn;
using store_internal::SqlDb;
using store_internal::SqlError;
using store_internal::SqlQuery;
using store_internal::SqlTransaction;
using store_internal::SqlTransactionKind;

// Reads every row of T's table in `workspace`, or only those of one client, ordered by id.
template <typename T>
void ReadRows(SqlDb& db, int64_t workspace, const std::string* client, std::vector<T>& out) {
  const store_internal::TableInfo& table = kTableOf<T>;
  std::string sql =
      std::string("SELECT ") + table.columns + " FROM " + table.name + " WHERE workspace_id = ?1";
  if (client != nullptr) sql += std::is_same_v<T, Client> ? " AND id = ?2" : " AND client = ?2";
  sql += " ORDER BY id";
  SqlQuery query(db, sql);
  query.bind(1, workspace);
  if (client != nullptr) query.bind(2, *client);
  while (query.executeStep()) {
    RowReader reader(query, table.name);
    T record;
    Read(reader, record);
    out.push_back(std::move(record));
  }
}

// Runs `sql` once per row, with one prepared statement reused row after row.
template <typename T>
void WriteRows(SqlDb& db, int64_t workspace, const std::string& sql,
               const std::vector<const T*>& rows) {
  if (rows.empty()) return;
  SqlQuery statement(db, sql);
  for (const T* row : rows) {
    Binder binder(statement, workspace);
    Bind(binder, *row);
    statement.exec();
    statement.reset();
  }
}

// Inserts `rows` into T's table in `workspace`, db.RowsPerInsert() rows per statement run:
// each run of a statement opens and closes its cursors and allocates its buffers, which
// one row at a time costs as much as inserting the row.
template <typename T>
void InsertRows(SqlDb& db, int64_t workspace, const std::vector<const T*>& rows) {
  const size_t rows_per_insert = db.RowsPerInsert();
  const store_internal::TableInfo& table = kTableOf<T>;
  auto run = [workspace](SqlQuery& statement, std::span<const T* const> batch) {
    Binder binder(statement, workspace);
    for (const T* row : batch) Bind(binder, *row);
    statement.exec();
    statement.reset();
  };
  const std::span<const T* const> all(rows);
  size_t done = 0;
  if (all.size() >= rows_per_insert) {
    SqlQuery full(db, store_internal::InsertSql(table.name, table.columns, rows_per_insert));
    for (; all.size() - done >= rows_per_insert; done += rows_per_insert) {
      run(full, all.subspan(done, rows_per_insert));
    }
    full.finish();
  }
  if (done < all.size()) {
    SqlQuery rest(db, store_internal::InsertSql(table.name, table.columns, all.size() - done));
    run(rest, all.subspan(done));
    rest.finish();
  }
}

// New rows with a plain INSERT, changed ones with an UPDATE of every column but the id.
// Not an upsert: SQLite runs the parent-key checks of an upsert's UPDATE branch on every
// row, which makes a large import about a quarter slower.
template <typename T>
void WriteChanges(SqlDb& db, int64_t workspace, const store_internal::RecordChanges<T>& changes) {
  const store_internal::TableInfo& table = kTableOf<T>;
  InsertRows(db, workspace, changes.added);
  WriteRows(db, workspace, store_internal::UpdateSql(table.name, table.columns), changes.updated);
}

// The ids an import names or points to, by record type: the stored records with these ids
// are all an import of a few records needs to merge and validate (the neighbourhood).
struct IdSets {
  std::set<std::string> clients, contracts, projects, requests, work, contacts, invoices, payments,
      rate_changes, credit_notes;
};

// Adds the ids `records` refer to: their client, contract, project, request and invoice.
template <typename Records>
void NoteReferences(const Records& records, IdSets& ids) {
  using T = std::ranges::range_value_t<Records>;
  for (const T& r : records) {
    if constexpr (!std::is_same_v<T, Client>) ids.clients.insert(r.client);
    if constexpr (std::is_same_v<T, Project>) {
      if (!r.contract.empty()) ids.contracts.insert(r.contract);
    }
    if constexpr (std::is_same_v<T, Request>) {
      if (!r.project.empty()) ids.projects.insert(r.project);
    }
    if constexpr (std::is_same_v<T, WorkEntry>) {
      if (!r.project.empty()) ids.projects.insert(r.project);
      if (!r.request.empty()) ids.requests.insert(r.request);
    }
    if constexpr (std::is_same_v<T, Payment> || std::is_same_v<T, CreditNote>) {
      if (!r.invoice.empty()) ids.invoices.insert(r.invoice);
    }
  }
}

// Beyond this many incoming records an import reads the whole store: a bulk load names
// most stored records anyway, and one scan beats that many lookups.
constexpr size_t kNeighbourhoodLimit = 100000;

// From this many incoming records an import into a store without records is a bulk load
// (BulkLoad); below it, switching the journal costs more than it saves.
constexpr size_t kBulkLoadRecords = 10000;

// True when an import's effects reach beyond the clients whose records it writes, so that
// planning against the neighbourhood may differ from planning against the whole store and
// every client's kept statistics are dropped: the workspace changes (the currency and FX
// table every stored amount is checked against), or a stored record that others refer to
// moves to another client (its stored children would then point across clients).
// `stored` holds at least the stored records with the ids `plan` updates.
bool ReachesBeyondItsClients(const ImportPlan& plan, const Ledger& stored) {
  if (plan.write_workspace) return true;
  auto moved = [](const auto& updated, const auto& before) {
    if (updated.empty()) return false;
    std::unordered_map<std::string_view, std::string_view> client_of;
    for (const auto& record : before) client_of.emplace(record.id, record.client);
    for (const auto* record : updated) {
      auto it = client_of.find(record->id);
      if (it != client_of.end() && it->second != record->client) return true;
    }
    return false;
  };
  return moved(plan.changes.contracts.updated, stored.contracts) ||
         moved(plan.changes.projects.updated, stored.projects) ||
         moved(plan.changes.requests.updated, stored.requests) ||
         moved(plan.changes.invoices.updated, stored.invoices);
}

class SqlStore final : public Store {
 public:
  SqlStore(std::unique_ptr<SqlDb> db, std::string path, int64_t workspace)
      : db_(std::move(db)), path_(std::move(path)), workspace_(workspace) {}

  using Store::Import;

  Result<ImportReport> Import(const Ledger& incoming, const LedgerSource& source,
                              const std::vector<UnmatchedCredit>& unmatched,
                              bool dry_run) override {
    return Guard("store.action.import", [&]() -> Result<ImportReport> {
      const bool bulk = incoming.records() >= kBulkLoadRecords && HoldsNoRecords(workspace_);
      // Before the transaction, so that it ends after it.
      const std::unique_ptr<store_internal::SqlScope> bulk_settings =
          bulk ? db_->StartBulkLoad() : nullptr;
      // IMMEDIATE takes the write lock now, so nothing changes between reading the stored
      // records and writing the merged ones.
      SqlTransaction transaction(*db_, SqlTransactionKind::kWrite, workspace_);
      // No workspace has records, under the lock: the indexes are built after the rows.
      const bool into_empty = bulk && HoldsNoRecords(std::nullopt);
      ImportPlan plan;
      store_internal::UnmatchedPlan unmatched_plan;
      bool beyond = false;  // the import's effects reach beyond the clients it writes
      {
        bool workspace_stored = false;
        // A few records are merged with the stored records they name or point to; a bulk
        // load, or a change whose effects reach further, with the whole store.
        const bool small = !bulk && incoming.records() <= kNeighbourhoodLimit;
        Ledger stored =
            small ? ReadNeighbourhood(incoming, &workspace_stored) : ReadAll(&workspace_stored);
        plan = store_internal::PlanImport(stored, workspace_stored, incoming, source);
        beyond = ReachesBeyondItsClients(plan, stored);
        // An import that moves a record to another client is refused (the ownership
        // rule), so it never needs the whole store.
        if (small && beyond && plan.report.ok()) {
          stored = ReadAll(&workspace_stored);
          plan = store_internal::PlanImport(stored, workspace_stored, incoming, source);
        }
        std::vector<UnmatchedCredit> stored_unmatched;
        ReadRows(*db_, workspace_, nullptr, stored_unmatched);
        std::vector<Payment> paid;  // stored payments whose id is an unmatched credit's
        if (!unmatched.empty()) {
          std::set<std::string> ids;
          for (const UnmatchedCredit& credit : unmatched) ids.insert(credit.id);
          ReadByIds(ids, paid);
        }
        unmatched_plan =
            store_internal::PlanUnmatched(stored_unmatched, paid, incoming, unmatched, plan.report);
      }
      plan.report.dry_run = dry_run;
      if (!plan.report.ok()) return std::move(plan.report);  // rolled back: nothing written
      if (plan.write_workspace) WriteWorkspace(plan.changes.workspace);
      // Into empty tables, one sort per index after the rows beats keeping each index in
      // order row by row.
      std::vector<std::string> indexes;
      if (into_empty) {
        indexes = db_->DropIndexes({kTableOf<Client>.name, kTableOf<Contract>.name,
                                    kTableOf<Project>.name, kTableOf<Request>.name,
                                    kTableOf<WorkEntry>.name, kTableOf<Contact>.name,
                                    kTableOf<Invoice>.name, kTableOf<Payment>.name,
                                    kTableOf<RateChange>.name, kTableOf<CreditNote>.name});
      }
      // Parents before children, so that every foreign key holds at each insert.
      WriteChanges(*db_, workspace_, plan.changes.clients);
      WriteChanges(*db_, workspace_, plan.changes.contracts);
      WriteChanges(*db_, workspace_, plan.changes.projects);
      WriteChanges(*db_, workspace_, plan.changes.requests);
      WriteChanges(*db_, workspace_, plan.changes.work);
      WriteChanges(*db_, workspace_, plan.changes.contacts);
      WriteChanges(*db_, workspace_, plan.changes.invoices);
      WriteChanges(*db_, workspace_, plan.changes.payments);
      WriteChanges(*db_, workspace_, plan.changes.rate_changes);
      WriteChanges(*db_, workspace_, plan.changes.credit_notes);
      const store_internal::TableInfo& table = kTableOf<UnmatchedCredit>;
      WriteRows(*db_, workspace_, store_internal::InsertSql(table.name, table.columns),
                unmatched_plan.added);
      WriteRows(*db_, workspace_, store_internal::UpdateSql(table.name, table.columns),
                unmatched_plan.updated);
      for (const std::string& id : unmatched_plan.removed) DeleteUnmatched(id);
      for (const std::string& sql : indexes) db_->Exec(sql);
      if (beyond) {
        DropRates();
      } else {
        MarkStale(WrittenClients(plan.changes));
      }
      UpdateKeptExtent(plan.changes);
      NoteSources(plan.report, source);
      if (dry_run) return std::move(plan.report);  // rolled back by the destructor
      transaction.commit();
      plan.report.written = true;
      return std::move(plan.report);
    });
  }

  Result<std::vector<UnmatchedCredit>> Unmatched() override {
    return Guard("store.action.read", [&]() -> Result<std::vector<UnmatchedCredit>> {
      std::vector<UnmatchedCredit> credits;
      ReadRows(*db_, workspace_, nullptr, credits);
      std::stable_sort(credits.begin(), credits.end(),
                       [](const UnmatchedCredit& a, const UnmatchedCredit& b) {
                         return a.date < b.date;  // ids are already in order
                       });
      return credits;
    });
  }

  Result<Payment> Match(const std::string& credit_id, const std::string& invoice_id) override {
    return Guard("store.action.match", [&]() -> Result<Payment> {
      SqlTransaction transaction(*db_, SqlTransactionKind::kWrite, workspace_);
      std::optional<UnmatchedCredit> credit = ReadOne<UnmatchedCredit>(credit_id);
      if (!credit) {
        return Fail(ErrorCode::kNotFound, Msg("store.no_unmatched_credit", credit_id));
      }
      std::optional<Invoice> invoice = ReadOne<Invoice>(invoice_id);
      if (!invoice) return Fail(ErrorCode::kNotFound, Msg("store.no_invoice", invoice_id));
      if (invoice->status == InvoiceStatus::kVoid) {
        return Fail(ErrorCode::kConflict, Msg("store.invoice_void", invoice_id));
      }
      if (ReadOne<Payment>(credit_id)) {
        return Fail(ErrorCode::kConflict, Msg("store.payment_exists", credit_id));
      }
      if (credit->amount.currency() != invoice->amount.currency()) {
        auto converted = Convert(credit->amount, invoice->amount.currency(),
                                 ReadWorkspaceRow().value_or(Workspace{}));
        if (!converted) return Fail(ErrorCode::kValidation, converted.error().message);
      }
      const Payment payment{.id = credit->id,
                            .client = invoice->client,
                            .invoice = invoice->id,
                            .date = credit->date,
                            .amount = credit->amount};
      const store_internal::TableInfo& table = kTableOf<Payment>;
      WriteRows(*db_, workspace_, store_internal::InsertSql(table.name, table.columns),
                std::vector<const Payment*>{&payment});
      DeleteUnmatched(credit_id);
      MarkStale({payment.client});
      NoteSource("payment", "match");
      store_internal::Changes added;
      added.payments.added = {&payment};
      UpdateKeptExtent(added);
      transaction.commit();
      return payment;
    });
  }

  Result<Ledger> Load() override {
    return Guard("store.action.read", [&]() -> Result<Ledger> {
      SqlTransaction transaction(
          *db_, SqlTransactionKind::kRead);  // one consistent snapshot of every table
      bool workspace_stored = false;
      Ledger ledger = ReadAll(&workspace_stored);
      transaction.commit();
      return ledger;
    });
  }

  Result<Workspace> LoadWorkspace() override {
    return Guard("store.action.read",
                 [&]() -> Result<Workspace> { return ReadWorkspaceRow().value_or(Workspace{}); });
  }

  Result<std::vector<Client>> Clients() override {
    return Guard("store.action.read", [&]() -> Result<std::vector<Client>> {
      std::vector<Client> clients;
      ReadRows(*db_, workspace_, nullptr, clients);
      return clients;
    });
  }

  Result<std::optional<ClientLedger>> LoadClient(const std::string& id) override {
    return Guard("store.action.read", [&]() -> Result<std::optional<ClientLedger>> {
      SqlTransaction transaction(*db_, SqlTransactionKind::kRead);
      Ledger ledger;
      ReadRows(*db_, workspace_, &id, ledger.clients);
      if (ledger.clients.empty()) return std::nullopt;
      ReadRows(*db_, workspace_, &id, ledger.contracts);
      ReadRows(*db_, workspace_, &id, ledger.projects);
      ReadRows(*db_, workspace_, &id, ledger.requests);
      ReadRows(*db_, workspace_, &id, ledger.work);
      ReadRows(*db_, workspace_, &id, ledger.contacts);
      ReadRows(*db_, workspace_, &id, ledger.invoices);
      ReadRows(*db_, workspace_, &id, ledger.payments);
      ReadRows(*db_, workspace_, &id, ledger.rate_changes);
      ReadRows(*db_, workspace_, &id, ledger.credit_notes);
      transaction.commit();
      std::vector<ClientLedger> split = SplitByClient(ledger);
      return std::move(split.front());
    });
  }

  Result<std::unique_ptr<ClientBatches>> ReadInBatches(size_t readers) override {
    return store_internal::OpenClientBatches(*db_, path_, workspace_, readers);
  }

  Result<std::map<std::string, double>> Settings() override {
    auto workspace = LoadWorkspace();
    if (!workspace) return std::unexpected(workspace.error());
    return std::move(workspace->settings);
  }

  Status SetSetting(const std::string& name, double value) override {
    if (name.empty()) return Fail(ErrorCode::kInvalidArgument, Msg("store.setting_needs_name"));
    if (!std::isfinite(value)) {
      return Fail(ErrorCode::kInvalidArgument, Msg("store.setting_needs_number", name));
    }
    return Guard("store.action.update_settings", [&]() -> Status {
      SqlTransaction transaction(*db_, SqlTransactionKind::kWrite, workspace_);
      Workspace workspace = ReadWorkspaceRow().value_or(Workspace{});
      workspace.settings[name] = value;
      WriteWorkspace(workspace);
      DropRates();
      transaction.commit();
      return {};
    });
  }

  Result<bool> ClaimOutbox(const std::vector<std::string>& keys, Instant at,
                           const std::string& detail) override {
    return Guard("store.action.outbox", [&]() -> Result<bool> {
      SqlTransaction transaction(*db_, SqlTransactionKind::kWrite, workspace_);
      SqlQuery insert(
          *db_,
          "INSERT INTO outbox (workspace_id, key, state, claimed_at, detail) "
          "VALUES (?1, ?2, 'claimed', ?3, ?4) ON CONFLICT (workspace_id, key) DO NOTHING");
      for (const std::string& key : keys) {
        insert.bind(1, workspace_);
        insert.bind(2, key);
        insert.bind(3, at.unix_seconds());
        insert.bind(4, detail);
        const bool added = insert.exec() == 1;
        insert.reset();
        if (!added) return false;  // the transaction rolls back: nothing is claimed
      }
      transaction.commit();
      return true;
    });
  }

  Status SettleOutbox(const std::vector<std::string>& keys, Instant at,
                      const std::string& detail) override {
    return Guard("store.action.outbox", [&]() -> Status {
      SqlTransaction transaction(*db_, SqlTransactionKind::kWrite, workspace_);
      SqlQuery update(*db_,
                      "UPDATE outbox SET state = 'sent', settled_at = ?2, detail = ?3 "
                      "WHERE workspace_id = ?1 AND key = ?4");
      for (const std::string& key : keys) {
        update.bind(1, workspace_);
        update.bind(2, at.unix_seconds());
        update.bind(3, detail);
        update.bind(4, key);
        update.exec();
        update.reset();
      }
      transaction.commit();
      return {};
    });
  }

  Status ReleaseOutbox(const std::vector<std::string>& keys) override {
    return Guard("store.action.outbox", [&]() -> Status {
      SqlTransaction transaction(*db_, SqlTransactionKind::kWrite, workspace_);
      SqlQuery remove(*db_, "DELETE FROM outbox WHERE workspace_id = ?1 AND key = ?2");
      int removed = 0;
      for (const std::string& key : keys) {
        remove.bind(1, workspace_);
        remove.bind(2, key);
        removed += remove.exec();
        remove.reset();
      }
      if (removed == 0) {
        return Fail(ErrorCode::kNotFound,
                    Msg("store.outbox_no_key", keys.empty() ? std::string() : keys.front()));
      }
      transaction.commit();
      return {};
    });
  }

  Result<std::vector<OutboxEntry>> Outbox(const std::string& prefix) override {
    return Guard("store.action.read", [&]() -> Result<std::vector<OutboxEntry>> {
      SqlQuery query(*db_,
                     "SELECT key, state, claimed_at, settled_at, detail FROM outbox "
                     "WHERE workspace_id = ?2 AND substr(key, 1, length(CAST(?1 AS TEXT))) = "
                     "CAST(?1 AS TEXT) "
                     "ORDER BY key");
      query.bind(1, prefix);
      query.bind(2, workspace_);
      std::vector<OutboxEntry> out;
      while (query.executeStep()) {
        OutboxEntry entry;
        entry.key = query.getColumn(0).getString();
        entry.state =
            query.getColumn(1).getString() == "sent" ? OutboxState::kSent : OutboxState::kClaimed;
        entry.claimed_at = Instant::FromUnixSeconds(query.getColumn(2).getInt64());
        if (!query.getColumn(3).isNull()) {
          entry.settled_at = Instant::FromUnixSeconds(query.getColumn(3).getInt64());
        }
        entry.detail = query.getColumn(4).getString();
        out.push_back(std::move(entry));
      }
      return out;
    });
  }

  Status SaveWorkspace(const Workspace& workspace) override {
    Ledger alone;
    alone.workspace = workspace;
    Diagnostics diagnostics;
    Validate(alone, LedgerSource{}, diagnostics);
    if (diagnostics.HasErrors()) return Fail(ErrorCode::kValidation, Rejected(diagnostics));
    return Guard("store.action.update_workspace", [&]() -> Status {
      SqlTransaction transaction(*db_, SqlTransactionKind::kWrite, workspace_);
      WriteWorkspace(workspace);
      DropRates();
      transaction.commit();
      return {};
    });
  }

  Result<KeptRates> LoadRates(CivilDate as_of) override { return ReadRates(as_of, false); }
  Result<KeptRates> LoadRatesForLookups(CivilDate as_of) override { return ReadRates(as_of, true); }

  // LoadRates, the table read whole or (`in_place`, where the database can) where it lies.
  Result<KeptRates> ReadRates(CivilDate as_of, bool in_place) {
    return Guard("store.action.read", [&]() -> Result<KeptRates> {
      SqlTransaction transaction(
          *db_, SqlTransactionKind::kRead);  // the blob and the notes of one moment
      KeptRates kept;
      kept.seen = LastNoted();
      SqlQuery everything(*db_,
                          "SELECT EXISTS (SELECT 1 FROM portfolio_stale "
                          "WHERE workspace_id = ? AND client = '')");
      everything.bind(1, workspace_);
      everything.executeStep();
      if (everything.getColumn(0).getInt() == 1) return kept;  // everything is stale
      SqlQuery query(*db_, "SELECT as_of, length(entries) FROM portfolio WHERE workspace_id = ?");
      query.bind(1, workspace_);
      if (!query.executeStep() || query.getColumn(0).getString() != as_of.ToString()) {
        return kept;
      }
      const int64_t size = query.getColumn(1).getInt64();
      std::shared_ptr<const RatesBytes> lying =
          in_place ? db_->OpenPortfolioEntries(workspace_, size) : nullptr;
      kept.table = lying ? RatesTable::InPlace(std::move(lying))
                         : RatesTable::Read(db_->ReadPortfolioEntries(workspace_, size));
      if (!kept.table) return kept;  // another format: measured again
      SqlQuery stale(
          *db_,
          "SELECT DISTINCT client FROM portfolio_stale WHERE workspace_id = ? ORDER BY client");
      stale.bind(1, workspace_);
      while (stale.executeStep()) kept.stale.push_back(stale.getColumn(0).getString());
      transaction.commit();
      return kept;
    });
  }

  Status SaveRates(CivilDate as_of, const RatesTable& table, int64_t seen) override {
    return Guard("store.action.update_rates", [&]() -> Status {
      SqlTransaction transaction(*db_, SqlTransactionKind::kWrite, workspace_);
      const std::string& blob = table.bytes();
      SqlQuery save(*db_,
                    "INSERT INTO portfolio (workspace_id, as_of, entries) VALUES (?, ?, ?) "
                    "ON CONFLICT (workspace_id) DO UPDATE SET as_of = excluded.as_of, "
                    "entries = excluded.entries");
      save.bind(1, workspace_);
      save.bind(2, as_of.ToString());
      save.bindBlob(3, blob);
      save.exec();
      SqlQuery forget(*db_, "DELETE FROM portfolio_stale WHERE workspace_id = ? AND seq <= ?");
      forget.bind(1, workspace_);
      forget.bind(2, seen);
      forget.exec();
      transaction.commit();
      return {};
    });
  }

  Result<KeptLines> LoadLines(CivilDate as_of) override {
    return Guard("store.action.read", [&]() -> Result<KeptLines> {
      SqlTransaction transaction(
          *db_, SqlTransactionKind::kRead);  // the lines and the last note of one moment
      KeptLines kept;
      kept.seen = LastNoted();
      SqlQuery query(*db_,
                     "SELECT c.id, k.line FROM clients c LEFT JOIN kept_lines k "
                     "ON k.workspace_id = c.workspace_id AND k.client = c.id "
                     "AND k.as_of = ?2 WHERE c.workspace_id = ?1 ORDER BY c.id");
      query.bind(1, workspace_);
      query.bind(2, as_of.ToString());
      while (query.executeStep()) {
        kept.clients.push_back(query.getColumn(0).getString());
        kept.lines.push_back(query.getColumn(1).getString());  // NULL reads as ""
      }
      transaction.commit();
      return kept;
    });
  }

  Result<bool> SaveLines(CivilDate as_of,
                         const std::vector<std::pair<std::string, std::string>>& lines,
                         int64_t seen) override {
    return Guard("store.action.update_rates", [&]() -> Result<bool> {
      SqlTransaction transaction(*db_, SqlTransactionKind::kWrite, workspace_);
      if (LastNoted() > seen) return false;
      const std::string date = as_of.ToString();
      SqlQuery other(*db_, "DELETE FROM kept_lines WHERE workspace_id = ? AND as_of <> ?");
      other.bind(1, workspace_);
      other.bind(2, date);
      other.exec();
      SqlQuery save(*db_,
                    "INSERT INTO kept_lines (workspace_id, client, as_of, line) "
                    "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (workspace_id, client) "
                    "DO UPDATE SET as_of = excluded.as_of, line = excluded.line");
      save.bind(1, workspace_);
      for (const auto& [client, line] : lines) {
        save.bindNoCopy(2, client);
        save.bindNoCopy(3, date);
        save.bindNoCopy(4, line);
        save.exec();
        save.reset();
      }
      transaction.commit();
      return true;
    });
  }

 private:
  // The last write noted (MarkStale, DropRates): the workspace's count of notes, which
  // SaveRates's forgetting does not lower. The caller holds a transaction.
  int64_t LastNoted() {
    SqlQuery last(*db_, "SELECT noted FROM workspaces WHERE workspace_id = ?");
    last.bind(1, workspace_);
    return last.executeStep() ? last.getColumn(0).getInt64() : 0;
  }

  // Notes that `clients` were written ("" for everything), numbering the notes on from
  // the last; the caller holds a transaction.
  void Note(const std::set<std::string>& clients) {
    int64_t seq = LastNoted();
    SqlQuery note(*db_,
                  "INSERT INTO portfolio_stale (workspace_id, seq, client) "
                  "VALUES (?1, ?2, ?3)");
    note.bind(1, workspace_);
    for (const std::string& client : clients) {
      note.bind(2, ++seq);
      note.bind(3, client);
      note.exec();
      note.reset();
    }
    SqlQuery count(*db_, "UPDATE workspaces SET noted = ?2 WHERE workspace_id = ?1");
    count.bind(1, workspace_);
    count.bind(2, seq);
    count.exec();
  }

  // The clients whose records `changes` writes (added or replaced).
  static std::set<std::string> WrittenClients(const store_internal::Changes& changes) {
    std::set<std::string> clients;
    for (const Client* client : changes.clients.added) clients.insert(client->id);
    for (const Client* client : changes.clients.updated) clients.insert(client->id);
    // Records come grouped by client: a client is looked up once per run, not per record.
    const std::string* last = nullptr;
    auto add = [&clients, &last](const std::string& client) {
      if (last != nullptr && *last == client) return;
      clients.insert(client);
      last = &client;
    };
    auto note = [&add](const auto& records) {
      for (const auto* record : records.added) add(record->client);
      for (const auto* record : records.updated) add(record->client);
    };
    note(changes.contracts);
    note(changes.projects);
    note(changes.requests);
    note(changes.work);
    note(changes.contacts);
    note(changes.invoices);
    note(changes.payments);
    note(changes.rate_changes);
    note(changes.credit_notes);
    return clients;
  }

  // Notes that `clients` were written (KeptRates::stale) and drops their kept portfolio
  // lines; the caller holds a transaction. With no statistics kept, one note for
  // everything says the same in one row (a bulk load writes every client).
  void MarkStale(const std::set<std::string>& clients) {
    if (clients.empty()) return;
    SqlQuery kept(*db_, "SELECT 1 FROM portfolio WHERE workspace_id = ?");
    kept.bind(1, workspace_);
    if (!kept.executeStep()) {
      DropRates();
      return;
    }
    Note(clients);
    SqlQuery drop(*db_, "DELETE FROM kept_lines WHERE workspace_id = ?1 AND client = ?2");
    drop.bind(1, workspace_);
    for (const std::string& client : clients) {
      drop.bind(2, client);
      drop.exec();
      drop.reset();
    }
  }
  // Makes the kept statistics not current: a note for everything (a measuring pass under
  // way when it is written does not forget it), and drops every kept portfolio line.
  void DropRates() {
    for (const char* sql : {"DELETE FROM portfolio WHERE workspace_id = ?",
                            "DELETE FROM kept_lines WHERE workspace_id = ?"}) {
      SqlQuery drop(*db_, sql);
      drop.bind(1, workspace_);
      drop.exec();
    }
    Note({""});
  }

  // GuardStore (rows.h) naming this store.
  template <typename F>
  auto Guard(const char* action, F&& body) -> decltype(body()) {
    return store_internal::GuardStore(path_, action, std::forward<F>(body));
  }

  // Why a workspace was not saved: how many errors and in which fields, in order
  // (store.workspace_rejected).
  static Message Rejected(const Diagnostics& diagnostics) {
    std::string fields;
    for (const Diagnostic& d : diagnostics.items()) {
      if (d.severity != Severity::kError || d.field.empty()) continue;
      if (fields.find(d.field) != std::string::npos) continue;
      if (!fields.empty()) fields += ", ";
      fields += d.field;
    }
    return Msg("store.workspace_rejected", diagnostics.ErrorCount(), fields);
  }

  // The row of T's table with this id, if any.
  template <typename T>
  std::optional<T> ReadOne(const std::string& id) {
    const store_internal::TableInfo& table = kTableOf<T>;
    SqlQuery query(*db_, std::string("SELECT ") + table.columns + " FROM " + table.name +
                             " WHERE workspace_id = ?1 AND id = ?2");
    query.bind(1, workspace_);
    query.bind(2, id);
    if (!query.executeStep()) return std::nullopt;
    RowReader reader(query, table.name);
    T record;
    Read(reader, record);
    return record;
  }

  // True when `workspace` holds no ledger record, or with nullopt when no workspace does:
  // every record names a client, so none is when no client is.
  bool HoldsNoRecords(std::optional<int64_t> workspace) {
    SqlQuery query(*db_, workspace ? "SELECT EXISTS (SELECT 1 FROM clients "
                                     "WHERE workspace_id = ?)"
                                   : "SELECT EXISTS (SELECT 1 FROM clients)");
    if (workspace) query.bind(1, *workspace);
    return query.executeStep() && query.getColumn(0).getInt() == 0;
  }

  void DeleteUnmatched(const std::string& id) {
    SqlQuery erase(*db_, "DELETE FROM unmatched_credits WHERE workspace_id = ?1 AND id = ?2");
    erase.bind(1, workspace_);
    erase.bind(2, id);
    erase.exec();
  }

  std::optional<Workspace> ReadWorkspaceRow() {
    SqlQuery query(*db_, std::string("SELECT ") + store_internal::kWorkspaceColumns + " FROM " +
                             store_internal::kWorkspaceTable + " WHERE workspace_id = ?");
    query.bind(1, workspace_);
    if (!query.executeStep()) return std::nullopt;
    RowReader reader(query, store_internal::kWorkspaceTable);
    Workspace workspace;
    Read(reader, workspace);
    return workspace;
  }

  void WriteWorkspace(const Workspace& workspace) {
    SqlQuery upsert(*db_, store_internal::UpsertSql(store_internal::kWorkspaceTable,
                                                    store_internal::kWorkspaceColumns));
    Binder binder(upsert, workspace_);
    Bind(binder, workspace);
    upsert.exec();
  }

  // The stored rows of T's table with the given ids (those that exist), appended in id
  // order.
  template <typename T>
  void ReadByIds(const std::set<std::string>& ids, std::vector<T>& out) {
    if (ids.empty()) return;
    const store_internal::TableInfo& table = kTableOf<T>;
    SqlQuery query(*db_, std::string("SELECT ") + table.columns + " FROM " + table.name +
                             " WHERE workspace_id = ?1 AND id = ?2");
    query.bind(1, workspace_);
    for (const std::string& id : ids) {
      query.bind(2, id);
      if (query.executeStep()) {
        RowReader reader(query, table.name);
        T record;
        Read(reader, record);
        out.push_back(std::move(record));
      }
      query.reset();
    }
  }

  // Appends the stored credit notes of `invoices` whose ids are not in `read` yet.
  void ReadCreditNotesOf(const std::set<std::string>& invoices, std::set<std::string>& read,
                         std::vector<CreditNote>& out) {
    if (invoices.empty()) return;
    const store_internal::TableInfo& table = kTableOf<CreditNote>;
    SqlQuery query(*db_, std::string("SELECT ") + table.columns + " FROM " + table.name +
                             " WHERE workspace_id = ?1 AND invoice = ?2");
    query.bind(1, workspace_);
    for (const std::string& invoice : invoices) {
      query.bind(2, invoice);
      while (query.executeStep()) {
        RowReader reader(query, table.name);
        CreditNote note;
        Read(reader, note);
        if (read.insert(note.id).second) out.push_back(std::move(note));
      }
      query.reset();
    }
  }

  // The workspace and the stored records an import of `incoming` can meet: those with the
  // ids it names, those its records point to, and, transitively, what those point to, so
  // that validating them with the incoming records resolves every reference as validating
  // the whole store would. The caller holds a transaction.
  Ledger ReadNeighbourhood(const Ledger& incoming, bool* workspace_stored) {
    Ledger ledger;
    std::optional<Workspace> workspace = ReadWorkspaceRow();
    *workspace_stored = workspace.has_value();
    if (workspace) ledger.workspace = std::move(*workspace);
    IdSets wanted;
    auto note = [&wanted](const auto& records, std::set<std::string> IdSets::*ids) {
      for (const auto& record : records) (wanted.*ids).insert(record.id);
      NoteReferences(records, wanted);
    };
    note(incoming.clients, &IdSets::clients);
    note(incoming.contracts, &IdSets::contracts);
    note(incoming.projects, &IdSets::projects);
    note(incoming.requests, &IdSets::requests);
    note(incoming.work, &IdSets::work);
    note(incoming.contacts, &IdSets::contacts);
    note(incoming.invoices, &IdSets::invoices);
    note(incoming.payments, &IdSets::payments);
    note(incoming.rate_changes, &IdSets::rate_changes);
    note(incoming.credit_notes, &IdSets::credit_notes);
    // Reads what is wanted and not read yet; the records read may want more (a stored
    // project's contract): repeat until nothing new is wanted.
    IdSets read;
    auto step = [&](auto member, std::set<std::string> IdSets::*ids) {
      std::set<std::string> fresh;
      std::set_difference((wanted.*ids).begin(), (wanted.*ids).end(), (read.*ids).begin(),
                          (read.*ids).end(), std::inserter(fresh, fresh.end()));
      if (fresh.empty()) return false;
      (read.*ids).insert(fresh.begin(), fresh.end());
      auto& records = ledger.*member;
      const size_t before = records.size();
      ReadByIds(fresh, records);
      NoteReferences(std::span(records).subspan(before), wanted);
      return true;
    };
    for (bool more = true; more;) {
      more = false;
      more |= step(&Ledger::clients, &IdSets::clients);
      more |= step(&Ledger::contracts, &IdSets::contracts);
      more |= step(&Ledger::projects, &IdSets::projects);
      more |= step(&Ledger::requests, &IdSets::requests);
      more |= step(&Ledger::work, &IdSets::work);
      more |= step(&Ledger::contacts, &IdSets::contacts);
      more |= step(&Ledger::invoices, &IdSets::invoices);
      more |= step(&Ledger::payments, &IdSets::payments);
      more |= step(&Ledger::rate_changes, &IdSets::rate_changes);
      more |= step(&Ledger::credit_notes, &IdSets::credit_notes);
    }
    // The stored credit notes of every invoice read: the total credited to an invoice is
    // checked against its amount with all of them.
    ReadCreditNotesOf(read.invoices, read.credit_notes, ledger.credit_notes);
    auto by_id = [](const auto& a, const auto& b) { return a.id < b.id; };
    std::sort(ledger.clients.begin(), ledger.clients.end(), by_id);
    std::sort(ledger.contracts.begin(), ledger.contracts.end(), by_id);
    std::sort(ledger.projects.begin(), ledger.projects.end(), by_id);
    std::sort(ledger.requests.begin(), ledger.requests.end(), by_id);
    std::sort(ledger.work.begin(), ledger.work.end(), by_id);
    std::sort(ledger.contacts.begin(), ledger.contacts.end(), by_id);
    std::sort(ledger.invoices.begin(), ledger.invoices.end(), by_id);
    std::sort(ledger.payments.begin(), ledger.payments.end(), by_id);
    std::sort(ledger.rate_changes.begin(), ledger.rate_changes.end(), by_id);
    std::sort(ledger.credit_notes.begin(), ledger.credit_notes.end(), by_id);
    return ledger;
  }

  // Every stored record; the caller holds a transaction.
  Ledger ReadAll(bool* workspace_stored) {
    Ledger ledger;
    std::optional<Workspace> workspace = ReadWorkspaceRow();
    *workspace_stored = workspace.has_value();
    if (workspace) ledger.workspace = std::move(*workspace);
    ReadRows(*db_, workspace_, nullptr, ledger.clients);
    ReadRows(*db_, workspace_, nullptr, ledger.contracts);
    ReadRows(*db_, workspace_, nullptr, ledger.projects);
    ReadRows(*db_, workspace_, nullptr, ledger.requests);
    ReadRows(*db_, workspace_, nullptr, ledger.work);
    ReadRows(*db_, workspace_, nullptr, ledger.contacts);
    ReadRows(*db_, workspace_, nullptr, ledger.invoices);
    ReadRows(*db_, workspace_, nullptr, ledger.payments);
    ReadRows(*db_, workspace_, nullptr, ledger.rate_changes);
    ReadRows(*db_, workspace_, nullptr, ledger.credit_notes);
    return ledger;
  }

  std::unique_ptr<SqlDb> db_;
  std::string path_;
  int64_t workspace_;  // workspaces.workspace_id of the workspace this store reads and writes

 public:
  Result<RecordTypes> HeldRecordTypes() override {
    return Guard("store.action.read", [&]() -> Result<RecordTypes> {
      std::string sql = "SELECT";
      for (const DatedTable& table : kDatedTables) {
        sql += std::string(sql.size() > 6 ? "," : "") + " EXISTS (SELECT 1 FROM " + table.name +
               " WHERE workspace_id = ?1)";
      }
      SqlQuery query(*db_, sql);
      query.bind(1, workspace_);
      RecordTypes held;
      if (!query.executeStep()) return held;
      for (size_t i = 0; i < std::size(kDatedTables); ++i) {
        if (query.getColumn(static_cast<int>(i)).getInt() != 0) held.Add(kDatedTables[i].type);
      }
      return held;
    });
  }

  Result<std::vector<TypeCoverage>> Coverage() override {
    return Guard("store.action.read", [&]() -> Result<std::vector<TypeCoverage>> {
      SqlTransaction transaction(*db_, SqlTransactionKind::kRead);  // one moment for every table
      std::vector<TypeCoverage> coverage;
      for (const DatedTable& table : kDatedTables) {
        TypeCoverage& entry = coverage.emplace_back();
        entry.type = table.type;
        SqlQuery span(*db_, std::string("SELECT count(*), min(") + table.date + "), max(" +
                                table.date + ") FROM " + table.name + " WHERE workspace_id = ?");
        span.bind(1, workspace_);
        span.executeStep();
        entry.records = static_cast<size_t>(span.getColumn(0).getInt64());
        if (table.by_instant) {
          entry.first_instant = InstantColumn(span.getColumn(1));
          entry.last_instant = InstantColumn(span.getColumn(2));
        } else {
          entry.first_date = DateColumn(span.getColumn(1), table.name);
          entry.last_date = DateColumn(span.getColumn(2), table.name);
        }
        SqlQuery sources(*db_,
                         "SELECT source FROM record_sources "
                         "WHERE workspace_id = ? AND type = ? ORDER BY source");
        sources.bind(1, workspace_);
        sources.bind(2, table.type);
        while (sources.executeStep()) entry.sources.push_back(sources.getColumn(0).getString());
      }
      transaction.commit();
      return coverage;
    });
  }

  // The span kept in kept_extent (which every import keeps current), with the clients
  // counted; read at one moment.
  Result<StoredExtent> Extent() override {
    return Guard("store.action.read", [&]() -> Result<StoredExtent> {
      SqlTransaction transaction(*db_, SqlTransactionKind::kRead);  // one moment for both tables
      SqlQuery count(*db_, "SELECT count(*) FROM clients WHERE workspace_id = ?");
      count.bind(1, workspace_);
      const size_t clients =
          count.executeStep() ? static_cast<size_t>(count.getColumn(0).getInt64()) : 0;
      SqlQuery kept(*db_, std::string(kExtentColumns) + " FROM kept_extent WHERE workspace_id = ?");
      kept.bind(1, workspace_);
      StoredExtent extent;
      if (kept.executeStep()) {
        extent = ExtentOfRow(kept);
      } else {  // a workspace never imported into
        SqlQuery measured(*db_, kMeasureExtent);
        measured.bind(1, workspace_);
        measured.executeStep();
        extent = ExtentOfRow(measured);
      }
      extent.clients = clients;
      transaction.commit();
      return extent;
    });
  }

 private:
  static constexpr const char* kExtentColumns =
      "SELECT first_date, last_date, first_instant, last_instant";
  // The span of the workspace's (?1) dates and instants, measured by scanning each dated
  // table, in the columns of kept_extent.
  static constexpr const char* kMeasureExtent =
      "SELECT"
      " (SELECT min(d) FROM (SELECT min(coalesce(signed, sent)) AS d FROM contracts"
      "  WHERE workspace_id = ?1"
      "  UNION ALL SELECT min(issued) FROM invoices WHERE workspace_id = ?1"
      "  UNION ALL SELECT min(date) FROM payments WHERE workspace_id = ?1"
      "  UNION ALL SELECT min(at) FROM rate_changes WHERE workspace_id = ?1"
      "  UNION ALL SELECT min(issued) FROM credit_notes WHERE workspace_id = ?1) AS dates)"
      "   AS first_date,"
      " (SELECT max(d) FROM (SELECT max(coalesce(signed, sent)) AS d FROM contracts"
      "  WHERE workspace_id = ?1"
      "  UNION ALL SELECT max(issued) FROM invoices WHERE workspace_id = ?1"
      "  UNION ALL SELECT max(date) FROM payments WHERE workspace_id = ?1"
      "  UNION ALL SELECT max(at) FROM rate_changes WHERE workspace_id = ?1"
      "  UNION ALL SELECT max(issued) FROM credit_notes WHERE workspace_id = ?1) AS dates)"
      "   AS last_date,"
      " (SELECT min(t) FROM (SELECT min(at) AS t FROM requests WHERE workspace_id = ?1"
      "  UNION ALL SELECT min(start) FROM work WHERE workspace_id = ?1"
      "  UNION ALL SELECT min(at) FROM contacts WHERE workspace_id = ?1) AS instants)"
      "   AS first_instant,"
      " (SELECT max(t) FROM (SELECT max(at) AS t FROM requests WHERE workspace_id = ?1"
      "  UNION ALL SELECT max(start) FROM work WHERE workspace_id = ?1"
      "  UNION ALL SELECT max(at) FROM contacts WHERE workspace_id = ?1) AS instants)"
      "   AS last_instant";
  // Replaces the kept span of the workspace when it has one.
  static constexpr const char* kExtentUpsert =
      " ON CONFLICT (workspace_id) DO UPDATE SET first_date = excluded.first_date,"
      " last_date = excluded.last_date, first_instant = excluded.first_instant,"
      " last_instant = excluded.last_instant";

  static std::optional<CivilDate> DateColumn(const SqlColumn& column,
                                             const char* table = "kept_extent") {
    if (column.isNull()) return std::nullopt;
    const std::string text = column.getString();
    auto date = CivilDate::Parse(text);
    if (!date) throw DamagedRow(table, text, "date", date.error().message);
    return *date;
  }

  // Each record type's table and the column its records are dated by (TypeCoverage), in
  // the order of RecordTypeNames.
  struct DatedTable {
    const char* type;
    const char* name;
    const char* date;
    bool by_instant;
  };
  static constexpr DatedTable kDatedTables[] = {
      {"client", "clients", "since", false},
      {"contract", "contracts", "coalesce(signed, sent)", false},
      {"project", "projects", "start_date", false},
      {"request", "requests", "at", true},
      {"work", "work", "start", true},
      {"contact", "contacts", "at", true},
      {"invoice", "invoices", "issued", false},
      {"payment", "payments", "date", false},
      {"rate_change", "rate_changes", "at", false},
      {"credit_note", "credit_notes", "issued", false},
  };

  // Notes, in the import's transaction, the importers of every record type it wrote
  // (LedgerSource::importers; "" when the records were not read by an importer).
  void NoteSources(const ImportReport& report, const LedgerSource& source) {
    for (const ImportCounts& counts : report.records) {
      if (counts.added + counts.updated == 0) continue;
      const auto importers = source.importers.find(counts.type);
      if (importers == source.importers.end() || importers->second.empty()) {
        NoteSource(counts.type, "");
        continue;
      }
      for (const std::string& importer : importers->second) NoteSource(counts.type, importer);
    }
  }
  void NoteSource(const std::string& type, const std::string& importer) {
    SqlQuery note(*db_,
                  "INSERT INTO record_sources (workspace_id, type, source) VALUES (?, ?, ?) "
                  "ON CONFLICT DO NOTHING");
    note.bind(1, workspace_);
    note.bind(2, type);
    note.bind(3, importer);
    note.exec();
  }
  static std::optional<Instant> InstantColumn(const SqlColumn& column) {
    if (column.isNull()) return std::nullopt;
    return Instant::FromUnixSeconds(column.getInt64());
  }
  // The span in a row of kExtentColumns (clients not counted).
  static StoredExtent ExtentOfRow(SqlQuery& row) {
    StoredExtent extent;
    extent.first_date = DateColumn(row.getColumn(0));
    extent.last_date = DateColumn(row.getColumn(1));
    extent.first_instant = InstantColumn(row.getColumn(2));
    extent.last_instant = InstantColumn(row.getColumn(3));
    return extent;
  }

  void WriteKeptExtent(const StoredExtent& extent) {
    SqlQuery save(*db_,
                  "INSERT INTO kept_extent (workspace_id, first_date, last_date, first_instant, "
                  "last_instant) VALUES (?1, ?2, ?3, ?4, ?5)" +
                      std::string(kExtentUpsert));
    save.bind(1, workspace_);
    auto bind_date = [&save](int at, const std::optional<CivilDate>& date) {
      if (date) {
        save.bind(at, date->ToString());
      } else {
        save.bind(at);  // NULL: no dated record
      }
    };
    auto bind_instant = [&save](int at, const std::optional<Instant>& instant) {
      if (instant) {
        save.bind(at, instant->unix_seconds());
      } else {
        save.bind(at);
      }
    };
    bind_date(2, extent.first_date);
    bind_date(3, extent.last_date);
    bind_instant(4, extent.first_instant);
    bind_instant(5, extent.last_instant);
    save.exec();
  }

  // After an import's writes, in its transaction: the kept span widened by the records it
  // added, or measured again when it moved a stored record's date or instant (the span
  // may have shrunk).
  void UpdateKeptExtent(const store_internal::Changes& changes) {
    const bool moved = changes.contracts.moved || changes.requests.moved || changes.work.moved ||
                       changes.contacts.moved || changes.invoices.moved || changes.payments.moved ||
                       changes.rate_changes.moved || changes.credit_notes.moved;
    SqlQuery row(*db_, std::string(kExtentColumns) + " FROM kept_extent WHERE workspace_id = ?");
    row.bind(1, workspace_);
    if (moved || !row.executeStep()) {
      row.reset();
      // After this import's writes, in its transaction.
      SqlQuery measure(*db_,
                       std::string("INSERT INTO kept_extent (workspace_id, first_date, last_date, "
                                   "first_instant, last_instant) SELECT CAST(?1 AS BIGINT), m.* "
                                   "FROM (") +
                           kMeasureExtent + ") AS m WHERE true" + kExtentUpsert);
      measure.bind(1, workspace_);
      measure.exec();
      return;
    }
    StoredExtent kept = ExtentOfRow(row);
    row.reset();
    const StoredExtent before = kept;
    auto widen = [&kept](const auto& records) {
      for (const auto* record : records.added) {
        if constexpr (requires { store_internal::ExtentDate(*record); }) {
          const std::optional<CivilDate> d = store_internal::ExtentDate(*record);
          if (!d) continue;
          if (!kept.first_date || *d < *kept.first_date) kept.first_date = d;
          if (!kept.last_date || *d > *kept.last_date) kept.last_date = d;
        } else {
          const Instant t = store_internal::ExtentInstant(*record);
          if (!kept.first_instant || t < *kept.first_instant) kept.first_instant = t;
          if (!kept.last_instant || t > *kept.last_instant) kept.last_instant = t;
        }
      }
    };
    widen(changes.contracts);
    widen(changes.invoices);
    widen(changes.payments);
    widen(changes.rate_changes);
    widen(changes.credit_notes);
    widen(changes.requests);
    widen(changes.work);
    widen(changes.contacts);
    const bool widened =
        kept.first_date != before.first_date || kept.last_date != before.last_date ||
        kept.first_instant != before.first_instant || kept.last_instant != before.last_instant;
    if (widened) WriteKeptExtent(kept);  // an import that changes nothing writes nothing
  }

 public:
  Result<int64_t> DataVersion() override {
    return Guard("store.action.read", [&]() -> Result<int64_t> { return db_->DataVersion(); });
  }
};

}  // namespace

std::unique_ptr<Store> store_internal::NewSqlStore(std::unique_ptr<SqlDb> db, std::string where,
                                                   int64_t workspace) {
  return std::make_unique<SqlStore>(std::move(db), std::move(where), workspace);
}

}  // namespace addio
