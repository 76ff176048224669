// Store::SaveWorkspace on the SQLite store: replaces the workspace, keeps the records,
// refuses an invalid workspace without writing anything.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "store/store.h"

namespace addio {
namespace {

namespace fs = std::filesystem;

CivilDate D(const char* text) { return *CivilDate::Parse(text); }
Money M(const char* amount) { return *Money::Parse(amount, *Currency::Find("EUR")); }

class SaveWorkspaceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() /
             ("addio-save-workspace-" + std::to_string(getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    fs::remove(path_);
    auto store = OpenStore(path_, OpenMode::kCreateIfMissing);
    ASSERT_TRUE(store.has_value()) << store.error().message.In(Lang::kEn);
    store_ = std::move(*store);
  }
  void TearDown() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path_ + suffix);
  }

  Ledger OneClient() {
    Ledger ledger;
    ledger.workspace.name = "Studio";
    ledger.clients = {Client{.id = "acme", .name = "ACME"}};
    ledger.invoices = {Invoice{.id = "i1",
                               .client = "acme",
                               .issued = D("2026-01-10"),
                               .due = D("2026-02-09"),
                               .amount = M("100.00")}};
    return ledger;
  }

  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(SaveWorkspaceTest, ReplacesTheWorkspaceAndKeepsTheRecords) {
  ASSERT_TRUE(store_->Import(OneClient(), LedgerSource{}, false).has_value());
  Workspace w = *store_->LoadWorkspace();
  w.working_hours[0] = {{8 * 60, 12 * 60}};
  w.holidays = {D("2026-12-24"), D("2026-12-25")};
  w.target_hourly_rate = M("75.00");
  w.settings = {{"grace_days", 7}};
  ASSERT_TRUE(store_->SaveWorkspace(w).has_value());

  EXPECT_EQ(*store_->LoadWorkspace(), w);
  const Ledger stored = *store_->Load();
  EXPECT_EQ(stored.clients.size(), 1u);
  EXPECT_EQ(stored.invoices.size(), 1u);
  // Survives reopening the file.
  store_.reset();
  auto reopened = OpenStore(path_, OpenMode::kMustExist);
  ASSERT_TRUE(reopened.has_value());
  EXPECT_EQ(*(*reopened)->LoadWorkspace(), w);
}

TEST_F(SaveWorkspaceTest, RemovesSettingsAndTheTargetRate) {
  Workspace w;
  w.name = "Studio";
  w.target_hourly_rate = M("60.00");
  w.settings = {{"grace_days", 7}, {"window_days", 180}};
  ASSERT_TRUE(store_->SaveWorkspace(w).has_value());
  w.settings.erase("grace_days");
  w.target_hourly_rate.reset();
  ASSERT_TRUE(store_->SaveWorkspace(w).has_value());
  const Workspace stored = *store_->LoadWorkspace();
  EXPECT_EQ(stored.settings, (std::map<std::string, double>{{"window_days", 180}}));
  EXPECT_FALSE(stored.target_hourly_rate.has_value());
}

TEST_F(SaveWorkspaceTest, StoresTheDefaultWorkspaceToo) {
  Workspace w;
  w.settings = {{"grace_days", 7}};
  ASSERT_TRUE(store_->SaveWorkspace(w).has_value());
  // Unlike Import, an empty workspace is not "keep what is stored".
  ASSERT_TRUE(store_->SaveWorkspace(Workspace{}).has_value());
  EXPECT_EQ(*store_->LoadWorkspace(), Workspace{});
}

TEST_F(SaveWorkspaceTest, RejectsAnInvalidWorkspaceAndWritesNothing) {
  Workspace good;
  good.name = "Studio";
  ASSERT_TRUE(store_->SaveWorkspace(good).has_value());

  Workspace bad = good;
  bad.timezone = "Mars/Olympus";
  bad.working_hours[1] = {{14 * 60, 18 * 60}, {9 * 60, 15 * 60}};  // overlapping
  auto saved = store_->SaveWorkspace(bad);
  ASSERT_FALSE(saved.has_value());
  EXPECT_EQ(saved.error().code, ErrorCode::kValidation);
  EXPECT_NE(saved.error().message.In(Lang::kEn).find("timezone"), std::string::npos);
  EXPECT_NE(saved.error().message.In(Lang::kEn).find("working_hours"), std::string::npos);
  EXPECT_EQ(*store_->LoadWorkspace(), good);
}

}  // namespace
}  // namespace addio

namespace addio {
namespace {

TEST_F(SaveWorkspaceTest, KeepsTheDunningLaddersTheMailServerAndTheAlertDelivery) {
  Ledger ledger = OneClient();
  ledger.clients[0].billing_email = "pay@acme.example";
  ASSERT_TRUE(store_->Import(ledger, LedgerSource{}, false).has_value());
  Workspace w = *store_->LoadWorkspace();
  w.dunning["slow_payer"] = {{1, DunningAction::kReminder, DunningChannel::kEmail},
                             {20, DunningAction::kFormalNotice, DunningChannel::kManual}};
  w.smtp = {.host = "smtp.example",
            .port = 2525,
            .security = MailSecurity::kTls,
            .user = "me",
            .password_env = "SMTP_PASSWORD",
            .from = "Me <me@example.com>"};
  w.alerts = {.webhook = "https://hooks.example/addio", .secret_env = "HOOK_KEY"};
  ASSERT_TRUE(store_->SaveWorkspace(w).has_value());
  EXPECT_EQ(*store_->LoadWorkspace(), w);
  auto client = store_->LoadClient("acme");
  ASSERT_TRUE(client.has_value() && client->has_value());
  EXPECT_EQ((*client)->client.billing_email, "pay@acme.example");
}

TEST_F(SaveWorkspaceTest, RefusesLaddersOutOfOrderAndAMailServerWithoutSender) {
  Workspace w;
  w.dunning["default"] = {{10, DunningAction::kReminder, DunningChannel::kEmail},
                          {5, DunningAction::kFormalNotice, DunningChannel::kEmail}};
  EXPECT_FALSE(store_->SaveWorkspace(w).has_value());
  w.dunning.clear();
  w.smtp.host = "smtp.example";
  auto saved = store_->SaveWorkspace(w);
  ASSERT_FALSE(saved.has_value());
  EXPECT_NE(saved.error().message.In(Lang::kEn).find("smtp"), std::string::npos);
}

TEST_F(SaveWorkspaceTest, TheOutboxClaimsAllKeysOrNone) {
  const Instant at = Instant::FromUnixSeconds(1'790'000'000);
  EXPECT_TRUE(*store_->ClaimOutbox({"dunning:a:3", "dunning:b:3"}, at, "first"));
  // One key taken: nothing of the second claim is recorded.
  EXPECT_FALSE(*store_->ClaimOutbox({"dunning:c:3", "dunning:b:3"}, at, "second"));
  auto entries = *store_->Outbox("dunning:");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].key, "dunning:a:3");
  EXPECT_EQ(entries[0].state, OutboxState::kClaimed);

  ASSERT_TRUE(store_->SettleOutbox({"dunning:a:3"}, at.AddSeconds(5), "sent").has_value());
  entries = *store_->Outbox("dunning:a");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].state, OutboxState::kSent);
  EXPECT_EQ(entries[0].detail, "sent");
  EXPECT_EQ(entries[0].settled_at, at.AddSeconds(5));

  ASSERT_TRUE(store_->ReleaseOutbox({"dunning:b:3"}).has_value());
  EXPECT_TRUE(*store_->ClaimOutbox({"dunning:c:3", "dunning:b:3"}, at, "third"));
  EXPECT_EQ(store_->ReleaseOutbox({"nothing:here"}).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(store_->Outbox("alert:")->empty());
}

}  // namespace
}  // namespace addio
