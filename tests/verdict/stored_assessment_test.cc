// One client's assessment from the store (its records and the portfolio statistics the
// store keeps) is the one the whole ledger gives, also after an import changed another
// client's rate, and after a workspace change.
#include "verdict/stored_assessment.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>
#include <string>

#include "generated_store.h"
#include "report/report.h"
#include "store/store.h"

namespace addio {
namespace {

const CivilDate kAsOf = *CivilDate::Parse("2026-10-31");

class StoredAssessmentTest : public GeneratedStoreTest {
 protected:
  // The JSON of `id`'s assessment from the whole ledger and from the kept statistics.
  std::string FromWholeLedger(const std::string& id) {
    auto assessment = Assess(*store_->Load(), kAsOf, id);
    EXPECT_TRUE(assessment);
    return assessment ? RenderAssessment(*assessment, {.format = Format::kJson}) : "";
  }
  std::string FromStore(const std::string& id) {
    auto assessment = AssessStoredClient(*store_, id, kAsOf);
    EXPECT_TRUE(assessment) << assessment.error().message.In(Lang::kEn);
    return assessment ? RenderAssessment(*assessment, {.format = Format::kJson}) : "";
  }
  // Whether `id`'s entry is kept for kAsOf and up to date (not stale).
  bool Kept(const std::string& id) {
    const KeptRates kept = *store_->LoadRates(kAsOf);
    if (!kept.table || std::ranges::find(kept.stale, id) != kept.stale.end()) return false;
    return kept.table->Find(id).has_value();
  }
  bool AnyKept(CivilDate as_of) { return store_->LoadRates(as_of)->table.has_value(); }
};

TEST_F(StoredAssessmentTest, EveryClientIsAssessedAsTheWholeLedgerAssessesIt) {
  EXPECT_FALSE(AnyKept(kAsOf));
  const std::vector<Client> clients = *store_->Clients();
  for (const Client& client : clients) {
    EXPECT_EQ(FromStore(client.id), FromWholeLedger(client.id)) << client.id;
  }
  EXPECT_EQ(store_->LoadRates(kAsOf)->table->size(), clients.size());
}

TEST_F(StoredAssessmentTest, AnImportDropsTheStatisticsOfTheClientsItWrote) {
  const std::vector<Client> clients = *store_->Clients();
  const std::string busy = clients[3].id, other = clients[7].id;
  FromStore(other);  // keeps every client's entry
  ASSERT_TRUE(Kept(busy));

  // A large invoice raises the busy client's effective rate, and so moves the median the
  // others are compared with.
  Ledger more;
  more.invoices = {Invoice{.id = "big-invoice",
                           .client = busy,
                           .issued = *CivilDate::Parse("2026-09-01"),
                           .due = *CivilDate::Parse("2026-10-01"),
                           .amount = Money(9'000'000, *Currency::Find("EUR"))}};
  Import(more);
  EXPECT_FALSE(Kept(busy));
  EXPECT_TRUE(Kept(other));
  // The busy client's own reference leaves its entry out: it stays stale.
  EXPECT_EQ(FromStore(busy), FromWholeLedger(busy));
  EXPECT_FALSE(Kept(busy));
  // Any other client's reference needs it: measured again and kept.
  EXPECT_EQ(FromStore(other), FromWholeLedger(other));
  EXPECT_TRUE(Kept(busy));
}

TEST_F(StoredAssessmentTest, AClientAddedAfterTheStatisticsWereKeptCountsForTheOthers) {
  const std::vector<Client> clients = *store_->Clients();
  const std::string other = clients[5].id;
  FromStore(other);
  Ledger more;
  more.clients = {Client{.id = "newcomer", .name = "Newcomer"}};
  for (int day = 0; day < 5; ++day) {  // 40 hours from Wednesday 2 September 2026, 08:00 UTC
    more.work.push_back(WorkEntry{.id = "newcomer-work-" + std::to_string(day),
                                  .client = "newcomer",
                                  .start = Instant::FromUnixSeconds(1788336000 + day * 86400),
                                  .minutes = 8 * 60});
  }
  more.invoices = {Invoice{.id = "newcomer-invoice",
                           .client = "newcomer",
                           .issued = *CivilDate::Parse("2026-09-30"),
                           .due = *CivilDate::Parse("2026-10-30"),
                           .amount = Money(40 * 500'00, *Currency::Find("EUR"))}};
  Import(more);
  EXPECT_EQ(FromStore("newcomer"), FromWholeLedger("newcomer"));
  EXPECT_EQ(FromStore(other), FromWholeLedger(other));
  EXPECT_TRUE(Kept("newcomer"));
}

// A read measures the stale clients between reading the kept statistics and saving them
// again; a client written meanwhile (another process importing) must stay stale, and a
// workspace change meanwhile must leave nothing current.
TEST_F(StoredAssessmentTest, WritesNotedWhileMeasuringAreNotForgotten) {
  const std::vector<Client> clients = *store_->Clients();
  FromStore(clients[0].id);
  const KeptRates read = *store_->LoadRates(kAsOf);
  ASSERT_TRUE(read.table);
  Ledger more;
  more.payments = {Payment{.id = "late-arrival",
                           .client = clients[2].id,
                           .date = *CivilDate::Parse("2026-10-20"),
                           .amount = Money(1000, *Currency::Find("EUR"))}};
  Import(more);
  ASSERT_TRUE(store_->SaveRates(kAsOf, *read.table, read.seen));
  EXPECT_FALSE(Kept(clients[2].id));
  EXPECT_TRUE(Kept(clients[1].id));
  EXPECT_EQ(FromStore(clients[1].id), FromWholeLedger(clients[1].id));

  const KeptRates again = *store_->LoadRates(kAsOf);
  ASSERT_TRUE(store_->SetSetting("underpaying.min_hours", 3));
  ASSERT_TRUE(store_->SaveRates(kAsOf, *again.table, again.seen));
  EXPECT_FALSE(AnyKept(kAsOf));
  EXPECT_EQ(FromStore(clients[1].id), FromWholeLedger(clients[1].id));
}

// One client's assessment reads the kept table in place, the entries its lookups need.
// When those turn out not to be a table (the header and the size right, a rank pointing
// nowhere), the table is read whole, refused, and the statistics measured again.
TEST_F(StoredAssessmentTest, AKeptTableWhoseLookupsFailIsMeasuredAgain) {
  const std::vector<Client> clients = *store_->Clients();
  const std::string expected = FromWholeLedger(clients[5].id);
  EXPECT_EQ(FromStore(clients[5].id), expected);
  ASSERT_TRUE(Kept(clients[5].id));
  {
    SQLite::Database db((dir_ / "addio.db").string(), SQLite::OPEN_READWRITE);
    SQLite::Statement read(db, "SELECT entries FROM portfolio");
    ASSERT_TRUE(read.executeStep());
    const SQLite::Column column = read.getColumn(0);
    std::string bytes(static_cast<const char*>(column.getBlob()),
                      static_cast<size_t>(column.getBytes()));
    read.reset();
    uint32_t count = 0, ranked = 0;
    std::memcpy(&count, bytes.data() + 4, sizeof count);
    const size_t ranked_at = 8 + size_t{count} * 24;
    std::memcpy(&ranked, bytes.data() + ranked_at, sizeof ranked);
    ASSERT_GT(ranked, 0u);
    const uint32_t nowhere = 0xFFFFFFF0;
    for (size_t rank = 0; rank < ranked; ++rank) {  // every rank's entry
      std::memcpy(bytes.data() + ranked_at + 4 + rank * 12, &nowhere, sizeof nowhere);
    }
    SQLite::Statement write(db, "UPDATE portfolio SET entries = ?");
    write.bind(1, bytes.data(), static_cast<int>(bytes.size()));
    ASSERT_EQ(write.exec(), 1);
  }
  ASSERT_FALSE(store_->LoadRates(kAsOf)->table);  // read whole, it is refused
  EXPECT_EQ(FromStore(clients[5].id), expected);
  EXPECT_TRUE(Kept(clients[5].id));  // measured again and kept
}

TEST_F(StoredAssessmentTest, ASettingChangeDropsEveryEntry) {
  const std::string id = store_->Clients()->front().id;
  FromStore(id);
  ASSERT_TRUE(AnyKept(kAsOf));
  ASSERT_TRUE(store_->SetSetting("underpaying.min_hours", 2));
  EXPECT_FALSE(AnyKept(kAsOf));
  EXPECT_EQ(FromStore(id), FromWholeLedger(id));
}

TEST_F(StoredAssessmentTest, OneDateIsKeptAtATime) {
  const std::string id = store_->Clients()->front().id;
  FromStore(id);
  const CivilDate earlier = *CivilDate::Parse("2026-06-30");
  auto assessment = AssessStoredClient(*store_, id, earlier);
  ASSERT_TRUE(assessment);
  EXPECT_EQ(RenderAssessment(*assessment, {.format = Format::kJson}),
            RenderAssessment(*Assess(*store_->Load(), earlier, id), {.format = Format::kJson}));
  EXPECT_FALSE(AnyKept(kAsOf));
  EXPECT_TRUE(AnyKept(earlier));
}

TEST_F(StoredAssessmentTest, AnUnknownClientIsNotFound) {
  auto assessment = AssessStoredClient(*store_, "nobody", kAsOf);
  ASSERT_FALSE(assessment);
  EXPECT_EQ(assessment.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace addio
