#include "store/store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <unistd.h>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <map>
#include <set>
#include <string>

#include "gen/generator.h"
#include "schema_nine.h"
#include "store_kinds.h"

namespace addio {
namespace {

namespace fs = std::filesystem;

Currency Ccy(const char* code) { return *Currency::Find(code); }
Money M(const char* amount, const char* code = "EUR") { return *Money::Parse(amount, Ccy(code)); }
CivilDate D(const char* text) { return *CivilDate::Parse(text); }
Instant At(int64_t seconds) { return Instant::FromUnixSeconds(seconds); }

Workspace AWorkspace() {
  Workspace w;
  w.name = "Studio Rossi";
  w.holidays = {D("2026-12-25")};
  w.target_hourly_rate = M("60.00");
  w.fx = {{Ccy("USD"), *Decimal::Parse("0.920")}};
  w.owner_emails = {"me@rossi.example"};
  w.working_hours[5] = {{10 * 60, 12 * 60}};
  w.working_hours[6] = {{0, 1440}};
  return w;
}

Client AClient(const std::string& id) {
  return Client{.id = id, .name = "Client " + id, .country = "IT"};
}

Invoice AnInvoice(const std::string& id, const std::string& client, const char* amount = "100.00") {
  return Invoice{.id = id,
                 .client = client,
                 .issued = D("2026-01-10"),
                 .due = D("2026-02-09"),
                 .amount = M(amount)};
}

Payment APayment(const std::string& id, const std::string& client, const char* amount,
                 const char* date = "2026-02-01") {
  return Payment{.id = id, .client = client, .date = D(date), .amount = M(amount)};
}

// One record of every type, optional fields both set and absent, ids in id order.
Ledger SampleLedger() {
  Ledger l;
  l.workspace = AWorkspace();
  l.workspace.settings = {{"grace_days", 5}};
  Client acme = AClient("acme");
  acme.kind = ClientKind::kCompany;
  acme.since = D("2025-01-10");
  acme.tax_id = "IT01234567890";
  acme.emails = {"ap@acme.example", "boss@acme.example"};
  acme.domains = {"acme.example"};
  acme.intake = R"({"will_sign_contract":"yes"})";
  Client bob = AClient("bob");
  bob.kind = ClientKind::kIndividual;
  bob.country = "";
  l.clients = {acme, bob};
  l.contracts = {
      Contract{.id = "k1",
               .client = "acme",
               .sent = D("2025-01-12"),
               .signed_on = D("2025-01-15"),
               .start = D("2025-01-15"),
               .payment_terms_days = 30,
               .hourly_rate = M("60.00")},
      Contract{.id = "k2", .client = "bob", .sent = D("2025-02-01"), .refused = D("2025-02-03")}};
  l.projects = {Project{.id = "p1",
                        .client = "acme",
                        .contract = "k1",
                        .name = "Website",
                        .pricing = Pricing::kFixed,
                        .budget_hours = 40.5,
                        .fee = M("2400.00"),
                        .start = D("2025-01-15")},
                Project{.id = "p2", .client = "bob", .name = "Logo", .pricing = Pricing::kHourly}};
  l.requests = {Request{.id = "r1",
                        .client = "acme",
                        .project = "p1",
                        .at = At(1738615200),
                        .summary = "Add a blog",
                        .in_scope = false,
                        .estimate_hours = 6,
                        .change_order = ChangeOrder::kProposed,
                        .deadline = At(1738652400)}};
  l.work = {WorkEntry{.id = "w1",
                      .client = "acme",
                      .project = "p1",
                      .request = "r1",
                      .start = At(1738652400),
                      .minutes = 120,
                      .billable = false,
                      .note = "blog, \"quoted\""},
            WorkEntry{.id = "w2", .client = "bob", .start = At(1738700000), .minutes = 0}};
  l.contacts = {Contact{.id = "m1",
                        .client = "acme",
                        .at = At(1738617000),
                        .channel = Channel::kCall,
                        .direction = Direction::kInbound,
                        .minutes = 15,
                        .urgent = true}};
  l.invoices = {AnInvoice("2025-001", "acme", "2400.00"),
                Invoice{.id = "2025-002",
                        .client = "bob",
                        .issued = D("2026-01-01"),
                        .due = D("2026-01-01"),
                        .amount = M("50.00", "USD"),
                        .status = InvoiceStatus::kWrittenOff,
                        .disputed = true}};
  l.payments = {Payment{.id = "pay1",
                        .client = "acme",
                        .invoice = "2025-001",
                        .date = D("2026-02-20"),
                        .amount = M("2400.00")},
                APayment("pay2", "acme", "100.00", "2026-03-01")};
  l.rate_changes = {RateChange{.id = "rc1",
                               .client = "acme",
                               .at = D("2025-06-01"),
                               .from = M("60.00"),
                               .to = M("70.00"),
                               .outcome = RateOutcome::kCountered,
                               .agreed = M("65.00")},
                    RateChange{.id = "rc2", .client = "bob", .at = D("2025-07-01")}};
  return l;
}

using testing::StoreKind;

// Every test on SQLite and on PostgreSQL (a new database each), but those of
// SqliteStoreTest below, which look at the SQLite file itself.
class StoreTest : public ::testing::TestWithParam<StoreKind> {
 protected:
  void SetUp() override {
    ADDIO_SKIP_WITHOUT_SERVER(GetParam());
    std::string pattern = (fs::temp_directory_path() / "addio-store-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    path_ = testing::FreshStoreUrl(GetParam(), dir_, "addio");
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<Store> Open(OpenMode mode = OpenMode::kCreateIfMissing) {
    auto store = OpenStore(path_, mode);
    EXPECT_TRUE(store) << store.error().message.In(Lang::kEn);
    return store ? std::move(*store) : nullptr;
  }

  // Every row of every table, in a stable order: equal dumps mean equal contents.
  std::string Dump() {
    if (GetParam() == StoreKind::kPostgres) return testing::PostgresDump(path_);
    SQLite::Database db(path_, SQLite::OPEN_READONLY);
    SQLite::Statement tables(db,
                             "SELECT name FROM sqlite_schema WHERE type = 'table' "
                             "ORDER BY name");
    std::string out;
    while (tables.executeStep()) {
      const std::string table = tables.getColumn(0).getString();
      out += "[" + table + "]\n";
      SQLite::Statement rows(db, "SELECT * FROM " + table + " ORDER BY 1");
      while (rows.executeStep()) {
        for (int i = 0; i < rows.getColumnCount(); ++i) {
          out += rows.getColumn(i).isNull() ? "NULL" : rows.getColumn(i).getString();
          out += '|';
        }
        out += '\n';
      }
    }
    return out;
  }

  std::string FileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  fs::path dir_;
  std::string path_;
};

// The tests that look at the SQLite file itself: its schema, its bytes, its migrations.
class SqliteStoreTest : public StoreTest {};

ImportReport MustImport(Store& store, const Ledger& ledger, bool dry_run = false) {
  auto report = store.Import(ledger, LedgerSource{}, dry_run);
  EXPECT_TRUE(report) << report.error().message.In(Lang::kEn);
  return report ? std::move(*report) : ImportReport{};
}

TEST_P(SqliteStoreTest, MissingFileWithMustExistTellsToRunInit) {
  auto store = OpenStore(path_, OpenMode::kMustExist);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kNotFound);
  EXPECT_NE(store.error().message.In(Lang::kEn).find("addio init"), std::string::npos);
  EXPECT_FALSE(fs::exists(path_));
}

TEST_P(SqliteStoreTest, NewFileGetsTheLatestSchema) {
  ASSERT_TRUE(Open());
  SQLite::Database db(path_, SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("SELECT version FROM schema_version").getInt(), SqliteSchemaVersion());
  for (const char* table :
       {"workspaces", "workspace_settings", "clients", "contracts", "projects", "requests", "work",
        "contacts", "invoices", "payments", "rate_changes"}) {
    EXPECT_TRUE(db.tableExists(table)) << table;
  }
  EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
  EXPECT_TRUE(OpenStore(path_, OpenMode::kMustExist));
}

// DESIGN.md section 10: every table's primary key starts with workspace_id, so that the
// tables distribute by workspace unchanged; only SQLite's own bookkeeping and the schema
// version (of the whole store) are exempt.
TEST_P(SqliteStoreTest, EveryTableIsKeyedByWorkspaceFirst) {
  ASSERT_TRUE(Open());
  SQLite::Database db(path_, SQLite::OPEN_READONLY);
  SQLite::Statement tables(db,
                           "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT IN "
                           "('schema_version', 'sqlite_sequence') ORDER BY name");
  // The accounts and their sessions belong to the whole store, as the registry does
  // (reference tables on Citus: docs/scaling.md).
  const std::set<std::string> store_wide = {"users", "sessions"};
  int checked = 0;
  while (tables.executeStep()) {
    const std::string table = tables.getColumn(0).getString();
    if (store_wide.contains(table)) continue;
    SQLite::Statement columns(db, "SELECT name FROM pragma_table_info(?) WHERE pk = 1");
    columns.bind(1, table);
    ASSERT_TRUE(columns.executeStep()) << table << " has no primary key";
    EXPECT_EQ(columns.getColumn(0).getString(), "workspace_id") << table;
    ++checked;
  }
  EXPECT_GE(checked, 19);
}

// Schema 12: on SQLite each client's records lie together (a WITHOUT ROWID table is
// stored in its key's order), so that a client's rows are read in one pass of the key,
// and an id stays unique in its workspace through an index of its own. A store of an
// earlier schema gets the same layout and keeps its records.
TEST_P(SqliteStoreTest, EachClientsRecordsLieTogether) {
  const Ledger sample = SampleLedger();
  auto expect_by_client = [this, &sample](const std::string& when) {
    SCOPED_TRACE(when);
    {
      auto store = Open();
      for (const Client& client : sample.clients) {
        auto stored = store->LoadClient(client.id);
        ASSERT_TRUE(stored && *stored);
        EXPECT_EQ((*stored)->payments.size(), static_cast<size_t>(std::ranges::count(
                                                  sample.payments, client.id, &Payment::client)));
        EXPECT_EQ((*stored)->work.size(), static_cast<size_t>(std::ranges::count(
                                              sample.work, client.id, &WorkEntry::client)));
      }
    }
    SQLite::Database db(path_, SQLite::OPEN_READWRITE);
    for (const char* table : {"contracts", "projects", "requests", "work", "contacts", "invoices",
                              "payments", "rate_changes", "credit_notes"}) {
      SQLite::Statement key(db, "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk");
      key.bind(1, table);
      std::vector<std::string> columns;
      while (key.executeStep()) columns.push_back(key.getColumn(0).getString());
      EXPECT_EQ(columns, (std::vector<std::string>{"workspace_id", "client", "id"})) << table;
      SQLite::Statement plan(db, std::string("EXPLAIN QUERY PLAN SELECT * FROM ") + table +
                                     " WHERE workspace_id = 1 AND client BETWEEN 'a' AND 'z' "
                                     "ORDER BY client");
      ASSERT_TRUE(plan.executeStep());
      EXPECT_NE(plan.getColumn(3).getString().find("USING PRIMARY KEY"), std::string::npos)
          << table << ": " << plan.getColumn(3).getString();
    }
    // An id taken by one client cannot be given to another.
    EXPECT_THROW(db.exec("INSERT INTO payments (workspace_id, id, client, date, amount, currency) "
                         "SELECT workspace_id, id, 'bob', date, amount, currency FROM payments "
                         "WHERE client = 'acme' LIMIT 1"),
                 SQLite::Exception);
  };
  {
    auto store = Open();
    MustImport(*store, sample);
  }
  expect_by_client("a new store");
  testing::RewriteAsSchemaNine(path_);
  expect_by_client("a store of schema 9, upgraded");
}

TEST_P(SqliteStoreTest, DatabaseOfANewerVersionIsRefused) {
  ASSERT_TRUE(Open());
  {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE);
    db.exec("UPDATE schema_version SET version = version + 1");
  }
  auto store = OpenStore(path_, OpenMode::kMustExist);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kStore);
  EXPECT_NE(store.error().message.In(Lang::kEn).find("newer"), std::string::npos);
}

TEST_P(SqliteStoreTest, ForeignDatabaseIsRefused) {
  {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE songs (title TEXT)");
  }
  auto store = OpenStore(path_, OpenMode::kMustExist);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kStore);
}

TEST_P(StoreTest, ImportCountsNewRecordsAndLoadRoundTrips) {
  const Ledger sample = SampleLedger();
  {
    auto store = Open();
    ImportReport report = MustImport(*store, sample);
    EXPECT_TRUE(report.ok()) << report.diagnostics.ToString();
    EXPECT_TRUE(report.written);
    EXPECT_EQ(report.workspace.added, 1u);
    EXPECT_EQ(report.For("client").added, 2u);
    EXPECT_EQ(report.For("request").added, 1u);
    EXPECT_EQ(report.For("rate_change").added, 2u);
    EXPECT_EQ(report.added(), 16u);
    EXPECT_EQ(report.updated() + report.unchanged(), 0u);
  }
  auto reopened = Open(OpenMode::kMustExist);
  auto loaded = reopened->Load();
  ASSERT_TRUE(loaded) << loaded.error().message.In(Lang::kEn);
  EXPECT_EQ(*loaded, sample);
}

TEST_P(StoreTest, ReimportChangesNothing) {
  auto store = Open();
  MustImport(*store, SampleLedger());
  const std::string dump = Dump();
  const bool file = GetParam() == StoreKind::kSqlite;
  const std::string bytes = file ? FileBytes(path_) : "";
  const std::string wal = file ? FileBytes(path_ + "-wal") : "";

  ImportReport again = MustImport(*store, SampleLedger());
  EXPECT_TRUE(again.ok());
  EXPECT_EQ(again.workspace.unchanged, 1u);
  EXPECT_EQ(again.unchanged(), 16u);
  EXPECT_EQ(again.added() + again.updated(), 0u);
  EXPECT_EQ(Dump(), dump);
  if (file) {  // not one byte of the file, the journal included
    EXPECT_EQ(FileBytes(path_), bytes);
    EXPECT_EQ(FileBytes(path_ + "-wal"), wal);
  }
}

TEST_P(StoreTest, ChangedRecordReplacesTheStoredOneAndIsReported) {
  auto store = Open();
  MustImport(*store, SampleLedger());
  Ledger changed = SampleLedger();
  changed.invoices[1].amount = M("55.00", "USD");
  changed.clients[0].emails.push_back("new@acme.example");
  changed.workspace.name = "Studio Rossi & Bianchi";
  ImportReport report = MustImport(*store, changed);
  EXPECT_TRUE(report.written);
  EXPECT_EQ(report.workspace.updated, 1u);
  EXPECT_EQ(report.For("invoice").updated, 1u);
  EXPECT_EQ(report.For("invoice").updated_ids, std::vector<std::string>{"2025-002"});
  EXPECT_EQ(report.For("invoice").unchanged, 1u);
  EXPECT_EQ(report.For("client").updated_ids, std::vector<std::string>{"acme"});
  EXPECT_EQ(report.updated(), 2u);
  EXPECT_EQ(*store->Load(), changed);
}

TEST_P(StoreTest, ReferencesToStoredRecordsAreAccepted) {
  auto store = Open();
  Ledger first;
  first.workspace = AWorkspace();
  first.clients = {AClient("acme")};
  first.invoices = {AnInvoice("i1", "acme")};
  MustImport(*store, first);

  Ledger second;  // no workspace, no clients: only records pointing at stored ones
  second.payments = {APayment("p1", "acme", "100.00")};
  second.payments[0].invoice = "i1";
  ImportReport report = MustImport(*store, second);
  EXPECT_TRUE(report.ok()) << report.diagnostics.ToString();
  EXPECT_TRUE(report.written);
  EXPECT_EQ(report.workspace.unchanged, 1u);
  EXPECT_EQ(report.For("payment").added, 1u);
  Ledger loaded = *store->Load();
  EXPECT_EQ(loaded.workspace, AWorkspace());  // a source without workspace keeps the stored one
  EXPECT_EQ(loaded.payments.size(), 1u);
  EXPECT_EQ(loaded.invoices.size(), 1u);
}

// A small import is merged with the stored records it names or points to, not with the
// whole store: each case below needs a stored record the incoming ones do not name.
TEST_P(StoreTest, ASmallImportResolvesReferencesThroughStoredRecords) {
  auto store = Open();
  Ledger first;
  first.workspace = AWorkspace();
  first.clients = {AClient("acme"), AClient("beta")};
  first.contracts = {Contract{.id = "k1", .client = "acme", .sent = D("2026-01-02")}};
  first.projects = {Project{.id = "p1", .client = "acme", .contract = "k1", .name = "Site"}};
  first.requests = {Request{.id = "r1", .client = "acme", .project = "p1", .at = At(1767300000)}};
  MustImport(*store, first);

  Ledger second;  // work on a stored request, whose stored project names a stored contract
  second.work = {WorkEntry{.id = "w1",
                           .client = "acme",
                           .project = "p1",
                           .request = "r1",
                           .start = At(1767400000),
                           .minutes = 60}};
  ImportReport accepted = MustImport(*store, second);
  EXPECT_TRUE(accepted.ok()) << accepted.diagnostics.ToString();
  EXPECT_EQ(accepted.For("work").added, 1u);

  Ledger third;  // the same request, claimed by another client
  third.work = {WorkEntry{
      .id = "w2", .client = "beta", .request = "r1", .start = At(1767400000), .minutes = 30}};
  ImportReport rejected = MustImport(*store, third);
  EXPECT_FALSE(rejected.written);
  ASSERT_EQ(rejected.diagnostics.ErrorCount(), 1u) << rejected.diagnostics.ToString();
  EXPECT_EQ(rejected.diagnostics.items()[0].field, "request");
  EXPECT_NE(rejected.diagnostics.ToString().find("acme"), std::string::npos);
}

TEST_P(StoreTest, AnImportNeverMovesAStoredRecordToAnotherClient) {
  auto store = Open();
  Ledger first;
  first.workspace = AWorkspace();
  first.clients = {AClient("acme"), AClient("beta")};
  first.invoices = {AnInvoice("i1", "acme")};
  first.payments = {APayment("p1", "acme", "100.00")};
  first.payments[0].invoice = "i1";
  MustImport(*store, first);
  const std::string before = Dump();

  // Another client's document with the same number, amount changed: an error naming both
  // clients, the record type, the id and where it was read; the store stays as it was.
  Ledger moved;
  moved.invoices = {AnInvoice("i1", "beta", "999.00")};
  LedgerSource source;
  source.locations["invoice"] = {{"beta.csv", 7, ""}};
  auto report = store->Import(moved, source, false);
  ASSERT_TRUE(report);
  EXPECT_FALSE(report->written);
  ASSERT_EQ(report->diagnostics.ErrorCount(), 1u) << report->diagnostics.ToString();
  const Diagnostic& error = report->diagnostics.items()[0];
  EXPECT_EQ(error.record_type, "invoice");
  EXPECT_EQ(error.record_id, "i1");
  EXPECT_EQ(error.field, "client");
  EXPECT_EQ(error.file, "beta.csv");
  EXPECT_EQ(error.line, 7);
  const std::string text = error.message.In(Lang::kEn);
  EXPECT_NE(text.find("acme"), std::string::npos) << text;
  EXPECT_NE(text.find("beta"), std::string::npos) << text;
  EXPECT_EQ(Dump(), before);

  // The same client's document with the same id is still an update.
  Ledger updated;
  updated.invoices = {AnInvoice("i1", "acme", "120.00")};
  EXPECT_EQ(MustImport(*store, updated).For("invoice").updated, 1u);
}

TEST_P(StoreTest, TwoClientsWithTheSameIdInOneImportAreNamedBoth) {
  auto store = Open();
  Ledger both;
  both.workspace = AWorkspace();
  both.clients = {AClient("acme"), AClient("beta")};
  both.payments = {APayment("7", "acme", "10.00"), APayment("7", "beta", "20.00")};
  ImportReport report = MustImport(*store, both);
  EXPECT_FALSE(report.written);
  ASSERT_EQ(report.diagnostics.ErrorCount(), 1u) << report.diagnostics.ToString();
  EXPECT_EQ(report.diagnostics.items()[0].field, "client");
  const std::string text = report.diagnostics.items()[0].message.In(Lang::kEn);
  EXPECT_NE(text.find("acme"), std::string::npos) << text;
  EXPECT_NE(text.find("beta"), std::string::npos) << text;
}

TEST_P(StoreTest, AMovedRecordAmongManyClientsIsRefused) {
  // 2 000 clients stored; a small import that would move one record is refused from the
  // stored record with its id (read by id, as the import reads its neighbourhood).
  auto store = Open();
  Ledger many;
  many.workspace = AWorkspace();
  for (int i = 0; i < 2000; ++i) {
    const std::string id = "c" + std::to_string(i);
    many.clients.push_back(AClient(id));
    many.invoices.push_back(AnInvoice("inv-" + id, id));
  }
  MustImport(*store, many);
  const std::string before = Dump();
  Ledger moved;
  moved.invoices = {AnInvoice("inv-c5", "c6")};
  ImportReport report = MustImport(*store, moved);
  EXPECT_FALSE(report.written);
  ASSERT_EQ(report.diagnostics.ErrorCount(), 1u) << report.diagnostics.ToString();
  EXPECT_EQ(report.diagnostics.items()[0].record_id, "inv-c5");
  EXPECT_EQ(Dump(), before);
}

TEST_P(StoreTest, AWorkspaceChangeIsCheckedAgainstEveryStoredAmount) {
  auto store = Open();
  Ledger first;
  first.workspace = AWorkspace();
  first.clients = {AClient("acme")};
  first.invoices = {AnInvoice("i1", "acme")};
  first.invoices[0].amount = M("100.00", "USD");
  MustImport(*store, first);

  Ledger second;  // drops the USD rate the stored invoice needs
  second.workspace = AWorkspace();
  second.workspace.fx.clear();
  second.clients = {AClient("acme")};
  ImportReport report = MustImport(*store, second);
  EXPECT_FALSE(report.written);
  ASSERT_EQ(report.diagnostics.ErrorCount(), 1u) << report.diagnostics.ToString();
  EXPECT_EQ(report.diagnostics.items()[0].record_id, "i1");
}

TEST_P(StoreTest, ErrorInTheLastRecordOfALargeImportWritesNothing) {
  auto store = Open();
  MustImport(*store, SampleLedger());
  const std::string before = Dump();

  Ledger big;
  big.workspace = AWorkspace();
  for (int i = 0; i < 2000; ++i) big.clients.push_back(AClient("c" + std::to_string(i)));
  for (int i = 0; i < 18000; ++i) {
    big.invoices.push_back(AnInvoice("inv" + std::to_string(i), "c" + std::to_string(i % 2000)));
  }
  big.payments.push_back(APayment("last", "nobody", "10.00"));
  ImportReport report = MustImport(*store, big);
  EXPECT_FALSE(report.ok());
  EXPECT_FALSE(report.written);
  bool names_the_record = false;
  for (const Diagnostic& d : report.diagnostics.items()) {
    names_the_record |= d.severity == Severity::kError && d.record_id == "last";
  }
  EXPECT_TRUE(names_the_record) << report.diagnostics.ToString();
  EXPECT_EQ(Dump(), before);

  big.payments.back().client = "c0";  // fixed, the same import goes through
  ImportReport fixed = MustImport(*store, big);
  EXPECT_TRUE(fixed.ok()) << fixed.diagnostics.ToString();
  EXPECT_EQ(fixed.For("invoice").added, 18000u);
  EXPECT_EQ(store->Load()->invoices.size(), 18002u);  // with the sample's two
}

TEST_P(StoreTest, DryRunReportsWithoutWriting) {
  auto store = Open();
  MustImport(*store, SampleLedger());
  const std::string before = Dump();
  Ledger changed = SampleLedger();
  changed.clients.push_back(AClient("zed"));
  changed.payments[1].amount = M("120.00");
  ImportReport report = MustImport(*store, changed, /*dry_run=*/true);
  EXPECT_TRUE(report.ok());
  EXPECT_TRUE(report.dry_run);
  EXPECT_FALSE(report.written);
  EXPECT_EQ(report.For("client").added, 1u);
  EXPECT_EQ(report.For("payment").updated_ids, std::vector<std::string>{"pay2"});
  EXPECT_EQ(Dump(), before);
}

TEST_P(SqliteStoreTest, DamagedRowIsAStoreErrorNamingIt) {
  auto store = Open();
  MustImport(*store, SampleLedger());
  {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE);
    db.exec("UPDATE invoices SET issued = '2026-02-30' WHERE id = '2025-002'");
  }
  auto loaded = store->Load();
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().code, ErrorCode::kStore);
  EXPECT_NE(loaded.error().message.In(Lang::kEn).find("2025-002"), std::string::npos)
      << loaded.error().message.In(Lang::kEn);
}

TEST_P(StoreTest, EmptyStoreLoadsAnEmptyLedger) {
  auto store = Open();
  auto ledger = store->Load();
  ASSERT_TRUE(ledger);
  EXPECT_EQ(*ledger, Ledger{});
  EXPECT_EQ(*store->LoadWorkspace(), Workspace{});
  EXPECT_TRUE(store->Clients()->empty());
}

// The extent computed record by record from the loaded ledger, as the store must give it.
StoredExtent ExtentOf(const Ledger& ledger) {
  StoredExtent out{.clients = ledger.clients.size()};
  auto date = [&out](std::optional<CivilDate> d) {
    if (!d) return;
    if (!out.first_date || *d < *out.first_date) out.first_date = d;
    if (!out.last_date || *d > *out.last_date) out.last_date = d;
  };
  auto instant = [&out](Instant t) {
    if (!out.first_instant || t < *out.first_instant) out.first_instant = t;
    if (!out.last_instant || t > *out.last_instant) out.last_instant = t;
  };
  for (const Contract& c : ledger.contracts) date(c.signed_on ? c.signed_on : c.sent);
  for (const Invoice& i : ledger.invoices) date(i.issued);
  for (const Payment& p : ledger.payments) date(p.date);
  for (const RateChange& r : ledger.rate_changes) date(r.at);
  for (const Request& r : ledger.requests) instant(r.at);
  for (const WorkEntry& w : ledger.work) instant(w.start);
  for (const Contact& c : ledger.contacts) instant(c.at);
  return out;
}

TEST_P(StoreTest, TheExtentIsTheSpanOfTheRecordsWithoutLoadingThem) {
  auto store = Open();
  const StoredExtent empty = *store->Extent();
  EXPECT_EQ(empty.clients, 0u);
  EXPECT_FALSE(empty.first_date || empty.last_date || empty.first_instant || empty.last_instant);

  GeneratorOptions options;
  options.clients = 25;
  options.months = 8;
  options.seed = 3;
  auto generated = GenerateLedger(options);
  ASSERT_TRUE(generated);
  MustImport(*store, *generated);
  const StoredExtent extent = *store->Extent();
  const StoredExtent expected = ExtentOf(*store->Load());
  EXPECT_EQ(extent.clients, 25u);
  EXPECT_EQ(extent.first_date, expected.first_date);
  EXPECT_EQ(extent.last_date, expected.last_date);
  EXPECT_EQ(extent.first_instant, expected.first_instant);
  EXPECT_EQ(extent.last_instant, expected.last_instant);
  ASSERT_TRUE(extent.first_date && extent.first_instant);
}

// The span the store keeps (kept_extent), read through another connection.
std::optional<std::string> KeptLastDate(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement row(db, "SELECT last_date FROM kept_extent");
  if (!row.executeStep() || row.getColumn(0).isNull()) return std::nullopt;
  return row.getColumn(0).getString();
}

void ExpectExtentOfRecords(Store& store) {
  const StoredExtent extent = *store.Extent();
  const StoredExtent expected = ExtentOf(*store.Load());
  EXPECT_EQ(extent.clients, expected.clients);
  EXPECT_EQ(extent.first_date, expected.first_date);
  EXPECT_EQ(extent.last_date, expected.last_date);
  EXPECT_EQ(extent.first_instant, expected.first_instant);
  EXPECT_EQ(extent.last_instant, expected.last_instant);
}

TEST_P(SqliteStoreTest, TheKeptExtentWidensWithAddedRecordsAndIsMeasuredAgainWhenOneMoves) {
  auto store = Open();
  EXPECT_EQ(KeptLastDate(path_), std::nullopt);
  MustImport(*store, SampleLedger());
  ExpectExtentOfRecords(*store);

  // Added records beyond both ends widen the kept span.
  Ledger more = SampleLedger();
  Invoice early = more.invoices.front();
  early.id = "early";
  early.issued = *CivilDate::Parse("2001-02-03");
  early.due = *CivilDate::Parse("2001-03-03");
  Payment late = more.payments.front();
  late.id = "late";
  late.invoice = "early";
  late.date = *CivilDate::Parse("2031-01-01");
  WorkEntry night = more.work.front();
  night.id = "night";
  night.start = Instant::FromUnixSeconds(946684800);  // 2000-01-01
  more.invoices.push_back(early);
  more.payments.push_back(late);
  more.work.push_back(night);
  MustImport(*store, more);
  ExpectExtentOfRecords(*store);
  EXPECT_EQ(store->Extent()->first_date, early.issued);
  EXPECT_EQ(KeptLastDate(path_), "2031-01-01");

  // A change that moves no date (a status) keeps the span; a dry run changes nothing.
  Ledger voided = more;
  for (Invoice& i : voided.invoices) {
    if (i.id == "early") i.status = InvoiceStatus::kVoid;
  }
  Invoice earlier = early;
  earlier.id = "earlier";
  earlier.issued = *CivilDate::Parse("1999-01-01");
  Ledger dry = voided;
  dry.invoices.push_back(earlier);
  MustImport(*store, dry, /*dry_run=*/true);
  MustImport(*store, voided);
  ExpectExtentOfRecords(*store);
  EXPECT_EQ(store->Extent()->first_date, early.issued);

  // The last payment moved inwards: the span shrinks, measured again.
  Ledger moved = voided;
  for (Payment& p : moved.payments) {
    if (p.id == "late") p.date = *CivilDate::Parse("2026-01-01");
  }
  MustImport(*store, moved);
  ExpectExtentOfRecords(*store);
  EXPECT_NE(KeptLastDate(path_), "2031-01-01");
  EXPECT_EQ(KeptLastDate(path_), store->Extent()->last_date->ToString());
}

TEST_P(SqliteStoreTest, AStoreOfSchemaFiveMeasuresItsExtentWhenMigrated) {
  {
    auto store = Open();
    MustImport(*store, SampleLedger());
  }
  testing::RewriteAsSchemaNine(path_);
  {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE);
    db.exec("DROP TABLE kept_extent");
    db.exec("DROP TABLE kept_lines");      // version 7
    db.exec("DROP TABLE record_sources");  // version 8
    db.exec("DROP TABLE outbox");          // version 9
    db.exec("ALTER TABLE clients DROP COLUMN billing_email");
    for (const char* column : {"dunning", "smtp", "alerts"}) {
      db.exec(std::string("ALTER TABLE workspace DROP COLUMN ") + column);
    }
    db.exec("UPDATE schema_version SET version = 5");
  }
  auto store = Open();
  ASSERT_TRUE(KeptLastDate(path_));
  ExpectExtentOfRecords(*store);
}

TEST_P(StoreTest, LoadClientGivesOneSortedSnapshot) {
  auto store = Open();
  MustImport(*store, SampleLedger());
  auto acme = store->LoadClient("acme");
  ASSERT_TRUE(acme && *acme);
  EXPECT_EQ((*acme)->client, SampleLedger().clients[0]);
  EXPECT_EQ((*acme)->invoices.size(), 1u);
  EXPECT_EQ((*acme)->payments.size(), 2u);
  EXPECT_EQ((*acme)->work.size(), 1u);
  EXPECT_TRUE(store->LoadClient("ghost").value() == std::nullopt);
  auto clients = store->Clients();
  ASSERT_TRUE(clients);
  ASSERT_EQ(clients->size(), 2u);
  EXPECT_EQ((*clients)[1].id, "bob");
}

TEST_P(StoreTest, SettingsAreStoredInTheWorkspaceAndKeptByAReimport) {
  auto store = Open();
  ASSERT_TRUE(store->SetSetting("window_days", 180));  // creates a default workspace
  EXPECT_EQ(store->Settings()->at("window_days"), 180);
  MustImport(*store, SampleLedger());  // names grace_days only
  ASSERT_TRUE(store->SetSetting("late_share_red", 0.85));
  auto settings = store->Settings();
  ASSERT_TRUE(settings);
  EXPECT_EQ(*settings, (std::map<std::string, double>{
                           {"grace_days", 5}, {"late_share_red", 0.85}, {"window_days", 180}}));
  EXPECT_EQ(MustImport(*store, SampleLedger()).workspace.unchanged, 1u);
  EXPECT_FALSE(store->SetSetting("", 1));
  EXPECT_FALSE(store->SetSetting("x", std::numeric_limits<double>::infinity()));
}

TEST_P(StoreTest, ClientSummariesShowOpenBalanceAndCredit) {
  auto store = Open();
  Ledger l;
  l.workspace = AWorkspace();
  l.clients = {AClient("acme"), AClient("bob")};
  l.invoices = {AnInvoice("a1", "acme", "100.00"), AnInvoice("a2", "acme", "50.00"),
                AnInvoice("b1", "bob", "80.00")};
  l.invoices[1].status = InvoiceStatus::kVoid;
  l.payments = {APayment("pa", "acme", "130.00"), APayment("pb", "bob", "30.00")};
  MustImport(*store, l);

  auto summaries = store->ClientSummaries(D("2026-03-01"));
  ASSERT_TRUE(summaries) << summaries.error().message.In(Lang::kEn);
  ASSERT_EQ(summaries->size(), 2u);
  const ClientSummary& acme = (*summaries)[0];
  EXPECT_EQ(acme.id, "acme");
  EXPECT_EQ(acme.invoices, 1u);
  EXPECT_EQ(acme.balance.invoiced, M("100.00"));
  EXPECT_EQ(acme.balance.open, M("0.00"));
  EXPECT_EQ(acme.balance.credit, M("30.00"));
  const ClientSummary& bob = (*summaries)[1];
  EXPECT_EQ(bob.balance.paid, M("30.00"));
  EXPECT_EQ(bob.balance.open, M("50.00"));
  EXPECT_EQ(bob.balance.overdue, M("50.00"));
  EXPECT_EQ(bob.balance.credit, M("0.00"));

  auto early = store->Balance("bob", D("2026-01-31"));  // before the payment and the due date
  ASSERT_TRUE(early);
  EXPECT_EQ(early->open, M("80.00"));
  EXPECT_EQ(early->overdue, M("0.00"));
  EXPECT_EQ(store->Balance("ghost", D("2026-01-31")).error().code, ErrorCode::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Stores, StoreTest,
                         ::testing::Values(StoreKind::kSqlite, StoreKind::kPostgres),
                         testing::KindName);
INSTANTIATE_TEST_SUITE_P(Stores, SqliteStoreTest, ::testing::Values(StoreKind::kSqlite),
                         testing::KindName);

}  // namespace
}  // namespace addio
