// Client types (DESIGN.md section 6): which sign weighs most on the relationship names
// the type of client, from which profile/ derives a communication strategy.
#include <algorithm>

#include "verdict/assessment.h"

namespace addio {

std::string ArchetypeKey(Archetype archetype) { return std::string(archetype.key); }

std::vector<Archetype> AllArchetypes() {
  std::vector<Archetype> out = {kPartner, kNewcomer};
  for (const SignDefinition* sign : AllSigns()) out.push_back(Archetype{sign->archetype()});
  return out;
}

std::optional<Archetype> ParseArchetype(std::string_view key) {
  for (const Archetype& archetype : AllArchetypes()) {
    if (archetype.key == key) return archetype;
  }
  return std::nullopt;
}

Archetype ClassifyArchetype(const Levels& levels) {
  // Mirrors the verdict: a client whose data is insufficient is a newcomer, even with an
  // amber sign.
  if (IsInsufficientData(levels)) return kNewcomer;
  const bool any_problem = std::any_of(levels.begin(), levels.end(), [](Level level) {
    return level == Level::kAmber || level == Level::kRed;
  });
  if (!any_problem) return kPartner;
  // The sign with the most weighted points; on equal points the lower tie rank wins.
  const std::vector<const SignDefinition*>& signs = AllSigns();
  const SignDefinition* best = nullptr;
  int best_points = 0;
  for (size_t i = 0; i < signs.size() && i < levels.size(); ++i) {
    const int points = signs[i]->weight_halves() * LevelPoints(levels[i]);
    if (points == 0) continue;
    if (best == nullptr || points > best_points ||
        (points == best_points && signs[i]->tie_rank() < best->tie_rank())) {
      best = signs[i];
      best_points = points;
    }
  }
  return best != nullptr ? Archetype{best->archetype()} : kPartner;
}

}  // namespace addio
