// Similar past clients: the distance over the answers, and the search over a workspace
// whose clients carry intake answers.
#include "profile/similar.h"

#include <gtest/gtest.h>

#include "gen/demo.h"

namespace addio {
namespace {

IntakeAnswers Calm() {
  IntakeAnswers a;
  a.payment_reputation = PaymentReputation::kGood;
  return a;
}

IntakeAnswers Worst() {
  IntakeAnswers a;
  a.will_sign_contract = WillSign::kNo;
  a.budget_ratio = 0.2;
  a.accepts_deposit = false;
  a.payment_terms_days = 120;
  a.scope_clarity = ScopeClarity::kVague;
  a.timeline_ratio = 0.1;
  a.providers_replaced = 9;
  a.contact_hours = ContactHours::kAnytime;
  a.decision_maker = DecisionMaker::kUnclear;
  a.payment_reputation = PaymentReputation::kBad;
  return a;
}

TEST(SimilarTest, DistanceIsAMeanOverTheAnswers) {
  IntakeAnswers calm = Calm();
  calm.budget_ratio = 1.2;
  calm.timeline_ratio = 1.2;
  calm.payment_terms_days = 0;
  EXPECT_DOUBLE_EQ(AnswerDistance(calm, calm), 0.0);
  EXPECT_DOUBLE_EQ(AnswerDistance(calm, Worst()), 1.0);
  EXPECT_DOUBLE_EQ(AnswerDistance(Worst(), calm), 1.0);

  IntakeAnswers one = calm;
  one.will_sign_contract = WillSign::kHesitant;  // half a step on one answer of ten
  EXPECT_DOUBLE_EQ(AnswerDistance(calm, one), 0.05);
  IntakeAnswers clamped = calm;
  clamped.budget_ratio = 3.0;  // beyond 1.2 counts as 1.2
  EXPECT_DOUBLE_EQ(AnswerDistance(calm, clamped), 0.0);
}

// The demo, with answers on file for a few clients.
Ledger DemoWithIntakes() {
  Ledger ledger = DemoLedger();
  for (Client& client : ledger.clients) {
    if (client.id == "gallo") client.intake = IntakeJson(Worst());
    if (client.id == "lumen") client.intake = IntakeJson(Calm());
    if (client.id == "fontana") client.intake = "{\"will_sign_contract\": ";  // broken
  }
  return ledger;
}

TEST(SimilarTest, NearestPastClientsComeFirstWithHowTheyTurnedOut) {
  const Ledger ledger = DemoWithIntakes();
  IntakeAnswers prospect = Worst();
  prospect.providers_replaced = 4;
  auto similar = FindSimilarClients(prospect, ledger, DemoAsOf());
  ASSERT_TRUE(similar.has_value()) << similar.error().message.In(Lang::kEn);
  // gallo, lumen and bottega-verde (the demo's own intake); fontana's answers are broken.
  ASSERT_EQ(similar->size(), 3u);
  EXPECT_EQ((*similar)[0].client, "gallo");
  EXPECT_EQ((*similar)[0].verdict, Verdict::kPartWays);
  EXPECT_EQ((*similar)[0].archetype, (Archetype{"non_payer"}));
  EXPECT_GT((*similar)[0].similarity, (*similar)[1].similarity);
  EXPECT_EQ((*similar)[2].client, "lumen");
  EXPECT_EQ((*similar)[2].verdict, Verdict::kKeep);
}

TEST(SimilarTest, LimitAndExclusion) {
  const Ledger ledger = DemoWithIntakes();
  auto similar = FindSimilarClients(Worst(), ledger, DemoAsOf(), {1, "gallo"});
  ASSERT_TRUE(similar.has_value());
  ASSERT_EQ(similar->size(), 1u);
  EXPECT_NE((*similar)[0].client, "gallo");
}

TEST(SimilarTest, NoAnswersOnFileGivesNothing) {
  Ledger ledger = DemoLedger();
  for (Client& client : ledger.clients) client.intake.clear();
  auto similar = FindSimilarClients(Calm(), ledger, DemoAsOf());
  ASSERT_TRUE(similar.has_value());
  EXPECT_TRUE(similar->empty());
}

}  // namespace
}  // namespace addio
