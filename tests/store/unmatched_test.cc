// The store's review list of bank credits no invoice was matched to: kept by Import,
// listed by Unmatched, turned into payments by Match.
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

Money M(const char* amount, const char* code = "EUR") {
  return *Money::Parse(amount, *Currency::Find(code));
}
CivilDate D(const char* text) { return *CivilDate::Parse(text); }

UnmatchedCredit ACredit(const std::string& id, const char* amount = "250.00",
                        const char* date = "2026-03-02") {
  return UnmatchedCredit{.id = id,
                         .date = D(date),
                         .amount = M(amount),
                         .payer = "ACME SRL",
                         .reference = "bonifico",
                         .source = "march.xml"};
}

// A workspace with one client and two invoices, the second void.
Ledger ALedger() {
  Ledger ledger;
  ledger.workspace.name = "Studio Rossi";
  ledger.clients = {Client{.id = "acme", .name = "ACME S.r.l."}};
  ledger.invoices = {
      Invoice{.id = "2026-001",
              .client = "acme",
              .issued = D("2026-02-01"),
              .due = D("2026-03-03"),
              .amount = M("250.00")},
      Invoice{.id = "2026-002",
              .client = "acme",
              .issued = D("2026-02-05"),
              .due = D("2026-03-07"),
              .amount = M("90.00"),
              .status = InvoiceStatus::kVoid},
  };
  return ledger;
}

class UnmatchedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() /
             ("addio-unmatched-" + std::to_string(::getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    fs::remove(path_);
    auto store = OpenStore(path_, OpenMode::kCreateIfMissing);
    ASSERT_TRUE(store) << store.error().message.In(Lang::kEn);
    store_ = std::move(*store);
    auto report = store_->Import(ALedger(), {}, false);
    ASSERT_TRUE(report && report->ok()) << (report ? report->diagnostics.ToString() : "");
  }
  void TearDown() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path_ + suffix);
  }

  ImportReport ImportCredits(const std::vector<UnmatchedCredit>& credits, bool dry_run = false,
                             const Ledger& ledger = Ledger{}) {
    auto report = store_->Import(ledger, {}, credits, dry_run);
    EXPECT_TRUE(report) << report.error().message.In(Lang::kEn);
    return report ? *report : ImportReport{};
  }

  std::vector<UnmatchedCredit> Stored() {
    auto credits = store_->Unmatched();
    EXPECT_TRUE(credits) << credits.error().message.In(Lang::kEn);
    return credits ? *credits : std::vector<UnmatchedCredit>{};
  }

  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(UnmatchedTest, ImportKeepsCreditsInDateOrderAndIsIdempotent) {
  const std::vector<UnmatchedCredit> credits = {ACredit("camt-b", "10.00", "2026-03-05"),
                                                ACredit("camt-a", "20.00", "2026-03-09"),
                                                ACredit("camt-c", "30.00", "2026-03-01")};
  ImportReport first = ImportCredits(credits);
  EXPECT_TRUE(first.written);
  EXPECT_EQ(first.unmatched.type, "unmatched_credit");
  EXPECT_EQ(first.unmatched.added, 3u);
  std::vector<UnmatchedCredit> stored = Stored();
  ASSERT_EQ(stored.size(), 3u);
  EXPECT_EQ(stored[0], credits[2]);
  EXPECT_EQ(stored[1], credits[0]);
  EXPECT_EQ(stored[2], credits[1]);

  ImportReport again = ImportCredits(credits);
  EXPECT_EQ(again.unmatched.added, 0u);
  EXPECT_EQ(again.unmatched.unchanged, 3u);

  std::vector<UnmatchedCredit> changed = credits;
  changed[0].reference = "bonifico fattura";
  ImportReport update = ImportCredits(changed);
  EXPECT_EQ(update.unmatched.updated, 1u);
  EXPECT_EQ(update.unmatched.updated_ids, std::vector<std::string>{"camt-b"});
  EXPECT_EQ(Stored()[1].reference, "bonifico fattura");
}

TEST_F(UnmatchedTest, DryRunWritesNothing) {
  ImportReport report = ImportCredits({ACredit("camt-1")}, /*dry_run=*/true);
  EXPECT_TRUE(report.ok());
  EXPECT_FALSE(report.written);
  EXPECT_EQ(report.unmatched.added, 1u);
  EXPECT_TRUE(Stored().empty());
}

TEST_F(UnmatchedTest, BadCreditsRejectTheWholeImport) {
  Ledger ledger;
  ledger.clients = {Client{.id = "bob", .name = "Bob"}};
  UnmatchedCredit zero = ACredit("camt-2", "0.00");
  ImportReport report =
      ImportCredits({ACredit("camt-1"), ACredit("camt-1", "5.00"), zero}, false, ledger);
  EXPECT_FALSE(report.ok());
  EXPECT_FALSE(report.written);
  EXPECT_EQ(report.diagnostics.ErrorCount(), 2u) << report.diagnostics.ToString();
  EXPECT_TRUE(Stored().empty());
  auto clients = store_->Clients();
  ASSERT_TRUE(clients);
  EXPECT_EQ(clients->size(), 1u);  // bob was not written either
}

TEST_F(UnmatchedTest, MatchTurnsTheCreditIntoAPaymentOfTheInvoice) {
  ImportCredits({ACredit("camt-1"), ACredit("camt-2", "5.00")});
  auto payment = store_->Match("camt-1", "2026-001");
  ASSERT_TRUE(payment) << payment.error().message.In(Lang::kEn);
  const Payment expected{.id = "camt-1",
                         .client = "acme",
                         .invoice = "2026-001",
                         .date = D("2026-03-02"),
                         .amount = M("250.00")};
  EXPECT_EQ(*payment, expected);
  auto ledger = store_->Load();
  ASSERT_TRUE(ledger);
  ASSERT_EQ(ledger->payments.size(), 1u);
  EXPECT_EQ(ledger->payments[0], expected);
  std::vector<UnmatchedCredit> left = Stored();
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].id, "camt-2");

  auto again = store_->Match("camt-1", "2026-001");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kNotFound);
}

TEST_F(UnmatchedTest, MatchRefusesUnknownAndVoidInvoicesAndKeepsTheCredit) {
  ImportCredits({ACredit("camt-1")});
  auto unknown_invoice = store_->Match("camt-1", "2026-999");
  ASSERT_FALSE(unknown_invoice);
  EXPECT_EQ(unknown_invoice.error().code, ErrorCode::kNotFound);
  auto unknown_credit = store_->Match("camt-9", "2026-001");
  ASSERT_FALSE(unknown_credit);
  EXPECT_EQ(unknown_credit.error().code, ErrorCode::kNotFound);
  auto void_invoice = store_->Match("camt-1", "2026-002");
  ASSERT_FALSE(void_invoice);
  EXPECT_EQ(void_invoice.error().code, ErrorCode::kConflict);
  EXPECT_EQ(Stored().size(), 1u);
  EXPECT_TRUE(store_->Load()->payments.empty());
}

TEST_F(UnmatchedTest, MatchNeedsAnExchangeRateForAnotherCurrency) {
  UnmatchedCredit dollars = ACredit("ofx-7");
  dollars.amount = M("270.00", "USD");
  ImportCredits({dollars});
  auto payment = store_->Match("ofx-7", "2026-001");
  ASSERT_FALSE(payment);
  EXPECT_EQ(payment.error().code, ErrorCode::kValidation);
  EXPECT_EQ(Stored().size(), 1u);
}

TEST_F(UnmatchedTest, AMatchedCreditIsNotStoredAgainByAReimport) {
  ImportCredits({ACredit("camt-1")});
  ASSERT_TRUE(store_->Match("camt-1", "2026-001"));
  ImportReport report = ImportCredits({ACredit("camt-1")});
  EXPECT_EQ(report.unmatched.added, 0u);
  EXPECT_EQ(report.unmatched.unchanged, 1u);
  EXPECT_TRUE(Stored().empty());
}

TEST_F(UnmatchedTest, AnIncomingPaymentResolvesTheStoredCredit) {
  ImportCredits({ACredit("camt-1"), ACredit("camt-2", "5.00")});
  Ledger ledger;
  ledger.payments = {Payment{.id = "camt-1",
                             .client = "acme",
                             .invoice = "2026-001",
                             .date = D("2026-03-02"),
                             .amount = M("250.00")}};
  ImportReport report = ImportCredits({ACredit("camt-2", "5.00")}, false, ledger);
  ASSERT_TRUE(report.ok()) << report.diagnostics.ToString();
  EXPECT_EQ(report.resolved_unmatched, std::vector<std::string>{"camt-1"});
  std::vector<UnmatchedCredit> left = Stored();
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].id, "camt-2");
}

TEST_F(UnmatchedTest, AStoreOfSchemaVersionOneGainsTheReviewList) {
  store_.reset();
  testing::RewriteAsSchemaNine(path_);
  {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE);
    db.exec("DROP TABLE unmatched_credits");  // version 2
    db.exec("DROP TABLE portfolio");          // version 4
    db.exec("DROP TABLE portfolio_stale");    // version 4
    db.exec("DROP TABLE credit_notes");       // version 5
    db.exec("DROP TABLE kept_extent");        // version 6
    db.exec("DROP TABLE kept_lines");         // version 7
    db.exec("DROP TABLE record_sources");     // version 8
    db.exec("DROP TABLE outbox");             // version 9
    db.exec("ALTER TABLE clients DROP COLUMN billing_email");
    for (const char* column : {"dunning", "smtp", "alerts"}) {
      db.exec(std::string("ALTER TABLE workspace DROP COLUMN ") + column);
    }
    db.exec("ALTER TABLE workspace DROP COLUMN tax_id");
    db.exec("UPDATE schema_version SET version = 1");
  }
  auto reopened = OpenStore(path_, OpenMode::kMustExist);
  ASSERT_TRUE(reopened) << reopened.error().message.In(Lang::kEn);
  store_ = std::move(*reopened);
  EXPECT_EQ(store_->Load()->invoices.size(), 2u);  // the records are still there
  ImportCredits({ACredit("camt-1")});
  EXPECT_EQ(Stored().size(), 1u);
}

}  // namespace
}  // namespace addio
