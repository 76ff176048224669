// The SQL the store speaks, whichever database runs it: a connection (SqlDb), prepared
// queries (SqlQuery) and transactions (SqlTransaction), so that the store is written once
// (sql_store.cc) for SQLite and PostgreSQL. Statements are written in the SQL both accept:
// parameters numbered ?1, ?2, ... (a plain ? takes the number after the last one), upserts
// as INSERT ... ON CONFLICT, every subquery in FROM named, a parameter whose type the
// statement does not fix cast (CAST(?1 AS BIGINT)). What differs between the databases
// beyond that (bulk loads, indexes, blobs, the data version) is a SqlDb method.
// Internal to src/store/. A SqlDb and its queries are used by one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace addio {
class RatesBytes;  // store/rates_table.h
}  // namespace addio

namespace addio::store_internal {

// A database refused a statement or a connection; what() is its message.
class SqlError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One prepared statement of one database (SqliteDb, PgDb). See SqlQuery for the contract.
class SqlQueryImpl {
 public:
  virtual ~SqlQueryImpl() = default;
  virtual void BindInt(int index, int64_t v) = 0;
  virtual void BindReal(int index, double v) = 0;
  // `copy`: the bytes are copied now; else they must outlive the statement's run and be
  // followed by a NUL (a std::string's or a literal's: SqlQuery::bindNoCopy).
  virtual void BindText(int index, std::string_view v, bool copy) = 0;
  virtual void BindBlob(int index, std::string_view v) = 0;  // bytes, outliving the run
  virtual void BindNull(int index) = 0;
  virtual bool Step() = 0;
  virtual int Run() = 0;
  virtual void Reset() = 0;
  // Completes the runs the database may still hold (see SqlQuery::finish).
  virtual void Finish() {}
  virtual bool IsNull(int column) = 0;
  // Whether the value is an integer (not NULL, text or a real).
  virtual bool IsInteger(int column) = 0;
  virtual int64_t Int(int column) = 0;
  virtual double Real(int column) = 0;
  // Valid until the next Step, Reset or destruction.
  virtual std::string_view Text(int column) = 0;
  virtual std::string ColumnName(int column) = 0;
};

// A column of the current row of a query; valid until the query moves on.
class SqlColumn {
 public:
  SqlColumn(SqlQueryImpl& query, int index) : query_(query), index_(index) {}
  bool isNull() const { return query_.IsNull(index_); }
  bool isInteger() const { return query_.IsInteger(index_); }
  int64_t getInt64() const { return query_.Int(index_); }
  int getInt() const { return static_cast<int>(query_.Int(index_)); }
  double getDouble() const { return query_.Real(index_); }
  std::string_view getView() const { return query_.Text(index_); }
  std::string getString() const { return std::string(query_.Text(index_)); }

 private:
  SqlQueryImpl& query_;
  int index_;
};

class SqlDb;

// A prepared statement: bind parameters (numbered from 1), then step through its rows or
// run it. Bindings stay across reset(), as SQLite's do. Throws SqlError.
class SqlQuery {
 public:
  SqlQuery(SqlDb& db, const std::string& sql);
  void bind(int index, int64_t v) { impl_->BindInt(index, v); }
  void bind(int index, int v) { impl_->BindInt(index, v); }
  void bind(int index, double v) { impl_->BindReal(index, v); }
  void bind(int index, const std::string& v) { impl_->BindText(index, v, true); }
  void bind(int index, const char* v) { impl_->BindText(index, v, true); }
  void bind(int index) { impl_->BindNull(index); }  // NULL
  // The caller's bytes, which must outlive the statement's run: a bulk import binds
  // millions of fields.
  void bindNoCopy(int index, const std::string& v) { impl_->BindText(index, v, false); }
  void bindNoCopy(int index, const char* v) { impl_->BindText(index, v, false); }
  void bindBlob(int index, std::string_view bytes) { impl_->BindBlob(index, bytes); }
  // The next row; false after the last.
  bool executeStep() { return impl_->Step(); }
  // Runs a statement that returns no rows; the number of rows it changed.
  int exec() { return impl_->Run(); }
  // Back to before the first row, the bindings kept.
  void reset() { impl_->Reset(); }
  // Completes every run of a multi-row INSERT (rows.h InsertSql with several rows): a
  // database may stream such runs (PostgreSQL: one COPY for all of them, pg_db.cc) and
  // report their errors only here. Until then no other statement may run on the
  // connection; a query destroyed without finish() abandons them, and with them the
  // transaction. A no-op for every other statement and database.
  void finish() { impl_->Finish(); }
  SqlColumn getColumn(int index) { return SqlColumn(*impl_, index); }
  std::string getColumnName(int index) { return impl_->ColumnName(index); }

 private:
  std::unique_ptr<SqlQueryImpl> impl_;
};

// How a transaction begins.
enum class SqlTransactionKind {
  // One consistent snapshot of every table for the reads that follow.
  kRead,
  // Writes: taken before the first read, so that nothing changes between reading what
  // is stored and writing what follows from it (SQLite: BEGIN IMMEDIATE; PostgreSQL: the
  // workspace's row locked).
  kWrite,
};

// What a database changes for a while (SqlDb::StartBulkLoad), restored when destroyed.
class SqlScope {
 public:
  virtual ~SqlScope() = default;
};

// A connection to one store's database.
class SqlDb {
 public:
  virtual ~SqlDb() = default;
  virtual std::unique_ptr<SqlQueryImpl> Prepare(const std::string& sql) = 0;
  // Runs statements without parameters or rows.
  virtual void Exec(const std::string& sql) = 0;
  // Transactions; `workspace` is the workspace a write transaction writes (locked).
  virtual void Begin(SqlTransactionKind kind, int64_t workspace) = 0;
  virtual void Commit() = 0;
  virtual void Rollback() = 0;

  // The connection's settings for one large import into a workspace without records,
  // for the length of the import: made before its transaction begins, destroyed after it
  // ends. nullptr when the database needs none.
  virtual std::unique_ptr<SqlScope> StartBulkLoad() { return nullptr; }
  // Drops the secondary indexes of `tables` (their primary keys stay) and returns the
  // statements that create them again, for a bulk load into a store where no workspace
  // holds records (one sort per index after the rows beats keeping each index in order
  // row by row). Inside the import's transaction. Default: none dropped.
  virtual std::vector<std::string> DropIndexes(const std::vector<std::string>& /*tables*/) {
    return {};
  }
  // The rows one multi-row INSERT of an import carries (InsertSql in rows.h). SQLite: 64,
  // beyond which a statement's size costs more than its runs save; PostgreSQL runs such an
  // INSERT as a COPY (pg_db.cc), which takes larger batches.
  virtual size_t RowsPerInsert() const { return 64; }
  // The `size` bytes of the kept statistics of `workspace` (portfolio.entries); the
  // caller holds a transaction in which the row exists.
  virtual std::string ReadPortfolioEntries(int64_t workspace, int64_t size) = 0;
  // The same bytes where they lie, read a few at a time (RatesTable::InPlace), with what
  // the caller's transaction sees until the handle is dropped; nullptr where the database
  // reads them whole only. The caller holds a transaction in which the row exists. The
  // handle must not outlive this connection, nor a write through it.
  virtual std::shared_ptr<const RatesBytes> OpenPortfolioEntries(int64_t /*workspace*/,
                                                                 int64_t /*size*/) {
    return nullptr;
  }
  // Store::DataVersion: changes if and only if another connection committed a change.
  virtual int64_t DataVersion() = 0;
};

// A transaction, rolled back when it ends without commit().
class SqlTransaction {
 public:
  SqlTransaction(SqlDb& db, SqlTransactionKind kind, int64_t workspace = 0);
  SqlTransaction(const SqlTransaction&) = delete;
  SqlTransaction& operator=(const SqlTransaction&) = delete;
  ~SqlTransaction();
  void commit();

 private:
  SqlDb& db_;
  bool open_ = true;
};

}  // namespace addio::store_internal
