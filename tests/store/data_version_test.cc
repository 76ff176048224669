// Store::DataVersion: it moves when another connection commits a change (in this process
// or another one), and not for reads, dry runs, imports that change nothing or this
// connection's own commits; on SQLite and on PostgreSQL.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "gen/demo.h"
#include "store/store.h"
#include "store_kinds.h"

namespace addio {
namespace {

namespace fs = std::filesystem;

using testing::StoreKind;

class DataVersionTest : public ::testing::TestWithParam<StoreKind> {
 protected:
  void SetUp() override {
    ADDIO_SKIP_WITHOUT_SERVER(GetParam());
    std::string pattern = (fs::temp_directory_path() / "addio-dv-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    path_ = testing::FreshStoreUrl(GetParam(), dir_, "addio");
    auto watcher = OpenStore(path_, OpenMode::kCreateIfMissing);
    ASSERT_TRUE(watcher);
    watcher_ = std::move(*watcher);
    auto writer = OpenStore(path_, OpenMode::kMustExist);
    ASSERT_TRUE(writer);
    writer_ = std::move(*writer);
  }
  void TearDown() override {
    watcher_.reset();
    writer_.reset();
    fs::remove_all(dir_);
  }

  int64_t Version() {
    auto version = watcher_->DataVersion();
    EXPECT_TRUE(version);
    return version ? *version : -1;
  }

  fs::path dir_;
  std::string path_;
  std::unique_ptr<Store> watcher_;
  std::unique_ptr<Store> writer_;
};

TEST_P(DataVersionTest, StaysWithoutCommits) {
  const int64_t first = Version();
  EXPECT_EQ(Version(), first);
  ASSERT_TRUE(writer_->Load());
  ASSERT_TRUE(watcher_->Load());
  EXPECT_EQ(Version(), first);
}

TEST_P(DataVersionTest, MovesWhenAnotherConnectionCommits) {
  const int64_t first = Version();
  auto report = writer_->Import(DemoLedger(), LedgerSource{}, /*dry_run=*/false);
  ASSERT_TRUE(report && report->written);
  const int64_t second = Version();
  EXPECT_NE(second, first);
  ASSERT_TRUE(writer_->SetSetting("grace_days", 9));
  EXPECT_NE(Version(), second);
}

TEST_P(DataVersionTest, ADryRunIsNoCommit) {
  const int64_t first = Version();
  ASSERT_TRUE(writer_->Import(DemoLedger(), LedgerSource{}, /*dry_run=*/true));
  EXPECT_EQ(Version(), first);
}

TEST_P(DataVersionTest, AnImportThatChangesNothingIsNoNewVersion) {
  ASSERT_TRUE(writer_->Import(DemoLedger(), LedgerSource{}, /*dry_run=*/false));
  const int64_t first = Version();
  auto again = writer_->Import(DemoLedger(), LedgerSource{}, /*dry_run=*/false);
  ASSERT_TRUE(again && again->written);
  EXPECT_EQ(again->added() + again->updated(), 0u);
  EXPECT_EQ(Version(), first);
}

TEST_P(DataVersionTest, OwnCommitsDoNotMoveIt) {
  const int64_t first = Version();
  ASSERT_TRUE(watcher_->SetSetting("grace_days", 9));
  EXPECT_EQ(Version(), first);
}

INSTANTIATE_TEST_SUITE_P(Stores, DataVersionTest,
                         ::testing::Values(StoreKind::kSqlite, StoreKind::kPostgres),
                         testing::KindName);

}  // namespace
}  // namespace addio
