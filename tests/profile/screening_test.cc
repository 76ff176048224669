// Screening rules of DESIGN.md section 6 at each boundary, the risk, the archetype and the
// decision.
#include "profile/screening.h"

#include <gtest/gtest.h>

namespace addio {
namespace {

// A prospect with nothing to worry about; each test changes one or two answers.
IntakeAnswers Calm() {
  IntakeAnswers a;
  a.will_sign_contract = WillSign::kYes;
  a.budget_ratio = 1.0;
  a.accepts_deposit = true;
  a.payment_terms_days = 30;
  a.scope_clarity = ScopeClarity::kClear;
  a.timeline_ratio = 1.0;
  a.providers_replaced = 0;
  a.contact_hours = ContactHours::kBusiness;
  a.decision_maker = DecisionMaker::kSingle;
  a.payment_reputation = PaymentReputation::kGood;
  return a;
}

Level LevelOf(const IntakeAnswers& answers, const SignDefinition* sign) {
  return ScreenProspect(answers).signals[*SignRegistry::Get().IndexOf(sign->key())].level;
}

template <typename F>
Level With(const SignDefinition* sign, F change) {
  IntakeAnswers a = Calm();
  change(a);
  return LevelOf(a, sign);
}

TEST(ScreeningTest, ACalmProspectIsAcceptedAsAPartner) {
  const Screening s = ScreenProspect(Calm());
  for (const PredictedSign& sign : s.signals) {
    EXPECT_EQ(sign.level, Level::kGreen) << SignKey(sign.sign);
    ASSERT_FALSE(sign.reasons.empty()) << SignKey(sign.sign);
    EXPECT_FALSE(sign.reasons.front().In(Lang::kEn).empty());
    EXPECT_FALSE(sign.reasons.front().In(Lang::kIt).empty());
  }
  EXPECT_EQ(s.risk, 0);
  EXPECT_EQ(s.archetype, kPartner);
  EXPECT_EQ(s.decision, Decision::kAccept);
  // A first job is a newcomer's: never looser than a newcomer's terms.
  EXPECT_EQ(s.terms, StricterTerms(StrategyFor(kPartner).terms, StrategyFor(kNewcomer).terms));
}

TEST(ScreeningTest, BudgetRatioBoundaries) {
  const auto budget = [](double ratio) {
    return With(SignNamed("underpaying"), [ratio](IntakeAnswers& a) { a.budget_ratio = ratio; });
  };
  EXPECT_EQ(budget(0.5999), Level::kRed);
  EXPECT_EQ(budget(0.6), Level::kAmber);
  EXPECT_EQ(budget(0.8499), Level::kAmber);
  EXPECT_EQ(budget(0.85), Level::kGreen);
  EXPECT_EQ(budget(1.5), Level::kGreen);
}

TEST(ScreeningTest, TimelineRatioBoundaries) {
  const auto timeline = [](double ratio) {
    return With(SignNamed("time_drain"), [ratio](IntakeAnswers& a) { a.timeline_ratio = ratio; });
  };
  EXPECT_EQ(timeline(0.4999), Level::kRed);
  EXPECT_EQ(timeline(0.5), Level::kAmber);
  EXPECT_EQ(timeline(0.7999), Level::kAmber);
  EXPECT_EQ(timeline(0.8), Level::kGreen);
}

TEST(ScreeningTest, ContactHoursAndTheWorstTimeDrainRule) {
  EXPECT_EQ(With(SignNamed("time_drain"),
                 [](IntakeAnswers& a) { a.contact_hours = ContactHours::kAnytime; }),
            Level::kRed);
  EXPECT_EQ(With(SignNamed("time_drain"),
                 [](IntakeAnswers& a) { a.contact_hours = ContactHours::kExtended; }),
            Level::kAmber);
  // The worst of the rules, not a sum: two ambers stay amber.
  const IntakeAnswers both = [] {
    IntakeAnswers a = Calm();
    a.contact_hours = ContactHours::kExtended;
    a.timeline_ratio = 0.7;
    return a;
  }();
  EXPECT_EQ(LevelOf(both, SignNamed("time_drain")), Level::kAmber);
  EXPECT_EQ(ScreenProspect(both).signals[*SignRegistry::Get().IndexOf("time_drain")].reasons.size(),
            2u);
}

TEST(ScreeningTest, PaymentTermsBoundaries) {
  const auto terms = [](int days) {
    return With(SignNamed("late_payment"),
                [days](IntakeAnswers& a) { a.payment_terms_days = days; });
  };
  EXPECT_EQ(terms(0), Level::kGreen);
  EXPECT_EQ(terms(30), Level::kGreen);
  EXPECT_EQ(terms(31), Level::kAmber);
  EXPECT_EQ(terms(60), Level::kAmber);
  EXPECT_EQ(terms(61), Level::kRed);
}

TEST(ScreeningTest, RefusingADepositIsAmberForLatePayment) {
  EXPECT_EQ(With(SignNamed("late_payment"), [](IntakeAnswers& a) { a.accepts_deposit = false; }),
            Level::kAmber);
  // ... and stays red when the terms are already red.
  EXPECT_EQ(With(SignNamed("late_payment"),
                 [](IntakeAnswers& a) {
                   a.accepts_deposit = false;
                   a.payment_terms_days = 90;
                 }),
            Level::kRed);
}

TEST(ScreeningTest, ScopeCreepCombinations) {
  const auto scope = [](ScopeClarity clarity, DecisionMaker maker, int replaced) {
    return With(SignNamed("scope_creep"), [=](IntakeAnswers& a) {
      a.scope_clarity = clarity;
      a.decision_maker = maker;
      a.providers_replaced = replaced;
    });
  };
  using C = ScopeClarity;
  using M = DecisionMaker;
  EXPECT_EQ(scope(C::kPartial, M::kCommittee, 0), Level::kGreen);
  EXPECT_EQ(scope(C::kVague, M::kSingle, 0), Level::kAmber);
  EXPECT_EQ(scope(C::kClear, M::kUnclear, 0), Level::kAmber);
  EXPECT_EQ(scope(C::kVague, M::kUnclear, 0), Level::kRed);
  // providers_replaced: 3 is amber, 2 is not; amber already makes it red.
  EXPECT_EQ(scope(C::kClear, M::kSingle, 2), Level::kGreen);
  EXPECT_EQ(scope(C::kClear, M::kSingle, 3), Level::kAmber);
  EXPECT_EQ(scope(C::kVague, M::kSingle, 3), Level::kRed);
  EXPECT_EQ(scope(C::kClear, M::kUnclear, 3), Level::kRed);
  EXPECT_EQ(scope(C::kVague, M::kUnclear, 5), Level::kRed);
}

TEST(ScreeningTest, ContractAndReputation) {
  EXPECT_EQ(With(SignNamed("no_contract"),
                 [](IntakeAnswers& a) { a.will_sign_contract = WillSign::kNo; }),
            Level::kRed);
  EXPECT_EQ(With(SignNamed("no_contract"),
                 [](IntakeAnswers& a) { a.will_sign_contract = WillSign::kHesitant; }),
            Level::kAmber);
  EXPECT_EQ(With(SignNamed("non_payment"),
                 [](IntakeAnswers& a) { a.payment_reputation = PaymentReputation::kBad; }),
            Level::kRed);
  EXPECT_EQ(With(SignNamed("non_payment"),
                 [](IntakeAnswers& a) { a.payment_reputation = PaymentReputation::kUnknown; }),
            Level::kGreen);
  EXPECT_EQ(With(SignNamed("non_payment"),
                 [](IntakeAnswers& a) {
                   a.payment_reputation = PaymentReputation::kUnknown;
                   a.accepts_deposit = false;
                 }),
            Level::kAmber);
  // A good reputation needs no deposit to stay green.
  EXPECT_EQ(With(SignNamed("non_payment"), [](IntakeAnswers& a) { a.accepts_deposit = false; }),
            Level::kGreen);
}

TEST(ScreeningTest, DecisionRules) {
  IntakeAnswers a = Calm();
  a.will_sign_contract = WillSign::kNo;  // no_contract red alone declines
  EXPECT_EQ(ScreenProspect(a).decision, Decision::kDecline);

  a = Calm();
  a.payment_reputation = PaymentReputation::kBad;  // non_payment red alone declines
  EXPECT_EQ(ScreenProspect(a).decision, Decision::kDecline);

  a = Calm();
  a.budget_ratio = 0.5;  // one red elsewhere: accept with terms
  EXPECT_EQ(ScreenProspect(a).decision, Decision::kAcceptWithTerms);
  a.timeline_ratio = 0.4;  // two reds decline
  EXPECT_EQ(ScreenProspect(a).decision, Decision::kDecline);

  a = Calm();
  a.will_sign_contract = WillSign::kHesitant;  // any amber: accept with terms
  EXPECT_EQ(ScreenProspect(a).decision, Decision::kAcceptWithTerms);
}

TEST(ScreeningTest, RiskIsOneHundredMinusTheScore) {
  // Weights 1, 1, 1, 1.5, 1.5, 3 (Σ 9); points amber 1, red 3.
  IntakeAnswers a = Calm();
  a.budget_ratio = 0.7;  // underpaying amber: 1.5 → 100 × (1 − 1.5 / 27) = 94.4 → 94
  EXPECT_EQ(ScreenProspect(a).risk, 6);
  a.budget_ratio = 0.5;    // underpaying red: 4.5
  a.timeline_ratio = 0.4;  // time_drain red: 3 → 100 × (1 − 7.5 / 27) = 72.2 → 72
  EXPECT_EQ(ScreenProspect(a).risk, 28);
  IntakeAnswers worst = Calm();
  worst.will_sign_contract = WillSign::kNo;
  worst.scope_clarity = ScopeClarity::kVague;
  worst.decision_maker = DecisionMaker::kUnclear;
  worst.timeline_ratio = 0.1;
  worst.budget_ratio = 0.1;
  worst.payment_terms_days = 120;
  worst.payment_reputation = PaymentReputation::kBad;
  EXPECT_EQ(ScreenProspect(worst).risk, 100);
}

TEST(ScreeningTest, ArchetypeAndTermsFollowTheDominantSign) {
  IntakeAnswers a = Calm();
  a.budget_ratio = 0.7;
  Screening s = ScreenProspect(a);
  EXPECT_EQ(s.archetype, (Archetype{"bargain_hunter"}));
  EXPECT_EQ(s.terms.minimum_fee_hours,
            StrategyFor((Archetype{"bargain_hunter"})).terms.minimum_fee_hours);

  a = Calm();
  a.contact_hours = ContactHours::kAnytime;
  s = ScreenProspect(a);
  EXPECT_EQ(s.archetype, (Archetype{"firefighter"}));
  EXPECT_EQ(s.terms.rush_fee_percent,
            StrategyFor((Archetype{"firefighter"})).terms.rush_fee_percent);
  EXPECT_EQ(&s.strategy(), &StrategyFor((Archetype{"firefighter"})));
}

TEST(ScreeningTest, ReasonsQuoteTheAnswersInBothLanguages) {
  IntakeAnswers a = Calm();
  a.budget_ratio = 0.8;
  a.payment_terms_days = 45;
  const Screening s = ScreenProspect(a);
  const Message& budget = s.signals[*SignRegistry::Get().IndexOf("underpaying")].reasons.front();
  const std::string budget_en = budget.In(Lang::kEn);
  const std::string budget_it = budget.In(Lang::kIt);
  EXPECT_NE(budget_en.find("80%"), std::string::npos) << budget_en;
  EXPECT_NE(budget_it.find("l'80%"), std::string::npos) << budget_it;
  const Message& terms = s.signals[*SignRegistry::Get().IndexOf("late_payment")].reasons.front();
  EXPECT_NE(terms.In(Lang::kEn).find("45 days"), std::string::npos);
  EXPECT_NE(terms.In(Lang::kIt).find("45 giorni"), std::string::npos);
}

TEST(ScreeningTest, DecisionKeysRoundTrip) {
  for (Decision d : {Decision::kDecline, Decision::kAcceptWithTerms, Decision::kAccept}) {
    EXPECT_EQ(ParseDecision(DecisionKey(d)), d);
  }
  EXPECT_EQ(std::string(DecisionKey(Decision::kAcceptWithTerms)), "accept_with_terms");
  EXPECT_FALSE(ParseDecision("maybe").has_value());
}

}  // namespace
}  // namespace addio
