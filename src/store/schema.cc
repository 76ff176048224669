#include "store/schema.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace addio::store_internal {
namespace {

struct Migration {
  int version;
  std::string sql;
};

// The tables of schema 10, every one keyed by workspace first, written in SQLite's words:
// PostgreSQL's tables (PostgresSchema translates them) and SQLite's, whose records tables
// are keyed by client since step 12.
constexpr char kWorkspaceTables[] = R"sql(
CREATE TABLE workspaces (
  workspace_id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  noted INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE workspace_settings (
  workspace_id INTEGER PRIMARY KEY REFERENCES workspaces (workspace_id),
  name TEXT NOT NULL,
  currency TEXT NOT NULL,
  timezone TEXT NOT NULL,
  working_hours TEXT NOT NULL,
  holidays TEXT NOT NULL,
  target_hourly_rate INTEGER,
  target_hourly_rate_currency TEXT,
  fx TEXT NOT NULL,
  owner_emails TEXT NOT NULL,
  settings TEXT NOT NULL,
  tax_id TEXT NOT NULL,
  dunning TEXT NOT NULL,
  smtp TEXT NOT NULL,
  alerts TEXT NOT NULL
);
CREATE TABLE clients (
  workspace_id INTEGER NOT NULL REFERENCES workspaces (workspace_id),
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  country TEXT NOT NULL,
  since TEXT,
  tax_id TEXT NOT NULL,
  emails TEXT NOT NULL,
  billing_email TEXT NOT NULL,
  domains TEXT NOT NULL,
  intake TEXT,
  PRIMARY KEY (workspace_id, id)
) WITHOUT ROWID;
CREATE TABLE contracts (
  workspace_id INTEGER NOT NULL,
  id TEXT NOT NULL,
  client TEXT NOT NULL,
  sent TEXT,
  signed TEXT,
  refused TEXT,
  start_date TEXT,
  end_date TEXT,
  payment_terms_days INTEGER,
  hourly_rate INTEGER,
  hourly_rate_currency TEXT,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, client) REFERENCES clients (workspace_id, id)
) WITHOUT ROWID;
CREATE TABLE projects (
  workspace_id INTEGER NOT NULL,
  id TEXT NOT NULL,
  client TEXT NOT NULL,
  contract TEXT,
  name TEXT NOT NULL,
  pricing TEXT NOT NULL,
  budget_hours REAL,
  fee INTEGER,
  fee_currency TEXT,
  start_date TEXT,
  end_date TEXT,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, client) REFERENCES clients (workspace_id, id),
  FOREIGN KEY (workspace_id, contract) REFERENCES contracts (workspace_id, id)
) WITHOUT ROWID;
CREATE TABLE requests (
  workspace_id INTEGER NOT NULL,
  id TEXT NOT NULL,
  client TEXT NOT NULL,
  project TEXT,
  at INTEGER NOT NULL,
  summary TEXT NOT NULL,
  in_scope INTEGER NOT NULL,
  estimate_hours REAL,
  change_order TEXT NOT NULL,
  deadline INTEGER,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, client) REFERENCES clients (workspace_id, id),
  FOREIGN KEY (workspace_id, project) REFERENCES projects (workspace_id, id)
) WITHOUT ROWID;
CREATE TABLE work (
  workspace_id INTEGER NOT NULL,
  id TEXT NOT NULL,
  client TEXT NOT NULL,
  project TEXT,
  request TEXT,
  start INTEGER NOT NULL,
  minutes INTEGER NOT NULL,
  billable INTEGER NOT NULL,
  note TEXT NOT NULL,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, client) REFERENCES clients (workspace_id, id),
  FOREIGN KEY (workspace_id, project) REFERENCES projects (workspace_id, id),
  FOREIGN KEY (workspace_id, request) REFERENCES requests (workspace_id, id)
) WITHOUT ROWID;
CREATE TABLE contacts (
  workspace_id INTEGER NOT NULL,
  id TEXT NOT NULL,
  client TEXT NOT NULL,
  at INTEGER NOT NULL,
  channel TEXT NOT NULL,
  direction TEXT NOT NULL,
  minutes INTEGER NOT NULL,
  urgent INTEGER NOT NULL,
  logged INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, client) REFERENCES clients (workspace_id, id)
) WITHOUT ROWID;
CREATE TABLE invoices (
  workspace_id INTEGER NOT NULL,
  id TEXT NOT NULL,
  client TEXT NOT NULL,
  issued TEXT NOT NULL,
  due TEXT NOT NULL,
  amount INTEGER NOT NULL,
  currency TEXT NOT NULL,
  status TEXT NOT NULL,
  disputed INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, client) REFERENCES clients (workspace_id, id)
) WITHOUT ROWID;
CREATE TABLE payments (
  workspace_id INTEGER NOT NULL,
  id TEXT NOT NULL,
  client TEXT NOT NULL,
  invoice TEXT,
  date TEXT NOT NULL,
  amount INTEGER NOT NULL,
  currency TEXT NOT NULL,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, client) REFERENCES clients (workspace_id, id),
  FOREIGN KEY (workspace_id, invoice) REFERENCES invoices (workspace_id, id)
) WITHOUT ROWID;
CREATE TABLE rate_changes (
  workspace_id INTEGER NOT NULL,
  id TEXT NOT NULL,
  client TEXT NOT NULL,
  at TEXT NOT NULL,
  from_amount INTEGER,
  from_currency TEXT,
  to_amount INTEGER,
  to_currency TEXT,
  outcome TEXT NOT NULL,
  agreed_amount INTEGER,
  agreed_currency TEXT,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, client) REFERENCES clients (workspace_id, id)
) WITHOUT ROWID;
CREATE TABLE credit_notes (
  workspace_id INTEGER NOT NULL,
  id TEXT NOT NULL,
  client TEXT NOT NULL,
  invoice TEXT NOT NULL,
  issued TEXT NOT NULL,
  amount INTEGER NOT NULL,
  currency TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, client) REFERENCES clients (workspace_id, id),
  FOREIGN KEY (workspace_id, invoice) REFERENCES invoices (workspace_id, id)
) WITHOUT ROWID;
CREATE TABLE unmatched_credits (
  workspace_id INTEGER NOT NULL REFERENCES workspaces (workspace_id),
  id TEXT NOT NULL,
  date TEXT NOT NULL,
  amount INTEGER NOT NULL,
  currency TEXT NOT NULL,
  payer TEXT NOT NULL,
  reference TEXT NOT NULL,
  source TEXT NOT NULL,
  PRIMARY KEY (workspace_id, id)
) WITHOUT ROWID;
CREATE TABLE record_sources (
  workspace_id INTEGER NOT NULL REFERENCES workspaces (workspace_id),
  type TEXT NOT NULL,
  source TEXT NOT NULL,
  PRIMARY KEY (workspace_id, type, source)
) WITHOUT ROWID;
CREATE TABLE outbox (
  workspace_id INTEGER NOT NULL REFERENCES workspaces (workspace_id),
  key TEXT NOT NULL,
  state TEXT NOT NULL,
  claimed_at INTEGER NOT NULL,
  settled_at INTEGER,
  detail TEXT NOT NULL,
  PRIMARY KEY (workspace_id, key)
) WITHOUT ROWID;
CREATE TABLE kept_extent (
  workspace_id INTEGER PRIMARY KEY REFERENCES workspaces (workspace_id),
  first_date TEXT,
  last_date TEXT,
  first_instant INTEGER,
  last_instant INTEGER
);
CREATE TABLE portfolio (
  workspace_id INTEGER PRIMARY KEY REFERENCES workspaces (workspace_id),
  as_of TEXT NOT NULL,
  entries BLOB NOT NULL
);
CREATE TABLE portfolio_stale (
  workspace_id INTEGER NOT NULL REFERENCES workspaces (workspace_id),
  seq INTEGER NOT NULL,
  client TEXT NOT NULL,
  PRIMARY KEY (workspace_id, seq)
) WITHOUT ROWID;
CREATE TABLE kept_lines (
  workspace_id INTEGER NOT NULL REFERENCES workspaces (workspace_id),
  client TEXT NOT NULL,
  as_of TEXT NOT NULL,
  line TEXT NOT NULL,
  PRIMARY KEY (workspace_id, client)
) WITHOUT ROWID;

)sql";

// The indexes of schema 10.
constexpr char kWorkspaceIndexes[] = R"sql(
CREATE INDEX contracts_client ON contracts (workspace_id, client);
CREATE INDEX projects_client ON projects (workspace_id, client);
CREATE INDEX requests_client ON requests (workspace_id, client);
CREATE INDEX work_client ON work (workspace_id, client);
CREATE INDEX contacts_client ON contacts (workspace_id, client);
CREATE INDEX invoices_client ON invoices (workspace_id, client);
CREATE INDEX payments_client ON payments (workspace_id, client);
CREATE INDEX rate_changes_client ON rate_changes (workspace_id, client);
CREATE INDEX credit_notes_client ON credit_notes (workspace_id, client);
CREATE INDEX credit_notes_invoice ON credit_notes (workspace_id, invoice);
CREATE INDEX unmatched_credits_date ON unmatched_credits (workspace_id, date);
)sql";

// The accounts of schema 11 (DESIGN.md section 10). `users` and `sessions` belong to the
// whole store, as the registry `workspaces` does (reference tables on Citus); a membership
// and an API token belong to one workspace. Emails are stored lowercase; a password as
// its argon2id string; a session and a token by the SHA-256 of their secret, never the
// secret itself. Roles are "owner", "member" and "viewer".
constexpr char kAccountTables[] = R"sql(
CREATE TABLE users (
  user_id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE members (
  workspace_id INTEGER NOT NULL REFERENCES workspaces (workspace_id),
  user_id INTEGER NOT NULL REFERENCES users (user_id),
  role TEXT NOT NULL,
  PRIMARY KEY (workspace_id, user_id)
) WITHOUT ROWID;
CREATE INDEX members_user ON members (user_id);
CREATE TABLE api_tokens (
  workspace_id INTEGER NOT NULL REFERENCES workspaces (workspace_id),
  token_id TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users (user_id),
  role TEXT NOT NULL,
  name TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, token_id)
) WITHOUT ROWID;
CREATE INDEX api_tokens_id ON api_tokens (token_id);
CREATE TABLE sessions (
  session_hash TEXT PRIMARY KEY NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users (user_id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions (user_id);
)sql";

// Step 10, before the tables: the tables of schema 9 set aside, the derived ones dropped.
constexpr char kStep10Rename[] = R"sql(
ALTER TABLE workspace RENAME TO v9_workspace;
ALTER TABLE clients RENAME TO v9_clients;
ALTER TABLE contracts RENAME TO v9_contracts;
ALTER TABLE projects RENAME TO v9_projects;
ALTER TABLE requests RENAME TO v9_requests;
ALTER TABLE work RENAME TO v9_work;
ALTER TABLE contacts RENAME TO v9_contacts;
ALTER TABLE invoices RENAME TO v9_invoices;
ALTER TABLE payments RENAME TO v9_payments;
ALTER TABLE rate_changes RENAME TO v9_rate_changes;
ALTER TABLE credit_notes RENAME TO v9_credit_notes;
ALTER TABLE unmatched_credits RENAME TO v9_unmatched_credits;
ALTER TABLE record_sources RENAME TO v9_record_sources;
ALTER TABLE outbox RENAME TO v9_outbox;
ALTER TABLE kept_extent RENAME TO v9_kept_extent;
DROP TABLE portfolio;
DROP TABLE portfolio_stale;
DROP TABLE kept_lines;

)sql";

// Step 10, after the tables: what a store of schema 9 held becomes workspace 1.
constexpr char kStep10Copy[] = R"sql(
INSERT INTO workspaces (workspace_id, slug, name)
  VALUES (1, 'default', coalesce((SELECT nullif(name, '') FROM v9_workspace), 'default'));
INSERT INTO workspace_settings (workspace_id, name, currency, timezone, working_hours, holidays,
  target_hourly_rate, target_hourly_rate_currency, fx, owner_emails, settings, tax_id, dunning,
  smtp, alerts)
  SELECT 1, name, currency, timezone, working_hours, holidays, target_hourly_rate,
  target_hourly_rate_currency, fx, owner_emails, settings, tax_id, dunning, smtp, alerts
  FROM v9_workspace;
INSERT INTO clients (workspace_id, id, name, kind, country, since, tax_id, emails, billing_email,
  domains, intake)
  SELECT 1, id, name, kind, country, since, tax_id, emails, billing_email, domains, intake
  FROM v9_clients;
INSERT INTO contracts SELECT 1, id, client, sent, signed, refused, start_date, end_date,
  payment_terms_days, hourly_rate, hourly_rate_currency FROM v9_contracts;
INSERT INTO projects SELECT 1, id, client, contract, name, pricing, budget_hours, fee,
  fee_currency, start_date, end_date FROM v9_projects;
INSERT INTO requests SELECT 1, id, client, project, at, summary, in_scope, estimate_hours,
  change_order, deadline FROM v9_requests;
INSERT INTO work SELECT 1, id, client, project, request, start, minutes, billable, note
  FROM v9_work;
INSERT INTO contacts SELECT 1, id, client, at, channel, direction, minutes, urgent, logged
  FROM v9_contacts;
INSERT INTO invoices SELECT 1, id, client, issued, due, amount, currency, status, disputed
  FROM v9_invoices;
INSERT INTO payments SELECT 1, id, client, invoice, date, amount, currency FROM v9_payments;
INSERT INTO rate_changes SELECT 1, id, client, at, from_amount, from_currency, to_amount,
  to_currency, outcome, agreed_amount, agreed_currency FROM v9_rate_changes;
INSERT INTO credit_notes SELECT 1, id, client, invoice, issued, amount, currency, reason
  FROM v9_credit_notes;
INSERT INTO unmatched_credits SELECT 1, id, date, amount, currency, payer, reference, source
  FROM v9_unmatched_credits;
INSERT INTO record_sources SELECT 1, type, source FROM v9_record_sources;
INSERT INTO outbox SELECT 1, key, state, claimed_at, settled_at, detail FROM v9_outbox;
INSERT INTO kept_extent SELECT 1, first_date, last_date, first_instant, last_instant
  FROM v9_kept_extent;

DROP TABLE v9_credit_notes;
DROP TABLE v9_payments;
DROP TABLE v9_invoices;
DROP TABLE v9_work;
DROP TABLE v9_requests;
DROP TABLE v9_projects;
DROP TABLE v9_contracts;
DROP TABLE v9_contacts;
DROP TABLE v9_rate_changes;
DROP TABLE v9_clients;
DROP TABLE v9_unmatched_credits;
DROP TABLE v9_record_sources;
DROP TABLE v9_outbox;
DROP TABLE v9_kept_extent;
DROP TABLE v9_workspace;

)sql";

// The tables whose records belong to a client, parents before children.
constexpr std::string_view kClientTables[] = {"contracts", "projects",     "requests",
                                              "work",      "contacts",     "invoices",
                                              "payments",  "rate_changes", "credit_notes"};

// `table`'s CREATE TABLE statement in kWorkspaceTables, its closing ";" included.
std::string TableText(std::string_view table) {
  const std::string_view tables = kWorkspaceTables;
  const std::string opening = "CREATE TABLE " + std::string(table) + " (";
  const size_t start = tables.find(opening);
  const size_t end = tables.find(';', start);
  return std::string(tables.substr(start, end + 1 - start));
}

// Step 12 (SQLite only): each client's records lie together. A WITHOUT ROWID table is
// stored in its key's order: keyed by (workspace_id, client, id), the rows of one client
// are one run of pages, read in one pass where schema 10's index on the client cost a
// lookup of the primary key per row (a fifth of a full rescore's time). Ids stay unique
// through a unique index, which the foreign keys and the imports' upserts name. The
// tables are set aside, made again with the new key from schema 10's text, copied in key
// order, and the old ones dropped, children first.
std::string Step12ClusterByClient() {
  std::string sql;
  for (std::string_view table : kClientTables) {
    const std::string name(table);
    sql += "ALTER TABLE " + name + " RENAME TO v11_" + name + ";\n";
  }
  for (std::string_view table : kClientTables) {
    std::string create = TableText(table);
    constexpr std::string_view kById = "PRIMARY KEY (workspace_id, id)";
    create.replace(create.find(kById), kById.size(), "PRIMARY KEY (workspace_id, client, id)");
    const std::string name(table);
    sql += create + "\n";
    sql += "CREATE UNIQUE INDEX " + name + "_id ON " + name + " (workspace_id, id);\n";
    sql += "INSERT INTO " + name + " SELECT * FROM v11_" + name +
           " ORDER BY workspace_id, client, id;\n";
  }
  for (auto table = std::rbegin(kClientTables); table != std::rend(kClientTables); ++table) {
    sql += "DROP TABLE v11_" + std::string(*table) + ";\n";
  }
  sql += "CREATE INDEX credit_notes_invoice ON credit_notes (workspace_id, invoice);\n";
  return sql;
}

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
      // Many workspaces in one store (DESIGN.md section 10): the registry `workspaces`
      // (an integer key, the id users type, a name, and the count of writes noted for the
      // kept statistics), and every table keyed by workspace first, so that the same
      // tables distribute by workspace_id on Citus unchanged. The records stored so far
      // become workspace 1, "default". The workspace's own row is `workspace_settings`.
      // The kept statistics and lines are derived data: dropped, measured again on use.
      {10, std::string(kStep10Rename) + kWorkspaceTables + kStep10Copy + kWorkspaceIndexes},
      // Accounts, roles per workspace, API tokens and sessions (DESIGN.md section 10).
      {11, kAccountTables},
      // Each client's records in one run of the table (SQLite only; PostgreSQL's tables
      // are heaps, whatever their key: PostgresUpgrade).
      {12, Step12ClusterByClient()},
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

namespace {

// SQLite's words of the schema in PostgreSQL's: its integer types, its identity columns
// for the registries that number their rows, text compared byte by byte.
std::string ToPostgres(std::string sql) {
  auto replace_all = [&sql](std::string_view from, std::string_view to) {
    for (size_t at = sql.find(from); at != std::string::npos; at = sql.find(from, at + to.size())) {
      sql.replace(at, from.size(), to);
    }
  };
  // The registries number their rows themselves; the other integer keys refer to them.
  replace_all("workspace_id INTEGER PRIMARY KEY,\n  slug",
              "workspace_id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n  slug");
  replace_all("user_id INTEGER PRIMARY KEY,\n  email",
              "user_id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n  email");
  replace_all(" INTEGER", " BIGINT");
  replace_all(" REAL", " DOUBLE PRECISION");
  replace_all(" BLOB", " BYTEA");
  // Text compares byte by byte, as in SQLite, whatever the server's locale: ids come out
  // in the same order on both.
  replace_all(" TEXT", " TEXT COLLATE \"C\"");
  replace_all(") WITHOUT ROWID;", ");");
  return sql;
}

}  // namespace

std::string PostgresSchema() {
  return ToPostgres(std::string(kWorkspaceTables) + kWorkspaceIndexes + kAccountTables) +
         R"sql(
CREATE TABLE schema_version (version BIGINT NOT NULL);
CREATE TABLE store_version (id BIGINT PRIMARY KEY CHECK (id = 1), version BIGINT NOT NULL);
INSERT INTO store_version (id, version) VALUES (1, 0);
INSERT INTO workspaces (slug, name) VALUES ('default', 'default');
)sql" + "INSERT INTO schema_version (version) VALUES (" +
         std::to_string(LatestSchemaVersion()) + ");\n";
}

std::string PostgresUpgrade(int from) {
  switch (from) {
    case 10:
      return ToPostgres(kAccountTables) + "UPDATE schema_version SET version = 11;\n";
    case 11:
      // Step 12 orders SQLite's tables by client. A PostgreSQL table is a heap, in the
      // order rows came whatever its key, and finds a client's rows through schema 10's
      // index on the client: nothing to change.
      return "UPDATE schema_version SET version = 12;\n";
    default:
      return "";
  }
}

Status Migrate(SQLite::Database& db, const std::string& path) {
  return Migrate(db, path, LatestSchemaVersion());
}

Status Migrate(SQLite::Database& db, const std::string& path, int target) {
  try {
    auto version = CurrentVersion(db, path);
    if (!version) return std::unexpected(version.error());
    if (*version > LatestSchemaVersion()) {
      return Fail(ErrorCode::kStore,
                  Msg("store.newer_schema", path, *version, LatestSchemaVersion()));
    }
    for (const Migration& step : Migrations()) {
      if (step.version <= *version) continue;
      if (step.version > target) break;
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
