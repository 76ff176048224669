// The rows the store writes for each record type: Bind and Read follow the ledger's field
// visitor, and what they write must stay byte for byte what earlier versions wrote (an
// existing database reads back identically), column for column in kTableOf's order.
#include "store/rows.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <string>

#include "store/schema.h"
#include "store/sqlite_db.h"

namespace addio::store_internal {
namespace {

Currency Ccy(const char* code) { return *Currency::Find(code); }
Money M(const char* amount, const char* code = "EUR") { return *Money::Parse(amount, Ccy(code)); }
CivilDate D(const char* text) { return *CivilDate::Parse(text); }
Instant At(int64_t seconds) { return Instant::FromUnixSeconds(seconds); }

class SqliteRowsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Migrate(db_.sqlite(), ":memory:"));
    db_.Exec("PRAGMA foreign_keys = OFF");  // rows are checked one table at a time
  }

  // Writes `record` as the store does and returns its row as SQLite's quote() of each
  // column, joined with '|': the stored bytes.
  template <typename T>
  std::string Write(const T& record) {
    const TableInfo& table = kTableOf<T>;
    SqlQuery insert(db_, UpsertSql(table.name, table.columns));
    Binder binder(insert, 1);  // the workspace every new store has
    Bind(binder, record);
    insert.exec();
    std::string quoted;
    for (const char* c = table.columns; *c != '\0'; ++c) {
      quoted += *c == ',' ? std::string(") || '|' || quote(") : std::string(1, *c);
    }
    SqlQuery select(
        db_, "SELECT quote(" + quoted + ") FROM " + table.name + " WHERE id = '" + record.id + "'");
    EXPECT_TRUE(select.executeStep());
    return select.getColumn(0).getString();
  }

  // Reads back the row of `id` as the store does.
  template <typename T>
  T ReadBack(const std::string& id) {
    const TableInfo& table = kTableOf<T>;
    SqlQuery select(db_, std::string("SELECT ") + table.columns + " FROM " + table.name +
                             " WHERE id = '" + id + "'");
    EXPECT_TRUE(select.executeStep());
    RowReader reader(select, table.name);
    T record;
    Read(reader, record);
    return record;
  }

  template <typename T>
  void ExpectStored(const T& record, const std::string& bytes) {
    EXPECT_EQ(Write(record), bytes);
    EXPECT_EQ(ReadBack<T>(record.id), record);
  }

  SqliteDb db_{
      std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE)};
};

TEST_F(SqliteRowsTest, ClientKeepsEmptyTextAsEmptyAndNoIntakeAsNull) {
  ExpectStored(Client{.id = "c1", .name = "Acme"},
               "'c1'|'Acme'|'company'|''|NULL|''|'[]'|''|'[]'|NULL");
  ExpectStored(Client{.id = "c2",
                      .name = "Bea",
                      .kind = ClientKind::kIndividual,
                      .country = "IT",
                      .since = D("2024-05-06"),
                      .tax_id = "IT01234567890",
                      .emails = {"a@b.example", "c@d.example"},
                      .billing_email = "pay@b.example",
                      .domains = {"b.example"},
                      .intake = R"({"budget":"yes"})"},
               "'c2'|'Bea'|'individual'|'IT'|'2024-05-06'|'IT01234567890'|"
               "'[\"a@b.example\",\"c@d.example\"]'|'pay@b.example'|'[\"b.example\"]'|"
               "'{\"budget\":\"yes\"}'");
}

TEST_F(SqliteRowsTest, ContractAndProjectStoreAbsentValuesAsNull) {
  ExpectStored(Contract{.id = "k1", .client = "c1"},
               "'k1'|'c1'|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL");
  ExpectStored(Contract{.id = "k2",
                        .client = "c1",
                        .sent = D("2026-01-02"),
                        .signed_on = D("2026-01-03"),
                        .refused = D("2026-01-04"),
                        .start = D("2026-01-05"),
                        .end = D("2026-12-31"),
                        .payment_terms_days = 30,
                        .hourly_rate = M("60.50", "USD")},
               "'k2'|'c1'|'2026-01-02'|'2026-01-03'|'2026-01-04'|'2026-01-05'|'2026-12-31'|30|"
               "6050|'USD'");
  ExpectStored(Project{.id = "p1", .client = "c1", .name = "Site"},
               "'p1'|'c1'|NULL|'Site'|'fixed'|NULL|NULL|NULL|NULL|NULL");
  ExpectStored(Project{.id = "p2",
                       .client = "c1",
                       .contract = "k2",
                       .name = "App",
                       .pricing = Pricing::kHourly,
                       .budget_hours = 12.5,
                       .fee = M("1000.00"),
                       .start = D("2026-02-01"),
                       .end = D("2026-03-01")},
               "'p2'|'c1'|'k2'|'App'|'hourly'|12.5|100000|'EUR'|'2026-02-01'|'2026-03-01'");
}

TEST_F(SqliteRowsTest, EmptyReferencesAreNullAndInstantsUnixSeconds) {
  ExpectStored(Request{.id = "r1", .client = "c1", .at = At(1767225600), .summary = "More"},
               "'r1'|'c1'|NULL|1767225600|'More'|1|NULL|'none'|NULL");
  ExpectStored(Request{.id = "r2",
                       .client = "c1",
                       .project = "p2",
                       .at = At(1767225600),
                       .summary = "Extra page",
                       .in_scope = false,
                       .estimate_hours = 3.0,
                       .change_order = ChangeOrder::kAccepted,
                       .deadline = At(1767312000)},
               "'r2'|'c1'|'p2'|1767225600|'Extra page'|0|3.0|'accepted'|1767312000");
  ExpectStored(WorkEntry{.id = "w1", .client = "c1", .start = At(1767258000), .minutes = 90},
               "'w1'|'c1'|NULL|NULL|1767258000|90|1|''");
  ExpectStored(WorkEntry{.id = "w2",
                         .client = "c1",
                         .project = "p2",
                         .request = "r2",
                         .start = At(1767258000),
                         .minutes = 15,
                         .billable = false,
                         .note = "call"},
               "'w2'|'c1'|'p2'|'r2'|1767258000|15|0|'call'");
  ExpectStored(Contact{.id = "t1",
                       .client = "c1",
                       .at = At(1767258000),
                       .channel = Channel::kCall,
                       .direction = Direction::kOutbound,
                       .minutes = 20,
                       .urgent = true,
                       .logged = true},
               "'t1'|'c1'|1767258000|'call'|'outbound'|20|1|1");
}

TEST_F(SqliteRowsTest, MoneyIsMinorUnitsBesideItsCurrency) {
  ExpectStored(Invoice{.id = "2026-001",
                       .client = "c1",
                       .issued = D("2026-01-10"),
                       .due = D("2026-02-09"),
                       .amount = M("1220.00"),
                       .status = InvoiceStatus::kWrittenOff,
                       .disputed = true},
               "'2026-001'|'c1'|'2026-01-10'|'2026-02-09'|122000|'EUR'|'written_off'|1");
  ExpectStored(
      Payment{.id = "pay1", .client = "c1", .date = D("2026-02-01"), .amount = M("5", "JPY")},
      "'pay1'|'c1'|NULL|'2026-02-01'|5|'JPY'");
  ExpectStored(Payment{.id = "pay2",
                       .client = "c1",
                       .invoice = "2026-001",
                       .date = D("2026-02-01"),
                       .amount = M("1.234", "BHD")},
               "'pay2'|'c1'|'2026-001'|'2026-02-01'|1234|'BHD'");
  ExpectStored(RateChange{.id = "rc1", .client = "c1", .at = D("2026-03-01")},
               "'rc1'|'c1'|'2026-03-01'|NULL|NULL|NULL|NULL|'pending'|NULL|NULL");
  ExpectStored(RateChange{.id = "rc2",
                          .client = "c1",
                          .at = D("2026-03-01"),
                          .from = M("50.00"),
                          .to = M("60.00"),
                          .outcome = RateOutcome::kCountered,
                          .agreed = M("55.00")},
               "'rc2'|'c1'|'2026-03-01'|5000|'EUR'|6000|'EUR'|'countered'|5500|'EUR'");
  ExpectStored(UnmatchedCredit{.id = "u1",
                               .date = D("2026-04-01"),
                               .amount = M("10.00"),
                               .payer = "ACME SRL",
                               .reference = "INV 7",
                               .source = "bank.xml"},
               "'u1'|'2026-04-01'|1000|'EUR'|'ACME SRL'|'INV 7'|'bank.xml'");
}

TEST_F(SqliteRowsTest, AnUnknownStoredEnumIsADamagedRowNamingTheColumn) {
  Write(Invoice{.id = "i1",
                .client = "c1",
                .issued = D("2026-01-10"),
                .due = D("2026-02-09"),
                .amount = M("1.00")});
  db_.Exec("UPDATE invoices SET status = 'lost' WHERE id = 'i1'");
  try {
    ReadBack<Invoice>("i1");
    FAIL() << "no DamagedRow";
  } catch (const DamagedRow& e) {
    EXPECT_EQ(std::string(e.what()),
              "table invoices, row i1, column status: unknown value \"lost\"");
  }
}

}  // namespace
}  // namespace addio::store_internal
