#include "signals/wording.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace addio {
namespace {

// Inserts the group separator every three digits of an unsigned digit string.
std::string Group(std::string_view digits, char separator) {
  std::string out;
  const size_t n = digits.size();
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return out;
}

// Joins a sign, grouped integer digits and decimals in the conventions of `lang`.
std::string Localize(bool negative, std::string_view integer, std::string_view fraction,
                     std::string_view lang) {
  const bool italian = lang == "it";
  std::string out = negative ? "-" : "";
  out += Group(integer, italian ? '.' : ',');
  if (!fraction.empty()) {
    out += italian ? ',' : '.';
    out += fraction;
  }
  return out;
}

}  // namespace

std::string FormatNumber(double value, int decimals, std::string_view lang) {
  const double scale = std::pow(10.0, decimals);
  const double rounded = std::round(std::fabs(value) * scale);  // half away from zero
  const bool negative = value < 0 && rounded != 0;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.0f", rounded);
  std::string digits = buffer;
  if (static_cast<int>(digits.size()) <= decimals) {
    digits.insert(0, static_cast<size_t>(decimals) + 1 - digits.size(), '0');
  }
  const size_t split = digits.size() - static_cast<size_t>(decimals);
  return Localize(negative, std::string_view(digits).substr(0, split),
                  std::string_view(digits).substr(split), lang);
}

std::string FormatAmount(const Money& amount, std::string_view lang) {
  const std::string canonical = amount.ToString();  // "-1234.50"
  const bool negative = !canonical.empty() && canonical[0] == '-';
  std::string_view body(canonical);
  if (negative) body.remove_prefix(1);
  const size_t dot = body.find('.');
  if (dot == std::string_view::npos) return Localize(negative, body, {}, lang);
  return Localize(negative, body.substr(0, dot), body.substr(dot + 1), lang);
}

std::string FormatMoney(const Money& amount, std::string_view lang) {
  return FormatAmount(amount, lang) + " " + std::string(amount.currency().code());
}

std::string FormatPercent(double ratio, std::string_view lang) {
  return FormatNumber(ratio * 100, 0, lang) + "%";
}

std::string Plural(int64_t count, std::string_view one, std::string_view many) {
  return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

}  // namespace addio
