// Internal to signals/: what the signs' Price and Act share — figures worded in both
// languages for action texts, and the red test the plans branch on.
#pragma once

#include <cmath>
#include <string>

#include "core/money.h"
#include "signals/finding.h"
#include "signals/wording.h"

namespace addio::signals_internal {

inline bool IsRed(const Finding& f) { return f.level == Level::kRed; }

// One figure formatted in both languages.
struct Fig {
  std::string en, it;
};
inline Fig MoneyFig(const Money& m) { return {FormatMoney(m, "en"), FormatMoney(m, "it")}; }
inline Fig NumberFig(double v, int decimals) {
  return {FormatNumber(v, decimals, "en"), FormatNumber(v, decimals, "it")};
}
inline Fig PercentFig(double ratio) {
  return {FormatPercent(ratio, "en"), FormatPercent(ratio, "it")};
}

// Hours as an exact decimal with 4 places (0.0001 h is a third of a second), the factor
// an hourly rate is multiplied by.
inline Decimal HoursDecimal(double hours) { return Decimal{std::llround(hours * 10'000), 4}; }

}  // namespace addio::signals_internal
