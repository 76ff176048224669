// The portfolio's lines from the store are those of the whole ledger's assessment, kept
// and reused while current, made again when an import, a setting, another build or a
// moved reference rate makes them stale; and they sort, filter and page as the dashboard
// does.
#include "verdict/portfolio_lines.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/build_id.h"
#include "generated_store.h"
#include "signals/sign.h"
#include "store/store.h"

namespace addio {
namespace {

const CivilDate kAsOf = *CivilDate::Parse("2026-10-31");

class PortfolioLinesTest : public GeneratedStoreTest {
 protected:
  std::vector<PortfolioLine> Lines(CivilDate as_of = kAsOf) {
    auto lines = StoredLines(*store_, *store_->LoadWorkspace(), as_of);
    EXPECT_TRUE(lines) << lines.error().message.In(Lang::kEn);
    return lines ? std::move(*lines) : std::vector<PortfolioLine>{};
  }

  // Every line of the store against the whole ledger's assessment: the same clients, and
  // each line what LineOf makes of that client's assessment (made against the line's
  // reference, which the assessment's underpaying metrics then confirm).
  void ExpectLinesOfWholeLedger(CivilDate as_of = kAsOf) {
    const std::vector<PortfolioLine> lines = Lines(as_of);
    auto assessment = Assess(*store_->Load(), as_of);
    ASSERT_TRUE(assessment);
    ASSERT_EQ(lines.size(), assessment->clients.size());
    for (size_t i = 0; i < lines.size(); ++i) {
      const ClientAssessment& client = assessment->clients[i];
      ASSERT_EQ(lines[i].client, client.client);
      EXPECT_EQ(EncodeLine(lines[i]), EncodeLine(LineOf(client, lines[i].reference, lines[i].held)))
          << client.client;
      const Finding* underpaying = FindingOf(client.signs, "underpaying");
      ASSERT_NE(underpaying, nullptr);
      const Metric* reference = underpaying->FindMetric("reference_rate");
      ASSERT_NE(reference, nullptr);
      if (lines[i].reference.rate) {
        EXPECT_EQ(reference->money, *lines[i].reference.rate) << client.client;
      } else {
        EXPECT_EQ(reference->kind, Metric::Kind::kUnknown) << client.client;
      }
    }
  }

  // Which clients have a line kept for `as_of`.
  std::vector<std::string> KeptClients(CivilDate as_of = kAsOf) {
    const KeptLines kept = *store_->LoadLines(as_of);
    std::vector<std::string> out;
    for (size_t i = 0; i < kept.clients.size(); ++i) {
      if (!kept.lines[i].empty()) out.push_back(kept.clients[i]);
    }
    return out;
  }

  // Replaces the line kept for `client` with `text`.
  void Keep(const std::string& client, const std::string& text) {
    const KeptLines kept = *store_->LoadLines(kAsOf);
    ASSERT_TRUE(*store_->SaveLines(kAsOf, {{client, text}}, kept.seen));
  }
};

TEST_F(PortfolioLinesTest, EveryLineIsTheWholeLedgersAndIsKept) {
  EXPECT_TRUE(KeptClients().empty());
  ExpectLinesOfWholeLedger();
  EXPECT_EQ(KeptClients().size(), 40u);
}

TEST_F(PortfolioLinesTest, AKeptLineIsReadNotMadeAgain) {
  const std::vector<PortfolioLine> lines = Lines();
  PortfolioLine marked = lines[4];
  marked.name = "Kept\tline \\ with\nodd characters";
  Keep(marked.client, EncodeLine(marked));
  EXPECT_EQ(Lines()[4].name, marked.name);
}

TEST_F(PortfolioLinesTest, ALineOfAnotherBuildOrDamagedIsMadeAgain) {
  const std::vector<PortfolioLine> lines = Lines();
  std::string other_build = EncodeLine(lines[2]);
  const std::string id(BuildId());
  other_build.replace(other_build.find(id), id.size(), std::string(id.size(), '0'));
  Keep(lines[2].client, other_build);
  Keep(lines[3].client, "line/1\tgarbage");
  EXPECT_EQ(EncodeLine(Lines()[2]), EncodeLine(lines[2]));
  EXPECT_EQ(EncodeLine(Lines()[3]), EncodeLine(lines[3]));
  EXPECT_EQ(KeptClients().size(), 40u);
}

TEST_F(PortfolioLinesTest, AnImportDropsTheLinesOfTheClientsItWroteAndMovedReferencesRemakeOthers) {
  const std::vector<PortfolioLine> before = Lines();
  // A large invoice takes the client with the lowest rate above every other, and so moves
  // the median the others are compared with.
  std::string busy;
  std::optional<Money> lowest;
  for (const PortfolioLine& line : before) {
    const std::optional<Money>& rate = line.economics.effective_rate;
    if (rate && (!lowest || *rate < *lowest)) {
      lowest = rate;
      busy = line.client;
    }
  }
  ASSERT_FALSE(busy.empty());
  Ledger more;
  more.invoices = {Invoice{.id = "big-invoice",
                           .client = busy,
                           .issued = *CivilDate::Parse("2026-09-01"),
                           .due = *CivilDate::Parse("2026-10-01"),
                           .amount = Money(9'000'000, *Currency::Find("EUR"))}};
  Import(more);
  const std::vector<std::string> kept = KeptClients();
  EXPECT_EQ(kept.size(), 39u);
  EXPECT_EQ(std::ranges::find(kept, busy), kept.end());
  ExpectLinesOfWholeLedger();
  size_t moved = 0;
  const std::vector<PortfolioLine> after = Lines();
  for (size_t i = 0; i < after.size(); ++i) {
    if (after[i].client != busy && !(after[i].reference == before[i].reference)) ++moved;
  }
  EXPECT_GT(moved, 0u) << "the test needs a reference rate that moved";
}

TEST_F(PortfolioLinesTest, ASettingChangeDropsEveryLine) {
  Lines();
  ASSERT_TRUE(store_->SetSetting("underpaying.min_hours", 2));
  EXPECT_TRUE(KeptClients().empty());
  ExpectLinesOfWholeLedger();
}

TEST_F(PortfolioLinesTest, OneDateIsKeptAtATime) {
  Lines();
  const CivilDate earlier = *CivilDate::Parse("2026-06-30");
  ExpectLinesOfWholeLedger(earlier);
  EXPECT_TRUE(KeptClients(kAsOf).empty());
  EXPECT_EQ(KeptClients(earlier).size(), 40u);
}

// Lines are made from records read after the kept ones were: a write in between (another
// process importing) must keep them from being saved.
TEST_F(PortfolioLinesTest, LinesAreNotSavedWhenAWriteCameAfterTheyWereRead) {
  const std::vector<PortfolioLine> lines = Lines();
  const KeptLines read = *store_->LoadLines(kAsOf);
  Ledger more;
  more.payments = {Payment{.id = "late-arrival",
                           .client = lines[2].client,
                           .date = *CivilDate::Parse("2026-10-20"),
                           .amount = Money(1000, *Currency::Find("EUR"))}};
  Import(more);
  auto saved = store_->SaveLines(kAsOf, {{lines[2].client, EncodeLine(lines[2])}}, read.seen);
  ASSERT_TRUE(saved);
  EXPECT_FALSE(*saved);
  EXPECT_EQ(KeptClients().size(), 39u);
  ExpectLinesOfWholeLedger();
}

TEST_F(PortfolioLinesTest, TheTextOfALineReadsBackAsItWas) {
  for (const PortfolioLine& line : Lines()) {
    auto back = DecodeLine(line.client, EncodeLine(line), *Currency::Find("EUR"));
    ASSERT_TRUE(back) << line.client;
    EXPECT_EQ(EncodeLine(*back), EncodeLine(line));
    EXPECT_EQ(back->economics.hours, line.economics.hours);
  }
  EXPECT_FALSE(DecodeLine("x", "", *Currency::Find("EUR")));
  EXPECT_FALSE(DecodeLine("x", "line/0\tanything", *Currency::Find("EUR")));
}

// --- Ordering, filtering, paging.

PortfolioLine Line(std::string client, std::string name, Verdict verdict, int score,
                   int64_t revenue_cents, std::vector<Level> levels) {
  const Currency eur = *Currency::Find("EUR");
  PortfolioLine line{.client = std::move(client),
                     .name = std::move(name),
                     .verdict = verdict,
                     .score = score,
                     .levels = std::move(levels)};
  line.economics.revenue = Money(revenue_cents, eur);
  line.economics.hidden_cost = Money(revenue_cents / 10, eur);
  line.economics.net_value = Money(revenue_cents - revenue_cents / 10, eur);
  line.economics.overdue_amount = Money::Zero(eur);
  return line;
}

std::vector<std::string> Ids(const std::vector<PortfolioLine>& lines,
                             const std::vector<uint32_t>& order) {
  std::vector<std::string> out;
  for (const uint32_t i : order) out.push_back(lines[i].client);
  return out;
}

std::vector<std::string> Ids(const LinePage& page) {
  std::vector<std::string> out;
  for (const PortfolioLine* line : page.lines) out.push_back(line->client);
  return out;
}

class LineOrderTest : public ::testing::Test {
 protected:
  const Level g = Level::kGreen, a = Level::kAmber, r = Level::kRed;
  std::vector<PortfolioLine> lines_ = {
      Line("c1", "beta srl", Verdict::kKeep, 100, 50000, {g, g, g, g, g, g}),
      Line("c2", "Alfa SpA", Verdict::kPartWays, 40, 90000, {r, g, g, g, r, g}),
      Line("c3", "gamma", Verdict::kWatch, 80, 10000, {g, a, g, g, g, g}),
      Line("c4", "ALFA bis", Verdict::kPartWays, 30, 20000, {g, g, a, g, g, r}),
      Line("c5", "delta", Verdict::kRenegotiate, 60, 50000, {a, a, a, g, g, g}),
  };
};

TEST_F(LineOrderTest, SortsByEachColumnThenById) {
  auto ids = [&](const char* key) { return Ids(lines_, OrderLines(lines_, *ParseLineOrder(key))); };
  using V = std::vector<std::string>;
  EXPECT_EQ(ids("verdict"), (V{"c4", "c2", "c5", "c3", "c1"}));
  EXPECT_EQ(ids("-verdict"), (V{"c1", "c3", "c5", "c2", "c4"}));
  EXPECT_EQ(ids("name"), (V{"c4", "c2", "c1", "c5", "c3"}));
  EXPECT_EQ(ids("score"), (V{"c4", "c2", "c5", "c3", "c1"}));
  EXPECT_EQ(ids("signs"), (V{"c1", "c3", "c5", "c4", "c2"}));
  EXPECT_EQ(ids("revenue"), (V{"c3", "c4", "c1", "c5", "c2"}));
  EXPECT_EQ(ids("-revenue"), (V{"c2", "c1", "c5", "c4", "c3"}));
  EXPECT_EQ(ids("-hidden_cost"), (V{"c2", "c1", "c5", "c4", "c3"}));
  EXPECT_EQ(ids("net_value"), (V{"c3", "c4", "c1", "c5", "c2"}));
}

TEST_F(LineOrderTest, ReadsAndWritesTheOrderKeys) {
  for (const char* key :
       {"name", "-name", "verdict", "-score", "signs", "revenue", "-hidden_cost", "net_value"}) {
    auto order = ParseLineOrder(key);
    ASSERT_TRUE(order) << key;
    EXPECT_EQ(LineOrderKey(*order), key);
  }
  for (const char* bad : {"", "-", "Name", "--name", "client", "verdict "}) {
    EXPECT_FALSE(ParseLineOrder(bad)) << bad;
  }
}

TEST_F(LineOrderTest, FiltersAndPages) {
  const std::vector<uint32_t> order = OrderLines(lines_, {});
  using V = std::vector<std::string>;
  LinePage page = SelectPage(lines_, order, {.text = "alfa"}, 1, 10);
  EXPECT_EQ(Ids(page), (V{"c4", "c2"}));
  EXPECT_EQ(SelectPage(lines_, order, {.text = "C3"}, 1, 10).matched, 1u);
  page = SelectPage(lines_, order, {.verdict = Verdict::kPartWays}, 1, 10);
  EXPECT_EQ(Ids(page), (V{"c4", "c2"}));
  page = SelectPage(lines_, order, {.sign = SignKey(AllSigns()[1])}, 1, 10);
  EXPECT_EQ(Ids(page), (V{"c5", "c3"}));
  page = SelectPage(lines_, order, {}, 2, 2);
  EXPECT_EQ(page.matched, 5u);
  EXPECT_EQ(Ids(page), (V{"c5", "c3"}));
  page = SelectPage(lines_, order, {}, 3, 2);
  EXPECT_EQ(Ids(page), (V{"c1"}));
  page = SelectPage(lines_, order, {}, 9, 2);
  EXPECT_EQ(page.matched, 5u);
  EXPECT_TRUE(page.lines.empty());
}

TEST_F(LineOrderTest, TotalsCountEveryLine) {
  const LineTotals totals = TotalLines(lines_, *Currency::Find("EUR"));
  EXPECT_EQ(totals.verdicts[static_cast<size_t>(Verdict::kPartWays)], 2u);
  EXPECT_EQ(totals.verdicts[static_cast<size_t>(Verdict::kKeep)], 1u);
  EXPECT_EQ(totals.revenue.ToString(), "2200.00");
  EXPECT_EQ(totals.hidden_cost.ToString(), "220.00");
}

}  // namespace
}  // namespace addio
