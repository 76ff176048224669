// Client types (DESIGN.md section 6): which sign weighs most on the relationship names
// the type of client, from which profile/ derives a communication strategy.
#include <algorithm>
#include <array>
#include <utility>

#include "verdict/assessment.h"

namespace addio {
namespace {

constexpr std::array<std::pair<Archetype, const char*>, 8> kArchetypeKeys = {{
    {Archetype::kPartner, "partner"},
    {Archetype::kNewcomer, "newcomer"},
    {Archetype::kNonPayer, "non_payer"},
    {Archetype::kContractAverse, "contract_averse"},
    {Archetype::kSlowPayer, "slow_payer"},
    {Archetype::kBargainHunter, "bargain_hunter"},
    {Archetype::kScopeCreeper, "scope_creeper"},
    {Archetype::kFirefighter, "firefighter"},
}};

// The tie order of DESIGN.md section 6, each sign with the type it names: on equal
// weighted points the earlier sign wins.
constexpr std::array<std::pair<Sign, Archetype>, 6> kTieOrder = {{
    {Sign::kNonPayment, Archetype::kNonPayer},
    {Sign::kNoContract, Archetype::kContractAverse},
    {Sign::kLatePayment, Archetype::kSlowPayer},
    {Sign::kUnderpaying, Archetype::kBargainHunter},
    {Sign::kScopeCreep, Archetype::kScopeCreeper},
    {Sign::kTimeDrain, Archetype::kFirefighter},
}};

}  // namespace

const char* ArchetypeKey(Archetype archetype) {
  for (const auto& [a, key] : kArchetypeKeys) {
    if (a == archetype) return key;
  }
  return "newcomer";
}

std::optional<Archetype> ParseArchetype(std::string_view key) {
  for (const auto& [a, k] : kArchetypeKeys) {
    if (key == k) return a;
  }
  return std::nullopt;
}

Archetype ClassifyArchetype(const std::array<Level, 6>& levels) {
  const bool any_problem = std::any_of(levels.begin(), levels.end(), [](Level level) {
    return level == Level::kAmber || level == Level::kRed;
  });
  if (!any_problem) {
    const auto unknowns = std::count(levels.begin(), levels.end(), Level::kUnknown);
    // Mirrors the verdict: 4 unknown signs and nothing wrong is insufficient data.
    return unknowns >= 4 ? Archetype::kNewcomer : Archetype::kPartner;
  }
  Archetype best = Archetype::kPartner;
  double best_points = 0;
  for (const auto& [sign, archetype] : kTieOrder) {
    const double points = SignWeight(sign) * LevelPoints(levels[static_cast<size_t>(sign)]);
    if (points > best_points) {  // strictly greater: the earlier sign keeps a tie
      best_points = points;
      best = archetype;
    }
  }
  return best;
}

}  // namespace addio
