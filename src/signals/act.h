// Internal to signals/: what the signs' Evaluate, Price and Act share — hours as the
// catalogue arguments write them, hours as an exact factor, and the red test the plans
// branch on.
#pragma once

#include <cmath>
#include <string>

#include "core/catalogue.h"
#include "core/money.h"
#include "signals/finding.h"

namespace addio::signals_internal {

inline bool IsRed(const Finding& f) { return f.level == Level::kRed; }

// Hours as reasons and evidence write them: at most two decimals, "12.5" / "12,5".
inline Arg Hours(double hours) { return Arg::Num(hours, 2); }

// Hours as an exact decimal with 4 places (0.0001 h is a third of a second), the factor
// an hourly rate is multiplied by.
inline Decimal HoursDecimal(double hours) { return Decimal{std::llround(hours * 10'000), 4}; }

}  // namespace addio::signals_internal
