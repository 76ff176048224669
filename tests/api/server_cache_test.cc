// The server answers from memory (issue 10): a real `ApiServer` on a loopback port over a
// real SQLite file, called over HTTP. A repeated read answers the same bytes without
// recomputing; an import through the API, or by another connection to the same file (as
// `addio import` from another process), changes the next answer; concurrent identical
// requests compute once; one client's assessment, rendered from the portfolio's, is the
// bytes of assessing that client alone; gzip and ETag/304.
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "api/server.h"
#include "api/web_assets.h"
#include "core/clock.h"
#include "gen/demo.h"
#include "ledger/format.h"
#include "report/report.h"
#include "serving_api_test_support.h"
#include "store/store.h"
#include "verdict/assessment.h"

namespace addio {
namespace {

namespace fs = std::filesystem;

const std::string kAsOf = "2026-11-30";

class ServerCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "addio-serve-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    url_ = (dir_ / "addio.db").string();
    ASSERT_TRUE(OpenStore(url_, OpenMode::kCreateIfMissing));
  }

  void TearDown() override {
    serving_.Stop();
    fs::remove_all(dir_);
  }

  // Stores `ledger` through a connection of its own, as another process would.
  void ImportElsewhere(const Ledger& ledger) {
    auto store = OpenStore(url_, OpenMode::kMustExist);
    ASSERT_TRUE(store);
    auto report = (*store)->Import(ledger, LedgerSource{}, /*dry_run=*/false);
    ASSERT_TRUE(report);
    ASSERT_TRUE(report->written);
  }

  void Start(size_t cache_mib = 64) {
    ServeOptions options;
    options.store = url_;
    options.clock = &clock_;
    options.port = 0;
    options.threads = 16;
    options.cache_mib = cache_mib;
    serving_.Start(std::move(options));
  }

  httplib::Client Http() const {
    httplib::Client client("127.0.0.1", serving_.port());
    client.set_read_timeout(120);
    return client;
  }

  // The session's CSRF token, which every write carries (X-CSRF-Token).
  httplib::Headers WithToken() {
    auto res = Http().Get("/api/v1/session");
    EXPECT_TRUE(res);
    if (!res) return {};
    return {{"X-CSRF-Token", nlohmann::json::parse(res->body)["csrf_token"].get<std::string>()}};
  }

  // The body of a GET that must answer 200.
  std::string Get(const std::string& path, const httplib::Headers& headers = {}) {
    auto res = Http().Get(path, headers);
    EXPECT_TRUE(res) << path;
    if (!res) return "";
    EXPECT_EQ(res->status, 200) << path << ": " << res->body;
    return res->body;
  }

  const FixedClock clock_{ParseInstant("2026-11-30T12:00:00Z", TimeZone::Utc())->instant};
  fs::path dir_;
  std::string url_;
  ServingApi serving_;
};

TEST_F(ServerCacheTest, ARepeatedReadAnswersTheSameBytesFromMemory) {
  ImportElsewhere(DemoLedger());
  Start();
  const std::string path = "/api/v1/assessment?as_of=" + kAsOf;
  const std::string first = Get(path);
  const ApiService::CacheStats before = serving_.server().cache_stats();
  for (int i = 0; i < 5; ++i) EXPECT_EQ(Get(path), first);
  const ApiService::CacheStats after = serving_.server().cache_stats();
  EXPECT_EQ(after.answers.made, before.answers.made);
  EXPECT_EQ(after.objects.made, before.objects.made);  // no ledger loaded, nothing assessed
  EXPECT_EQ(after.answers.hits, before.answers.hits + 5);
  // `addio assess --format json` renders the same assessment.
  auto assessment = Assess(DemoLedger(), DemoAsOf());
  ASSERT_TRUE(assessment);
  EXPECT_EQ(first, RenderAssessment(*assessment, {Format::kJson, Lang::kEn, false}));
}

TEST_F(ServerCacheTest, TodayIsResolvedBeforeTheKey) {
  ImportElsewhere(DemoLedger());
  Start();
  // Without as_of the answer is the one of today by the clock: the same cached answer.
  EXPECT_EQ(Get("/api/v1/assessment"), Get("/api/v1/assessment?as_of=" + kAsOf));
  EXPECT_EQ(serving_.server().cache_stats().answers.hits, 1u);
}

TEST_F(ServerCacheTest, OneClientIsAssessedFromTheKeptStatistics) {
  const Ledger ledger = DemoLedger();
  ImportElsewhere(ledger);
  Start();
  for (const Lang lang : {Lang::kEn, Lang::kIt}) {
    for (const Client& client : ledger.clients) {
      auto alone = Assess(ledger, DemoAsOf(), client.id);
      ASSERT_TRUE(alone);
      EXPECT_EQ(Get("/api/v1/clients/" + client.id + "/assessment?as_of=" + kAsOf +
                    "&lang=" + LangKey(lang)),
                RenderExplain(*alone, alone->clients.front(), {Format::kJson, lang, false}))
          << client.id;
    }
  }
  // Never the ledger nor the portfolio's assessment: the workspace and the portfolio
  // statistics, each made once; keeping the statistics in the store is no change of the
  // data, so neither is made again.
  EXPECT_EQ(serving_.server().cache_stats().objects.made, 2u);
}

TEST_F(ServerCacheTest, AnImportThroughTheApiChangesTheNextAnswer) {
  ImportElsewhere(DemoLedger());
  Start();
  const std::string path = "/api/v1/clients?as_of=" + kAsOf;
  const std::string before = Get(path);
  EXPECT_EQ(Get(path), before);
  const std::string ledger = R"({"format": "addio-ledger/1",
    "clients": [{"id": "zz-new", "name": "New Client", "kind": "company", "country": "IT"}]})";
  auto res =
      Http().Post("/api/v1/imports?filename=new.json", WithToken(), ledger, "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  ASSERT_TRUE(nlohmann::json::parse(res->body)["written"].get<bool>()) << res->body;
  const std::string after = Get(path);
  EXPECT_NE(after, before);
  EXPECT_NE(after.find("zz-new"), std::string::npos);
}

TEST_F(ServerCacheTest, AnImportByAnotherConnectionChangesTheNextAnswer) {
  Ledger ledger = DemoLedger();
  ImportElsewhere(ledger);
  Start();
  const std::string id = ledger.clients.front().id;
  const std::string path = "/api/v1/clients/" + id + "/assessment?as_of=" + kAsOf;
  const std::string before = Get(path);
  EXPECT_EQ(Get(path), before);
  const uint64_t made = serving_.server().cache_stats().objects.made;
  ledger.clients.front().name = "Renamed Elsewhere S.r.l.";
  ImportElsewhere(ledger);
  const std::string after = Get(path);
  EXPECT_NE(after, before);
  EXPECT_NE(after.find("Renamed Elsewhere S.r.l."), std::string::npos);
  EXPECT_EQ(serving_.server().cache_stats().objects.made, made + 2);  // workspace and statistics
  EXPECT_EQ(Get(path), after);
  auto whole = Assess(ledger, DemoAsOf(), id);
  ASSERT_TRUE(whole);
  EXPECT_EQ(after,
            RenderExplain(*whole, whole->clients.front(), {Format::kJson, Lang::kEn, false}));
}

// The paged portfolio reads the lines the store keeps: another process's import is seen
// by the next page, and the client it wrote has its new line.
TEST_F(ServerCacheTest, AnImportByAnotherConnectionChangesTheNextPortfolioPage) {
  Ledger ledger = DemoLedger();
  ImportElsewhere(ledger);
  Start();
  const std::string path = "/api/v1/portfolio?sort=name&per_page=500&as_of=" + kAsOf;
  const nlohmann::json before = nlohmann::json::parse(Get(path));
  ASSERT_EQ(before["clients"].size(), ledger.clients.size());
  ledger.clients.front().name = "Aaa Renamed Elsewhere S.r.l.";
  ImportElsewhere(ledger);
  const nlohmann::json after = nlohmann::json::parse(Get(path));
  EXPECT_EQ(after["clients"][0]["name"], "Aaa Renamed Elsewhere S.r.l.");
  EXPECT_EQ(after["clients"][0]["client"], ledger.clients.front().id);
  EXPECT_EQ(after["clients_total"], before["clients_total"]);
  EXPECT_EQ(after["verdicts"], before["verdicts"]);
}

TEST_F(ServerCacheTest, ASettingsChangeThroughTheApiIsSeenAtOnce) {
  ImportElsewhere(DemoLedger());
  Start();
  const std::string before = Get("/api/v1/settings");
  auto res = Http().Put("/api/v1/settings", WithToken(), R"({"settings": {"grace_days": 9}})",
                        "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const std::string after = Get("/api/v1/settings");
  EXPECT_NE(after, before);
  EXPECT_EQ(after, res->body);
}

TEST_F(ServerCacheTest, ConcurrentIdenticalRequestsComputeOnce) {
  ImportElsewhere(DemoLedger());
  Start();
  constexpr int kThreads = 8;
  const std::string path =
      "/api/v1/clients/" + DemoLedger().clients.back().id + "/assessment?as_of=" + kAsOf;
  std::vector<std::string> bodies(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] { bodies[i] = Get(path); });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& body : bodies) EXPECT_EQ(body, bodies.front());
  const ApiService::CacheStats stats = serving_.server().cache_stats();
  // Whether a request came while the answer was being made (it waited) or after (a hit),
  // the ledger was loaded once, the portfolio assessed once and the answer rendered once.
  EXPECT_EQ(stats.objects.made, 2u);
  EXPECT_EQ(stats.answers.made, 1u);
  EXPECT_EQ(stats.answers.hits + stats.answers.waits, static_cast<uint64_t>(kThreads - 1));
}

TEST_F(ServerCacheTest, GzipIsMadeOnceAndTheEtagAnswers304) {
  ImportElsewhere(DemoLedger());
  Start();
  const std::string path = "/api/v1/assessment?as_of=" + kAsOf;
  const std::string plain = Get(path);
  const httplib::Headers gzip = {{"Accept-Encoding", "gzip"}};
  httplib::Client client = Http();
  client.set_decompress(false);
  auto first = client.Get(path, gzip);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->get_header_value("Content-Encoding"), "gzip");
  EXPECT_EQ(first->get_header_value("Vary"), "Accept-Encoding");
  auto inflated = Gunzip(first->body);
  ASSERT_TRUE(inflated);
  EXPECT_EQ(*inflated, plain);
  const uint64_t made = serving_.server().cache_stats().answers.made;
  auto second = client.Get(path, gzip);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->body, first->body);
  EXPECT_EQ(serving_.server().cache_stats().answers.made, made);  // the gzip was kept

  const std::string etag = first->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  auto again = client.Get(path, {{"Accept-Encoding", "gzip"}, {"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  // The plain representation has another tag: the gzip one does not validate it.
  auto plain_again = client.Get(path, {{"If-None-Match", etag}});
  ASSERT_TRUE(plain_again);
  EXPECT_EQ(plain_again->status, 200);
  EXPECT_EQ(plain_again->body, plain);
}

// Keeping what a read derives (the portfolio lines of a date, the statistics) changes no
// answer: the answers made before are still answered from memory, while an import by
// another connection still makes them again.
TEST_F(ServerCacheTest, KeepingLinesMakesNoAnswerStale) {
  Ledger ledger = DemoLedger();
  ImportElsewhere(ledger);
  Start();
  const std::string clients = "/api/v1/clients?as_of=" + kAsOf;
  const std::string first = Get(clients);
  // Two dates never asked before: their lines are made and kept in the store.
  Get("/api/v1/portfolio?as_of=2026-10-31");
  Get("/api/v1/clients/" + ledger.clients.front().id + "/assessment?as_of=2026-09-30");
  const ApiService::CacheStats before = serving_.server().cache_stats();
  EXPECT_EQ(Get(clients), first);
  EXPECT_EQ(Get("/api/v1/portfolio?as_of=2026-10-31"), Get("/api/v1/portfolio?as_of=2026-10-31"));
  const ApiService::CacheStats after = serving_.server().cache_stats();
  EXPECT_EQ(after.answers.made, before.answers.made);
  EXPECT_EQ(after.objects.made, before.objects.made);
  // The lines were kept: another connection reads them.
  auto store = OpenStore(url_, OpenMode::kMustExist);
  ASSERT_TRUE(store);
  auto kept = (*store)->LoadLines(*CivilDate::Parse("2026-10-31"));
  ASSERT_TRUE(kept);
  EXPECT_TRUE(std::ranges::all_of(kept->lines, [](const std::string& l) { return !l.empty(); }));
  // A change of the data is still seen.
  ledger.clients.front().name = "Renamed Elsewhere S.r.l.";
  ImportElsewhere(ledger);
  EXPECT_NE(Get(clients), first);
}

// Every kept answer names the version of the data it was made from: the same until the
// store changes, a newer one after an import elsewhere (the dashboard shows a kept answer
// only while it is of the newest version it has seen).
TEST_F(ServerCacheTest, AnswersNameTheirDataVersion) {
  Ledger ledger = DemoLedger();
  ImportElsewhere(ledger);
  Start();
  const std::string path = "/api/v1/clients?as_of=" + kAsOf;
  // "<served since>-<version>": the same process throughout.
  std::string since;
  const auto version = [&]() -> uint64_t {
    auto res = Http().Get(path);
    EXPECT_TRUE(res);
    if (!res) return 0;
    const std::string header = res->get_header_value("X-Addio-Version");
    const size_t dash = header.find('-');
    EXPECT_NE(dash, std::string::npos) << header;
    if (since.empty()) since = header.substr(0, dash);
    EXPECT_EQ(header.substr(0, dash), since);
    return std::stoull(header.substr(dash + 1));
  };
  const uint64_t first = version();
  EXPECT_GT(first, 0u);
  // The portfolio's lines of a new date, made and kept, are no new version.
  Get("/api/v1/portfolio?as_of=2026-10-31");
  EXPECT_EQ(version(), first);
  ledger.clients.front().name = "Renamed Elsewhere S.r.l.";
  ImportElsewhere(ledger);
  EXPECT_GT(version(), first);
}

TEST_F(ServerCacheTest, ErrorsAreNotCached) {
  ImportElsewhere(DemoLedger());
  Start();
  auto missing = Http().Get("/api/v1/clients/nobody/assessment?as_of=" + kAsOf);
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(missing->get_header_value("Cache-Control"), "no-store");
  EXPECT_EQ(serving_.server().cache_stats().answers.entries, 0u);
}

TEST_F(ServerCacheTest, TheBudgetBoundsWhatIsKept) {
  ImportElsewhere(DemoLedger());
  Start(/*cache_mib=*/0);  // nothing fits: every answer is made again, and still right
  const std::string path = "/api/v1/assessment?as_of=" + kAsOf;
  const std::string first = Get(path);
  EXPECT_EQ(Get(path), first);
  const ApiService::CacheStats stats = serving_.server().cache_stats();
  EXPECT_EQ(stats.answers.entries, 0u);
  EXPECT_EQ(stats.answers.bytes, 0u);
  EXPECT_EQ(stats.answers.made, 2u);
  EXPECT_EQ(stats.objects.made, 2u);  // the ledger and the assessment are kept still
}

}  // namespace
}  // namespace addio
