#include "core/money.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <stdexcept>

namespace addio {
namespace {

using Int128 = MinorUnits;  // exact intermediate products

struct CurrencyInfo {
  const char* code;
  int exponent;
};

// ISO 4217 active codes with a non-default exponent, and the common ones with 2.
constexpr std::array kCurrencies = {
    CurrencyInfo{"AED", 2}, CurrencyInfo{"ARS", 2}, CurrencyInfo{"AUD", 2}, CurrencyInfo{"BGN", 2},
    CurrencyInfo{"BHD", 3}, CurrencyInfo{"BRL", 2}, CurrencyInfo{"CAD", 2}, CurrencyInfo{"CHF", 2},
    CurrencyInfo{"CLP", 0}, CurrencyInfo{"CNY", 2}, CurrencyInfo{"COP", 2}, CurrencyInfo{"CZK", 2},
    CurrencyInfo{"DKK", 2}, CurrencyInfo{"EGP", 2}, CurrencyInfo{"EUR", 2}, CurrencyInfo{"GBP", 2},
    CurrencyInfo{"HKD", 2}, CurrencyInfo{"HUF", 2}, CurrencyInfo{"IDR", 2}, CurrencyInfo{"ILS", 2},
    CurrencyInfo{"INR", 2}, CurrencyInfo{"ISK", 0}, CurrencyInfo{"JOD", 3}, CurrencyInfo{"JPY", 0},
    CurrencyInfo{"KRW", 0}, CurrencyInfo{"KWD", 3}, CurrencyInfo{"MAD", 2}, CurrencyInfo{"MXN", 2},
    CurrencyInfo{"MYR", 2}, CurrencyInfo{"NOK", 2}, CurrencyInfo{"NZD", 2}, CurrencyInfo{"OMR", 3},
    CurrencyInfo{"PHP", 2}, CurrencyInfo{"PLN", 2}, CurrencyInfo{"RON", 2}, CurrencyInfo{"RSD", 2},
    CurrencyInfo{"SAR", 2}, CurrencyInfo{"SEK", 2}, CurrencyInfo{"SGD", 2}, CurrencyInfo{"THB", 2},
    CurrencyInfo{"TND", 3}, CurrencyInfo{"TRY", 2}, CurrencyInfo{"TWD", 2}, CurrencyInfo{"UAH", 2},
    CurrencyInfo{"UGX", 0}, CurrencyInfo{"USD", 2}, CurrencyInfo{"VND", 0}, CurrencyInfo{"XAF", 0},
    CurrencyInfo{"XOF", 0}, CurrencyInfo{"ZAR", 2},
};

constexpr int64_t kPow10[] = {1,
                              10,
                              100,
                              1000,
                              10000,
                              100000,
                              1000000,
                              10000000,
                              100000000,
                              1000000000,
                              10000000000,
                              100000000000,
                              1000000000000,
                              10000000000000,
                              100000000000000,
                              1000000000000000,
                              10000000000000000,
                              100000000000000000,
                              1000000000000000000};

// Rounds numerator / denominator half away from zero. REQUIRES: denominator != 0.
Int128 RoundedDivide(Int128 numerator, Int128 denominator) {
  if (denominator < 0) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const bool negative = numerator < 0;
  const Int128 magnitude = negative ? -numerator : numerator;
  Int128 rounded;
  if (__builtin_add_overflow(magnitude, denominator / 2, &rounded)) {
    throw MoneyOverflow(Msg("core.money_out_of_range"));
  }
  const Int128 quotient = rounded / denominator;
  return negative ? -quotient : quotient;
}

// a × b; throws MoneyOverflow beyond Int128.
Int128 CheckedProduct(Int128 a, Int128 b) {
  Int128 product;
  if (__builtin_mul_overflow(a, b, &product)) throw MoneyOverflow(Msg("core.money_out_of_range"));
  return product;
}

// Parses [-]digits[.digits] into units and scale; the caller checks the scale.
struct ParsedDecimal {
  Int128 units = 0;
  int scale = 0;
};

Result<ParsedDecimal> ParseDecimalText(std::string_view text) {
  if (text.empty()) return Fail(ErrorCode::kInvalidArgument, Msg("core.amount_empty"));
  size_t i = 0;
  bool negative = false;
  if (text[0] == '-') {
    negative = true;
    i = 1;
  }
  ParsedDecimal out;
  int integer_digits = 0;
  for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) {
    out.units = out.units * 10 + (text[i] - '0');
    if (++integer_digits > 18)
      return Fail(ErrorCode::kInvalidArgument, Msg("core.too_large", text));
  }
  if (integer_digits == 0) {
    return Fail(ErrorCode::kInvalidArgument, Msg("core.not_decimal", text));
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    const size_t first = i;
    for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) {
      out.units = out.units * 10 + (text[i] - '0');
      if (++out.scale > 18) {
        return Fail(ErrorCode::kInvalidArgument, Msg("core.too_many_decimals", text));
      }
    }
    if (i == first) {
      return Fail(ErrorCode::kInvalidArgument, Msg("core.no_digits_after_point", text));
    }
  }
  if (i != text.size()) {
    return Fail(ErrorCode::kInvalidArgument, Msg("core.not_plain_decimal", text));
  }
  if (negative) out.units = -out.units;
  return out;
}

std::string FormatScaled(Int128 units, int scale) {
  const bool negative = units < 0;
  // Work in unsigned to print the most negative value correctly.
  __extension__ using Uint128 = unsigned __int128;
  Uint128 magnitude = negative ? 0 - static_cast<Uint128>(units) : static_cast<Uint128>(units);
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  } while (magnitude != 0);
  if (scale > 0) {
    if (static_cast<int>(digits.size()) <= scale) {
      digits.insert(0, scale + 1 - digits.size(), '0');
    }
    digits.insert(digits.size() - scale, 1, '.');
  }
  return negative ? "-" + digits : digits;
}

}  // namespace

Currency::Currency(std::string_view code, int exponent) : exponent_(exponent) {
  std::copy_n(code.begin(), 3, code_);
}

Result<Currency> Currency::Find(std::string_view code) {
  if (code.size() == 3) {
    char upper[3];
    for (int i = 0; i < 3; ++i) upper[i] = static_cast<char>(std::toupper(code[i]));
    for (const CurrencyInfo& info : kCurrencies) {
      if (std::string_view(info.code, 3) == std::string_view(upper, 3)) {
        return Currency(info.code, info.exponent);
      }
    }
  }
  return Fail(ErrorCode::kInvalidArgument, Msg("core.currency_unknown", code));
}

int64_t Currency::minor_per_unit() const { return kPow10[exponent_]; }

Result<Decimal> Decimal::Parse(std::string_view text) {
  auto parsed = ParseDecimalText(text);
  if (!parsed) return std::unexpected(parsed.error());
  if (parsed->units > std::numeric_limits<int64_t>::max() ||
      parsed->units < std::numeric_limits<int64_t>::min()) {
    return Fail(ErrorCode::kInvalidArgument, Msg("core.too_large", text));
  }
  return Decimal{static_cast<int64_t>(parsed->units), parsed->scale};
}

std::string Decimal::ToString() const { return FormatScaled(units, scale); }

double Decimal::ToDouble() const {
  return static_cast<double>(units) / static_cast<double>(kPow10[scale]);
}

Result<Money> Money::Parse(std::string_view text, Currency currency) {
  auto parsed = ParseDecimalText(text);
  if (!parsed) return std::unexpected(parsed.error());
  if (parsed->scale > currency.exponent()) {
    return Fail(ErrorCode::kInvalidArgument, Msg("core.decimals_for_currency", text, parsed->scale,
                                                 currency.code(), currency.exponent()));
  }
  const Int128 minor = parsed->units * kPow10[currency.exponent() - parsed->scale];
  if (minor > std::numeric_limits<int64_t>::max() || minor < std::numeric_limits<int64_t>::min()) {
    return Fail(ErrorCode::kInvalidArgument, Msg("core.too_large", text));
  }
  return Money(static_cast<int64_t>(minor), currency);
}

int64_t Money::minor() const {
  if (minor_ > std::numeric_limits<int64_t>::max() ||
      minor_ < std::numeric_limits<int64_t>::min()) {
    throw MoneyOverflow(Msg("core.money_overflow"));
  }
  return static_cast<int64_t>(minor_);
}

std::string Money::ToString() const { return FormatScaled(minor_, currency_.exponent()); }

double Money::ToDouble() const {
  return static_cast<double>(minor_) / static_cast<double>(currency_.minor_per_unit());
}

static void RequireSameCurrency(const Money& a, const Money& b) {
  if (!(a.currency() == b.currency())) {
    throw InternalError(Msg("core.mixing_currencies", a.currency().code(), b.currency().code()));
  }
}

Money Money::operator+(const Money& other) const {
  RequireSameCurrency(*this, other);
  Int128 sum;
  if (__builtin_add_overflow(minor_, other.minor_, &sum)) {
    throw MoneyOverflow(Msg("core.money_overflow"));
  }
  return Money(sum, currency_);
}

Money Money::operator-(const Money& other) const {
  RequireSameCurrency(*this, other);
  Int128 difference;
  if (__builtin_sub_overflow(minor_, other.minor_, &difference)) {
    throw MoneyOverflow(Msg("core.money_overflow"));
  }
  return Money(difference, currency_);
}

Money Money::MulDiv(int64_t numerator, int64_t denominator) const {
  if (denominator == 0) throw InternalError(Msg("core.muldiv_by_zero"));
  return Money(RoundedDivide(CheckedProduct(minor_, numerator), denominator), currency_);
}

Money Money::Mul(const Decimal& factor) const {
  return Money(RoundedDivide(CheckedProduct(minor_, factor.units), kPow10[factor.scale]),
               currency_);
}

Money Money::ConvertTo(Currency to, const Decimal& per_unit) const {
  // minor_to = minor_from / 10^e_from × per_unit × 10^e_to
  const Int128 numerator =
      CheckedProduct(CheckedProduct(minor_, per_unit.units), to.minor_per_unit());
  const Int128 denominator =
      static_cast<Int128>(kPow10[per_unit.scale]) * currency_.minor_per_unit();
  return Money(RoundedDivide(numerator, denominator), to);
}

std::strong_ordering Money::operator<=>(const Money& other) const {
  RequireSameCurrency(*this, other);
  return minor_ <=> other.minor_;
}

}  // namespace addio
