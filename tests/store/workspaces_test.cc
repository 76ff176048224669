// Many workspaces in one store (DESIGN.md section 10): each reads and writes only its own
// records, settings, kept statistics, outbox and review list, even where ids are the same;
// on SQLite and on PostgreSQL alike.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "gen/generator.h"
#include "store/store.h"
#include "store_kinds.h"

namespace addio {
namespace {

CivilDate D(const char* text) { return *CivilDate::Parse(text); }

using testing::StoreKind;

class WorkspacesTest : public ::testing::TestWithParam<StoreKind> {
 protected:
  void SetUp() override {
    ADDIO_SKIP_WITHOUT_SERVER(GetParam());
    dir_ = testing::FreshTestDir("addio_workspaces_");
    path_ = FreshUrl("store");
    auto created = OpenStore(path_, OpenMode::kCreateIfMissing);
    ASSERT_TRUE(created) << created.error().message.In(Lang::kEn);
  }

  // A new, empty store of this run's kind.
  std::string FreshUrl(const std::string& name) {
    return testing::FreshStoreUrl(GetParam(), dir_, name);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<Store> Open(const std::string& workspace) {
    auto store = OpenStore(path_, OpenMode::kMustExist, workspace);
    EXPECT_TRUE(store) << store.error().message.In(Lang::kEn);
    return store ? std::move(*store) : nullptr;
  }

  // A generated portfolio: clients c000001, c000002, ...
  static Ledger Generated(int clients, uint64_t seed) {
    GeneratorOptions options;
    options.clients = clients;
    options.months = 6;
    options.seed = seed;
    options.end = D("2026-06-30");
    auto ledger = GenerateLedger(options);
    EXPECT_TRUE(ledger);
    return ledger ? std::move(*ledger) : Ledger{};
  }

  static void MustImport(Store& store, const Ledger& ledger) {
    auto report = store.Import(ledger, LedgerSource{}, /*dry_run=*/false);
    ASSERT_TRUE(report);
    ASSERT_TRUE(report->ok()) << report->diagnostics.ToString();
  }

  std::filesystem::path dir_;
  std::string path_;
};

TEST_P(WorkspacesTest, ANewStoreHasTheDefaultWorkspaceAlone) {
  auto listed = ListWorkspaces(path_);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].id, kDefaultWorkspace);
  EXPECT_EQ((*listed)[0].clients, 0u);
  EXPECT_TRUE(Open(""));
  EXPECT_TRUE(Open(kDefaultWorkspace));
}

TEST_P(WorkspacesTest, IdsAreCheckedAndUnique) {
  for (const char* bad :
       {"", "Acme", "-acme", "acme studio", "àcme", "a2345678901234567890123456789012345678901"}) {
    auto added = AddWorkspace(path_, bad, "");
    ASSERT_FALSE(added) << bad;
    EXPECT_EQ(added.error().code, ErrorCode::kInvalidArgument) << bad;
  }
  ASSERT_TRUE(AddWorkspace(path_, "acme-2_b", ""));
  auto again = AddWorkspace(path_, "acme-2_b", "Other");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  auto listed = ListWorkspaces(path_);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].id, "acme-2_b");
  EXPECT_EQ((*listed)[0].name, "acme-2_b");  // no name given: the id
}

TEST_P(WorkspacesTest, OpeningNamesTheWorkspaceOnceThereAreSeveral) {
  ASSERT_TRUE(AddWorkspace(path_, "acme", "Acme Agency"));
  auto unnamed = OpenStore(path_, OpenMode::kMustExist, "");
  ASSERT_FALSE(unnamed);
  EXPECT_EQ(unnamed.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(unnamed.error().message.In(Lang::kEn).find("acme, default"), std::string::npos);
  auto unknown = OpenStore(path_, OpenMode::kMustExist, "nope");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  EXPECT_NE(unknown.error().message.In(Lang::kIt).find("acme, default"), std::string::npos);
}

TEST_P(WorkspacesTest, RenamingKeepsTheIdAndTheRecords) {
  auto store = Open("");
  MustImport(*store, Generated(3, 1));
  ASSERT_TRUE(RenameWorkspace(path_, kDefaultWorkspace, "Studio Rossi"));
  auto listed = ListWorkspaces(path_);
  ASSERT_TRUE(listed);
  EXPECT_EQ((*listed)[0].name, "Studio Rossi");
  EXPECT_EQ((*listed)[0].clients, 3u);
  EXPECT_EQ(RenameWorkspace(path_, "nope", "x").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(RenameWorkspace(path_, kDefaultWorkspace, "").error().code,
            ErrorCode::kInvalidArgument);
}

// Two portfolios whose client ids are the same (c000001, ...) but whose records differ.
TEST_P(WorkspacesTest, EachWorkspaceSeesOnlyItsOwnRecords) {
  ASSERT_TRUE(AddWorkspace(path_, "other", ""));
  const Ledger mine = Generated(6, 11);
  const Ledger theirs = Generated(4, 12);
  ASSERT_EQ(mine.clients[0].id, theirs.clients[0].id);
  auto a = Open(kDefaultWorkspace);
  auto b = Open("other");
  MustImport(*a, mine);
  MustImport(*b, theirs);

  EXPECT_EQ(*a->Load(), mine);
  EXPECT_EQ(*b->Load(), theirs);
  EXPECT_EQ(a->Clients()->size(), 6u);
  EXPECT_EQ(b->Clients()->size(), 4u);
  const std::string& shared = mine.clients[0].id;
  EXPECT_NE((*a->LoadClient(shared))->invoices, (*b->LoadClient(shared))->invoices);
  EXPECT_EQ(*b->LoadClient(mine.clients[5].id), std::nullopt);
  EXPECT_EQ(a->Extent()->clients, 6u);
  EXPECT_EQ(b->Extent()->clients, 4u);
  size_t a_invoices = 0;
  const std::vector<TypeCoverage> coverage = *a->Coverage();
  for (const TypeCoverage& type : coverage) {
    if (type.type == "invoice") a_invoices = type.records;
  }
  EXPECT_EQ(a_invoices, mine.invoices.size());

  // A batch read walks only its own workspace's clients.
  std::vector<ClientLedger> walked;
  ASSERT_TRUE(b->ForEachClient([&](ClientLedger&& client) {
    walked.push_back(std::move(client));
    return Status{};
  }));
  ASSERT_EQ(walked.size(), 4u);
  for (const ClientLedger& client : walked) {
    EXPECT_EQ(client.invoices, (*b->LoadClient(client.client.id))->invoices);
  }

  // Re-importing one's records into the other changes nothing of the first.
  MustImport(*b, mine);
  EXPECT_EQ(*a->Load(), mine);
  auto listed = ListWorkspaces(path_);
  ASSERT_TRUE(listed);
  EXPECT_EQ((*listed)[0].clients, 6u);  // default
  EXPECT_EQ((*listed)[1].clients, 6u);  // other: its 4 and 2 more of mine
}

TEST_P(WorkspacesTest, SettingsOutboxAndReviewListAreEachWorkspaces) {
  ASSERT_TRUE(AddWorkspace(path_, "other", ""));
  auto a = Open(kDefaultWorkspace);
  auto b = Open("other");
  ASSERT_TRUE(a->SetSetting("grace_days", 9));
  EXPECT_EQ(a->Settings()->at("grace_days"), 9);
  EXPECT_TRUE(b->Settings()->empty());

  ASSERT_TRUE(*a->ClaimOutbox({"dunning:inv-1:reminder"}, Instant::FromUnixSeconds(1), "to a"));
  EXPECT_TRUE(b->Outbox("")->empty());
  // The same key is free in the other workspace: its invoice inv-1 is another invoice.
  EXPECT_TRUE(*b->ClaimOutbox({"dunning:inv-1:reminder"}, Instant::FromUnixSeconds(2), "to b"));
  EXPECT_EQ(b->ReleaseOutbox({"dunning:inv-1:reminder"}).has_value(), true);
  EXPECT_EQ(a->Outbox("")->size(), 1u);

  const Ledger mine = Generated(2, 5);
  MustImport(*a, mine);
  UnmatchedCredit credit{.id = "camt-1",
                         .date = D("2026-05-02"),
                         .amount = *Money::Parse("10.00", *Currency::Find("EUR")),
                         .payer = "Someone"};
  auto report = a->Import(Ledger{}, LedgerSource{}, {credit}, /*dry_run=*/false);
  ASSERT_TRUE(report && report->ok());
  EXPECT_EQ(a->Unmatched()->size(), 1u);
  EXPECT_TRUE(b->Unmatched()->empty());
  auto matched = b->Match("camt-1", mine.invoices[0].id);
  ASSERT_FALSE(matched);
  EXPECT_EQ(matched.error().code, ErrorCode::kNotFound);
}

TEST_P(WorkspacesTest, KeptStatisticsAndLinesAreEachWorkspaces) {
  ASSERT_TRUE(AddWorkspace(path_, "other", ""));
  auto a = Open(kDefaultWorkspace);
  auto b = Open("other");
  const Ledger mine = Generated(3, 21);
  MustImport(*a, mine);
  MustImport(*b, mine);
  const CivilDate as_of = D("2026-06-30");

  const RatesTable table =
      RatesTable::Make({{.client = "c000001", .hours = 2, .rate_minor = 5000}}, {0}, {120});
  auto kept_b = b->LoadRates(as_of);
  ASSERT_TRUE(kept_b);
  ASSERT_TRUE(b->SaveRates(as_of, table, kept_b->seen));
  auto lines_b = b->LoadLines(as_of);
  ASSERT_TRUE(lines_b);
  ASSERT_TRUE(*b->SaveLines(as_of, {{"c000001", "line of b"}}, lines_b->seen));

  // An import into the first workspace leaves the second's statistics and lines current.
  Ledger changed = mine;
  changed.clients[0].name += " (renamed)";
  MustImport(*a, changed);
  auto after = b->LoadRates(as_of);
  ASSERT_TRUE(after && after->table);
  EXPECT_TRUE(after->stale.empty());
  EXPECT_EQ(after->table->bytes(), table.bytes());
  EXPECT_EQ(b->LoadLines(as_of)->lines[0], "line of b");
  EXPECT_FALSE(a->LoadRates(as_of)->table);
  EXPECT_EQ(a->LoadLines(as_of)->lines[0], "");

  // And an import into the second marks its own client stale.
  changed = mine;
  changed.clients[0].name += " (b)";
  MustImport(*b, changed);
  after = b->LoadRates(as_of);
  ASSERT_TRUE(after && after->table);
  EXPECT_EQ(after->stale, std::vector<std::string>{"c000001"});
  EXPECT_EQ(b->LoadLines(as_of)->lines[0], "");
}

// Moving a workspace to another store is its records out of one and into the other; into
// an empty workspace of a store that holds another, a large one goes in as a bulk load
// that leaves the other workspace and the indexes as they were.
TEST_P(WorkspacesTest, AWorkspaceMovesToAnotherStoreWhole) {
  auto a = Open("");
  const Ledger mine = Generated(260, 31);
  ASSERT_GE(mine.records(), 10000u);  // a bulk load (sqlite_store.cc kBulkLoadRecords)
  MustImport(*a, mine);
  const std::string other_path = FreshUrl("other");
  ASSERT_TRUE(OpenStore(other_path, OpenMode::kCreateIfMissing));
  const Ledger resident = Generated(3, 32);
  MustImport(**OpenStore(other_path, OpenMode::kMustExist), resident);
  ASSERT_TRUE(AddWorkspace(other_path, "moved", "Moved"));
  auto moved = OpenStore(other_path, OpenMode::kMustExist, "moved");
  ASSERT_TRUE(moved);
  MustImport(**moved, *a->Load());
  EXPECT_EQ(*(*moved)->Load(), mine);
  auto again = (*moved)->Import(*a->Load(), LedgerSource{}, /*dry_run=*/false);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->added() + again->updated(), 0u);  // re-importing changes nothing
  auto stayed = OpenStore(other_path, OpenMode::kMustExist, kDefaultWorkspace);
  ASSERT_TRUE(stayed);
  EXPECT_EQ(*(*stayed)->Load(), resident);
  EXPECT_EQ((*(*stayed)->LoadClient(resident.clients[0].id))->client, resident.clients[0]);
}

INSTANTIATE_TEST_SUITE_P(Stores, WorkspacesTest,
                         ::testing::Values(StoreKind::kSqlite, StoreKind::kPostgres),
                         testing::KindName);

}  // namespace
}  // namespace addio
