// Score and verdict (DESIGN.md section 5): the arithmetic that turns the signs' levels into
// one number and one decision, each sign weighing as its definition says.
#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include "verdict/assessment.h"
#include "verdict/verdict_rule.h"

namespace addio {
namespace {

constexpr std::array<std::pair<Verdict, const char*>, 5> kVerdictKeys = {{
    {Verdict::kKeep, "keep"},
    {Verdict::kWatch, "watch"},
    {Verdict::kRenegotiate, "renegotiate"},
    {Verdict::kPartWays, "part_ways"},
    {Verdict::kInsufficientData, "insufficient_data"},
}};

int CountLevel(const Levels& levels, Level level) {
  return static_cast<int>(std::count(levels.begin(), levels.end(), level));
}

}  // namespace

const char* VerdictKey(Verdict verdict) {
  for (const auto& [v, key] : kVerdictKeys) {
    if (v == verdict) return key;
  }
  return "insufficient_data";
}

std::optional<Verdict> ParseVerdict(std::string_view key) {
  for (const auto& [v, k] : kVerdictKeys) {
    if (key == k) return v;
  }
  return std::nullopt;
}

int LevelPoints(Level level) {
  switch (level) {
    case Level::kAmber:
      return 1;
    case Level::kRed:
      return 3;
    case Level::kGreen:
    case Level::kUnknown:
      return 0;
  }
  return 0;
}

int Score(const Levels& levels) {
  // Weights are in halves (1.5 is 3), so the rounding of round(100 × (1 − Σw·p / (3·Σw)))
  // never depends on binary floating point.
  const std::vector<const SignDefinition*>& signs = AllSigns();
  int doubled_total_weight = 0;
  int doubled_weighted_points = 0;
  for (size_t i = 0; i < signs.size() && i < levels.size(); ++i) {
    doubled_total_weight += signs[i]->weight_halves();
    doubled_weighted_points += signs[i]->weight_halves() * LevelPoints(levels[i]);
  }
  if (doubled_total_weight == 0) return 100;
  // 100 × (1 − P / (3W)) = 100 × (3W − P) / (3W), rounded half up (it is never negative).
  const int numerator = 100 * (3 * doubled_total_weight - doubled_weighted_points);
  const int denominator = 3 * doubled_total_weight;
  return (2 * numerator + denominator) / (2 * denominator);
}

VerdictDecision DecideVerdictRule(const Levels& levels, const Money& net_value) {
  const std::vector<const SignDefinition*>& signs = AllSigns();
  const int reds = CountLevel(levels, Level::kRed);
  const int ambers = CountLevel(levels, Level::kAmber);
  const int unknowns = CountLevel(levels, Level::kUnknown);
  // The decisive red named is the heaviest (non_payment before no_contract when both are).
  std::optional<size_t> decisive;
  for (size_t i = 0; i < signs.size() && i < levels.size(); ++i) {
    if (signs[i]->red_parts_ways() && levels[i] == Level::kRed &&
        (!decisive || signs[i]->weight_halves() > signs[*decisive]->weight_halves())) {
      decisive = i;
    }
  }
  if (decisive) return {Verdict::kPartWays, VerdictRule::kDecisiveRed, reds, decisive};
  if (reds >= 3) return {Verdict::kPartWays, VerdictRule::kThreeReds, reds};
  if (reds >= 2 && !net_value.is_positive()) {
    return {Verdict::kPartWays, VerdictRule::kTwoRedsNoValue, reds};
  }
  if (reds >= 1) return {Verdict::kRenegotiate, VerdictRule::kAnyRed, reds};
  if (ambers >= 3) return {Verdict::kRenegotiate, VerdictRule::kThreeAmbers, ambers};
  // Before watch (DESIGN.md section 5): an amber among mostly unknown signs is too little
  // to judge a client by.
  if (unknowns >= 4) return {Verdict::kInsufficientData, VerdictRule::kMostlyUnknown, unknowns};
  if (ambers >= 1) return {Verdict::kWatch, VerdictRule::kAnyAmber, ambers};
  return {Verdict::kKeep, VerdictRule::kAllClear, 0};
}

const char* VerdictRuleKey(VerdictRule rule) {
  switch (rule) {
    case VerdictRule::kDecisiveRed:
      return "decisive_red";
    case VerdictRule::kThreeReds:
      return "three_reds";
    case VerdictRule::kTwoRedsNoValue:
      return "two_reds_no_value";
    case VerdictRule::kAnyRed:
      return "any_red";
    case VerdictRule::kThreeAmbers:
      return "three_ambers";
    case VerdictRule::kMostlyUnknown:
      return "mostly_unknown";
    case VerdictRule::kAnyAmber:
      return "any_amber";
    case VerdictRule::kAllClear:
      return "all_clear";
  }
  return "all_clear";
}

Verdict DecideVerdict(const Levels& levels, const Money& net_value) {
  return DecideVerdictRule(levels, net_value).verdict;
}

bool IsInsufficientData(const Levels& levels) {
  return CountLevel(levels, Level::kRed) == 0 && CountLevel(levels, Level::kAmber) < 3 &&
         CountLevel(levels, Level::kUnknown) >= 4;
}

ClientAssessment Conclude(const Client& client, Findings signs, Economics economics,
                          const Context& context) {
  ClientAssessment out;
  out.client = client.id;
  out.name = client.name.empty() ? client.id : client.name;
  const Levels levels = LevelsOf(signs);
  out.score = Score(levels);
  out.verdict = DecideVerdict(levels, economics.net_value);
  out.archetype = ClassifyArchetype(levels);
  out.actions = PlanActions(signs, economics, context);
  out.signs = std::move(signs);
  out.economics = std::move(economics);
  return out;
}

}  // namespace addio
