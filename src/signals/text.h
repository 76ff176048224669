// Internal to signals/: how numbers, money and dates read inside the reasons, in English
// ("1,234.50 EUR", "12.5", "3 February 2026") and Italian ("1.234,50 EUR", "12,5",
// "3 febbraio 2026"), so that each sign writes whole sentences in both languages.
#pragma once

#include <cstdint>
#include <string>

#include "core/money.h"
#include "core/time.h"
#include "signals/finding.h"

namespace addio::signals_internal {

enum class Lang { kEn, kIt };

// `value` with at most `max_decimals` decimals, trailing zeros dropped: "12.5" / "12,5".
std::string Num(double value, int max_decimals, Lang lang);
// Hours with at most two decimals: "12.5" / "12,5", "9.98".
inline std::string Hours(double hours, Lang lang) { return Num(hours, 2, lang); }
// A ratio as a whole percentage: "31%".
std::string Percent(double ratio);
// "1,234.50 EUR" / "1.234,50 EUR".
std::string FormatMoney(const Money& money, Lang lang);
// "3 February 2026" / "3 febbraio 2026".
std::string FormatDate(CivilDate date, Lang lang);
// "green" / "verde", ...
std::string LevelName(Level level, Lang lang);

// "1 invoice" / "3 invoices": the count and the right form.
std::string Count(int64_t n, const char* singular, const char* plural);

// Builds a Text from two already formatted sentences.
inline Text Say(std::string en, std::string it) { return Text{std::move(en), std::move(it)}; }

}  // namespace addio::signals_internal
