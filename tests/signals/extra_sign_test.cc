// A seventh sign registered in this test binary alone: everything downstream of the
// registry (score, verdict, archetype, actions, JSON, table, Markdown, explain, history)
// picks it up without a line changed outside src/signals/. The sign, "ghosting", is red
// for any client with an invoice whose id starts with "ghost".
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>

#include "gen/demo.h"
#include "profile/screening.h"
#include "report/report.h"
#include "signals/sign.h"
#include "verdict/assessment.h"

namespace addio {
namespace {

class Ghosting final : public SignDefinition {
 public:
  Ghosting()
      : SignDefinition({.key = "ghosting",
                        .weight_halves = 4,
                        .archetype = "ghost",
                        .tie_rank = -1,
                        .red_parts_ways = true,
                        .reads = {"late_payment"}}) {}

  Finding Evaluate(const SignInput& input) const override {
    Finding finding;
    int64_t ghosts = 0;
    for (const Invoice& invoice : input.client.records().invoices) {
      if (invoice.id.rfind("ghost", 0) == 0) ++ghosts;
    }
    // It reads late_payment, which the registry evaluates first.
    const Finding* late = FindingOf(input.findings, "late_payment");
    finding.metrics = {Metric::Count("ghost_invoices", ghosts),
                       Metric::Count("read_late_payment", late && late->sign ? 1 : 0)};
    finding.level = ghosts > 0 ? Level::kRed : Level::kGreen;
    // A built-in sign's keys are in src/report/i18n/{en,it}/signs.json; this test binary
    // cannot add to the catalogue, so its messages render as the key and arguments.
    finding.reasons.push_back(Msg("signs.ghosting.reason.ghosts", ghosts));
    finding.thresholds.push_back(
        {"ghost_invoices", "ghosting.red_invoices", 1, true, Level::kRed, false, {}});
    return finding;
  }

  void Act(const Finding& finding, const Economics&, const Context&,
           ActionPlan& plan) const override {
    if (finding.level == Level::kRed) {
      plan.Add("call_them", 99, this, Msg("signs.ghosting.act.call_them"));
    }
  }

  // A prospect known to pay badly is expected to vanish.
  ScreeningPrediction Screen(const IntakeAnswers& answers) const override {
    if (answers.payment_reputation != PaymentReputation::kBad) return {};
    return {Level::kRed, {Msg("screening.non_payment.bad")}};
  }
};

class ExtraSignTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (SignNamed("ghosting") == nullptr) SignRegistry::Register(std::make_unique<Ghosting>());
  }

  static Ledger DemoWithAGhost() {
    Ledger ledger = DemoLedger();
    Invoice ghost = ledger.invoices.front();
    ghost.id = "ghost-1";
    ghost.client = "lumen";               // a Keep client
    ghost.status = InvoiceStatus::kVoid;  // owed by nobody: no other sign moves
    ledger.invoices.push_back(ghost);
    return ledger;
  }
};

TEST_F(ExtraSignTest, TheRegistryPlacesItLastAndEvaluatesItAfterWhatItReads) {
  const SignRegistry& registry = SignRegistry::Get();
  ASSERT_EQ(registry.signs().back()->key(), "ghosting");
  const auto& order = registry.evaluation_order();
  const auto position = [&](std::string_view key) {
    return std::find(order.begin(), order.end(), *registry.IndexOf(key)) - order.begin();
  };
  EXPECT_LT(position("late_payment"), position("ghosting"));
  EXPECT_LT(position("underpaying"), position("time_drain"));
}

TEST_F(ExtraSignTest, AssessmentScoreVerdictTypeAndActionsUseIt) {
  const auto assessment = Assess(DemoWithAGhost(), DemoAsOf());
  ASSERT_TRUE(assessment.has_value()) << assessment.error().message;
  const size_t ghosting = *SignRegistry::Get().IndexOf("ghosting");
  for (const ClientAssessment& client : assessment->clients) {
    ASSERT_EQ(client.signs.size(), SignRegistry::Get().size());
    const Finding& finding = client.signs[ghosting];
    EXPECT_EQ(finding.sign, SignNamed("ghosting"));
    EXPECT_EQ(*MetricNumber(finding, "read_late_payment"), 1);
    if (client.client == "lumen") {
      EXPECT_EQ(finding.level, Level::kRed);
      EXPECT_EQ(client.verdict, Verdict::kPartWays);       // red alone parts ways
      EXPECT_EQ(ArchetypeKey(client.archetype), "ghost");  // it wins every tie
      ASSERT_FALSE(client.actions.empty());
      EXPECT_EQ(client.actions.front().code, "call_them");
      EXPECT_LT(client.score, 100);
    } else {
      EXPECT_EQ(finding.level, Level::kGreen);
    }
  }
}

TEST_F(ExtraSignTest, EveryOutputFormatShowsIt) {
  const auto assessment = Assess(DemoWithAGhost(), DemoAsOf(), "lumen");
  ASSERT_TRUE(assessment.has_value());
  const ClientAssessment& lumen = assessment->clients.front();
  const std::string json = RenderAssessment(*assessment, {Format::kJson, Lang::kEn});
  const size_t sign = json.find("\"ghosting\": {");
  ASSERT_NE(sign, std::string::npos) << json;
  EXPECT_EQ(json.find("\"severity\": \"red\"", sign), json.find("\"severity\"", sign));
  EXPECT_NE(json.find("\"ghost_invoices\": 1", sign), std::string::npos);
  // A sign with no catalogue entry is still named (its key, readable).
  EXPECT_NE(RenderAssessment(*assessment, {Format::kTable, Lang::kEn}).find("ghosting"),
            std::string::npos);
  EXPECT_NE(RenderAssessment(*assessment, {Format::kHtml, Lang::kEn}).find("sign ghosting red"),
            std::string::npos);
  EXPECT_NE(RenderAssessment(*assessment, {Format::kMarkdown, Lang::kIt}).find("ghosting"),
            std::string::npos);
  const std::string explain = RenderExplain(*assessment, lumen, {Format::kTable, Lang::kIt});
  // Its reason is a message; without catalogue entries it reads as its key and arguments.
  EXPECT_NE(explain.find("signs.ghosting.reason.ghosts 1"), std::string::npos) << explain;
  const auto history = History(DemoWithAGhost(), "lumen", DemoAsOf(), 2);
  ASSERT_TRUE(history.has_value());
  EXPECT_NE(RenderHistory("lumen", lumen.name, *history, {Format::kJson, Lang::kEn})
                .find("\"ghosting\": \"red\""),
            std::string::npos);
}

TEST_F(ExtraSignTest, ScreeningAsksItForItsPrediction) {
  IntakeAnswers answers;
  answers.payment_reputation = PaymentReputation::kGood;
  const size_t ghosting = *SignRegistry::Get().IndexOf("ghosting");
  Screening calm = ScreenProspect(answers);
  ASSERT_EQ(calm.signals.size(), SignRegistry::Get().size());
  EXPECT_EQ(calm.signals[ghosting].level, Level::kGreen);
  EXPECT_TRUE(calm.signals[ghosting].reasons.empty());

  answers.payment_reputation = PaymentReputation::kBad;
  const Screening bad = ScreenProspect(answers);
  EXPECT_EQ(bad.signals[ghosting].level, Level::kRed);
  ASSERT_EQ(bad.signals[ghosting].reasons.size(), 1u);
  EXPECT_EQ(bad.signals[ghosting].reasons[0].In(Lang::kIt),
            "Ha fama di pagare in ritardo o di non pagare affatto.");
  EXPECT_EQ(bad.decision, Decision::kDecline);
  // Both it and the non-payment sign are red; the heavier one names the type.
  EXPECT_EQ(ArchetypeKey(bad.archetype), "non_payer");
}

}  // namespace
}  // namespace addio
