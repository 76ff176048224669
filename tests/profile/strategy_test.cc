// Client types and their strategies: every type has one, in both languages, and the terms
// combine as the strictest of the types a client shows.
#include "profile/strategy.h"

#include <gtest/gtest.h>

namespace addio {
namespace {

void ExpectBothLanguages(const Message& text, const std::string& what) {
  EXPECT_TRUE(HasEntry(text.key)) << what << ": no catalogue entry " << text.key;
  EXPECT_FALSE(text.In(Lang::kEn).empty()) << what;
  EXPECT_FALSE(text.In(Lang::kIt).empty()) << what;
  EXPECT_NE(text.In(Lang::kEn), text.In(Lang::kIt)) << what << ": not translated";
}

TEST(StrategyTest, EveryTypeHasAStrategyInBothLanguages) {
  // Partner, newcomer and the type of every registered sign.
  for (Archetype archetype : AllArchetypes()) {
    const Strategy& s = StrategyFor(archetype);
    const std::string key = ArchetypeKey(archetype);
    EXPECT_EQ(s.archetype, archetype) << key;
    ExpectBothLanguages(s.summary, key + " summary");
    ExpectBothLanguages(s.prospect, key + " prospect");
    ExpectBothLanguages(s.channel, key + " channel");
    ExpectBothLanguages(s.cadence, key + " cadence");
    ExpectBothLanguages(s.tone, key + " tone");
    ASSERT_FALSE(s.in_writing.empty()) << key;
    ASSERT_FALSE(s.say_no_to.empty()) << key;
    for (const Message& t : s.in_writing) ExpectBothLanguages(t, key + " in writing");
    for (const Message& t : s.say_no_to) ExpectBothLanguages(t, key + " say no to");
    EXPECT_GE(s.terms.deposit_percent, 0);
    EXPECT_LE(s.terms.deposit_percent, 100);
    EXPECT_GE(s.terms.revision_limit, 1) << key;
  }
}

TEST(StrategyTest, RiskierTypesGetStricterTerms) {
  const Terms& partner = StrategyFor(kPartner).terms;
  const Terms& slow = StrategyFor((Archetype{"slow_payer"})).terms;
  const Terms& non_payer = StrategyFor((Archetype{"non_payer"})).terms;
  EXPECT_EQ(partner.deposit_percent, 0);
  EXPECT_GT(slow.deposit_percent, partner.deposit_percent);
  EXPECT_LT(slow.payment_terms_days, partner.payment_terms_days);
  EXPECT_EQ(non_payer.deposit_percent, 100);
  EXPECT_EQ(non_payer.payment_terms_days, 0);
  EXPECT_LT(StrategyFor((Archetype{"scope_creeper"})).terms.revision_limit, partner.revision_limit);
  EXPECT_GT(StrategyFor((Archetype{"firefighter"})).terms.rush_fee_percent,
            partner.rush_fee_percent);
  EXPECT_GT(StrategyFor((Archetype{"bargain_hunter"})).terms.minimum_fee_hours,
            partner.minimum_fee_hours);
}

TEST(StrategyTest, StricterTermsTakesTheStricterOfEachField) {
  const Terms a{.deposit_percent = 30,
                .payment_terms_days = 15,
                .rush_fee_percent = 25,
                .revision_limit = 3,
                .minimum_fee_hours = 8};
  const Terms b{.deposit_percent = 50,
                .payment_terms_days = 30,
                .rush_fee_percent = 50,
                .revision_limit = 1,
                .minimum_fee_hours = 2};
  const Terms expected{.deposit_percent = 50,
                       .payment_terms_days = 15,
                       .rush_fee_percent = 50,
                       .revision_limit = 1,
                       .minimum_fee_hours = 8};
  EXPECT_EQ(StricterTerms(a, b), expected);
  EXPECT_EQ(StricterTerms(b, a), expected);
}

TEST(StrategyTest, EachSignStandsForTheTypeClassifyArchetypeGives) {
  for (size_t i = 0; i < AllSigns().size(); ++i) {
    Levels levels(AllSigns().size(), Level::kGreen);
    levels[i] = Level::kRed;
    EXPECT_EQ(ArchetypeOfSign(AllSigns()[i]), ClassifyArchetype(levels)) << SignKey(AllSigns()[i]);
  }
}

TEST(StrategyTest, TermsForCombineTheTypeWithEveryFlaggedSign) {
  const Levels green(AllSigns().size(), Level::kGreen);
  EXPECT_EQ(TermsFor(green), StrategyFor(kPartner).terms);

  // Mostly a slow payer, also creeping the scope: the deposit of one, the revisions of the
  // other.
  Levels levels = green;
  levels[*SignRegistry::Get().IndexOf("late_payment")] = Level::kRed;
  levels[*SignRegistry::Get().IndexOf("scope_creep")] = Level::kAmber;
  const Terms terms = TermsFor(levels);
  EXPECT_EQ(terms.deposit_percent, StrategyFor((Archetype{"slow_payer"})).terms.deposit_percent);
  EXPECT_EQ(terms.payment_terms_days,
            StrategyFor((Archetype{"slow_payer"})).terms.payment_terms_days);
  EXPECT_EQ(terms.revision_limit, StrategyFor((Archetype{"scope_creeper"})).terms.revision_limit);
}

}  // namespace
}  // namespace addio
