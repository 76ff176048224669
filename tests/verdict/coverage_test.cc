// Judge only what was recorded (DESIGN.md section 4b): a workspace that holds only one real
// Toggl export accuses no client of what was never imported, the coverage view lists
// exactly what is there, and the first contract brings no_contract back for everyone.
#include "verdict/coverage.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "../ingest/timesheet_test_util.h"
#include "gen/demo.h"
#include "ingest/ingest.h"
#include "store/store.h"
#include "verdict/assessment.h"
#include "verdict/portfolio_lines.h"
#include "verdict/stored_assessment.h"

namespace addio {
namespace {

constexpr const char* kTogglExport =
    "toggl_real_exports/vages_Toggl_time_entries_2018-10-08_to_2018-10-14.csv";
const CivilDate kAsOf = *CivilDate::Parse("2018-10-31");

// The signs whose inputs a time tracker alone never gives.
const std::vector<std::string> kNeverJudgedFromTime = {"no_contract", "underpaying", "late_payment",
                                                       "non_payment"};

bool SaysNotRecorded(const Finding& finding) {
  return !finding.reasons.empty() &&
         finding.reasons.front().key.starts_with("coverage.not_recorded.");
}

class CoverageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = OpenStore(dir_.path() + "/addio.db", OpenMode::kCreateIfMissing);
    ASSERT_TRUE(store) << store.error().message.In(Lang::kEn);
    store_ = std::move(*store);
  }

  // Reads `path` with the importers as `addio import` does and stores it.
  void ImportFile(const std::string& path) {
    IngestContext context;
    context.load_existing = [this] { return store_->Load(); };
    auto read = Ingest(path, context);
    ASSERT_TRUE(read) << read.error().message.In(Lang::kEn);
    ASSERT_FALSE(read->diagnostics.HasErrors()) << read->diagnostics.ToString();
    auto report = store_->Import(read->ledger, read->source, read->unmatched, false);
    ASSERT_TRUE(report);
    ASSERT_TRUE(report->ok()) << report->diagnostics.ToString();
  }

  void ImportRecords(const Ledger& records) {
    auto report = store_->Import(records, LedgerSource{}, false);
    ASSERT_TRUE(report);
    ASSERT_TRUE(report->ok()) << report->diagnostics.ToString();
  }

  Assessment AssessAll() {
    auto assessment = Assess(*store_->Load(), kAsOf);
    EXPECT_TRUE(assessment) << assessment.error().message.In(Lang::kEn);
    return assessment ? std::move(*assessment) : Assessment{};
  }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(CoverageTest, OnlyTimeEntriesAccuseNoClientOfWhatWasNeverImported) {
  ADDIO_REAL_FILE(file, kTogglExport);
  ImportFile(file);
  const Assessment assessment = AssessAll();
  ASSERT_EQ(assessment.clients.size(), 3u);
  for (const ClientAssessment& client : assessment.clients) {
    SCOPED_TRACE(client.client);
    for (const std::string& key : kNeverJudgedFromTime) {
      const Finding& finding = FindingOrEmpty(client.signs, key);
      EXPECT_EQ(finding.level, Level::kUnknown) << key;
      EXPECT_TRUE(SaysNotRecorded(finding)) << key;
      EXPECT_TRUE(finding.evidence.empty()) << key;
      for (const Metric& metric : finding.metrics) {
        EXPECT_EQ(metric.kind, Metric::Kind::kUnknown) << key << "." << metric.name;
      }
    }
    // Only what the hours show may weigh: after-hours work, or nothing.
    const Level time_drain = FindingOrEmpty(client.signs, "time_drain").level;
    if (time_drain == Level::kRed) {
      EXPECT_EQ(client.verdict, Verdict::kRenegotiate);
    } else {
      EXPECT_EQ(client.verdict, Verdict::kInsufficientData);
      EXPECT_EQ(client.archetype, kNewcomer);
    }
    EXPECT_TRUE(client.economics.underpay_gap.is_zero());
    EXPECT_TRUE(client.economics.late_cost.is_zero());
    EXPECT_TRUE(client.economics.hidden_cost.is_zero());
  }
}

TEST_F(CoverageTest, TheCoverageViewListsExactlyWhatIsThere) {
  ADDIO_REAL_FILE(file, kTogglExport);
  ImportFile(file);
  auto stored = store_->Coverage();
  ASSERT_TRUE(stored) << stored.error().message.In(Lang::kEn);
  const Coverage coverage = DescribeCoverage(*stored, Workspace{});  // Europe/Rome
  ASSERT_EQ(coverage.types.size(), RecordTypeNames().size());
  const Ledger ledger = *store_->Load();
  for (const CoverageLine& line : coverage.types) {
    SCOPED_TRACE(line.type);
    const bool held = line.type == "client" || line.type == "project" || line.type == "work";
    EXPECT_EQ(line.records > 0, held);
    EXPECT_EQ(line.sources, held ? std::vector<std::string>{"toggl"} : std::vector<std::string>{});
    EXPECT_EQ(coverage.held.Has(line.type), held);
  }
  EXPECT_EQ(coverage.types[4].records, ledger.work.size());
  EXPECT_EQ(coverage.types[4].first, *CivilDate::Parse("2018-10-08"));
  ASSERT_TRUE(coverage.types[4].last);
  EXPECT_LE(*coverage.types[4].last, *CivilDate::Parse("2018-10-14"));
  EXPECT_LE(*coverage.types[4].first, *coverage.types[4].last);
  EXPECT_EQ(coverage.types[0].records, ledger.clients.size());
  // What is missing names the signs it leaves unknown, and is what to import next.
  const auto left_unknown = [&coverage](std::string_view type) {
    std::vector<std::string> keys;
    for (const CoverageLine& line : coverage.types) {
      if (line.type != type) continue;
      for (const SignDefinition* sign : line.leaves_unknown) keys.emplace_back(sign->key());
    }
    return keys;
  };
  EXPECT_EQ(left_unknown("contract"), std::vector<std::string>{"no_contract"});
  EXPECT_EQ(left_unknown("invoice"),
            (std::vector<std::string>{"underpaying", "late_payment", "non_payment"}));
  EXPECT_EQ(left_unknown("payment"), (std::vector<std::string>{"late_payment", "non_payment"}));
  EXPECT_TRUE(left_unknown("request").empty());  // projects are held: scope_creep can be judged
  EXPECT_TRUE(left_unknown("rate_change").empty());
  EXPECT_EQ(coverage.next, (std::vector<std::string>{"contract", "invoice", "payment"}));
  std::vector<std::string> judged;
  for (const SignDefinition* sign : coverage.judged) judged.emplace_back(sign->key());
  EXPECT_EQ(judged, (std::vector<std::string>{"scope_creep", "time_drain"}));
  // The file read as a ledger says the same of its records.
  const Coverage of_ledger = DescribeCoverage(CoverageOf(ledger, "ledger"), Workspace{});
  for (size_t i = 0; i < coverage.types.size(); ++i) {
    EXPECT_EQ(of_ledger.types[i].records, coverage.types[i].records);
    EXPECT_EQ(of_ledger.types[i].first, coverage.types[i].first);
    EXPECT_EQ(of_ledger.types[i].last, coverage.types[i].last);
  }
}

// The store dates each kind of record in SQL (Store::Coverage), a ledger file in C++
// (CoverageOf): on the demo and a credit note, every kind held, they agree type by type.
TEST_F(CoverageTest, TheStoreAndALedgerFileDateEveryKindOfRecordAlike) {
  Ledger demo = DemoLedger();
  const Invoice& corrected = demo.invoices.front();  // the demo has no credit note: one more
  demo.credit_notes.push_back({"cn-coverage", corrected.client, corrected.id,
                               corrected.issued.AddDays(5),
                               *Money::Parse("1.00", corrected.amount.currency()), "test"});
  ImportRecords(demo);
  auto stored = store_->Coverage();
  ASSERT_TRUE(stored) << stored.error().message.In(Lang::kEn);
  const Coverage from_store = DescribeCoverage(*stored, demo.workspace);
  const Coverage from_file = DescribeCoverage(CoverageOf(demo, "ledger"), demo.workspace);
  ASSERT_EQ(from_store.types.size(), from_file.types.size());
  for (size_t i = 0; i < from_store.types.size(); ++i) {
    SCOPED_TRACE(from_store.types[i].type);
    EXPECT_GT(from_store.types[i].records, 0u);
    EXPECT_EQ(from_store.types[i].records, from_file.types[i].records);
    EXPECT_EQ(from_store.types[i].first, from_file.types[i].first);
    EXPECT_EQ(from_store.types[i].last, from_file.types[i].last);
  }
}

TEST_F(CoverageTest, OneContractBringsNoContractBackForEveryClient) {
  ADDIO_REAL_FILE(file, kTogglExport);
  ImportFile(file);
  auto before = StoredLines(*store_, *store_->LoadWorkspace(), kAsOf);
  ASSERT_TRUE(before) << before.error().message.In(Lang::kEn);
  const size_t no_contract = *SignRegistry::Get().IndexOf("no_contract");
  for (const PortfolioLine& line : *before) EXPECT_EQ(line.levels[no_contract], Level::kUnknown);

  const Ledger stored = *store_->Load();
  Ledger contract;
  contract.contracts.push_back({.id = "k1",
                                .client = stored.clients.front().id,
                                .sent = *CivilDate::Parse("2018-10-01"),
                                .signed_on = *CivilDate::Parse("2018-10-02")});
  ImportRecords(contract);

  const Assessment assessment = AssessAll();
  for (const ClientAssessment& client : assessment.clients) {
    SCOPED_TRACE(client.client);
    const Finding& finding = FindingOrEmpty(client.signs, "no_contract");
    EXPECT_FALSE(SaysNotRecorded(finding));
    EXPECT_NE(finding.level, Level::kUnknown);  // every client worked that week
  }
  // The kept lines of the clients the import did not touch are made again too.
  auto after = StoredLines(*store_, *store_->LoadWorkspace(), kAsOf);
  ASSERT_TRUE(after);
  ASSERT_EQ(after->size(), assessment.clients.size());
  for (size_t i = 0; i < after->size(); ++i) {
    EXPECT_EQ((*after)[i].levels[no_contract], assessment.clients[i].signs[no_contract].level);
    EXPECT_EQ((*after)[i].verdict, assessment.clients[i].verdict);
  }
  // And one client's assessment from the store agrees.
  auto one = AssessStoredClient(*store_, assessment.clients.back().client, kAsOf);
  ASSERT_TRUE(one);
  EXPECT_FALSE(SaysNotRecorded(FindingOrEmpty(one->clients.front().signs, "no_contract")));
}

TEST_F(CoverageTest, ImportHintsNameWhatIsMissingUntilItIsThere) {
  RecordTypes held;
  held.Add("client");
  held.Add("work");
  std::vector<std::string> hinted;
  for (const Message& hint : CoverageHints(held)) hinted.push_back(hint.In(Lang::kEn));
  // Contracts, projects and requests (either would do for scope creep), invoices, payments.
  ASSERT_EQ(hinted.size(), 5u);
  EXPECT_EQ(hinted[0].rfind("Contracts: none recorded, so “No contract” cannot be judged.", 0), 0u)
      << hinted[0];
  EXPECT_EQ(hinted[3].rfind("Invoices: none recorded, so “Underpaying”, “Late payment” and "
                            "“Non-payment” cannot be judged.",
                            0),
            0u)
      << hinted[3];
  held.Add("contract");
  held.Add("project");
  held.Add("invoice");
  held.Add("payment");
  EXPECT_TRUE(CoverageHints(held).empty());
  EXPECT_TRUE(CoverageHints(RecordTypes::All()).empty());
}

TEST(CoverageWordsTest, EverySignNeedsRecordTypesWithWordsInBothLanguages) {
  const auto names = RecordTypeNames();
  for (const SignDefinition* sign : AllSigns()) {
    SCOPED_TRACE(std::string(sign->key()));
    EXPECT_FALSE(sign->needs().empty());
    for (const std::vector<std::string_view>& group : sign->needs()) {
      ASSERT_FALSE(group.empty());
      for (std::string_view type : group) {
        EXPECT_NE(std::find(names.begin(), names.end(), type), names.end()) << type;
      }
      EXPECT_TRUE(HasEntry("coverage.not_recorded." + NeedsKey(group))) << NeedsKey(group);
    }
  }
  for (std::string_view type : names) {
    EXPECT_TRUE(HasEntry("coverage.add." + std::string(type))) << type;
    EXPECT_TRUE(HasEntry("record_type." + std::string(type))) << type;
  }
}

}  // namespace
}  // namespace addio
