// Score, verdict, archetype, economics and actions (DESIGN.md sections 5 and 6), on
// hand-made findings; Assess and History on small ledgers.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "verdict/assessment.h"
#include "verdict/verdict_rule.h"

namespace addio {
namespace {

using L = Level;

CivilDate D(const char* text) { return *CivilDate::Parse(text); }
Money Eur(const char* text) { return *Money::Parse(text, Currency()); }

// One finding per registered sign with the given levels (registry order) and no metrics.
Findings Signs(const Levels& levels) {
  Findings signs(AllSigns().size());
  for (size_t i = 0; i < signs.size(); ++i) {
    signs[i].sign = AllSigns()[i];
    signs[i].level = levels[i];
  }
  return signs;
}

Finding& Of(Findings& signs, std::string_view key) {
  return signs[*SignRegistry::Get().IndexOf(key)];
}

double WeightOf(std::string_view key) { return SignRegistry::Get().Find(key)->weight(); }

Levels AllOf(Level level) { return Levels(AllSigns().size(), level); }

// nc, sc, td, up, lp, np: the built-in signs, in DESIGN.md's order.
Levels Lv(L nc, L sc, L td, L up, L lp, L np) { return {nc, sc, td, up, lp, np}; }

// The economics of `client` with the reference rate the underpaying finding states.
Economics EconomicsOf(const ClientLedger& client, const Findings& signs, const Context& context) {
  const ClientSnapshot snapshot(client, *context.workspace, context.as_of);
  const std::optional<Money> reference =
      MetricMoney(signs[*SignRegistry::Get().IndexOf("underpaying")], "reference_rate", Currency());
  return ComputeEconomics(snapshot, signs, reference, context);
}

const Money kPositive = Eur("100.00");

struct Fixture {
  Workspace workspace;
  Context Make(CivilDate as_of) {
    Context context;
    context.workspace = &workspace;
    context.as_of = as_of;
    return context;
  }
};

std::vector<std::string> Codes(const std::vector<Action>& actions) {
  std::vector<std::string> codes;
  for (const Action& action : actions) codes.push_back(action.code);
  return codes;
}

// ---- Score ----

TEST(ScoreTest, AllGreenIsHundredAllRedIsZero) {
  EXPECT_EQ(Score(AllOf(L::kGreen)), 100);
  EXPECT_EQ(Score(AllOf(L::kUnknown)), 100);
  EXPECT_EQ(Score(AllOf(L::kRed)), 0);
  EXPECT_EQ(Score(AllOf(L::kAmber)), 67);  // 1 − 9/27
}

TEST(ScoreTest, WeightsAndRounding) {
  // One amber on a weight-1 sign: 100 × (1 − 1/27) = 96.30.
  EXPECT_EQ(Score(Lv(L::kGreen, L::kGreen, L::kAmber, L::kGreen, L::kGreen, L::kGreen)), 96);
  // One amber on underpaying (1.5): 100 × (1 − 1.5/27) = 94.44.
  EXPECT_EQ(Score(Lv(L::kGreen, L::kGreen, L::kGreen, L::kAmber, L::kGreen, L::kGreen)), 94);
  // non_payment red (3 × 3 = 9): 100 × (1 − 9/27) = 66.67.
  EXPECT_EQ(Score(Lv(L::kGreen, L::kGreen, L::kGreen, L::kGreen, L::kGreen, L::kRed)), 67);
  // late_payment red + scope_creep amber: 4.5 + 1 = 5.5 → 79.63.
  EXPECT_EQ(Score(Lv(L::kGreen, L::kAmber, L::kGreen, L::kGreen, L::kRed, L::kGreen)), 80);
  // Unknown counts as green.
  EXPECT_EQ(Score(Lv(L::kUnknown, L::kUnknown, L::kAmber, L::kGreen, L::kGreen, L::kGreen)), 96);
}

TEST(ScoreTest, PointsAndWeights) {
  EXPECT_EQ(LevelPoints(L::kGreen), 0);
  EXPECT_EQ(LevelPoints(L::kAmber), 1);
  EXPECT_EQ(LevelPoints(L::kRed), 3);
  EXPECT_EQ(LevelPoints(L::kUnknown), 0);
  EXPECT_EQ(WeightOf("no_contract"), 1);
  EXPECT_EQ(WeightOf("underpaying"), 1.5);
  EXPECT_EQ(WeightOf("late_payment"), 1.5);
  EXPECT_EQ(WeightOf("non_payment"), 3);
}

// ---- Verdict ----

TEST(VerdictTest, KeepWhenAllGreen) {
  EXPECT_EQ(DecideVerdict(AllOf(L::kGreen), kPositive), Verdict::kKeep);
  // Three unknown is still enough data.
  EXPECT_EQ(
      DecideVerdict(Lv(L::kUnknown, L::kUnknown, L::kUnknown, L::kGreen, L::kGreen, L::kGreen),
                    kPositive),
      Verdict::kKeep);
}

TEST(VerdictTest, NonPaymentOrNoContractRedPartsWays) {
  EXPECT_EQ(
      DecideVerdict(Lv(L::kGreen, L::kGreen, L::kGreen, L::kGreen, L::kGreen, L::kRed), kPositive),
      Verdict::kPartWays);
  EXPECT_EQ(
      DecideVerdict(Lv(L::kRed, L::kGreen, L::kGreen, L::kGreen, L::kGreen, L::kGreen), kPositive),
      Verdict::kPartWays);
}

TEST(VerdictTest, ThreeRedsPartWays) {
  EXPECT_EQ(
      DecideVerdict(Lv(L::kGreen, L::kRed, L::kRed, L::kRed, L::kGreen, L::kGreen), kPositive),
      Verdict::kPartWays);
}

TEST(VerdictTest, TwoRedsPartWaysOnlyWhenNetValueIsNotPositive) {
  const auto two_reds = Lv(L::kGreen, L::kRed, L::kRed, L::kGreen, L::kGreen, L::kGreen);
  EXPECT_EQ(DecideVerdict(two_reds, kPositive), Verdict::kRenegotiate);
  EXPECT_EQ(DecideVerdict(two_reds, Eur("0.00")), Verdict::kPartWays);
  EXPECT_EQ(DecideVerdict(two_reds, Eur("-0.01")), Verdict::kPartWays);
  EXPECT_EQ(DecideVerdict(two_reds, Eur("0.01")), Verdict::kRenegotiate);
}

TEST(VerdictTest, OneRedOrThreeAmbersRenegotiate) {
  EXPECT_EQ(DecideVerdict(Lv(L::kGreen, L::kGreen, L::kGreen, L::kRed, L::kGreen, L::kGreen),
                          Eur("-50.00")),
            Verdict::kRenegotiate);
  EXPECT_EQ(DecideVerdict(Lv(L::kAmber, L::kAmber, L::kAmber, L::kGreen, L::kGreen, L::kGreen),
                          kPositive),
            Verdict::kRenegotiate);
}

TEST(VerdictTest, AnyAmberWatches) {
  EXPECT_EQ(DecideVerdict(Lv(L::kAmber, L::kAmber, L::kGreen, L::kGreen, L::kGreen, L::kGreen),
                          kPositive),
            Verdict::kWatch);
  // Three unknown signs are still enough data to watch on an amber.
  EXPECT_EQ(
      DecideVerdict(Lv(L::kUnknown, L::kUnknown, L::kUnknown, L::kGreen, L::kAmber, L::kGreen),
                    kPositive),
      Verdict::kWatch);
}

TEST(VerdictTest, FourUnknownIsInsufficientData) {
  EXPECT_EQ(
      DecideVerdict(Lv(L::kUnknown, L::kUnknown, L::kUnknown, L::kUnknown, L::kGreen, L::kGreen),
                    kPositive),
      Verdict::kInsufficientData);
  EXPECT_EQ(DecideVerdict(AllOf(L::kUnknown), Eur("0.00")), Verdict::kInsufficientData);
  // Insufficient data comes before watch (rule 3 before rule 4): one amber among four
  // unknown signs is too little to judge by.
  EXPECT_EQ(
      DecideVerdict(Lv(L::kUnknown, L::kUnknown, L::kUnknown, L::kUnknown, L::kAmber, L::kGreen),
                    kPositive),
      Verdict::kInsufficientData);
  // A red still decides.
  EXPECT_EQ(
      DecideVerdict(Lv(L::kUnknown, L::kUnknown, L::kUnknown, L::kUnknown, L::kRed, L::kGreen),
                    kPositive),
      Verdict::kRenegotiate);
}

// The rule that decided names what a person is told: which rule, counting what, and the
// sign whose red alone parted ways.
TEST(VerdictTest, RuleSaysWhichRuleDecided) {
  using R = VerdictRule;
  const auto rule = [](const Levels& levels, const Money& net) {
    return DecideVerdictRule(levels, net);
  };
  const VerdictDecision unpaid =
      rule(Lv(L::kGreen, L::kRed, L::kRed, L::kRed, L::kGreen, L::kRed), kPositive);
  // The decisive red comes before the three reds, and names non_payment.
  EXPECT_EQ(unpaid.rule, R::kDecisiveRed);
  EXPECT_EQ(unpaid.verdict, Verdict::kPartWays);
  EXPECT_EQ(unpaid.count, 4);
  ASSERT_TRUE(unpaid.sign.has_value());
  EXPECT_EQ(SignKey(AllSigns()[*unpaid.sign]), "non_payment");
  const VerdictDecision unsigned_work =
      rule(Lv(L::kRed, L::kGreen, L::kGreen, L::kGreen, L::kGreen, L::kGreen), kPositive);
  EXPECT_EQ(SignKey(AllSigns()[*unsigned_work.sign]), "no_contract");
  // Both decisive signs red: the heavier, non_payment, is named.
  const VerdictDecision both =
      rule(Lv(L::kRed, L::kGreen, L::kGreen, L::kGreen, L::kGreen, L::kRed), kPositive);
  EXPECT_EQ(SignKey(AllSigns()[*both.sign]), "non_payment");

  const VerdictDecision three =
      rule(Lv(L::kGreen, L::kRed, L::kRed, L::kRed, L::kGreen, L::kGreen), kPositive);
  EXPECT_EQ(three.rule, R::kThreeReds);
  EXPECT_EQ(three.count, 3);
  EXPECT_FALSE(three.sign.has_value());
  const auto two_reds = Lv(L::kGreen, L::kRed, L::kRed, L::kGreen, L::kGreen, L::kGreen);
  EXPECT_EQ(rule(two_reds, Eur("0.00")).rule, R::kTwoRedsNoValue);
  EXPECT_EQ(rule(two_reds, kPositive).rule, R::kAnyRed);
  const VerdictDecision ambers =
      rule(Lv(L::kAmber, L::kAmber, L::kAmber, L::kAmber, L::kGreen, L::kGreen), kPositive);
  EXPECT_EQ(ambers.rule, R::kThreeAmbers);
  EXPECT_EQ(ambers.count, 4);
  const VerdictDecision unknown = rule(
      Lv(L::kUnknown, L::kUnknown, L::kUnknown, L::kUnknown, L::kUnknown, L::kAmber), kPositive);
  EXPECT_EQ(unknown.rule, R::kMostlyUnknown);
  EXPECT_EQ(unknown.count, 5);
  EXPECT_EQ(
      rule(Lv(L::kGreen, L::kAmber, L::kGreen, L::kGreen, L::kGreen, L::kGreen), kPositive).rule,
      R::kAnyAmber);
  EXPECT_EQ(rule(AllOf(L::kGreen), kPositive).rule, R::kAllClear);
  EXPECT_STREQ(VerdictRuleKey(R::kTwoRedsNoValue), "two_reds_no_value");
}

TEST(VerdictTest, KeysRoundTrip) {
  for (Verdict v : {Verdict::kKeep, Verdict::kWatch, Verdict::kRenegotiate, Verdict::kPartWays,
                    Verdict::kInsufficientData}) {
    EXPECT_EQ(ParseVerdict(VerdictKey(v)), v);
  }
  EXPECT_STREQ(VerdictKey(Verdict::kPartWays), "part_ways");
  EXPECT_EQ(ParseVerdict("partways"), std::nullopt);
}

// ---- Archetype ----

TEST(ArchetypeTest, PartnerNeedsEnoughData) {
  EXPECT_EQ(ClassifyArchetype(AllOf(L::kGreen)), kPartner);
  EXPECT_EQ(
      ClassifyArchetype(Lv(L::kUnknown, L::kUnknown, L::kUnknown, L::kGreen, L::kGreen, L::kGreen)),
      kPartner);
  EXPECT_EQ(ClassifyArchetype(
                Lv(L::kUnknown, L::kUnknown, L::kUnknown, L::kUnknown, L::kGreen, L::kGreen)),
            kNewcomer);
}

TEST(ArchetypeTest, LargestWeightedPointsWins) {
  // late_payment red 4.5 beats no_contract red 3.
  EXPECT_EQ(ClassifyArchetype(Lv(L::kRed, L::kGreen, L::kGreen, L::kGreen, L::kRed, L::kGreen)),
            (Archetype{"slow_payer"}));
  // underpaying amber 1.5 beats scope_creep amber 1.
  EXPECT_EQ(ClassifyArchetype(Lv(L::kGreen, L::kAmber, L::kGreen, L::kAmber, L::kGreen, L::kGreen)),
            (Archetype{"bargain_hunter"}));
  // With 4 unknown and one amber the data is insufficient, as the verdict says: newcomer.
  EXPECT_EQ(ClassifyArchetype(
                Lv(L::kUnknown, L::kUnknown, L::kAmber, L::kUnknown, L::kUnknown, L::kGreen)),
            kNewcomer);
  // With 3 unknown the amber names the type.
  EXPECT_EQ(
      ClassifyArchetype(Lv(L::kUnknown, L::kGreen, L::kAmber, L::kUnknown, L::kUnknown, L::kGreen)),
      (Archetype{"firefighter"}));
}

TEST(ArchetypeTest, TiesFollowTheDesignOrder) {
  // non_payment amber (3) ties no_contract red (3) and scope_creep red (3).
  EXPECT_EQ(ClassifyArchetype(Lv(L::kRed, L::kRed, L::kGreen, L::kGreen, L::kGreen, L::kAmber)),
            (Archetype{"non_payer"}));
  // no_contract red (3) ties scope_creep red and time_drain red.
  EXPECT_EQ(ClassifyArchetype(Lv(L::kRed, L::kRed, L::kRed, L::kGreen, L::kGreen, L::kGreen)),
            (Archetype{"contract_averse"}));
  // late_payment amber ties underpaying amber (1.5 each).
  EXPECT_EQ(ClassifyArchetype(Lv(L::kGreen, L::kGreen, L::kGreen, L::kAmber, L::kAmber, L::kGreen)),
            (Archetype{"slow_payer"}));
  // scope_creep amber ties time_drain amber.
  EXPECT_EQ(ClassifyArchetype(Lv(L::kGreen, L::kAmber, L::kAmber, L::kGreen, L::kGreen, L::kGreen)),
            (Archetype{"scope_creeper"}));
}

TEST(ArchetypeTest, KeysRoundTrip) {
  for (const char* key : {"partner", "newcomer", "non_payer", "contract_averse", "slow_payer",
                          "bargain_hunter", "scope_creeper", "firefighter"}) {
    const auto archetype = ParseArchetype(key);
    ASSERT_TRUE(archetype.has_value()) << key;
    EXPECT_EQ(ArchetypeKey(*archetype), key);
  }
}

// ---- Economics ----

// 50 hours for 2,000.00 (40.00/h) against a reference of 60.00/h; 5 extra hours; 500.00
// overdue; 100.00 written off; one invoice of 1,000.00 paid 30 days late and one of 500.00
// still open 31 days after its due date.
struct EconomicsCase {
  Fixture fixture;
  ClientLedger client;
  Findings signs = Signs(AllOf(L::kGreen));
  Context context;

  EconomicsCase() {
    fixture.workspace.settings["late_interest.reference_rate"] = 0.0215;
    context = fixture.Make(D("2026-03-31"));
    context.settings.late_interest_reference_rate = 0.0215;
    client.client.id = "acme";
    client.client.name = "ACME";
    client.invoices = {
        {"i1", "acme", D("2026-01-01"), D("2026-01-31"), Eur("1000.00"), InvoiceStatus::kIssued},
        {"i2", "acme", D("2026-01-29"), D("2026-02-28"), Eur("500.00"), InvoiceStatus::kIssued},
    };
    client.payments = {{"p1", "acme", "i1", D("2026-03-02"), Eur("1000.00")}};
    Finding& up = Of(signs, "underpaying");
    up.metrics = {Metric::Number("hours", 50), Metric::Amount("revenue", Eur("2000.00")),
                  Metric::Amount("effective_rate", Eur("40.00")),
                  Metric::Amount("reference_rate", Eur("60.00")),
                  Metric::Number("rate_ratio", 40.0 / 60.0)};
    Of(signs, "scope_creep").metrics = {Metric::Count("extra_requests", 2),
                                        Metric::Number("extra_hours", 5)};
    Of(signs, "non_payment").metrics = {Metric::Amount("overdue_amount", Eur("500.00")),
                                        Metric::Amount("written_off", Eur("100.00"))};
  }
};

TEST(EconomicsTest, HandComputedCase) {
  EconomicsCase c;
  const Economics e = EconomicsOf(c.client, c.signs, c.context);
  // The underpaying revenue (net of write-offs) plus the 100.00 written off: the write-off
  // is subtracted once, in hidden_cost.
  EXPECT_EQ(e.revenue, Eur("2100.00"));
  EXPECT_DOUBLE_EQ(e.hours, 50);
  ASSERT_TRUE(e.effective_rate.has_value());
  EXPECT_EQ(*e.effective_rate, Eur("40.00"));
  EXPECT_EQ(e.overdue_amount, Eur("500.00"));
  // (1000 × 30 + 500 × 31) × 0.10 / 365 = 4550 / 365 = 12.4657 → 12.47 (rounded once).
  EXPECT_EQ(e.late_cost, Eur("12.47"));
  EXPECT_EQ(e.underpay_gap, Eur("1000.00"));    // (60 − 40) × 50
  EXPECT_EQ(e.unbilled_extras, Eur("300.00"));  // 5 × 60
  EXPECT_EQ(e.written_off, Eur("100.00"));
  EXPECT_EQ(e.hidden_cost, Eur("1912.47"));
  EXPECT_EQ(e.net_value, Eur("187.53"));
  // 10.15% a year: 1000 × 30 days → 8.34; 500 × 31 days → 4.31; plus 40.00 each.
  EXPECT_EQ(e.statutory_invoices, 2);
  EXPECT_EQ(e.statutory_interest, Eur("92.65"));
}

TEST(EconomicsTest, GraceDaysKeepAPunctualishInvoiceOutOfLateCost) {
  EconomicsCase c;
  c.client.invoices.pop_back();
  c.client.payments[0].date = D("2026-02-03");  // 3 days late: within grace
  EXPECT_EQ(EconomicsOf(c.client, c.signs, c.context).late_cost, Eur("0.00"));
  c.client.payments[0].date = D("2026-02-04");  // 4 days: late, counted from the due date
  // 1000 × 4 × 0.10 / 365 = 1.0959
  EXPECT_EQ(EconomicsOf(c.client, c.signs, c.context).late_cost, Eur("1.10"));
}

TEST(EconomicsTest, NoGapWhenPaidAboveReferenceAndMissingMetricsAreZero) {
  EconomicsCase c;
  Of(c.signs, "underpaying").metrics[2] = Metric::Amount("effective_rate", Eur("75.00"));
  EXPECT_EQ(EconomicsOf(c.client, c.signs, c.context).underpay_gap, Eur("0.00"));

  Fixture empty;
  const Context context = empty.Make(D("2026-03-31"));
  const Economics e = EconomicsOf(ClientLedger{}, Signs(AllOf(L::kUnknown)), context);
  EXPECT_EQ(e.revenue, Eur("0.00"));
  EXPECT_FALSE(e.effective_rate.has_value());
  EXPECT_EQ(e.hidden_cost, Eur("0.00"));
  EXPECT_EQ(e.net_value, Eur("0.00"));
}

// ---- Actions ----

TEST(ActionsTest, NoActionForGreenOrUnknown) {
  Fixture f;
  const Context context = f.Make(D("2026-03-31"));
  Economics e;
  EXPECT_TRUE(PlanActions(Signs(AllOf(L::kGreen)), e, context).empty());
  EXPECT_TRUE(PlanActions(Signs(AllOf(L::kUnknown)), e, context).empty());
}

TEST(ActionsTest, MostUrgentFirst) {
  Fixture f;
  const Context context = f.Make(D("2026-03-31"));
  auto signs = Signs(Lv(L::kAmber, L::kGreen, L::kAmber, L::kGreen, L::kGreen, L::kRed));
  Of(signs, "non_payment").metrics = {Metric::Amount("overdue_amount", Eur("1800.00")),
                                      Metric::Count("unpaid_60_no_payment", 2)};
  Of(signs, "time_drain").metrics = {Metric::Number("after_hours_share", 0.3),
                                     Metric::Number("rush_per_month", 0.5)};
  Economics e;
  e.overdue_amount = Eur("1800.00");
  e.net_value = Eur("-300.00");
  const std::vector<Action> actions = PlanActions(signs, e, context);
  EXPECT_EQ(Codes(actions),
            (std::vector<std::string>{"formal_notice", "stop_work", "collection",
                                      "end_relationship", "send_short_sow", "set_office_hours"}));
  for (size_t i = 1; i < actions.size(); ++i) {
    EXPECT_GE(actions[i - 1].urgency, actions[i].urgency);
  }
  // The texts quote the client's figures, in both languages.
  EXPECT_NE(actions[0].text.In(Lang::kEn).find("1,800.00 EUR"), std::string::npos)
      << actions[0].text.In(Lang::kEn);
  EXPECT_NE(actions[0].text.In(Lang::kIt).find("1.800,00 EUR"), std::string::npos)
      << actions[0].text.In(Lang::kIt);
  EXPECT_NE(actions[2].text.In(Lang::kEn).find("2 invoices"), std::string::npos);
  EXPECT_NE(actions[3].text.In(Lang::kEn).find("-300.00 EUR"), std::string::npos);
  EXPECT_NE(actions[5].text.In(Lang::kIt).find("30%"), std::string::npos);
}

TEST(ActionsTest, RedSignsAskForStrongerSteps) {
  Fixture f;
  const Context context = f.Make(D("2026-03-31"));
  auto signs = Signs(Lv(L::kGreen, L::kRed, L::kGreen, L::kRed, L::kGreen, L::kGreen));
  Of(signs, "underpaying").metrics = {Metric::Amount("reference_rate", Eur("60.00")),
                                      Metric::Number("rate_ratio", 0.5),
                                      Metric::Count("refused_raises", 1)};
  Of(signs, "scope_creep").metrics = {Metric::Count("extra_requests", 4),
                                      Metric::Number("extra_hours", 12.5),
                                      Metric::Number("creep_ratio", 0.31)};
  Economics e;
  e.effective_rate = Eur("30.00");
  e.unbilled_extras = Eur("750.00");
  e.net_value = kPositive;  // two reds with a positive net value: renegotiate, not part ways
  const std::vector<Action> actions = PlanActions(signs, e, context);
  EXPECT_EQ(Codes(actions), (std::vector<std::string>{"raise_rate", "introduce_change_orders",
                                                      "bill_extras", "set_minimum_fee"}));
  EXPECT_NE(actions[0].text.In(Lang::kEn).find("30.00 EUR an hour"), std::string::npos)
      << actions[0].text.In(Lang::kEn);
  EXPECT_NE(actions[0].text.In(Lang::kEn).find("refused a raise"), std::string::npos);
  EXPECT_NE(actions[1].text.In(Lang::kEn).find("4 unpaid extras took 12.5 hours"),
            std::string::npos)
      << actions[1].text.In(Lang::kEn);
  EXPECT_NE(actions[2].text.In(Lang::kIt).find("750,00 EUR"), std::string::npos);
}

TEST(ActionsTest, EveryActionHasBothLanguages) {
  Fixture f;
  const Context context = f.Make(D("2026-03-31"));
  auto signs = Signs(AllOf(L::kRed));
  Of(signs, "time_drain").metrics = {Metric::Number("rush_per_month", 5),
                                     Metric::Number("after_hours_share", 0.5)};
  Economics e;
  e.overdue_amount = Eur("10.00");
  e.written_off = Eur("5.00");
  e.statutory_interest = Eur("45.00");
  e.statutory_invoices = 1;
  e.unbilled_extras = Eur("1.00");
  const std::vector<Action> actions = PlanActions(signs, e, context);
  EXPECT_GE(actions.size(), 14u);
  for (const Action& action : actions) {
    EXPECT_TRUE(HasEntry(action.text.key)) << action.code;
    EXPECT_FALSE(action.text.In(Lang::kEn).empty()) << action.code;
    EXPECT_FALSE(action.text.In(Lang::kIt).empty()) << action.code;
    EXPECT_NE(action.text.In(Lang::kEn), action.text.In(Lang::kIt)) << action.code;
  }
  const std::vector<std::string> codes = Codes(actions);
  for (const char* code : {"stop_work_until_signed", "claim_late_interest", "add_rush_fee",
                           "require_deposit", "shorten_terms", "automatic_reminders"}) {
    EXPECT_NE(std::find(codes.begin(), codes.end(), code), codes.end()) << code;
  }
  // A code asked for by two signs appears once.
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "require_deposit"), 1);
}

TEST(ConcludeTest, PutsItTogether) {
  Fixture f;
  const Context context = f.Make(D("2026-03-31"));
  Client client;
  client.id = "c1";
  Economics e;
  e.net_value = kPositive;
  const ClientAssessment a =
      Conclude(client, Signs(Lv(L::kGreen, L::kGreen, L::kGreen, L::kAmber, L::kGreen, L::kGreen)),
               e, context);
  EXPECT_EQ(a.client, "c1");
  EXPECT_EQ(a.name, "c1");  // no name: the id
  EXPECT_EQ(a.verdict, Verdict::kWatch);
  EXPECT_EQ(a.score, 94);
  EXPECT_EQ(a.archetype, (Archetype{"bargain_hunter"}));
  EXPECT_EQ(Codes(a.actions), std::vector<std::string>{"raise_rate"});
}

// ---- Assess and History ----

Ledger SmallLedger(int clients) {
  Ledger ledger;
  ledger.workspace.name = "Studio";
  ledger.workspace.target_hourly_rate = Eur("60.00");
  for (int i = 0; i < clients; ++i) {
    const std::string id = "c" + std::to_string(1000 + (i * 7919) % clients);  // not sorted
    ledger.clients.push_back({id, "Client " + id});
    ledger.invoices.push_back(
        {"i-" + id, id, D("2026-01-10"), D("2026-02-09"), Eur("800.00"), InvoiceStatus::kIssued});
    if (i % 3 != 0) {
      ledger.payments.push_back({"p-" + id, id, "i-" + id, D("2026-02-05"), Eur("800.00")});
    }
  }
  return ledger;
}

TEST(AssessTest, ErrorsAreValues) {
  Ledger ledger = SmallLedger(3);
  EXPECT_EQ(Assess(ledger, D("2026-03-31"), "nobody").error().code, ErrorCode::kNotFound);
  ledger.workspace.settings["no_such_setting"] = 1;
  EXPECT_EQ(Assess(ledger, D("2026-03-31")).error().code, ErrorCode::kValidation);
  ledger.workspace.settings.clear();
  ledger.workspace.timezone = "Mars/Olympus";
  EXPECT_EQ(Assess(ledger, D("2026-03-31")).error().code, ErrorCode::kValidation);
}

TEST(AssessTest, ClientsInIdOrderAndIndependentOfThreads) {
  const Ledger ledger = SmallLedger(100);  // enough clients to run on several threads
  const Result<Assessment> all = Assess(ledger, D("2026-03-31"));
  ASSERT_TRUE(all.has_value()) << all.error().message;
  ASSERT_EQ(all->clients.size(), 100u);
  EXPECT_TRUE(std::is_sorted(all->clients.begin(), all->clients.end(),
                             [](const auto& a, const auto& b) { return a.client < b.client; }));
  EXPECT_EQ(all->as_of, D("2026-03-31"));
  EXPECT_EQ(all->window_days, 365);
  EXPECT_EQ(all->workspace_name, "Studio");
  for (const size_t i : {size_t{0}, size_t{41}, size_t{99}}) {
    const ClientAssessment& one = all->clients[i];
    const Result<Assessment> single = Assess(ledger, D("2026-03-31"), one.client);
    ASSERT_TRUE(single.has_value());
    ASSERT_EQ(single->clients.size(), 1u);
    EXPECT_EQ(single->clients[0].score, one.score);
    EXPECT_EQ(single->clients[0].verdict, one.verdict);
    EXPECT_EQ(single->clients[0].economics.net_value, one.economics.net_value);
    EXPECT_EQ(Codes(single->clients[0].actions), Codes(one.actions));
  }
}

TEST(HistoryTest, MonthEndsPlusAsOf) {
  const Ledger ledger = SmallLedger(3);
  const Result<std::vector<HistoryPoint>> points = History(ledger, "c1000", D("2026-03-15"), 3);
  ASSERT_TRUE(points.has_value()) << points.error().message;
  std::vector<CivilDate> dates;
  for (const HistoryPoint& p : *points) dates.push_back(p.date);
  EXPECT_EQ(dates, (std::vector<CivilDate>{D("2025-12-31"), D("2026-01-31"), D("2026-02-28"),
                                           D("2026-03-15")}));
  const auto on_month_end = History(ledger, "c1000", D("2026-02-28"), 2);
  ASSERT_TRUE(on_month_end.has_value());
  ASSERT_EQ(on_month_end->size(), 2u);
  EXPECT_EQ((*on_month_end)[0].date, D("2026-01-31"));
  EXPECT_EQ((*on_month_end)[1].date, D("2026-02-28"));
  // Each point is the assessment as of its date.
  const Result<Assessment> at_end = Assess(ledger, D("2026-02-28"), "c1000");
  ASSERT_TRUE(at_end.has_value());
  EXPECT_EQ((*on_month_end)[1].score, at_end->clients[0].score);
  EXPECT_EQ((*on_month_end)[1].verdict, at_end->clients[0].verdict);
}

TEST(HistoryTest, Errors) {
  const Ledger ledger = SmallLedger(3);
  EXPECT_EQ(History(ledger, "nobody", D("2026-03-15"), 3).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(History(ledger, "c1000", D("2026-03-15"), 0).error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace addio
