// Numbers and amounts as a person reads them, in English ("1,234.50") or Italian
// ("1.234,50"), for report/ (signs and verdict write catalogue messages instead); JSON and
// other machine formats never use these (they print canonical decimal strings).
#pragma once

#include <string>
#include <string_view>

#include "core/money.h"

namespace addio {

// `value` with exactly `decimals` decimals (rounded half away from zero), grouped by
// thousands: "1,234.5" for en, "1.234,5" for it. Any lang other than "it" is English.
std::string FormatNumber(double value, int decimals, std::string_view lang);

// An exact amount with its currency code: "1,234.50 EUR" (en), "1.234,50 EUR" (it).
std::string FormatMoney(const Money& amount, std::string_view lang);

// The amount alone, grouped, without the currency code.
std::string FormatAmount(const Money& amount, std::string_view lang);

// A ratio as a whole percentage: 0.404 -> "40%".
std::string FormatPercent(double ratio, std::string_view lang);

// A count with the singular or plural noun: (1, "invoice", "invoices") -> "1 invoice".
std::string Plural(int64_t count, std::string_view one, std::string_view many);

}  // namespace addio
