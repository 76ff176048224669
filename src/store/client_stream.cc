// The store read in batches of consecutive clients. A batch is one range query per record
// type, each ordered by client (every table has an index on its client column), merged
// with the batch's clients the way a merge join walks sorted inputs; each client's vectors
// are then sorted as LoadClient sorts them (SortRecords), so a client comes out exactly as
// LoadClient gives it. On SQLite several readers each hold a connection and a read
// transaction started on the same snapshot; elsewhere one connection reads them in turn.
#include "store/client_stream.h"

#include <condition_variable>
#include <mutex>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "ledger/client_ledger.h"
#include "store/rows.h"
#include "store/sqlite_db.h"

namespace addio::store_internal {
namespace {

// Each reader connection's page cache: the batches read the tables in index order, so a
// small cache loses little, and memory stays flat whatever the size of the store.
constexpr char kReaderCacheSize[] = "PRAGMA cache_size = -2048";  // 2 MiB
// How long the store waits for the write lock that lines the readers' snapshots up
// before it reads through its own connection alone.
constexpr int kSnapshotLockWaitMs = 200;

// The rows of T's table for a range of one workspace's clients, in client order.
template <typename T>
class RangeCursor {
 public:
  RangeCursor(SqlDb& db, int64_t workspace)
      : query_(db, std::string("SELECT ") + kTableOf<T>.columns + " FROM " + kTableOf<T>.name +
                       " WHERE workspace_id = ?1 AND client BETWEEN ?2 AND ?3 ORDER BY client") {
    query_.bind(1, workspace);
  }

  void Start(const ClientRange& range) {
    query_.reset();
    query_.bind(2, range.first);
    query_.bind(3, range.last);
    Step();
  }

  // Appends the rows of `client` to `out`. Rows of a client id before it (a client that
  // does not exist: the foreign keys forbid it) are skipped, as SplitByClient drops them.
  // REQUIRES: successive calls name clients in increasing id order.
  void TakeRowsOf(const std::string& client, std::vector<T>& out) {
    for (; has_row_; Step()) {
      // Every table: id, client, ... SQLite's BINARY collation orders like std::string:
      // bytes as unsigned, then length.
      const int order = query_.getColumn(1).getView().compare(client);
      if (order > 0) return;
      if (order < 0) continue;
      RowReader reader(query_, kTableOf<T>.name);
      T record;
      Read(reader, record);
      out.push_back(std::move(record));
    }
  }

  void Finish() {
    query_.reset();
    has_row_ = false;
  }

 private:
  void Step() { has_row_ = query_.executeStep(); }

  SqlQuery query_;
  bool has_row_ = false;
};

// One connection's prepared queries for a batch.
class BatchQueries {
 public:
  BatchQueries(SqlDb& db, int64_t workspace)
      : clients_(db, std::string("SELECT ") + kTableOf<Client>.columns +
                         " FROM clients WHERE workspace_id = ?1 AND id BETWEEN ?2 AND ?3 "
                         "ORDER BY id"),
        contracts_(db, workspace),
        projects_(db, workspace),
        requests_(db, workspace),
        work_(db, workspace),
        contacts_(db, workspace),
        invoices_(db, workspace),
        payments_(db, workspace),
        rate_changes_(db, workspace),
        credit_notes_(db, workspace) {
    clients_.bind(1, workspace);
  }

  std::vector<ClientLedger> Read(const ClientRange& range) {
    std::vector<ClientLedger> out;
    clients_.reset();
    clients_.bind(2, range.first);
    clients_.bind(3, range.last);
    while (clients_.executeStep()) {
      ClientLedger& client = out.emplace_back();
      RowReader reader(clients_, kTableOf<Client>.name);
      addio::store_internal::Read(reader, client.client);
    }
    clients_.reset();
    ForEachCursor([&](auto& cursor) { cursor.Start(range); });
    for (ClientLedger& client : out) {
      const std::string& id = client.client.id;
      contracts_.TakeRowsOf(id, client.contracts);
      projects_.TakeRowsOf(id, client.projects);
      requests_.TakeRowsOf(id, client.requests);
      work_.TakeRowsOf(id, client.work);
      contacts_.TakeRowsOf(id, client.contacts);
      invoices_.TakeRowsOf(id, client.invoices);
      payments_.TakeRowsOf(id, client.payments);
      rate_changes_.TakeRowsOf(id, client.rate_changes);
      credit_notes_.TakeRowsOf(id, client.credit_notes);
      SortRecords(client);
    }
    ForEachCursor([](auto& cursor) { cursor.Finish(); });
    return out;
  }

 private:
  template <typename F>
  void ForEachCursor(F&& f) {
    f(contracts_);
    f(projects_);
    f(requests_);
    f(work_);
    f(contacts_);
    f(invoices_);
    f(payments_);
    f(rate_changes_);
    f(credit_notes_);
  }

  SqlQuery clients_;
  RangeCursor<Contract> contracts_;
  RangeCursor<Project> projects_;
  RangeCursor<Request> requests_;
  RangeCursor<WorkEntry> work_;
  RangeCursor<Contact> contacts_;
  RangeCursor<Invoice> invoices_;
  RangeCursor<Payment> payments_;
  RangeCursor<RateChange> rate_changes_;
  RangeCursor<CreditNote> credit_notes_;
};

// A connection inside a read transaction, with its batch queries; one user at a time.
struct Reader {
  std::unique_ptr<SqlDb> owned;  // null when it is the store's own connection
  SqlDb* db = nullptr;
  std::optional<BatchQueries> queries;  // prepared on first use
  std::mutex in_use;                    // Next and Read may share the connection
};

class SqliteClientBatches final : public ClientBatches {
 public:
  SqliteClientBatches(std::string path, int64_t workspace,
                      std::vector<std::unique_ptr<Reader>> readers)
      : path_(std::move(path)), workspace_(workspace), readers_(std::move(readers)) {
    for (auto& reader : readers_) free_.push_back(reader.get());
    // The ids come from a connection of their own, or from the only one.
    ids_reader_ = readers_.size() > 1 ? free_.back() : free_.front();
    if (readers_.size() > 1) free_.pop_back();
    ids_.emplace(*ids_reader_->db, "SELECT id FROM clients WHERE workspace_id = ? ORDER BY id");
    ids_->bind(1, workspace_);
  }

  ~SqliteClientBatches() override {
    // Statements before the transactions they read in, transactions before connections.
    ids_.reset();
    for (auto& reader : readers_) {
      reader->queries.reset();
      try {
        reader->db->Commit();
      } catch (const SqlError&) {  // nothing was written: nothing to lose
      }
    }
  }

  Result<std::optional<ClientRange>> Next(size_t count) override {
    return Guarded([&]() -> Result<std::optional<ClientRange>> {
      std::lock_guard lock(ids_reader_->in_use);
      if (done_ || !ids_->executeStep()) {
        done_ = true;
        return std::nullopt;
      }
      ClientRange range{.first = ids_->getColumn(0).getString()};
      range.last = range.first;
      for (size_t i = 1; i < count; ++i) {
        if (!ids_->executeStep()) {
          done_ = true;
          break;
        }
        range.last = ids_->getColumn(0).getString();
      }
      return range;
    });
  }

  Result<std::vector<ClientLedger>> Read(const ClientRange& range) override {
    Reader* reader = Acquire();
    auto read = Guarded([&]() -> Result<std::vector<ClientLedger>> {
      std::lock_guard lock(reader->in_use);
      if (!reader->queries) reader->queries.emplace(*reader->db, workspace_);
      return reader->queries->Read(range);
    });
    Release(reader);
    return read;
  }

 private:
  Reader* Acquire() {
    std::unique_lock lock(pool_mutex_);
    freed_.wait(lock, [&] { return !free_.empty(); });
    Reader* reader = free_.back();
    free_.pop_back();
    return reader;
  }

  void Release(Reader* reader) {
    {
      std::lock_guard lock(pool_mutex_);
      free_.push_back(reader);
    }
    freed_.notify_one();
  }

  template <typename F>
  auto Guarded(F&& body) -> decltype(body()) {
    return GuardStore(path_, "store.action.read", std::forward<F>(body));
  }

  std::string path_;
  int64_t workspace_;
  std::vector<std::unique_ptr<Reader>> readers_;
  Reader* ids_reader_ = nullptr;
  std::optional<SqlQuery> ids_;
  bool done_ = false;
  std::mutex pool_mutex_;
  std::condition_variable freed_;
  std::vector<Reader*> free_;
};

// Starts a read transaction on `db`: BEGIN alone takes no snapshot, the first read does.
void BeginRead(SqlDb& db) {
  db.Begin(SqlTransactionKind::kRead, 0);
  SqlQuery(db, "SELECT count(*) FROM workspaces").executeStep();
}

// `count` new connections to `path`, each in a read transaction on the snapshot `db`
// sees, or none when the write lock that keeps commits out meanwhile cannot be had at once.
std::vector<std::unique_ptr<Reader>> OpenReaders(SqliteDb& db, const std::string& path,
                                                 size_t count, int busy_timeout_ms) {
  std::vector<std::unique_ptr<Reader>> readers;
  db.sqlite().setBusyTimeout(kSnapshotLockWaitMs);
  try {
    db.Exec("BEGIN IMMEDIATE");
  } catch (const SqlError&) {
    db.sqlite().setBusyTimeout(busy_timeout_ms);
    return readers;
  }
  db.sqlite().setBusyTimeout(busy_timeout_ms);
  try {
    for (size_t i = 0; i < count; ++i) {
      auto reader = std::make_unique<Reader>();
      reader->owned = std::make_unique<SqliteDb>(std::make_unique<SQLite::Database>(
          path, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX, busy_timeout_ms));
      reader->owned->Exec(kReaderCacheSize);
      reader->db = reader->owned.get();
      BeginRead(*reader->db);
      readers.push_back(std::move(reader));
    }
  } catch (...) {
    for (auto& reader : readers) reader->db->Rollback();
    db.Exec("ROLLBACK");
    throw;
  }
  db.Exec("ROLLBACK");  // nothing was written: the lock only kept writers out
  return readers;
}

}  // namespace

Result<std::unique_ptr<ClientBatches>> OpenClientBatches(SqlDb& db, const std::string& path,
                                                         int64_t workspace, size_t readers) {
  try {
    // One reader more than asked for: the one that lists the ids.
    auto* sqlite = dynamic_cast<SqliteDb*>(&db);  // several connections: SQLite only
    std::vector<std::unique_ptr<Reader>> pool =
        readers > 1 && sqlite != nullptr
            ? OpenReaders(*sqlite, path, readers + 1, sqlite->busy_timeout_ms())
            : std::vector<std::unique_ptr<Reader>>{};
    if (pool.empty()) {
      auto reader = std::make_unique<Reader>();
      reader->db = &db;
      BeginRead(db);
      pool.push_back(std::move(reader));
    }
    return std::make_unique<SqliteClientBatches>(path, workspace, std::move(pool));
  } catch (const SqlError& e) {
    return Fail(ErrorCode::kStore,
                Msg("store.cannot", path, Arg::Key("store.action.read"), e.what()));
  } catch (const SQLite::Exception& e) {  // a reader's connection refused
    return Fail(ErrorCode::kStore,
                Msg("store.cannot", path, Arg::Key("store.action.read"), e.what()));
  }
}

}  // namespace addio::store_internal
