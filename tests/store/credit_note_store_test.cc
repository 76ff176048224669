// Credit notes in the store: migration, import (counted, idempotent, updates reported, the
// total credited checked against stored notes), every way of reading them back, and the
// balance on net amounts.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "schema_nine.h"
#include "store/store.h"

namespace addio {
namespace {

namespace fs = std::filesystem;

Money M(const char* amount) { return *Money::Parse(amount, *Currency::Find("EUR")); }
CivilDate D(const char* text) { return *CivilDate::Parse(text); }

Ledger Books() {
  Ledger l;
  l.workspace.name = "Studio Rossi";
  l.workspace.tax_id = "IT09999999999";
  l.clients = {Client{.id = "acme", .name = "ACME"}, Client{.id = "beta", .name = "Beta"}};
  l.invoices = {Invoice{.id = "i1",
                        .client = "acme",
                        .issued = D("2026-01-10"),
                        .due = D("2026-02-09"),
                        .amount = M("1000.00")},
                Invoice{.id = "i2",
                        .client = "beta",
                        .issued = D("2026-01-12"),
                        .due = D("2026-02-11"),
                        .amount = M("300.00")}};
  l.payments = {Payment{.id = "p1",
                        .client = "acme",
                        .invoice = "i1",
                        .date = D("2026-02-01"),
                        .amount = M("500.00")}};
  l.credit_notes = {CreditNote{.id = "nc1",
                               .client = "acme",
                               .invoice = "i1",
                               .issued = D("2026-01-20"),
                               .amount = M("200.00"),
                               .reason = "late delivery"}};
  return l;
}

class CreditNoteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("addio-credit-store-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "addio.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<Store> Open() {
    auto store = OpenStore(path_, OpenMode::kCreateIfMissing);
    EXPECT_TRUE(store) << store.error().message.In(Lang::kEn);
    return store ? std::move(*store) : nullptr;
  }

  fs::path dir_;
  std::string path_;
};

ImportReport MustImport(Store& store, const Ledger& ledger) {
  auto report = store.Import(ledger, LedgerSource{}, false);
  EXPECT_TRUE(report) << report.error().message.In(Lang::kEn);
  return report ? std::move(*report) : ImportReport{};
}

TEST_F(CreditNoteStoreTest, ImportCountsLoadsAndReimportsWithoutChange) {
  auto store = Open();
  {
    SQLite::Database db(path_, SQLite::OPEN_READONLY);
    EXPECT_TRUE(db.tableExists("credit_notes"));
  }
  const Ledger books = Books();
  ImportReport first = MustImport(*store, books);
  ASSERT_TRUE(first.ok()) << first.diagnostics.ToString();
  EXPECT_EQ(first.For("credit_note").added, 1u);
  EXPECT_TRUE(ShowCounts(first.For("credit_note")));

  auto loaded = store->Load();
  ASSERT_TRUE(loaded);
  EXPECT_EQ(*loaded, books);  // the workspace's tax id included

  ImportReport again = MustImport(*store, books);
  EXPECT_EQ(again.For("credit_note").unchanged, 1u);
  EXPECT_EQ(again.added() + again.updated(), 0u);

  Ledger changed = books;
  changed.credit_notes[0].amount = M("250.00");
  ImportReport update = MustImport(*store, changed);
  EXPECT_EQ(update.For("credit_note").updated, 1u);
  EXPECT_EQ(update.For("credit_note").updated_ids, std::vector<std::string>{"nc1"});

  auto acme = store->LoadClient("acme");
  ASSERT_TRUE(acme && *acme);
  ASSERT_EQ((*acme)->credit_notes.size(), 1u);
  EXPECT_EQ((*acme)->credit_notes[0].amount, M("250.00"));
  auto beta = store->LoadClient("beta");
  ASSERT_TRUE(beta && *beta);
  EXPECT_TRUE((*beta)->credit_notes.empty());

  size_t streamed = 0;
  ASSERT_TRUE(store->ForEachClient([&](ClientLedger client) -> Status {
    streamed += client.credit_notes.size();
    return {};
  }));
  EXPECT_EQ(streamed, 1u);
}

TEST_F(CreditNoteStoreTest, AStoreOfTheFormerSchemaIsMigratedKeepingItsRecords) {
  Ledger books = Books();
  books.credit_notes.clear();
  books.workspace.tax_id.clear();
  {
    auto store = Open();
    MustImport(*store, books);
  }
  testing::RewriteAsSchemaNine(path_);
  {  // back to schema 4: no credit notes, no workspace tax id
    SQLite::Database db(path_, SQLite::OPEN_READWRITE);
    db.exec("DROP TABLE credit_notes");
    db.exec("DROP TABLE kept_extent");     // version 6
    db.exec("DROP TABLE kept_lines");      // version 7
    db.exec("DROP TABLE record_sources");  // version 8
    db.exec("DROP TABLE outbox");          // version 9
    db.exec("ALTER TABLE clients DROP COLUMN billing_email");
    for (const char* column : {"dunning", "smtp", "alerts"}) {
      db.exec(std::string("ALTER TABLE workspace DROP COLUMN ") + column);
    }
    db.exec("ALTER TABLE workspace DROP COLUMN tax_id");
    db.exec("UPDATE schema_version SET version = 4");
  }
  auto store = Open();
  {
    SQLite::Database db(path_, SQLite::OPEN_READONLY);
    EXPECT_EQ(db.execAndGet("SELECT version FROM schema_version").getInt(), SqliteSchemaVersion());
    EXPECT_TRUE(db.tableExists("credit_notes"));
  }
  auto loaded = store->Load();
  ASSERT_TRUE(loaded);
  EXPECT_EQ(*loaded, books);
  EXPECT_TRUE(MustImport(*store, Books()).ok());
}

TEST_F(CreditNoteStoreTest, ALedgerWithoutCreditNotesDoesNotShowTheirCounts) {
  auto store = Open();
  Ledger books = Books();
  books.credit_notes.clear();
  ImportReport report = MustImport(*store, books);
  EXPECT_FALSE(ShowCounts(report.For("credit_note")));
  EXPECT_TRUE(ShowCounts(report.For("rate_change")));
}

TEST_F(CreditNoteStoreTest, ASmallImportChecksTheTotalAgainstTheStoredNotes) {
  auto store = Open();
  MustImport(*store, Books());
  Ledger more;
  more.workspace = Books().workspace;
  more.credit_notes = {CreditNote{.id = "nc2",
                                  .client = "acme",
                                  .invoice = "i1",
                                  .issued = D("2026-03-01"),
                                  .amount = M("800.01")}};
  ImportReport report = MustImport(*store, more);
  EXPECT_FALSE(report.ok());
  EXPECT_FALSE(report.written);
  EXPECT_NE(report.diagnostics.ToString().find("total 1000.01 EUR"), std::string::npos)
      << report.diagnostics.ToString();
  more.credit_notes[0].amount = M("800.00");
  EXPECT_TRUE(MustImport(*store, more).ok());
}

TEST_F(CreditNoteStoreTest, TheBalanceIsOnNetAmountsAndCreditIsNoPayment) {
  auto store = Open();
  Ledger books = Books();
  // A second note after the payment: net 1000 − 200 − 400 = 400, paid 500: 100 becomes credit.
  books.credit_notes.push_back(CreditNote{.id = "nc2",
                                          .client = "acme",
                                          .invoice = "i1",
                                          .issued = D("2026-03-01"),
                                          .amount = M("400.00")});
  MustImport(*store, books);
  auto balance = store->Balance("acme", D("2026-03-31"));
  ASSERT_TRUE(balance);
  EXPECT_EQ(balance->invoiced, M("400.00"));
  EXPECT_EQ(balance->paid, M("500.00"));  // money received: the payment only
  EXPECT_EQ(balance->open, M("0.00"));
  EXPECT_EQ(balance->credit, M("100.00"));
}

}  // namespace
}  // namespace addio
