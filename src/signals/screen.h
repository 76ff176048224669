// Internal to signals/: what the signs' screening rules (SignDefinition::Screen) share to
// word their reasons from the intake answers.
#pragma once

#include <string_view>

#include "core/catalogue.h"
#include "signals/finding.h"

namespace addio::signals_internal {

// Raises `level` to `to` when `to` is worse.
void Raise(Level& level, Level to);

// A ratio as the number of a percentage with at most one decimal, for a pattern that
// writes the "%" itself: 0.55 -> "55", 0.599 -> "59.9" / "59,9".
// REQUIRES: ratio >= 0.
Arg PercentNumber(double ratio);

// The Italian article, with `preposition` "il" or "al", that goes before the percentage
// PercentNumber(ratio) writes: "il " or "l'" ("il 60%", "l'80%"), "al " or "all'". English
// has none: the key renders empty there. Elision is a matter of how the number is read
// aloud, so it is decided here rather than in the catalogue.
Arg ArticleBeforePercent(std::string_view preposition, double ratio);

}  // namespace addio::signals_internal
