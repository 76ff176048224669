// Which rule of DESIGN.md section 5 decided a verdict, so that a person is told why
// ("non-payment is red", "3 signs are amber") and not only what. DecideVerdict is this
// decision's verdict: the rules are written once, here.
#pragma once

#include <cstddef>
#include <optional>

#include "core/money.h"
#include "verdict/assessment.h"

namespace addio {

// The rules in the order they are tried; the first that holds decides.
enum class VerdictRule {
  kDecisiveRed,     // part_ways: a sign whose red alone parts ways (non_payment, no_contract)
  kThreeReds,       // part_ways: 3 or more signs red
  kTwoRedsNoValue,  // part_ways: 2 signs red and a net value of zero or less
  kAnyRed,          // renegotiate: a red sign
  kThreeAmbers,     // renegotiate: 3 or more signs amber
  kMostlyUnknown,   // insufficient_data: 4 or more signs unknown
  kAnyAmber,        // watch: an amber sign
  kAllClear,        // keep: no sign red or amber
};

struct VerdictDecision {
  Verdict verdict = Verdict::kKeep;
  VerdictRule rule = VerdictRule::kAllClear;
  // How many signs the rule counted: the reds, the ambers or the unknowns it names.
  int count = 0;
  // kDecisiveRed: the index (registry order) of the sign whose red decided; the heavier one
  // when two such signs are red.
  std::optional<size_t> sign;
};

// The first rule that holds. REQUIRES: levels in registry order, one per sign.
VerdictDecision DecideVerdictRule(const Levels& levels, const Money& net_value);

// "decisive_red", "three_reds", "two_reds_no_value", "any_red", "three_ambers",
// "mostly_unknown", "any_amber", "all_clear": the JSON value and the catalogue key
// ("verdict_rule.any_red").
const char* VerdictRuleKey(VerdictRule rule);

}  // namespace addio
