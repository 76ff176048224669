// The accounts of a store (store/accounts.h), on SQLite and on PostgreSQL alike: e-mails
// kept lowercase and unique, roles per workspace with always an owner left, tokens of one
// workspace whose role follows their account's, sessions that expire, and nothing stored
// that could be replayed (the secrets' hashes only).
#include "store/accounts.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "core/secrets.h"
#include "store/store.h"
#include "store_kinds.h"

namespace addio {
namespace {

using testing::StoreKind;

Instant At(int64_t seconds) { return Instant::FromUnixSeconds(1796600000 + seconds); }

class AccountsTest : public ::testing::TestWithParam<StoreKind> {
 protected:
  void SetUp() override {
    ADDIO_SKIP_WITHOUT_SERVER(GetParam());
    dir_ = testing::FreshTestDir("addio_accounts_");
    url_ = testing::FreshStoreUrl(GetParam(), dir_, "store");
    ASSERT_TRUE(OpenStore(url_, OpenMode::kCreateIfMissing));
    ASSERT_TRUE(AddWorkspace(url_, "north", "North"));
    auto accounts = OpenAccounts(url_);
    ASSERT_TRUE(accounts) << accounts.error().message.In(Lang::kEn);
    accounts_ = std::move(*accounts);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  Account Add(const std::string& email) {
    auto account = accounts_->AddAccount(email, "$argon2id$v=19$stand-in", At(0));
    EXPECT_TRUE(account) << account.error().message.In(Lang::kEn);
    return account ? *account : Account{};
  }

  std::filesystem::path dir_;
  std::string url_;
  std::unique_ptr<Accounts> accounts_;
};

TEST_P(AccountsTest, EmailsAreLowercaseAndUnique) {
  EXPECT_FALSE(*accounts_->AnyAccount());
  const Account ana = Add("  Ana@Studio.IT ");
  EXPECT_EQ(ana.email, "ana@studio.it");
  EXPECT_TRUE(*accounts_->AnyAccount());
  auto again = accounts_->AddAccount("ANA@studio.it", "x", At(1));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  for (const char* bad : {"ana", "@studio.it", "ana@studio", "ana@@studio.it", "a na@studio.it"}) {
    auto refused = accounts_->AddAccount(bad, "x", At(1));
    ASSERT_FALSE(refused) << bad;
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument) << bad;
  }
  auto login = accounts_->FindLogin("ANA@STUDIO.IT");
  ASSERT_TRUE(login && *login);
  EXPECT_EQ((*login)->account.id, ana.id);
  EXPECT_FALSE(*accounts_->FindLogin("bo@studio.it"));
}

TEST_P(AccountsTest, AWorkspaceAlwaysKeepsAnOwner) {
  Add("ana@studio.it");
  Add("bo@studio.it");
  ASSERT_TRUE(accounts_->SetMember("north", "ana@studio.it", Role::kOwner));
  auto demote = accounts_->SetMember("north", "ana@studio.it", Role::kMember);
  ASSERT_FALSE(demote);
  EXPECT_EQ(demote.error().code, ErrorCode::kConflict);
  auto remove = accounts_->RemoveMember("north", "ana@studio.it");
  ASSERT_FALSE(remove);
  EXPECT_EQ(remove.error().code, ErrorCode::kConflict);
  // With a second owner, the first may step down and leave.
  ASSERT_TRUE(accounts_->SetMember("north", "bo@studio.it", Role::kOwner));
  ASSERT_TRUE(accounts_->SetMember("north", "ana@studio.it", Role::kViewer));
  ASSERT_TRUE(accounts_->RemoveMember("north", "ana@studio.it"));
  auto members = accounts_->ListMembers("north");
  ASSERT_TRUE(members);
  ASSERT_EQ(members->size(), 1u);
  EXPECT_EQ(members->front().email, "bo@studio.it");
  EXPECT_EQ(accounts_->SetMember("north", "nobody@studio.it", Role::kViewer).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(accounts_->SetMember("south", "bo@studio.it", Role::kViewer).error().code,
            ErrorCode::kNotFound);
}

TEST_P(AccountsTest, MembershipsAreOfEachWorkspace) {
  const Account ana = Add("ana@studio.it");
  ASSERT_TRUE(accounts_->SetMember("north", "ana@studio.it", Role::kViewer));
  ASSERT_TRUE(accounts_->SetMember("default", "ana@studio.it", Role::kOwner));
  auto memberships = accounts_->MembershipsOf(ana.id);
  ASSERT_TRUE(memberships);
  ASSERT_EQ(memberships->size(), 2u);
  EXPECT_EQ(memberships->at(0).workspace, "default");
  EXPECT_EQ(memberships->at(0).role, Role::kOwner);
  EXPECT_EQ(memberships->at(1).workspace, "north");
  EXPECT_EQ(memberships->at(1).name, "North");
  EXPECT_EQ(memberships->at(1).role, Role::kViewer);
  auto all = accounts_->AllWorkspaces();
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 2u);
}

TEST_P(AccountsTest, ATokenFollowsItsAccountsRole) {
  Add("ana@studio.it");
  Add("bo@studio.it");
  ASSERT_TRUE(accounts_->SetMember("north", "ana@studio.it", Role::kOwner));
  ASSERT_TRUE(accounts_->SetMember("north", "bo@studio.it", Role::kMember));
  // No token above its account's role.
  auto above = accounts_->AddToken("north", "bo@studio.it", Role::kOwner, "", "h", At(0));
  ASSERT_FALSE(above);
  EXPECT_EQ(above.error().code, ErrorCode::kInvalidArgument);
  // Nor of someone outside the workspace.
  EXPECT_EQ(
      accounts_->AddToken("default", "bo@studio.it", Role::kViewer, "", "h", At(0)).error().code,
      ErrorCode::kNotFound);
  const std::string secret = RandomHex(32);
  auto id =
      accounts_->AddToken("north", "bo@studio.it", Role::kMember, "ci", Sha256Hex(secret), At(5));
  ASSERT_TRUE(id);
  auto grant = accounts_->FindToken(*id);
  ASSERT_TRUE(grant && *grant);
  EXPECT_EQ((*grant)->workspace, "north");
  EXPECT_EQ((*grant)->role, Role::kMember);
  EXPECT_EQ((*grant)->account.email, "bo@studio.it");
  EXPECT_EQ((*grant)->secret_hash, Sha256Hex(secret));
  // Demoted, the token does what the account may now do.
  ASSERT_TRUE(accounts_->SetMember("north", "bo@studio.it", Role::kViewer));
  EXPECT_EQ((*accounts_->FindToken(*id))->role, Role::kViewer);
  // Out of the workspace, the token is gone with the membership.
  ASSERT_TRUE(accounts_->RemoveMember("north", "bo@studio.it"));
  EXPECT_FALSE(*accounts_->FindToken(*id));
  auto tokens = accounts_->ListTokens("north");
  ASSERT_TRUE(tokens);
  EXPECT_TRUE(tokens->empty());
}

TEST_P(AccountsTest, ARevokedTokenIsGone) {
  Add("ana@studio.it");
  ASSERT_TRUE(accounts_->SetMember("north", "ana@studio.it", Role::kOwner));
  auto id = accounts_->AddToken("north", "ana@studio.it", Role::kViewer, "ci", "h", At(0));
  ASSERT_TRUE(id);
  auto tokens = accounts_->ListTokens("north");
  ASSERT_TRUE(tokens);
  ASSERT_EQ(tokens->size(), 1u);
  EXPECT_EQ(tokens->front().id, *id);
  EXPECT_EQ(tokens->front().name, "ci");
  EXPECT_EQ(accounts_->RevokeToken("default", *id).error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(accounts_->RevokeToken("north", *id));
  EXPECT_FALSE(*accounts_->FindToken(*id));
}

TEST_P(AccountsTest, SessionsExpireAndEndWithANewPassword) {
  const Account ana = Add("ana@studio.it");
  ASSERT_TRUE(accounts_->AddSession("s1", ana.id, At(0), At(100)));
  auto found = accounts_->FindSession("s1", At(99));
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->email, "ana@studio.it");
  EXPECT_FALSE(*accounts_->FindSession("s1", At(100)));  // expired
  EXPECT_FALSE(*accounts_->FindSession("nope", At(1)));
  ASSERT_TRUE(accounts_->AddSession("s2", ana.id, At(0), At(1000)));
  ASSERT_TRUE(accounts_->EndSession("s2"));
  EXPECT_FALSE(*accounts_->FindSession("s2", At(1)));
  ASSERT_TRUE(accounts_->AddSession("s3", ana.id, At(0), At(1000)));
  ASSERT_TRUE(accounts_->SetPassword("ana@studio.it", "$argon2id$new"));
  EXPECT_FALSE(*accounts_->FindSession("s3", At(1)));
  EXPECT_EQ((*accounts_->FindLogin("ana@studio.it"))->password_hash, "$argon2id$new");
}

INSTANTIATE_TEST_SUITE_P(Stores, AccountsTest,
                         ::testing::Values(StoreKind::kSqlite, StoreKind::kPostgres),
                         testing::KindName);

// Passwords: argon2id strings that verify only the password they were made from.
TEST(SecretsTest, PasswordsAreHashedWithArgon2id) {
  const std::string hash = HashPassword("correct horse battery");
  EXPECT_TRUE(hash.starts_with("$argon2id$"));
  EXPECT_TRUE(VerifyPassword(hash, "correct horse battery"));
  EXPECT_FALSE(VerifyPassword(hash, "correct horse batterY"));
  EXPECT_NE(HashPassword("correct horse battery"), hash);  // salted
  EXPECT_FALSE(VerifyPassword("plain text", "plain text"));
  EXPECT_TRUE(PasswordProblem("short"));
  EXPECT_FALSE(PasswordProblem("ten chars!"));
  EXPECT_TRUE(PasswordProblem(std::string(1001, 'x')));
}

TEST(SecretsTest, TokensParseOnlyInTheirOwnForm) {
  const TokenParts parts{RandomHex(8), RandomHex(32)};
  const std::string text = TokenText(parts);
  auto parsed = ParseTokenText(text);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->id, parts.id);
  EXPECT_EQ(parsed->secret, parts.secret);
  EXPECT_FALSE(ParseTokenText(text.substr(1)));
  EXPECT_FALSE(ParseTokenText(text + "0"));
  std::string upper = text;
  upper.back() = 'F';
  EXPECT_FALSE(ParseTokenText(upper));
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace addio
