// Issue 10, deliverable 2: the streaming assessment of a store (read client by client,
// assessed on every core, written as it goes) gives the bytes of the in-memory one, in
// every format, for the demo and for a generated ledger of a few hundred clients; the
// compact JSON holds the same values but for the evidence it caps, and counts it.
#include "verdict/assessment_stream.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/parallel.h"
#include "gen/demo.h"
#include "gen/generator.h"
#include "ledger/snapshot.h"
#include "report/report.h"
#include "store/store.h"

namespace addio {
namespace {

namespace fs = std::filesystem;

const CivilDate kGeneratedAsOf = *CivilDate::Parse("2026-10-31");

// What a writer wrote, in one string.
std::string Streamed(const std::function<Status(AssessmentSink&)>& assess,
                     const RenderOptions& options) {
  std::string text;
  const std::unique_ptr<AssessmentSink> writer =
      MakeAssessmentWriter(options, [&text](std::string_view piece) { text += piece; });
  const Status assessed = assess(*writer);
  EXPECT_TRUE(assessed) << assessed.error().message.In(Lang::kEn);
  return text;
}

std::vector<RenderOptions> EveryFormat() {
  return {{.format = Format::kJson, .lang = Lang::kEn},
          {.format = Format::kJson, .lang = Lang::kIt},
          {.format = Format::kJson, .lang = Lang::kEn, .pretty = false},
          {.format = Format::kTable, .lang = Lang::kEn},
          {.format = Format::kTable, .lang = Lang::kIt, .color = true},
          {.format = Format::kMarkdown, .lang = Lang::kEn},
          {.format = Format::kHtml, .lang = Lang::kIt}};
}

std::string Describe(const RenderOptions& options) {
  std::ostringstream out;
  out << "format " << static_cast<int>(options.format) << " lang "
      << (options.lang == Lang::kIt ? "it" : "en") << (options.pretty ? "" : " compact");
  return out.str();
}

class AssessmentStreamTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("addio_stream_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto store = OpenStore((dir_ / "addio.db").string(), OpenMode::kCreateIfMissing);
    ASSERT_TRUE(store) << store.error().message.In(Lang::kEn);
    store_ = std::move(*store);
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  void Import(const Ledger& records) {
    auto report = store_->Import(records, LedgerSource{}, false);
    ASSERT_TRUE(report);
    ASSERT_TRUE(report->ok()) << report->diagnostics.ToString();
  }

  Ledger Generated(int clients) {
    GeneratorOptions options;
    options.clients = clients;
    options.months = 14;
    options.seed = 23;
    auto ledger = GenerateLedger(options);
    EXPECT_TRUE(ledger);
    return ledger ? std::move(*ledger) : Ledger{};
  }

  // The whole store loaded, assessed in memory and rendered: the output of `assess`
  // before it streamed.
  std::string InMemory(CivilDate as_of, const RenderOptions& options) {
    auto ledger = store_->Load();
    EXPECT_TRUE(ledger);
    auto assessment = Assess(*ledger, as_of);
    EXPECT_TRUE(assessment) << assessment.error().message.In(Lang::kEn);
    return assessment ? RenderAssessment(*assessment, options) : "";
  }

  std::string FromStore(CivilDate as_of, const RenderOptions& options) {
    auto workspace = store_->LoadWorkspace();
    EXPECT_TRUE(workspace);
    return Streamed(
        [&](AssessmentSink& sink) { return AssessStore(*store_, *workspace, as_of, sink); },
        options);
  }

  // Every format from the store, streamed, against the in-memory rendering.
  void ExpectStreamingIsInMemory(CivilDate as_of) {
    for (const RenderOptions& options : EveryFormat()) {
      const std::string expected = InMemory(as_of, options);
      EXPECT_FALSE(expected.empty());
      EXPECT_EQ(FromStore(as_of, options), expected) << Describe(options);
    }
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(AssessmentStreamTest, TheDemoFromTheStoreIsTheInMemoryAssessmentInEveryFormat) {
  Import(DemoLedger());
  EXPECT_FALSE(store_->LoadRates(DemoAsOf())->table);
  ExpectStreamingIsInMemory(DemoAsOf());
  // The first pass kept the portfolio statistics; the next ones read them.
  EXPECT_EQ(store_->LoadRates(DemoAsOf())->table->size(), store_->Clients()->size());
  ExpectStreamingIsInMemory(DemoAsOf());
}

TEST_F(AssessmentStreamTest, SeveralHundredClientsFromTheStoreAreTheInMemoryAssessment) {
  Import(Generated(300));
  ExpectStreamingIsInMemory(kGeneratedAsOf);
}

TEST_F(AssessmentStreamTest, ALedgerInMemoryStreamsTheBytesOfAssess) {
  const Ledger ledger = Generated(120);
  for (const RenderOptions& options : EveryFormat()) {
    auto assessment = Assess(ledger, kGeneratedAsOf);
    ASSERT_TRUE(assessment);
    EXPECT_EQ(
        Streamed([&](AssessmentSink& sink) { return AssessLedger(ledger, kGeneratedAsOf, sink); },
                 options),
        RenderAssessment(*assessment, options))
        << Describe(options);
  }
}

// Records in any order are assessed as in order: each client's are found wherever they
// lie, and sorted (enough of them that the grouping runs on every core).
TEST_F(AssessmentStreamTest, ALedgerInAnyOrderStreamsTheBytesOfAssess) {
  const Ledger ledger = Generated(300);
  Ledger shuffled = ledger;
  std::mt19937 random(7);
  const auto shuffle = [&random](auto& records) {
    std::shuffle(records.begin(), records.end(), random);
  };
  shuffle(shuffled.clients);
  shuffle(shuffled.work);
  shuffle(shuffled.contacts);
  shuffle(shuffled.invoices);
  shuffle(shuffled.payments);
  shuffle(shuffled.requests);
  shuffle(shuffled.projects);
  ASSERT_GT(shuffled.records(), kRecordsWorthThreads);
  auto assessment = Assess(ledger, kGeneratedAsOf);
  ASSERT_TRUE(assessment);
  const RenderOptions options{.format = Format::kJson};
  EXPECT_EQ(
      Streamed([&](AssessmentSink& sink) { return AssessLedger(shuffled, kGeneratedAsOf, sink); },
               options),
      RenderAssessment(*assessment, options));
}

TEST_F(AssessmentStreamTest, AnEmptyStoreStreamsTheEmptyAssessment) {
  Ledger empty;
  empty.workspace = DemoLedger().workspace;
  Import(empty);
  ExpectStreamingIsInMemory(DemoAsOf());
}

TEST_F(AssessmentStreamTest, InvalidSettingsAreAnErrorBeforeAnythingIsWritten) {
  Import(DemoLedger());
  ASSERT_TRUE(store_->SetSetting("no_such.setting", 1));
  auto workspace = store_->LoadWorkspace();
  std::string text;
  const std::unique_ptr<AssessmentSink> writer = MakeAssessmentWriter(
      {.format = Format::kJson}, [&text](std::string_view piece) { text += piece; });
  const Status assessed = AssessStore(*store_, *workspace, DemoAsOf(), *writer);
  ASSERT_FALSE(assessed);
  EXPECT_EQ(assessed.error().code, ErrorCode::kValidation);
  EXPECT_EQ(text, "");
}

TEST_F(AssessmentStreamTest, MeasuringTheStoreClientByClientGivesThePortfolioOfTheWholeLedger) {
  Import(Generated(150));
  const Ledger ledger = *store_->Load();
  auto context = ResolveContext(ledger.workspace, kGeneratedAsOf, RecordTypes::HeldBy(ledger));
  ASSERT_TRUE(context);
  const std::vector<ClientLedger> clients = SplitByClient(ledger);
  std::vector<ClientSnapshot> snapshots;
  for (const ClientLedger& client : clients) {
    snapshots.emplace_back(client, ledger.workspace, kGeneratedAsOf);
  }
  const Portfolio expected = BuildPortfolio(snapshots, *context);
  auto measured = MeasureStoredRates(*store_, *context);
  ASSERT_TRUE(measured);
  ASSERT_EQ(measured->size(), expected.rates.size());
  for (size_t i = 0; i < measured->size(); ++i) {
    EXPECT_EQ((*measured)[i].client, expected.rates[i].client);
    EXPECT_EQ((*measured)[i].hours, expected.rates[i].hours);
    EXPECT_EQ((*measured)[i].effective_rate, expected.rates[i].effective_rate);
  }
}

// ---- Compact JSON ----

using nlohmann::json;

TEST_F(AssessmentStreamTest, CompactJsonHasTheValuesOfThePrettyOneButCapsAndCountsEvidence) {
  Import(Generated(200));
  const std::string compact_text =
      FromStore(kGeneratedAsOf, {.format = Format::kJson, .pretty = false});
  const std::string pretty_text = FromStore(kGeneratedAsOf, {.format = Format::kJson});
  EXPECT_LT(compact_text.size(), pretty_text.size());
  // One line for the header, one per client, one to close.
  const size_t lines =
      static_cast<size_t>(std::count(compact_text.begin(), compact_text.end(), '\n'));
  EXPECT_EQ(lines, 200u + 2);

  json compact = json::parse(compact_text);
  json pretty = json::parse(pretty_text);
  ASSERT_EQ(compact["clients"].size(), 200u);
  size_t capped = 0;
  for (size_t c = 0; c < compact["clients"].size(); ++c) {
    for (auto& [key, sign] : compact["clients"][c]["signals"].items()) {
      json& full = pretty["clients"][c]["signals"][key]["evidence"];
      ASSERT_TRUE(sign.contains("evidence_count")) << key;
      EXPECT_EQ(sign["evidence_count"], full.size());
      const size_t kept = std::min(full.size(), kCompactEvidence);
      EXPECT_EQ(sign["evidence"].size(), kept);
      // The latest items: the end of the date-ordered full list.
      EXPECT_EQ(sign["evidence"], json(std::vector<json>(full.end() - kept, full.end())));
      if (full.size() > kCompactEvidence) ++capped;
      sign.erase("evidence_count");
      sign.erase("evidence");
      pretty["clients"][c]["signals"][key].erase("evidence");
    }
  }
  EXPECT_GT(capped, 0u) << "no list was longer than the cap: the test proves nothing";
  EXPECT_EQ(compact, pretty);
}

TEST_F(AssessmentStreamTest, ACappedListKeepsTheLatestItemsAndCountsThemAll) {
  // One client with far more late invoices than the cap.
  Assessment assessment;
  assessment.as_of = *CivilDate::Parse("2026-06-30");
  ClientAssessment client;
  client.client = "c1";
  client.name = "Late & Co";
  Finding finding;
  finding.sign = AllSigns().front();
  for (int day = 1; day <= 45; ++day) {
    Evidence evidence;
    evidence.record_type = "invoice";
    evidence.id = "inv-" + std::to_string(day);
    evidence.date = CivilDate::FromDays(20500 + day);
    finding.evidence.push_back(evidence);
  }
  client.signs.push_back(finding);
  assessment.clients.push_back(client);

  const json compact =
      json::parse(RenderAssessment(assessment, {.format = Format::kJson, .pretty = false}));
  const json& sign = compact["clients"][0]["signals"][SignKey(AllSigns().front())];
  EXPECT_EQ(sign["evidence_count"], 45);
  ASSERT_EQ(sign["evidence"].size(), kCompactEvidence);
  EXPECT_EQ(sign["evidence"].front()["id"], "inv-" + std::to_string(45 - kCompactEvidence + 1));
  EXPECT_EQ(sign["evidence"].back()["id"], "inv-45");

  const json pretty = json::parse(RenderAssessment(assessment, {.format = Format::kJson}));
  const json& full = pretty["clients"][0]["signals"][SignKey(AllSigns().front())];
  EXPECT_EQ(full["evidence"].size(), 45u);
  EXPECT_FALSE(full.contains("evidence_count"));
}

}  // namespace
}  // namespace addio
