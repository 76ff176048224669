#include "profile/strategy.h"

#include <algorithm>

namespace addio {
namespace {

// What each written strategy is made of: its type, how many things to put in writing and
// to refuse (profile.strategy.<type>.in_writing.1, .2, ...), and its terms. The words are
// the catalogue's (src/report/i18n/<lang>/profile.json).
struct StrategyShape {
  Archetype archetype;
  int in_writing = 0;
  int say_no_to = 0;
  Terms terms;
};

// clang-format off
constexpr StrategyShape kShapes[] = {
    {kPartner, 2, 1, {.deposit_percent = 0, .payment_terms_days = 30, .rush_fee_percent = 25,
                      .revision_limit = 3, .minimum_fee_hours = 2}},
    {kNewcomer, 3, 2, {.deposit_percent = 30, .payment_terms_days = 30, .rush_fee_percent = 25,
                       .revision_limit = 2, .minimum_fee_hours = 4}},
    {Archetype{"non_payer"}, 3, 3, {.deposit_percent = 100, .payment_terms_days = 0,
                                    .rush_fee_percent = 50, .revision_limit = 1,
                                    .minimum_fee_hours = 8}},
    {Archetype{"contract_averse"}, 2, 2, {.deposit_percent = 50, .payment_terms_days = 15,
                                          .rush_fee_percent = 25, .revision_limit = 2,
                                          .minimum_fee_hours = 4}},
    {Archetype{"slow_payer"}, 2, 2, {.deposit_percent = 40, .payment_terms_days = 15,
                                     .rush_fee_percent = 25, .revision_limit = 2,
                                     .minimum_fee_hours = 4}},
    {Archetype{"bargain_hunter"}, 2, 3, {.deposit_percent = 30, .payment_terms_days = 30,
                                         .rush_fee_percent = 50, .revision_limit = 2,
                                         .minimum_fee_hours = 8}},
    {Archetype{"scope_creeper"}, 3, 2, {.deposit_percent = 30, .payment_terms_days = 30,
                                        .rush_fee_percent = 25, .revision_limit = 1,
                                        .minimum_fee_hours = 4}},
    {Archetype{"firefighter"}, 2, 2, {.deposit_percent = 30, .payment_terms_days = 30,
                                      .rush_fee_percent = 50, .revision_limit = 2,
                                      .minimum_fee_hours = 4}},
};
// clang-format on

// `count` numbered entries "<prefix>1", "<prefix>2", ...
std::vector<Message> Numbered(const std::string& prefix, int count) {
  std::vector<Message> out;
  for (int i = 1; i <= count; ++i) out.push_back(Msg(prefix + std::to_string(i)));
  return out;
}

Strategy MakeStrategy(const StrategyShape& shape) {
  const std::string prefix = "profile.strategy." + std::string(shape.archetype.key) + ".";
  Strategy s;
  s.archetype = shape.archetype;
  s.summary = Msg(prefix + "summary");
  s.channel = Msg(prefix + "channel");
  s.cadence = Msg(prefix + "cadence");
  s.tone = Msg(prefix + "tone");
  s.in_writing = Numbered(prefix + "in_writing.", shape.in_writing);
  s.say_no_to = Numbered(prefix + "say_no_to.", shape.say_no_to);
  s.terms = shape.terms;
  s.prospect = Msg(prefix + "prospect");
  return s;
}

std::vector<Strategy> MakeStrategies() {
  std::vector<Strategy> strategies;
  for (const StrategyShape& shape : kShapes) strategies.push_back(MakeStrategy(shape));
  return strategies;
}

}  // namespace

Terms StricterTerms(const Terms& a, const Terms& b) {
  return {.deposit_percent = std::max(a.deposit_percent, b.deposit_percent),
          .payment_terms_days = std::min(a.payment_terms_days, b.payment_terms_days),
          .rush_fee_percent = std::max(a.rush_fee_percent, b.rush_fee_percent),
          .revision_limit = std::min(a.revision_limit, b.revision_limit),
          .minimum_fee_hours = std::max(a.minimum_fee_hours, b.minimum_fee_hours)};
}

const std::vector<Strategy>& AllStrategies() {
  static const std::vector<Strategy> strategies = MakeStrategies();
  return strategies;
}

const Strategy& StrategyFor(Archetype archetype) {
  const std::vector<Strategy>& all = AllStrategies();
  for (const Strategy& strategy : all) {
    if (strategy.archetype == archetype) return strategy;
  }
  // A type with no strategy written yet is treated as a newcomer: cautious terms.
  return StrategyFor(kNewcomer);
}

Archetype ArchetypeOfSign(const SignDefinition* sign) { return Archetype{sign->archetype()}; }

Terms TermsFor(const Levels& levels) {
  Terms terms = StrategyFor(ClassifyArchetype(levels)).terms;
  const std::vector<const SignDefinition*>& signs = AllSigns();
  for (size_t i = 0; i < signs.size() && i < levels.size(); ++i) {
    if (levels[i] == Level::kAmber || levels[i] == Level::kRed) {
      terms = StricterTerms(terms, StrategyFor(ArchetypeOfSign(signs[i])).terms);
    }
  }
  return terms;
}

}  // namespace addio
