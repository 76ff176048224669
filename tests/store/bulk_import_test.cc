// A bulk load into a store without records (sqlite_store.cc, BulkLoad): it runs with the
// rollback journal, without SQLite's foreign key checks and with the indexes built after
// the rows, and must leave exactly the store that an import in steps leaves.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "gen/generator.h"
#include "store/store.h"

namespace addio {
namespace {

namespace fs = std::filesystem;

// 150 generated clients: about 16 000 records, a bulk load.
Ledger Generated() {
  GeneratorOptions options;
  options.clients = 150;
  options.seed = 7;
  auto ledger = GenerateLedger(options);
  EXPECT_TRUE(ledger);
  return ledger ? std::move(*ledger) : Ledger{};
}

class BulkImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "addio-bulk-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string PathOf(const std::string& name) const { return (dir_ / name).string(); }

  static std::unique_ptr<Store> Open(const std::string& path) {
    auto store = OpenStore(path, OpenMode::kCreateIfMissing);
    EXPECT_TRUE(store) << store.error().message.In(Lang::kEn);
    return store ? std::move(*store) : nullptr;
  }

  static ImportReport MustImport(Store& store, const Ledger& ledger, bool dry_run = false) {
    auto report = store.Import(ledger, LedgerSource{}, dry_run);
    EXPECT_TRUE(report) << report.error().message.In(Lang::kEn);
    return report ? std::move(*report) : ImportReport{};
  }

  // The schema (every table and index with its SQL) and every row of every table, in a
  // stable order: equal dumps mean equal stores. The notes of writes for the kept
  // statistics (portfolio_stale, and the count of them in workspaces.noted) count
  // imports, not records: they are left out.
  static std::string Dump(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    std::string out;
    SQLite::Statement schema(db,
                             "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name");
    while (schema.executeStep()) {
      for (int i = 0; i < 4; ++i) out += schema.getColumn(i).getString() + "|";
      out += '\n';
    }
    SQLite::Statement tables(db,
                             "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
    while (tables.executeStep()) {
      const std::string table = tables.getColumn(0).getString();
      out += "[" + table + "]\n";
      if (table == "portfolio_stale" || table == "sqlite_sequence") continue;
      SQLite::Statement rows(db, table == "workspaces"
                                     ? "SELECT workspace_id, slug, name FROM workspaces"
                                     : "SELECT * FROM " + table + " ORDER BY 1");
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

  static std::string JournalMode(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    SQLite::Statement mode(db, "PRAGMA journal_mode");
    return mode.executeStep() ? mode.getColumn(0).getString() : "";
  }

  fs::path dir_;
};

TEST_F(BulkImportTest, LeavesTheStoreThatAnImportInStepsLeaves) {
  const Ledger ledger = Generated();
  ASSERT_GT(ledger.records(), 15000u);

  const std::string bulk_path = PathOf("bulk.db");
  auto bulk = Open(bulk_path);
  const ImportReport report = MustImport(*bulk, ledger);
  EXPECT_TRUE(report.ok()) << report.diagnostics.ToString();
  EXPECT_TRUE(report.written);
  EXPECT_EQ(report.For("work").added, ledger.work.size());
  EXPECT_EQ(report.added(), ledger.records());

  // In steps: the clients alone (a small import), then everything into a store that has
  // records (no bulk load).
  const std::string steps_path = PathOf("steps.db");
  auto steps = Open(steps_path);
  Ledger clients_only;
  clients_only.workspace = ledger.workspace;
  clients_only.clients = ledger.clients;
  EXPECT_TRUE(MustImport(*steps, clients_only).written);
  EXPECT_TRUE(MustImport(*steps, ledger).written);

  bulk.reset();
  steps.reset();
  EXPECT_EQ(Dump(bulk_path), Dump(steps_path));
  EXPECT_EQ(JournalMode(bulk_path), "wal");
}

TEST_F(BulkImportTest, KeepsTheIndexesOfTheSchema) {
  const std::string fresh_path = PathOf("fresh.db");
  Open(fresh_path).reset();
  const std::string path = PathOf("bulk.db");
  Open(path).reset();
  auto indexes = [](const std::string& at) {
    SQLite::Database db(at, SQLite::OPEN_READONLY);
    SQLite::Statement query(db,
                            "SELECT name || ': ' || sql FROM sqlite_schema WHERE type = 'index' "
                            "AND sql IS NOT NULL ORDER BY name");
    std::vector<std::string> out;
    while (query.executeStep()) out.push_back(query.getColumn(0).getString());
    return out;
  };
  const std::vector<std::string> before = indexes(path);
  ASSERT_GE(before.size(), 8u);  // one per record table but clients, and the credits' date

  auto store = Open(path);
  ASSERT_TRUE(MustImport(*store, Generated()).written);
  store.reset();
  EXPECT_EQ(indexes(path), before);
  EXPECT_EQ(indexes(path), indexes(fresh_path));
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement check(db, "PRAGMA integrity_check");
  ASSERT_TRUE(check.executeStep());
  EXPECT_EQ(check.getColumn(0).getString(), "ok");
}

TEST_F(BulkImportTest, RejectedOrDryRunWritesNothing) {
  const std::string path = PathOf("bulk.db");
  Open(path).reset();
  const std::string empty = Dump(path);

  Ledger ledger = Generated();
  ledger.payments.back().invoice = "no-such-invoice";
  auto store = Open(path);
  const ImportReport rejected = MustImport(*store, ledger);
  EXPECT_FALSE(rejected.ok());
  EXPECT_FALSE(rejected.written);
  bool names_the_record = false;
  for (const Diagnostic& d : rejected.diagnostics.items()) {
    names_the_record |= d.record_id == ledger.payments.back().id && d.field == "invoice";
  }
  EXPECT_TRUE(names_the_record) << rejected.diagnostics.ToString();
  ledger.payments.back().invoice.clear();
  const ImportReport dry = MustImport(*store, ledger, /*dry_run=*/true);
  EXPECT_TRUE(dry.ok()) << dry.diagnostics.ToString();
  EXPECT_FALSE(dry.written);
  EXPECT_EQ(dry.added(), ledger.records());
  store.reset();
  EXPECT_EQ(Dump(path), empty);
  EXPECT_EQ(JournalMode(path), "wal");
}

TEST_F(BulkImportTest, AReimportChangesNothing) {
  const std::string path = PathOf("bulk.db");
  const Ledger ledger = Generated();
  auto store = Open(path);
  ASSERT_TRUE(MustImport(*store, ledger).written);
  const std::string first = Dump(path);
  const ImportReport again = MustImport(*store, ledger);
  EXPECT_TRUE(again.ok()) << again.diagnostics.ToString();
  EXPECT_EQ(again.added(), 0u);
  EXPECT_EQ(again.updated(), 0u);
  EXPECT_EQ(again.unchanged(), ledger.records());
  store.reset();
  EXPECT_EQ(Dump(path), first);
  auto reopened = Open(path);
  auto loaded = reopened->Load();
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->records(), ledger.records());
}

// Another connection holds the store open (a server reading it): the load runs in WAL and
// that connection sees the records once they are committed.
TEST_F(BulkImportTest, RunsInWalWhileAnotherConnectionHasTheStoreOpen) {
  const std::string path = PathOf("bulk.db");
  auto reader = Open(path);
  ASSERT_TRUE(reader->Load());
  auto writer = Open(path);
  const Ledger ledger = Generated();
  EXPECT_TRUE(MustImport(*writer, ledger).written);
  auto loaded = reader->Load();
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->records(), ledger.records());
  writer.reset();
  reader.reset();
  EXPECT_EQ(JournalMode(path), "wal");
}

}  // namespace
}  // namespace addio
