#include "signals/text.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace addio::signals_internal {
namespace {

constexpr std::array<const char*, 12> kMonthsEn = {"January",   "February", "March",    "April",
                                                   "May",       "June",     "July",     "August",
                                                   "September", "October",  "November", "December"};
constexpr std::array<const char*, 12> kMonthsIt = {"gennaio",   "febbraio", "marzo",    "aprile",
                                                   "maggio",    "giugno",   "luglio",   "agosto",
                                                   "settembre", "ottobre",  "novembre", "dicembre"};

// Inserts `separator` every three digits of the integer part of `digits` (no sign).
std::string Group(const std::string& digits, char separator) {
  std::string out;
  const size_t n = digits.size();
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return out;
}

}  // namespace

std::string Num(double value, int max_decimals, Lang lang) {
  // Integer arithmetic rather than printf: reasons are written for every client of a
  // large portfolio, and this is on that path.
  constexpr int64_t kScale[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
  max_decimals = std::clamp(max_decimals, 0, 6);
  const double scaled = std::round(value * static_cast<double>(kScale[max_decimals]));
  if (!std::isfinite(scaled) || std::fabs(scaled) > 9e15) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
    return buffer;
  }
  const int64_t units = static_cast<int64_t>(scaled);
  const uint64_t magnitude =
      units < 0 ? static_cast<uint64_t>(-units) : static_cast<uint64_t>(units);
  const uint64_t scale = static_cast<uint64_t>(kScale[max_decimals]);
  std::string text = (units < 0 ? "-" : "") + std::to_string(magnitude / scale);
  if (const uint64_t fraction = magnitude % scale; fraction > 0) {
    std::string digits = std::to_string(fraction);
    digits.insert(0, static_cast<size_t>(max_decimals) - digits.size(), '0');
    while (digits.back() == '0') digits.pop_back();
    text += (lang == Lang::kIt ? "," : ".") + digits;
  }
  return text;
}

std::string Percent(double ratio) {
  return std::to_string(static_cast<long long>(std::llround(ratio * 100))) + "%";
}

std::string FormatMoney(const Money& money, Lang lang) {
  std::string text = money.ToString();  // "-1234.50"
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) text.erase(0, 1);
  const size_t dot = text.find('.');
  const std::string integer = text.substr(0, dot);
  const std::string fraction = dot == std::string::npos ? "" : text.substr(dot + 1);
  const bool it = lang == Lang::kIt;
  std::string out = (negative ? "-" : "") + Group(integer, it ? '.' : ',');
  if (!fraction.empty()) out += (it ? "," : ".") + fraction;
  return out + " " + std::string(money.currency().code());
}

std::string FormatDate(CivilDate date, Lang lang) {
  const auto& months = lang == Lang::kIt ? kMonthsIt : kMonthsEn;
  return std::to_string(date.day()) + " " + months[static_cast<size_t>(date.month() - 1)] + " " +
         std::to_string(date.year());
}

std::string LevelName(Level level, Lang lang) {
  const bool it = lang == Lang::kIt;
  switch (level) {
    case Level::kGreen:
      return it ? "verde" : "green";
    case Level::kAmber:
      return it ? "ambra" : "amber";
    case Level::kRed:
      return it ? "rosso" : "red";
    case Level::kUnknown:
      return it ? "sconosciuto" : "unknown";
  }
  return "";
}

std::string Count(int64_t n, const char* singular, const char* plural) {
  return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

}  // namespace addio::signals_internal
