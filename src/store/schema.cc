#include "store/schema.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <vector>

namespace addio::store_internal {
namespace {

struct Migration {
  int version;
  const char* sql;
};

// Each step is applied once, in order; never edit a step that has shipped, append one.
// Money is INTEGER minor units beside a TEXT ISO 4217 code, business dates TEXT
// YYYY-MM-DD, instants INTEGER unix seconds, lists and the intake answers JSON text.
// Empty optional references are NULL so that the foreign keys hold.
const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, R"sql(
CREATE TABLE workspace (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  currency TEXT NOT NULL,
  timezone TEXT NOT NULL,
  working_hours TEXT NOT NULL,
  holidays TEXT NOT NULL,
  target_hourly_rate INTEGER,
  target_hourly_rate_currency TEXT,
  fx TEXT NOT NULL,
  owner_emails TEXT NOT NULL,
  settings TEXT NOT NULL
);
CREATE TABLE clients (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  country TEXT NOT NULL,
  since TEXT,
  tax_id TEXT NOT NULL,
  emails TEXT NOT NULL,
  domains TEXT NOT NULL,
  intake TEXT
) WITHOUT ROWID;
CREATE TABLE contracts (
  id TEXT PRIMARY KEY NOT NULL,
  client TEXT NOT NULL REFERENCES clients (id),
  sent TEXT,
  signed TEXT,
  refused TEXT,
  start_date TEXT,
  end_date TEXT,
  payment_terms_days INTEGER,
  hourly_rate INTEGER,
  hourly_rate_currency TEXT
) WITHOUT ROWID;
CREATE TABLE projects (
  id TEXT PRIMARY KEY NOT NULL,
  client TEXT NOT NULL REFERENCES clients (id),
  contract TEXT REFERENCES contracts (id),
  name TEXT NOT NULL,
  pricing TEXT NOT NULL,
  budget_hours REAL,
  fee INTEGER,
  fee_currency TEXT,
  start_date TEXT,
  end_date TEXT
) WITHOUT ROWID;
CREATE TABLE requests (
  id TEXT PRIMARY KEY NOT NULL,
  client TEXT NOT NULL REFERENCES clients (id),
  project TEXT REFERENCES projects (id),
  at INTEGER NOT NULL,
  summary TEXT NOT NULL,
  in_scope INTEGER NOT NULL,
  estimate_hours REAL,
  change_order TEXT NOT NULL,
  deadline INTEGER
) WITHOUT ROWID;
CREATE TABLE work (
  id TEXT PRIMARY KEY NOT NULL,
  client TEXT NOT NULL REFERENCES clients (id),
  project TEXT REFERENCES projects (id),
  request TEXT REFERENCES requests (id),
  start INTEGER NOT NULL,
  minutes INTEGER NOT NULL,
  billable INTEGER NOT NULL,
  note TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE contacts (
  id TEXT PRIMARY KEY NOT NULL,
  client TEXT NOT NULL REFERENCES clients (id),
  at INTEGER NOT NULL,
  channel TEXT NOT NULL,
  direction TEXT NOT NULL,
  minutes INTEGER NOT NULL,
  urgent INTEGER NOT NULL,
  logged INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE invoices (
  id TEXT PRIMARY KEY NOT NULL,
  client TEXT NOT NULL REFERENCES clients (id),
  issued TEXT NOT NULL,
  due TEXT NOT NULL,
  amount INTEGER NOT NULL,
  currency TEXT NOT NULL,
  status TEXT NOT NULL,
  disputed INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE payments (
  id TEXT PRIMARY KEY NOT NULL,
  client TEXT NOT NULL REFERENCES clients (id),
  invoice TEXT REFERENCES invoices (id),
  date TEXT NOT NULL,
  amount INTEGER NOT NULL,
  currency TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE rate_changes (
  id TEXT PRIMARY KEY NOT NULL,
  client TEXT NOT NULL REFERENCES clients (id),
  at TEXT NOT NULL,
  from_amount INTEGER,
  from_currency TEXT,
  to_amount INTEGER,
  to_currency TEXT,
  outcome TEXT NOT NULL,
  agreed_amount INTEGER,
  agreed_currency TEXT
) WITHOUT ROWID;
CREATE INDEX contracts_client ON contracts (client);
CREATE INDEX projects_client ON projects (client);
CREATE INDEX requests_client ON requests (client);
CREATE INDEX work_client ON work (client);
CREATE INDEX contacts_client ON contacts (client);
CREATE INDEX invoices_client ON invoices (client);
CREATE INDEX payments_client ON payments (client);
CREATE INDEX rate_changes_client ON rate_changes (client);
)sql"},
      // Bank credits no invoice was matched to, kept for review until `addio match` turns
      // one into a payment (the row then moves to payments under the same id).
      {2, R"sql(
CREATE TABLE unmatched_credits (
  id TEXT PRIMARY KEY NOT NULL,
  date TEXT NOT NULL,
  amount INTEGER NOT NULL,
  currency TEXT NOT NULL,
  payer TEXT NOT NULL,
  reference TEXT NOT NULL,
  source TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX unmatched_credits_date ON unmatched_credits (date);
)sql"},
      // Each client's entry of the portfolio statistics as of one date (Store::SaveRates),
      // so that one client's assessment needs only its own records. Derived data: an
      // import drops the rows of the clients it wrote, a workspace change drops them all.
      {3, R"sql(
CREATE TABLE portfolio_rates (
  as_of TEXT NOT NULL,
  client TEXT NOT NULL,
  hours REAL NOT NULL,
  rate INTEGER,
  PRIMARY KEY (as_of, client)
) WITHOUT ROWID;
)sql"},
      // The portfolio statistics as one row (Store::SaveRates): every client's entry in
      // one blob, read at once, and the writes noted since, in order: a client written
      // (an import notes the clients it wrote instead of deleting rows from a table of
      // every client), or '' for everything (the workspace changed, or none were kept).
      // A save forgets the notes up to the last one its caller had read.
      {4, R"sql(
DROP TABLE portfolio_rates;
CREATE TABLE portfolio (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  as_of TEXT NOT NULL,
  entries BLOB NOT NULL
);
CREATE TABLE portfolio_stale (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  client TEXT NOT NULL
);
)sql"},
      // Credit notes (ledger 1.1): each lowers one invoice of the same client. The
      // workspace's own tax id tells a received e-invoice from a sale.
      {5, R"sql(
CREATE TABLE credit_notes (
  id TEXT PRIMARY KEY NOT NULL,
  client TEXT NOT NULL REFERENCES clients (id),
  invoice TEXT NOT NULL REFERENCES invoices (id),
  issued TEXT NOT NULL,
  amount INTEGER NOT NULL,
  currency TEXT NOT NULL,
  reason TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX credit_notes_client ON credit_notes (client);
CREATE INDEX credit_notes_invoice ON credit_notes (invoice);
ALTER TABLE workspace ADD COLUMN tax_id TEXT NOT NULL DEFAULT '';
)sql"},
      // The span of the records' dates and instants (Store::Extent), so that reading it
      // scans no table. Derived data, measured here once: every import widens it with the
      // records it adds, and measures it again when it moves a stored record's date.
      {6, R"sql(
CREATE TABLE kept_extent (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  first_date TEXT,
  last_date TEXT,
  first_instant INTEGER,
  last_instant INTEGER
);
INSERT INTO kept_extent (id, first_date, last_date, first_instant, last_instant) SELECT 1,
  (SELECT min(d) FROM (SELECT min(coalesce(signed, sent)) AS d FROM contracts
   UNION ALL SELECT min(issued) FROM invoices UNION ALL SELECT min(date) FROM payments
   UNION ALL SELECT min(at) FROM rate_changes UNION ALL SELECT min(issued) FROM credit_notes)),
  (SELECT max(d) FROM (SELECT max(coalesce(signed, sent)) AS d FROM contracts
   UNION ALL SELECT max(issued) FROM invoices UNION ALL SELECT max(date) FROM payments
   UNION ALL SELECT max(at) FROM rate_changes UNION ALL SELECT max(issued) FROM credit_notes)),
  (SELECT min(t) FROM (SELECT min(at) AS t FROM requests
   UNION ALL SELECT min(start) FROM work UNION ALL SELECT min(at) FROM contacts)),
  (SELECT max(t) FROM (SELECT max(at) AS t FROM requests
   UNION ALL SELECT max(start) FROM work UNION ALL SELECT max(at) FROM contacts));
)sql"},
      // Each client's portfolio line as of one date (Store::SaveLines): its verdict,
      // score, signs, economics and the one reason that says why, so that a paged portfolio
      // reads one row per client. Derived data: an import drops the lines of the clients it
      // writes, a workspace change drops them all.
      {7, R"sql(
CREATE TABLE kept_lines (
  client TEXT PRIMARY KEY NOT NULL,
  as_of TEXT NOT NULL,
  line TEXT NOT NULL
) WITHOUT ROWID;
)sql"},
      // The importers each record type came from (Store::Coverage): every import adds the
      // pairs it wrote. Records stored before have the source '' ("earlier imports").
      {8, R"sql(
CREATE TABLE record_sources (
  type TEXT NOT NULL,
  source TEXT NOT NULL,
  PRIMARY KEY (type, source)
) WITHOUT ROWID;
INSERT INTO record_sources (type, source)
  SELECT 'client', '' WHERE EXISTS (SELECT 1 FROM clients)
  UNION ALL SELECT 'contract', '' WHERE EXISTS (SELECT 1 FROM contracts)
  UNION ALL SELECT 'project', '' WHERE EXISTS (SELECT 1 FROM projects)
  UNION ALL SELECT 'request', '' WHERE EXISTS (SELECT 1 FROM requests)
  UNION ALL SELECT 'work', '' WHERE EXISTS (SELECT 1 FROM work)
  UNION ALL SELECT 'contact', '' WHERE EXISTS (SELECT 1 FROM contacts)
  UNION ALL SELECT 'invoice', '' WHERE EXISTS (SELECT 1 FROM invoices)
  UNION ALL SELECT 'payment', '' WHERE EXISTS (SELECT 1 FROM payments)
  UNION ALL SELECT 'rate_change', '' WHERE EXISTS (SELECT 1 FROM rate_changes)
  UNION ALL SELECT 'credit_note', '' WHERE EXISTS (SELECT 1 FROM credit_notes);
)sql"},
      // Acting on it (DESIGN.md section 12): a client's billing address; the workspace's
      // dunning ladders, mail server and alert delivery (JSON objects, "{}" when unset);
      // and the outbox, one row per message addio has undertaken to send (a dunning step
      // of an invoice, an alert to a webhook), so that none is ever sent twice.
      {9, R"sql(
ALTER TABLE clients ADD COLUMN billing_email TEXT NOT NULL DEFAULT '';
ALTER TABLE workspace ADD COLUMN dunning TEXT NOT NULL DEFAULT '{}';
ALTER TABLE workspace ADD COLUMN smtp TEXT NOT NULL DEFAULT '{"security":"starttls"}';
ALTER TABLE workspace ADD COLUMN alerts TEXT NOT NULL DEFAULT '{}';
CREATE TABLE outbox (
  key TEXT PRIMARY KEY NOT NULL,
  state TEXT NOT NULL,
  claimed_at INTEGER NOT NULL,
  settled_at INTEGER,
  detail TEXT NOT NULL
) WITHOUT ROWID;
)sql"},
  };
  return kMigrations;
}

// The version recorded in `db`: 0 for a new, empty file.
Result<int> CurrentVersion(SQLite::Database& db, const std::string& path) {
  if (db.tableExists("schema_version")) {
    SQLite::Statement query(db, "SELECT max(version) FROM schema_version");
    if (query.executeStep() && !query.getColumn(0).isNull()) return query.getColumn(0).getInt();
    return 0;
  }
  SQLite::Statement tables(db, "SELECT count(*) FROM sqlite_schema");
  tables.executeStep();
  if (tables.getColumn(0).getInt() != 0) {
    return Fail(ErrorCode::kStore, Msg("store.not_addio_store", path));
  }
  return 0;
}

}  // namespace

int LatestSchemaVersion() { return Migrations().back().version; }

Status Migrate(SQLite::Database& db, const std::string& path) {
  try {
    auto version = CurrentVersion(db, path);
    if (!version) return std::unexpected(version.error());
    if (*version > LatestSchemaVersion()) {
      return Fail(ErrorCode::kStore,
                  Msg("store.newer_schema", path, *version, LatestSchemaVersion()));
    }
    for (const Migration& step : Migrations()) {
      if (step.version <= *version) continue;
      // IMMEDIATE: two processes opening a new file at once must not both migrate it.
      SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
      auto current = CurrentVersion(db, path);
      if (!current) return std::unexpected(current.error());
      if (*current >= step.version) continue;  // another process got there first
      db.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
      db.exec(step.sql);
      db.exec("DELETE FROM schema_version");
      SQLite::Statement record(db, "INSERT INTO schema_version (version) VALUES (?)");
      record.bind(1, step.version);
      record.exec();
      transaction.commit();
    }
  } catch (const SQLite::Exception& e) {
    return Fail(ErrorCode::kStore, Msg("store.cannot_migrate", path, e.what()));
  }
  return {};
}

}  // namespace addio::store_internal
