// Score and verdict (DESIGN.md section 5): the arithmetic that turns six levels into one
// number and one decision.
#include <algorithm>
#include <array>
#include <utility>

#include "verdict/assessment.h"

namespace addio {
namespace {

constexpr std::array<std::pair<Verdict, const char*>, 5> kVerdictKeys = {{
    {Verdict::kKeep, "keep"},
    {Verdict::kWatch, "watch"},
    {Verdict::kRenegotiate, "renegotiate"},
    {Verdict::kPartWays, "part_ways"},
    {Verdict::kInsufficientData, "insufficient_data"},
}};

// Weights doubled so that the score is computed in integers (1.5 becomes 3): the rounding
// of round(100 × (1 − Σw·p / (3·Σw))) then never depends on binary floating point.
int DoubledWeight(Sign sign) {
  switch (sign) {
    case Sign::kNoContract:
    case Sign::kScopeCreep:
    case Sign::kTimeDrain:
      return 2;
    case Sign::kUnderpaying:
    case Sign::kLatePayment:
      return 3;
    case Sign::kNonPayment:
      return 6;
  }
  return 0;
}

int CountLevel(const std::array<Level, 6>& levels, Level level) {
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

double SignWeight(Sign sign) { return DoubledWeight(sign) / 2.0; }

int Score(const std::array<Level, 6>& levels) {
  int doubled_total_weight = 0;
  int doubled_weighted_points = 0;
  for (size_t i = 0; i < kAllSigns.size(); ++i) {
    doubled_total_weight += DoubledWeight(kAllSigns[i]);
    doubled_weighted_points += DoubledWeight(kAllSigns[i]) * LevelPoints(levels[i]);
  }
  // 100 × (1 − P / (3W)) = 100 × (3W − P) / (3W), rounded half up (it is never negative).
  const int numerator = 100 * (3 * doubled_total_weight - doubled_weighted_points);
  const int denominator = 3 * doubled_total_weight;
  return (2 * numerator + denominator) / (2 * denominator);
}

Verdict DecideVerdict(const std::array<Level, 6>& levels, const Money& net_value) {
  const auto level_of = [&](Sign sign) { return levels[static_cast<size_t>(sign)]; };
  const int reds = CountLevel(levels, Level::kRed);
  const int ambers = CountLevel(levels, Level::kAmber);
  const int unknowns = CountLevel(levels, Level::kUnknown);
  if (level_of(Sign::kNonPayment) == Level::kRed || level_of(Sign::kNoContract) == Level::kRed ||
      reds >= 3 || (reds >= 2 && net_value.minor() <= 0)) {
    return Verdict::kPartWays;
  }
  if (reds >= 1 || ambers >= 3) return Verdict::kRenegotiate;
  if (ambers >= 1) return Verdict::kWatch;
  if (unknowns >= 4) return Verdict::kInsufficientData;
  return Verdict::kKeep;
}

std::array<Level, 6> LevelsOf(const std::array<Finding, 6>& signs) {
  std::array<Level, 6> levels{};
  for (size_t i = 0; i < signs.size(); ++i) levels[i] = signs[i].level;
  return levels;
}

ClientAssessment Conclude(const Client& client, std::array<Finding, 6> signs, Economics economics,
                          const Context& context) {
  ClientAssessment out;
  out.client = client.id;
  out.name = client.name.empty() ? client.id : client.name;
  const std::array<Level, 6> levels = LevelsOf(signs);
  out.score = Score(levels);
  out.verdict = DecideVerdict(levels, economics.net_value);
  out.archetype = ClassifyArchetype(levels);
  out.actions = PlanActions(signs, economics, context);
  out.signs = std::move(signs);
  out.economics = std::move(economics);
  return out;
}

}  // namespace addio
