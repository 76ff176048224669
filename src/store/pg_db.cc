#include "store/pg_db.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <vector>

#include "store/pq_library.h"
#include "store/schema.h"

namespace addio::store_internal {
namespace {

// The connection's last error, without libpq's trailing newline.
std::string ErrorOf(PGconn* connection) {
  std::string message = Pq().PQerrorMessage(connection);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
    message.pop_back();
  }
  return message;
}

// A result that is freed when it goes.
struct ResultDeleter {
  void operator()(PGresult* result) const { Pq().PQclear(result); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

// Throws SqlError unless `result` succeeded.
PgResult Checked(PGconn* connection, PGresult* raw) {
  PgResult result(raw);
  const ExecStatusType status = result ? Pq().PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    std::string message =
        result ? Pq().PQresultErrorMessage(result.get()) : std::string(ErrorOf(connection));
    while (!message.empty() && message.back() == '\n') message.pop_back();
    throw SqlError(message.empty() ? ErrorOf(connection) : message);
  }
  return result;
}

// `sql` with each ?N parameter written $N; a plain ? takes the number after the largest
// so far, as SQLite numbers it. The store's statements hold no '?' in a literal.
std::string DollarParameters(const std::string& sql, int* count) {
  std::string out;
  out.reserve(sql.size() + 16);
  int largest = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    if (sql[i] != '?') {
      out += sql[i];
      continue;
    }
    size_t end = i + 1;
    while (end < sql.size() && sql[end] >= '0' && sql[end] <= '9') ++end;
    const int number =
        end > i + 1 ? std::atoi(sql.substr(i + 1, end - i - 1).c_str()) : largest + 1;
    largest = std::max(largest, number);
    out += "$" + std::to_string(number);
    i = end - 1;
  }
  *count = largest;
  return out;
}

constexpr char kHex[] = "0123456789abcdef";

// bytea's text form: \x and two hex digits a byte.
std::string ByteaText(std::string_view bytes) {
  std::string out = "\\x";
  out.reserve(2 + bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string BytesOfBytea(std::string_view text) {
  if (!text.starts_with("\\x")) throw SqlError("bytea not in hex form");
  std::string out;
  out.reserve((text.size() - 2) / 2);
  for (size_t i = 2; i + 1 < text.size(); i += 2) {
    const int high = HexDigit(text[i]);
    const int low = HexDigit(text[i + 1]);
    if (high < 0 || low < 0) throw SqlError("bytea not in hex form");
    out += static_cast<char>(high * 16 + low);
  }
  return out;
}

// The COPY that does the work of a plain multi-row INSERT (InsertSql in rows.h: "INSERT
// INTO t (workspace_id, a, b) VALUES (?1, ?2, ?3), (?1, ?4, ?5)"): the same rows, sent as
// COPY's text, which the server neither parses as SQL nor plans. Every run of the statement
// goes into one COPY, streamed while the next rows are bound, which the server takes in
// while they are made (SqlQuery::finish ends it). Empty `statement` when `sql` is not such
// an INSERT, or has one row (a statement run alone, without finish()).
struct CopyPlan {
  std::string statement;  // COPY t (workspace_id, a, b) FROM STDIN
  size_t columns = 0;     // besides workspace_id
};

CopyPlan CopyPlanOf(std::string_view sql) {
  constexpr std::string_view kInsert = "INSERT INTO ";
  if (!sql.starts_with(kInsert) || sql.find(" ON CONFLICT") != std::string_view::npos) return {};
  const size_t open = sql.find(" (workspace_id, ");
  const size_t values = sql.find(") VALUES (?1, ");
  if (open == std::string_view::npos || values == std::string_view::npos || values < open) {
    return {};
  }
  const std::string_view columns = sql.substr(open + 2, values - open - 2);
  if (sql.find("), (", values) == std::string_view::npos) return {};  // one row
  return {"COPY " + std::string(sql.substr(kInsert.size(), open - kInsert.size())) + " (" +
              std::string(columns) + ") FROM STDIN",
          static_cast<size_t>(std::count(columns.begin(), columns.end(), ','))};
}

// Appends `value` as COPY's text format writes a field: backslash, tab, newline and
// carriage return escaped.
void AppendCopyField(std::string& out, std::string_view value) {
  for (const char c : value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
}

class PgQuery final : public SqlQueryImpl {
 public:
  // `changed` counts the rows the queries' runs change.
  PgQuery(PGconn* connection, const std::string& sql, int64_t* changed)
      : connection_(connection), changed_(changed), copy_(CopyPlanOf(sql)) {
    int count = 0;
    sql_ = DollarParameters(sql, &count);
    values_.assign(static_cast<size_t>(count), std::nullopt);
    borrowed_.assign(static_cast<size_t>(count), nullptr);
  }

  void BindInt(int index, int64_t v) override { Set(index, std::to_string(v)); }
  void BindReal(int index, double v) override {
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", v);
    Set(index, text);
  }
  void BindText(int index, std::string_view v, bool copy) override {
    // libpq reads NUL-terminated text, which a borrowed string is (BindText's contract).
    if (!copy) {
      At(index);
      values_[static_cast<size_t>(index - 1)].reset();
      borrowed_[static_cast<size_t>(index - 1)] = v.data();
      return;
    }
    Set(index, std::string(v));
  }
  void BindBlob(int index, std::string_view v) override { Set(index, ByteaText(v)); }
  void BindNull(int index) override {
    At(index);
    values_[static_cast<size_t>(index - 1)].reset();
    borrowed_[static_cast<size_t>(index - 1)] = nullptr;
  }

  bool Step() override {
    if (!result_) Execute();
    if (row_ + 1 >= Pq().PQntuples(result_.get())) {
      row_ = Pq().PQntuples(result_.get());
      return false;
    }
    ++row_;
    return true;
  }
  int Run() override {
    if (!copy_.statement.empty()) {
      const int copied = Copy();
      *changed_ += copied;
      return copied;
    }
    Execute();
    const char* text = Pq().PQcmdTuples(result_.get());
    const int changed = text != nullptr && *text != '\0' ? std::atoi(text) : 0;
    *changed_ += changed;
    return changed;
  }
  void Reset() override {
    result_.reset();
    row_ = -1;
  }
  void Finish() override {
    if (!copying_) return;
    copying_ = false;
    if (Pq().PQputCopyEnd(connection_, nullptr) != 1) throw SqlError(ErrorOf(connection_));
    PgResult result(Pq().PQgetResult(connection_));
    // The end of the COPY's results, read whatever the first says.
    while (PGresult* more = Pq().PQgetResult(connection_)) Pq().PQclear(more);
    Checked(connection_, result.release());
  }
  ~PgQuery() override {
    if (!copying_) return;
    // Abandoned (an error elsewhere ended the import): the COPY fails, and with it the
    // transaction, which is being rolled back.
    Pq().PQputCopyEnd(connection_, "abandoned");
    while (PGresult* more = Pq().PQgetResult(connection_)) Pq().PQclear(more);
  }

  bool IsNull(int column) override { return Pq().PQgetisnull(result_.get(), row_, column) != 0; }
  bool IsInteger(int column) override {
    if (IsNull(column)) return false;
    const std::string_view text = Text(column);
    if (text == "t" || text == "f") return true;
    size_t i = text.starts_with('-') ? 1 : 0;
    if (i == text.size()) return false;
    for (; i < text.size(); ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
    }
    return true;
  }
  int64_t Int(int column) override {
    if (IsNull(column)) return 0;
    const char* text = Pq().PQgetvalue(result_.get(), row_, column);
    if (text[0] == 't' && text[1] == '\0') return 1;  // a boolean (EXISTS)
    if (text[0] == 'f' && text[1] == '\0') return 0;
    return std::strtoll(text, nullptr, 10);
  }
  double Real(int column) override {
    if (IsNull(column)) return 0;
    return std::strtod(Pq().PQgetvalue(result_.get(), row_, column), nullptr);
  }
  std::string_view Text(int column) override {
    if (IsNull(column)) return {};
    return {Pq().PQgetvalue(result_.get(), row_, column),
            static_cast<size_t>(Pq().PQgetlength(result_.get(), row_, column))};
  }
  std::string ColumnName(int column) override {
    const char* name = result_ ? Pq().PQfname(result_.get(), column) : nullptr;
    return name != nullptr ? name : "";
  }

 private:
  void At(int index) {
    if (index < 1 || static_cast<size_t>(index) > values_.size()) {
      throw SqlError("parameter " + std::to_string(index) + " out of range");
    }
  }
  void Set(int index, std::string text) {
    At(index);
    values_[static_cast<size_t>(index - 1)] = std::move(text);
    borrowed_[static_cast<size_t>(index - 1)] = nullptr;
  }
  void Execute() {
    std::vector<const char*> params(values_.size());
    for (size_t i = 0; i < values_.size(); ++i) {
      params[i] = values_[i] ? values_[i]->c_str() : borrowed_[i];
    }
    result_ = Checked(connection_,
                      Pq().PQexecParams(connection_, sql_.c_str(), static_cast<int>(params.size()),
                                        nullptr, params.data(), nullptr, nullptr, 0));
    row_ = -1;
  }

  // The value of parameter `index` (from 1), nullptr for NULL.
  const char* Value(size_t index) const {
    return values_[index - 1] ? values_[index - 1]->c_str() : borrowed_[index - 1];
  }

  // Sends the INSERT's rows into the statement's COPY, started by its first run; the
  // number of rows sent.
  int Copy() {
    const size_t per_row = copy_.columns;
    const size_t rows = per_row == 0 ? 0 : (values_.size() - 1) / per_row;
    std::string text;
    text.reserve(rows * per_row * 16);
    for (size_t row = 0; row < rows; ++row) {
      const char* workspace = Value(1);
      AppendCopyField(text, workspace != nullptr ? workspace : "");
      for (size_t column = 0; column < per_row; ++column) {
        text += '\t';
        const char* value = Value(2 + row * per_row + column);
        if (value == nullptr) {
          text += "\\N";
        } else {
          AppendCopyField(text, value);
        }
      }
      text += '\n';
    }
    if (!copying_) {
      PgResult started(Pq().PQexec(connection_, copy_.statement.c_str()));
      if (!started || Pq().PQresultStatus(started.get()) != PGRES_COPY_IN) {
        Checked(connection_, started.release());  // throws its error
        throw SqlError("COPY did not start");
      }
      copying_ = true;
    }
    if (Pq().PQputCopyData(connection_, text.data(), static_cast<int>(text.size())) != 1) {
      throw SqlError(ErrorOf(connection_));
    }
    return static_cast<int>(rows);
  }

  PGconn* connection_;
  int64_t* changed_;
  CopyPlan copy_;
  bool copying_ = false;  // the COPY is open: Finish ends it
  std::string sql_;
  std::vector<std::optional<std::string>> values_;  // copied parameters
  std::vector<const char*> borrowed_;               // or borrowed ones; neither: NULL
  PgResult result_;
  int row_ = -1;
};

}  // namespace

PgDb::~PgDb() { Pq().PQfinish(connection_); }

std::unique_ptr<SqlQueryImpl> PgDb::Prepare(const std::string& sql) {
  return std::make_unique<PgQuery>(connection_, sql, &changed_);
}

void PgDb::Exec(const std::string& sql) {
  Checked(connection_, Pq().PQexec(connection_, sql.c_str()));
}

void PgDb::Begin(SqlTransactionKind kind, int64_t workspace) {
  if (kind == SqlTransactionKind::kRead) {
    Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    return;
  }
  Exec("BEGIN");
  writing_ = true;
  changed_ = 0;
  if (workspace == 0) return;
  try {
    SqlQuery lock(*this, "SELECT 1 FROM workspaces WHERE workspace_id = ? FOR UPDATE");
    lock.bind(1, workspace);
    lock.executeStep();
  } catch (const SqlError&) {
    Rollback();  // no SqlTransaction owns it yet: the connection must not stay in it
    throw;
  }
}

void PgDb::Commit() {
  if (writing_ && changed_ > 0) {
    Exec("UPDATE store_version SET version = version + 1");
    ++own_commits_;
  }
  writing_ = false;
  Exec("COMMIT");
}

void PgDb::Rollback() {
  writing_ = false;
  Exec("ROLLBACK");
}

std::vector<std::string> PgDb::DropIndexes(const std::vector<std::string>& tables) {
  std::string names;
  for (const std::string& table : tables) names += (names.empty() ? "'" : ", '") + table + "'";
  // The foreign keys between the tables and their secondary indexes, as statements that
  // make them again; foreign keys last, once the indexes are back.
  std::vector<std::pair<std::string, std::string>> indexes, keys;
  {
    SqlQuery query(*this,
                   "SELECT i.indexname, i.indexdef FROM pg_indexes i "
                   "JOIN pg_class c ON c.relname = i.indexname "
                   "JOIN pg_index x ON x.indexrelid = c.oid "
                   "WHERE i.schemaname = current_schema() AND NOT x.indisprimary "
                   "AND NOT x.indisunique AND i.tablename IN (" +
                       names + ") ORDER BY i.indexname");
    while (query.executeStep()) {
      indexes.emplace_back("DROP INDEX " + query.getColumn(0).getString(),
                           query.getColumn(1).getString());
    }
  }
  {
    SqlQuery query(*this,
                   "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
                   "FROM pg_constraint WHERE contype = 'f' "
                   "AND conrelid::regclass::text IN (" +
                       names + ") ORDER BY conname");
    while (query.executeStep()) {
      const std::string table = query.getColumn(0).getString();
      const std::string name = query.getColumn(1).getString();
      keys.emplace_back("ALTER TABLE " + table + " DROP CONSTRAINT " + name,
                        "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " " +
                            query.getColumn(2).getString());
    }
  }
  std::vector<std::string> create;
  for (auto* list : {&keys, &indexes}) {
    for (const auto& [drop, make] : *list) Exec(drop);
  }
  for (auto* list : {&indexes, &keys}) {
    for (const auto& [drop, make] : *list) create.push_back(make);
  }
  return create;
}

std::string PgDb::ReadPortfolioEntries(int64_t workspace, int64_t /*size*/) {
  SqlQuery query(*this, "SELECT entries FROM portfolio WHERE workspace_id = ?");
  query.bind(1, workspace);
  if (!query.executeStep()) throw SqlError("the kept statistics are gone");
  return BytesOfBytea(query.getColumn(0).getView());
}

int64_t PgDb::DataVersion() {
  SqlQuery query(*this, "SELECT version FROM store_version");
  return (query.executeStep() ? query.getColumn(0).getInt64() : 0) - own_commits_;
}

Result<std::unique_ptr<PgDb>> OpenPgDatabase(const std::string& url, const std::string& where) {
  PGconn* connection = Pq().PQconnectdb(url.c_str());
  if (Pq().PQstatus(connection) != CONNECTION_OK) {
    const std::string why = ErrorOf(connection);
    Pq().PQfinish(connection);
    return Fail(ErrorCode::kStore, Msg("store.cannot_open", where, why));
  }
  auto db = std::make_unique<PgDb>(connection);
  try {
    db->Exec("SET client_min_messages = warning");
    // Two processes creating the schema at once take turns.
    db->Exec("BEGIN");
    db->Exec("SELECT pg_advisory_xact_lock(7146)");  // any number, the same for every addio
    SqlQuery exists(*db, "SELECT to_regclass('schema_version') IS NOT NULL");
    exists.executeStep();
    if (exists.getColumn(0).getInt() == 0) {
      db->Exec(PostgresSchema());
    } else {
      SqlQuery version(*db, "SELECT max(version) FROM schema_version");
      version.executeStep();
      int64_t found = version.getColumn(0).getInt64();
      // Older schemas are brought up to date, a step at a time, in this transaction.
      for (std::string step; found < LatestSchemaVersion() &&
                             !(step = PostgresUpgrade(static_cast<int>(found))).empty();
           ++found) {
        db->Exec(step);
      }
      if (found != LatestSchemaVersion()) {
        db->Exec("ROLLBACK");
        return Fail(ErrorCode::kStore,
                    Msg("store.newer_schema", where, found, LatestSchemaVersion()));
      }
    }
    db->Exec("COMMIT");
  } catch (const SqlError& e) {
    return Fail(ErrorCode::kStore, Msg("store.cannot_migrate", where, e.what()));
  }
  return db;
}

}  // namespace addio::store_internal
