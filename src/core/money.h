// Exact money: an integer count of minor units (cents) and the ISO 4217 currency that
// says how many decimals it has. There is no floating point anywhere near money:
// parsing is exact ("1.234" EUR is an error, never a rounding), arithmetic refuses to
// mix currencies, and the only roundings are the explicit ones below (conversion with
// an FX rate, scaling by a ratio), which round half away from zero to the minor unit.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace addio {

// Minor units are counted in 128 bits: a record's amount is at most 10^12 major units
// (DESIGN.md section 2 bounds, at most 10^16 minor units), so no sum of any number of
// stored amounts can come near the limit (1.7 × 10^38).
__extension__ using MinorUnits = __int128;

// Thrown when money leaves the range of MinorUnits (a conversion, a scaling), or when a
// value beyond int64 is asked for as one (minor()). Ledger bounds keep data far from it.
class MoneyOverflow : public std::overflow_error, public MessageException {
 public:
  explicit MoneyOverflow(const Message& message)
      : std::overflow_error(message.In(Lang::kEn)), MessageException(message) {}
};

class Currency {
 public:
  // The workspace default; EUR has 2 decimals.
  Currency() : Currency("EUR", 2) {}

  // Looks up an ISO 4217 alphabetic code ("EUR", "usd" is accepted as "USD").
  // Error kInvalidArgument (core.currency_unknown) when the code is not a known currency.
  static Result<Currency> Find(std::string_view code);

  std::string_view code() const { return {code_, 3}; }
  int exponent() const { return exponent_; }  // number of decimals: 2 for EUR, 0 for JPY
  int64_t minor_per_unit() const;             // 10^exponent

  friend bool operator==(const Currency& a, const Currency& b) { return a.code() == b.code(); }

 private:
  Currency(std::string_view code, int exponent);
  char code_[3];
  int exponent_;
};

// An exact decimal such as an FX rate "0.92" or a tax rate: units / 10^scale.
struct Decimal {
  int64_t units = 0;
  int scale = 0;  // 0..18

  // Parses "-12.345" exactly. Error kInvalidArgument for anything else.
  static Result<Decimal> Parse(std::string_view text);
  std::string ToString() const;
  double ToDouble() const;
  friend bool operator==(const Decimal&, const Decimal&) = default;
};

class Money {
 public:
  Money() = default;
  Money(MinorUnits minor, Currency currency) : minor_(minor), currency_(currency) {}

  static Money Zero(Currency currency) { return Money(0, currency); }

  // Parses a decimal string in `currency`: an optional '-', digits, and at most
  // currency.exponent() decimals after a '.'. No grouping separators, no exponent,
  // no spaces. Error kInvalidArgument naming what was wrong (a core.* message), e.g.
  // "1.234" in EUR: core.decimals_for_currency, "\"1.234\" has 3 decimals, EUR has 2".
  static Result<Money> Parse(std::string_view text, Currency currency);

  // The minor units as int64 (what the store keeps). Throws MoneyOverflow beyond int64,
  // which a single bounded amount never is; sums may be: use wide_minor() for them.
  int64_t minor() const;
  MinorUnits wide_minor() const { return minor_; }
  Currency currency() const { return currency_; }
  bool is_zero() const { return minor_ == 0; }
  bool is_positive() const { return minor_ > 0; }
  bool is_negative() const { return minor_ < 0; }

  // "1234.50", "-0.05", "1200" for JPY: the canonical decimal string, always with
  // exactly exponent() decimals.
  std::string ToString() const;

  // The value as a double, for ratios only (never feed it back into money).
  double ToDouble() const;

  // Arithmetic requires the same currency; mixing currencies is a bug and throws
  // InternalError (a std::logic_error). Overflow of MinorUnits throws MoneyOverflow (a
  // std::overflow_error).
  Money operator+(const Money& other) const;
  Money operator-(const Money& other) const;
  Money operator-() const { return Money(-minor_, currency_); }
  Money& operator+=(const Money& other) { return *this = *this + other; }
  Money& operator-=(const Money& other) { return *this = *this - other; }

  // this × numerator / denominator, rounded half away from zero to the minor unit.
  // REQUIRES: denominator != 0.
  Money MulDiv(int64_t numerator, int64_t denominator) const;

  // this × factor (an exact decimal), rounded half away from zero.
  Money Mul(const Decimal& factor) const;

  // Converts into `to` at `per_unit` (units of `to` for one unit of this currency),
  // rounded half away from zero to the minor unit of `to`.
  Money ConvertTo(Currency to, const Decimal& per_unit) const;

  // Ordering within one currency; comparing two currencies throws InternalError.
  std::strong_ordering operator<=>(const Money& other) const;
  bool operator==(const Money& other) const {
    return minor_ == other.minor_ && currency_ == other.currency_;
  }

 private:
  MinorUnits minor_ = 0;
  Currency currency_;
};

}  // namespace addio
