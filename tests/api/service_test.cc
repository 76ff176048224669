// ApiService at its edges: it opens the store through the factory it is given (one
// connection to watch the data version, one per load), and reads "today" from the clock it
// is given, in the workspace time zone.
#include "api/service.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "core/clock.h"
#include "gen/demo.h"
#include "ledger/format.h"
#include "store/store.h"

namespace addio {
namespace {

namespace fs = std::filesystem;

Instant At(const char* rfc3339) { return ParseInstant(rfc3339, TimeZone::Utc())->instant; }

class ApiServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "addio-api-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    url_ = "sqlite:" + (dir_ / "addio.db").string();
    ASSERT_TRUE(OpenStore(url_, OpenMode::kCreateIfMissing));
  }
  void TearDown() override { fs::remove_all(dir_); }

  StoreFactory Factory() {
    return [this] {
      ++opened_;
      return OpenStore(url_, OpenMode::kMustExist);
    };
  }

  static nlohmann::json Body(const Result<ApiAnswer>& body) {
    EXPECT_TRUE(body) << body.error().message.In(Lang::kEn);
    return body ? nlohmann::json::parse((*body)->text) : nlohmann::json();
  }

  fs::path dir_;
  std::string url_;
  int opened_ = 0;
};

TEST_F(ApiServiceTest, TodayComesFromTheClockInTheWorkspaceZone) {
  // 23:30 UTC on 27 March is already the 28th in Rome, the default workspace zone.
  const FixedClock clock(At("2026-03-27T23:30:00Z"));
  ApiService service(Factory(), clock);
  EXPECT_EQ(Body(service.GetWorkspace({}))["today"], "2026-03-28");
  EXPECT_EQ(Body(service.GetClients({}))["as_of"], "2026-03-28");
  ApiQuery query;
  query.as_of = "2025-12-31";
  EXPECT_EQ(Body(service.GetClients(query))["as_of"], "2025-12-31");
  // One connection watches the data version, one read the workspace, one measured the
  // records' extent for /workspace, one read the clients for each date of /clients: while
  // the store does not change, requests open nothing more.
  EXPECT_EQ(opened_, 5);
  EXPECT_EQ(Body(service.GetWorkspace({}))["today"], "2026-03-28");
  EXPECT_EQ(Body(service.GetClients(query))["as_of"], "2025-12-31");
  EXPECT_EQ(opened_, 5);
}

TEST_F(ApiServiceTest, AnotherClockAnotherToday) {
  const FixedClock clock(At("2026-03-27T12:00:00Z"));
  ApiService service(Factory(), clock);
  EXPECT_EQ(Body(service.GetWorkspace({}))["today"], "2026-03-27");
}

TEST_F(ApiServiceTest, StoreErrorsOfTheFactoryAreTheAnswer) {
  const FixedClock clock(At("2026-03-27T12:00:00Z"));
  ApiService service(
      [] { return OpenStore("postgresql://me@127.0.0.1:1/addio", OpenMode::kMustExist); }, clock);
  auto body = service.GetWorkspace({});
  ASSERT_FALSE(body);
  EXPECT_EQ(body.error().code, ErrorCode::kStore);
  EXPECT_NE(body.error().message.In(Lang::kEn).find("me@127.0.0.1:1/addio"), std::string::npos);
}

TEST_F(ApiServiceTest, ErrorsSpeakTheRequestsLanguage) {
  const FixedClock clock(At("2026-03-27T12:00:00Z"));
  ApiService service(Factory(), clock);
  ApiQuery query;
  query.as_of = "yesterday";
  query.lang = "it";
  auto body = service.GetClients(query);
  ASSERT_FALSE(body);
  EXPECT_EQ(body.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(body.error().message.In(Lang::kIt),
            "as_of: \"yesterday\" non è una data; atteso AAAA-MM-GG, per esempio 2026-11-30");
  EXPECT_EQ(body.error().message.In(Lang::kEn),
            "as_of: \"yesterday\" is not a date; expected YYYY-MM-DD, e.g. 2026-11-30");
}

// Warming makes and keeps the portfolio lines of the date a dashboard opens with: today
// while the records are recent, the last record's day once they are old.
TEST_F(ApiServiceTest, WarmingKeepsTheLinesOfTheDateADashboardOpensWith) {
  {
    auto store = OpenStore(url_, OpenMode::kMustExist);
    ASSERT_TRUE(store);
    ASSERT_TRUE((*store)->Import(DemoLedger(), LedgerSource{}, /*dry_run=*/false));
  }
  const auto kept_lines = [this](const std::string& date) {
    auto store = OpenStore(url_, OpenMode::kMustExist);
    EXPECT_TRUE(store);
    auto kept = (*store)->LoadLines(*CivilDate::Parse(date));
    EXPECT_TRUE(kept);
    return std::count_if(kept->lines.begin(), kept->lines.end(),
                         [](const std::string& line) { return !line.empty(); });
  };
  const auto clients = static_cast<std::ptrdiff_t>(DemoLedger().clients.size());

  const FixedClock week_later(At("2026-12-07T12:00:00Z"));
  ApiService recent(Factory(), week_later);
  EXPECT_EQ(Body(recent.GetWorkspace({}))["default_as_of"], "2026-12-07");
  EXPECT_EQ(kept_lines("2026-12-07"), 0);
  recent.WarmPortfolio();
  EXPECT_EQ(kept_lines("2026-12-07"), clients);

  const FixedClock year_later(At("2027-11-30T12:00:00Z"));
  ApiService old(Factory(), year_later);
  const std::string last = Body(old.GetWorkspace({}))["last_record_date"];
  EXPECT_EQ(Body(old.GetWorkspace({}))["default_as_of"], last);
  old.WarmPortfolio();
  EXPECT_EQ(kept_lines(last), clients);
}

}  // namespace
}  // namespace addio
