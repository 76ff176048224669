#include "store/sqlite_db.h"

#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "store/rates_table.h"
#include "store/schema.h"
#include "store/sqlite_store.h"

namespace addio::store_internal {
namespace {

// How long a connection waits for another's lock before it gives up.
constexpr int kBusyTimeoutMs = 5000;

[[noreturn]] void Throw(sqlite3* db) { throw SqlError(sqlite3_errmsg(db)); }

// The connection's settings for a bulk load into a workspace without records, for the
// length of one import. Declared before the import's transaction, so that it ends after it: both
// pragmas are no-ops inside a transaction.
// - No foreign key checks: the import validates every reference against the whole store
//   before it writes, so SQLite's checks of each row's parents only repeat them.
// - A small page cache (kBulkLoadCacheSize).
// - The rollback journal instead of WAL, when no other connection has the store open: each
//   page is then written once, into the file, instead of into the WAL and again by the
//   checkpoint. Pages beyond the end of the file as it was need no journal, so the journal
//   stays small; a killed process still leaves the store as it was, since the next opening
//   finds the journal and rolls the transaction back. With another connection open the
//   switch is refused at once and the load runs in WAL.
class BulkLoad final : public SqlScope {
 public:
  BulkLoad(SQLite::Database& db, int busy_timeout_ms) : db_(db), busy_timeout_ms_(busy_timeout_ms) {
    db_.exec("PRAGMA foreign_keys = OFF");
    SQLite::Statement cache(db_, "PRAGMA cache_size");
    if (cache.executeStep()) cache_size_ = cache.getColumn(0).getInt64();
    db_.exec("PRAGMA cache_size = " + std::to_string(kBulkLoadCacheSize));
    db_.setBusyTimeout(0);  // a refusal need not wait: the load can run in WAL
    try {
      SQLite::Statement mode(db_, "PRAGMA journal_mode = DELETE");
      rollback_journal_ = mode.executeStep() && mode.getColumn(0).getString() == "delete";
    } catch (const SQLite::Exception&) {
      rollback_journal_ = false;  // another connection holds the store: stay in WAL
    }
    db_.setBusyTimeout(busy_timeout_ms_);
  }
  BulkLoad(const BulkLoad&) = delete;
  BulkLoad& operator=(const BulkLoad&) = delete;
  // Back to WAL and foreign keys. Should WAL be refused (a connection opened meanwhile),
  // the next opening of the store, this one's included, asks for it again.
  ~BulkLoad() override {
    try {
      if (rollback_journal_) db_.exec("PRAGMA journal_mode = WAL");
    } catch (const SQLite::Exception&) {  // NOLINT(bugprone-empty-catch): see above
    }
    try {
      db_.exec("PRAGMA foreign_keys = ON");
      db_.exec("PRAGMA cache_size = " + std::to_string(cache_size_));
    } catch (const SQLite::Exception&) {  // NOLINT(bugprone-empty-catch): cannot fail
    }
  }

 private:
  // The page cache of a bulk load, in SQLite's units (negative: KiB), SQLite's default: rows
  // go in in key order, so only the right edge of each tree is written to more than once,
  // and a larger cache costs its allocation and page faults (measured: 15 % of the CPU
  // time of a 1-million-record load with 64 MiB).
  static constexpr int64_t kBulkLoadCacheSize = -2000;

  SQLite::Database& db_;
  int busy_timeout_ms_;
  bool rollback_journal_ = false;
  int64_t cache_size_ = kBulkLoadCacheSize;  // the connection's, restored afterwards
};

class SqliteQuery final : public SqlQueryImpl {
 public:
  SqliteQuery(sqlite3* db, const std::string& sql) : db_(db) {
    if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size() + 1), &statement_,
                           nullptr) != SQLITE_OK) {
      Throw(db_);
    }
  }
  ~SqliteQuery() override { sqlite3_finalize(statement_); }
  SqliteQuery(const SqliteQuery&) = delete;
  SqliteQuery& operator=(const SqliteQuery&) = delete;

  void BindInt(int index, int64_t v) override { Check(sqlite3_bind_int64(statement_, index, v)); }
  void BindReal(int index, double v) override { Check(sqlite3_bind_double(statement_, index, v)); }
  void BindText(int index, std::string_view v, bool copy) override {
    Check(sqlite3_bind_text(statement_, index, v.data(), static_cast<int>(v.size()),
                            copy ? SQLITE_TRANSIENT : SQLITE_STATIC));
  }
  void BindBlob(int index, std::string_view v) override {
    Check(
        sqlite3_bind_blob(statement_, index, v.data(), static_cast<int>(v.size()), SQLITE_STATIC));
  }
  void BindNull(int index) override { Check(sqlite3_bind_null(statement_, index)); }

  bool Step() override {
    const int result = sqlite3_step(statement_);
    if (result == SQLITE_ROW) return true;
    if (result == SQLITE_DONE) return false;
    SqlError error(sqlite3_errmsg(db_));  // before the reset, which may replace it
    sqlite3_reset(statement_);
    throw error;
  }
  int Run() override {
    while (Step()) {
    }
    return sqlite3_changes(db_);
  }
  void Reset() override { sqlite3_reset(statement_); }

  bool IsNull(int column) override {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
  }
  bool IsInteger(int column) override {
    return sqlite3_column_type(statement_, column) == SQLITE_INTEGER;
  }
  int64_t Int(int column) override { return sqlite3_column_int64(statement_, column); }
  double Real(int column) override { return sqlite3_column_double(statement_, column); }
  std::string_view Text(int column) override {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
    if (text == nullptr) return {};
    return {text, static_cast<size_t>(sqlite3_column_bytes(statement_, column))};
  }
  std::string ColumnName(int column) override {
    const char* name = sqlite3_column_name(statement_, column);
    return name != nullptr ? name : "";
  }

 private:
  void Check(int result) {
    if (result != SQLITE_OK) Throw(db_);
  }

  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
};

}  // namespace

std::unique_ptr<SqlQueryImpl> SqliteDb::Prepare(const std::string& sql) {
  return std::make_unique<SqliteQuery>(db_->getHandle(), sql);
}

void SqliteDb::Exec(const std::string& sql) {
  if (sqlite3_exec(db_->getHandle(), sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    Throw(db_->getHandle());
  }
}

void SqliteDb::Begin(SqlTransactionKind kind, int64_t /*workspace*/) {
  Exec(kind == SqlTransactionKind::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
}

void SqliteDb::Commit() { Exec("COMMIT"); }

void SqliteDb::Rollback() { Exec("ROLLBACK"); }

std::unique_ptr<SqlScope> SqliteDb::StartBulkLoad() {
  try {
    return std::make_unique<BulkLoad>(*db_, busy_timeout_ms_);
  } catch (const SQLite::Exception& e) {
    throw SqlError(e.what());
  }
}

// The indexes as the schema wrote them, read from sqlite_schema.
std::vector<std::string> SqliteDb::DropIndexes(const std::vector<std::string>& tables) {
  std::string names;
  for (const std::string& table : tables) names += (names.empty() ? "'" : ", '") + table + "'";
  std::vector<std::pair<std::string, std::string>> found;
  {
    SqliteQuery query(db_->getHandle(),
                      "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT "
                      "NULL AND tbl_name IN (" +
                          names + ") ORDER BY rowid");
    while (query.Step()) {
      found.emplace_back(std::string(query.Text(0)), std::string(query.Text(1)));
    }
  }
  std::vector<std::string> create;
  for (auto& [name, sql] : found) {
    Exec("DROP INDEX \"" + name + "\"");
    create.push_back(std::move(sql));
  }
  return create;
}

namespace {

// A read-only handle on `workspace`'s kept statistics (portfolio.entries; the row's rowid
// is its workspace_id, INTEGER PRIMARY KEY). Throws SqlError when it cannot be opened.
sqlite3_blob* OpenEntriesBlob(sqlite3* db, int64_t workspace) {
  sqlite3_blob* blob = nullptr;
  if (sqlite3_blob_open(db, "main", "portfolio", "entries", workspace, 0, &blob) != SQLITE_OK) {
    sqlite3_blob_close(blob);
    Throw(db);
  }
  return blob;
}

}  // namespace

// SQLite copies whole overflow pages into the string without passing them through its
// page cache or a buffer of its own.
std::string SqliteDb::ReadPortfolioEntries(int64_t workspace, int64_t size) {
  sqlite3_blob* blob = OpenEntriesBlob(db_->getHandle(), workspace);
  std::string bytes;
  int read = SQLITE_OK;
  // Not zeroed first: every byte is written by the read.
  bytes.resize_and_overwrite(static_cast<size_t>(size), [&](char* out, size_t n) {
    read = sqlite3_blob_read(blob, out, static_cast<int>(n), 0);
    return n;
  });
  sqlite3_blob_close(blob);
  if (read != SQLITE_OK) throw SqlError(sqlite3_errstr(read));
  return bytes;
}

namespace {

// The kept statistics' blob, open for reading. While it is open the connection maps the
// database file: a lookup then reaches its bytes through the blob's chain of overflow
// pages (a thousand pages at 100 000 clients) by touching the first bytes of each mapped
// page, where reading them would copy every page into the page cache. The map is dropped
// with the handle: a long-lived process (the server) keeps no mapped file in its memory.
class BlobBytes final : public RatesBytes {
 public:
  BlobBytes(SQLite::Database& db, sqlite3_blob* blob, size_t size)
      : db_(db), blob_(blob), size_(size) {}
  ~BlobBytes() override {
    sqlite3_blob_close(blob_);
    db_.tryExec("PRAGMA mmap_size = 0");
  }
  BlobBytes(const BlobBytes&) = delete;
  BlobBytes& operator=(const BlobBytes&) = delete;

  size_t size() const override { return size_; }
  void Read(size_t at, size_t n, char* out) const override {
    const int read = sqlite3_blob_read(blob_, out, static_cast<int>(n), static_cast<int>(at));
    if (read != SQLITE_OK) throw RatesUnreadable(sqlite3_errstr(read));
  }

 private:
  SQLite::Database& db_;
  sqlite3_blob* blob_;
  size_t size_;
};

}  // namespace

std::shared_ptr<const RatesBytes> SqliteDb::OpenPortfolioEntries(int64_t workspace, int64_t size) {
  // SQLite caps the map at its build's limit (2 GB on Debian): a larger file is mapped in
  // part, and read through the page cache beyond.
  db_->exec("PRAGMA mmap_size = 4294967296");
  sqlite3_blob* blob = nullptr;
  try {
    blob = OpenEntriesBlob(db_->getHandle(), workspace);
  } catch (const SqlError&) {
    db_->tryExec("PRAGMA mmap_size = 0");  // after the error's message was taken
    throw;
  }
  return std::make_shared<const BlobBytes>(*db_, blob, static_cast<size_t>(size));
}

// SQLite's own count of commits by other connections, read from the WAL index without
// touching a table.
int64_t SqliteDb::DataVersion() {
  if (!data_version_) data_version_ = Prepare("PRAGMA data_version");
  data_version_->Reset();
  const int64_t version = data_version_->Step() ? data_version_->Int(0) : 0;
  data_version_->Reset();
  return version;
}

namespace {

// SQLite's process-wide settings, made before its first connection (sqlite3_config is refused
// once SQLite is initialised). No memory statistics: with them, every allocation SQLite
// makes takes a global mutex to count it (3.5 % of the CPU time of a 100 000-client import).
void ConfigureSqliteOnce() {
  [[maybe_unused]] static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

}  // namespace

Result<std::unique_ptr<SqliteDb>> OpenSqliteDatabase(const std::string& path, OpenMode mode) {
  ConfigureSqliteOnce();
  std::error_code ignored;
  if (mode == OpenMode::kMustExist && !std::filesystem::exists(path, ignored)) {
    return Fail(ErrorCode::kNotFound, Msg("store.no_database", path));
  }
  try {
    // NOMUTEX: a Store is used by one thread at a time, so SQLite need not lock per call.
    int flags = SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX;
    if (mode == OpenMode::kCreateIfMissing) flags |= SQLite::OPEN_CREATE;
    auto db = std::make_unique<SQLite::Database>(path, flags, kBusyTimeoutMs);
    db->exec("PRAGMA journal_mode = WAL");
    db->exec("PRAGMA synchronous = NORMAL");
    db->exec("PRAGMA foreign_keys = ON");
    // 64 MB of page cache: a large import then rarely spills to the file before commit.
    db->exec("PRAGMA cache_size = -65536");
    db->exec("PRAGMA temp_store = MEMORY");
    if (Status migrated = Migrate(*db, path); !migrated) {
      return std::unexpected(migrated.error());
    }
    return std::make_unique<SqliteDb>(std::move(db), kBusyTimeoutMs);
  } catch (const SQLite::Exception& e) {
    return Fail(ErrorCode::kStore, Msg("store.cannot_open", path, e.what()));
  }
}

}  // namespace addio::store_internal

namespace addio {

int SqliteSchemaVersion() { return store_internal::LatestSchemaVersion(); }

}  // namespace addio
