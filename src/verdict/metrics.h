// Reading the named metrics of a finding (DESIGN.md section 4 names them) with the
// fallbacks the verdict layer needs. Internal to verdict/ and report/.
#pragma once

#include <optional>
#include <string_view>

#include "core/money.h"
#include "signals/finding.h"

namespace addio {

// The metric as a number (kNumber, or kCount as a double); nullopt when absent or unknown.
std::optional<double> MetricNumber(const Finding& finding, std::string_view name);

// The metric as money; nullopt when absent, unknown, not money, or in another currency
// than `currency` (so that arithmetic never mixes currencies).
std::optional<Money> MetricMoney(const Finding& finding, std::string_view name, Currency currency);

// The finding of `sign` among six findings in kAllSigns order.
inline const Finding& SignOf(const std::array<Finding, 6>& signs, Sign sign) {
  return signs[static_cast<size_t>(sign)];
}

}  // namespace addio
