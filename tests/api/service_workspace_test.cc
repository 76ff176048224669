// PUT and GET /api/v1/workspace through ApiService over a real SQLite file: the
// workspace's own tax id (VAT number or fiscal code, the FatturaPA importer's test of a
// received e-invoice) is read, written normalized, cleared, and refused when it cannot be
// one, naming the field in both languages and changing nothing.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "api/service.h"
#include "core/clock.h"
#include "store/store.h"

namespace addio {
namespace {

namespace fs = std::filesystem;

class WorkspaceTaxIdTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "addio-api-ws-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    url_ = "sqlite:" + (dir_ / "addio.db").string();
    ASSERT_TRUE(OpenStore(url_, OpenMode::kCreateIfMissing));
  }
  void TearDown() override { fs::remove_all(dir_); }

  // The workspace as the API answers it.
  nlohmann::json Get() {
    auto answer = service_.GetWorkspace({});
    EXPECT_TRUE(answer) << answer.error().message.In(Lang::kEn);
    return answer ? nlohmann::json::parse((*answer)->text) : nlohmann::json();
  }

  // PUT /workspace with `body`; the answer's JSON (the workspace after the change).
  nlohmann::json Put(const nlohmann::json& body) {
    auto answer = service_.PutWorkspace(body.dump(), {});
    EXPECT_TRUE(answer) << body.dump() << ": " << answer.error().message.In(Lang::kEn);
    return answer ? nlohmann::json::parse(answer->text) : nlohmann::json();
  }

  // The tax id as the store keeps it, read on a connection of its own.
  std::string Stored() {
    auto store = OpenStore(url_, OpenMode::kMustExist);
    EXPECT_TRUE(store);
    if (!store) return "?";
    auto workspace = (*store)->LoadWorkspace();
    EXPECT_TRUE(workspace);
    return workspace ? workspace->tax_id : "?";
  }

  fs::path dir_;
  std::string url_;
  FixedClock clock_{ParseInstant("2026-03-27T12:00:00Z", TimeZone::Utc())->instant};
  ApiService service_{[this] { return OpenStore(url_, OpenMode::kMustExist); }, clock_};
};

TEST_F(WorkspaceTaxIdTest, NoneIsNull) { EXPECT_TRUE(Get()["tax_id"].is_null()); }

TEST_F(WorkspaceTaxIdTest, WrittenNormalizedThenReadAndKept) {
  EXPECT_EQ(Put({{"tax_id", " it 0123 4567 890 "}})["tax_id"], "IT01234567890");
  EXPECT_EQ(Get()["tax_id"], "IT01234567890");
  EXPECT_EQ(Stored(), "IT01234567890");
  // An Italian fiscal code of a person, and another country's VAT number.
  EXPECT_EQ(Put({{"tax_id", "itRSSMRA85T10A562S"}})["tax_id"], "ITRSSMRA85T10A562S");
  EXPECT_EQ(Put({{"tax_id", "DE284719365"}})["tax_id"], "DE284719365");
  // Changing another field leaves it as it is.
  EXPECT_EQ(Put({{"name", "Studio Rossi"}})["tax_id"], "DE284719365");
  EXPECT_EQ(Stored(), "DE284719365");
}

TEST_F(WorkspaceTaxIdTest, EmptyOrNullClearsIt) {
  Put({{"tax_id", "IT01234567890"}});
  EXPECT_TRUE(Put({{"tax_id", ""}})["tax_id"].is_null());
  EXPECT_EQ(Stored(), "");
  Put({{"tax_id", "IT01234567890"}});
  EXPECT_TRUE(Put({{"tax_id", nullptr}})["tax_id"].is_null());
  EXPECT_EQ(Stored(), "");
  Put({{"tax_id", "IT01234567890"}});
  EXPECT_TRUE(Put({{"tax_id", "   "}})["tax_id"].is_null());
  EXPECT_TRUE(Get()["tax_id"].is_null());
}

TEST_F(WorkspaceTaxIdTest, WhatCannotBeATaxIdIsRefusedNamingTheFieldAndChangesNothing) {
  Put({{"tax_id", "IT01234567890"}});
  const nlohmann::json wrong[] = {
      "01234567890",                      // no country prefix
      "I01234567890",                     // one letter of prefix
      "IT1",                              // too short after the prefix
      "IT" + std::string(29, '1'),        // too long (28 at most after the prefix)
      "IT-01234567890",                   // punctuation
      "IT0123\t4567890",                  // only spaces are removed
      "ITÀ1234567890",                    // letters are ASCII
      12345678901,                        // not a string
      nlohmann::json::array({"IT0123"}),  // not a string
  };
  for (const nlohmann::json& value : wrong) {
    const nlohmann::json body = {{"tax_id", value}, {"name", "Changed"}};
    auto answer = service_.PutWorkspace(body.dump(), {});
    ASSERT_FALSE(answer) << body.dump();
    EXPECT_EQ(answer.error().code, ErrorCode::kInvalidArgument);
    EXPECT_TRUE(answer.error().message.In(Lang::kEn).starts_with(
        "request body: tax_id: expected a VAT number or fiscal code"))
        << answer.error().message.In(Lang::kEn);
    EXPECT_TRUE(answer.error().message.In(Lang::kIt).starts_with(
        "corpo della richiesta: tax_id: attesa una partita IVA o un codice fiscale"))
        << answer.error().message.In(Lang::kIt);
  }
  EXPECT_EQ(Stored(), "IT01234567890");
  EXPECT_EQ(Get()["tax_id"], "IT01234567890");
  EXPECT_NE(Get()["name"], "Changed");
}

}  // namespace
}  // namespace addio
