// Internal to api/: small pieces every API response shares, written with nlohmann's
// ordered_json (keys stay in the order written, so the same data gives the same bytes).
// Money is a decimal string, a date "YYYY-MM-DD", hours and ratios rounded to 4 decimals.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

#include "core/money.h"
#include "core/time.h"
#include "ledger/records.h"

namespace addio::api_internal {

using Json = nlohmann::ordered_json;

// A decimal string, or null.
Json MoneyJson(const std::optional<Money>& money);
// "YYYY-MM-DD", or null.
Json DateJson(const std::optional<CivilDate>& date);
// Rounded half away from zero to 4 decimals; non-finite values become null.
Json NumberJson(double value);
Json NumberJson(const std::optional<double>& value);
// {"mon": ["09:00-13:00", "14:00-18:00"], ..., "sun": []}, each interval written by the
// ledger's codec (ledger/workspace_text.h), as the ledger format writes it.
Json WorkingHoursJson(const WorkingHours& hours);
// Compact JSON text; invalid UTF-8 in strings is replaced rather than thrown on.
std::string Dump(const Json& json);

}  // namespace addio::api_internal
