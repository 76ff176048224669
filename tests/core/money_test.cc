#include "core/money.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace addio {
namespace {

Currency Eur() { return *Currency::Find("EUR"); }
Currency Jpy() { return *Currency::Find("JPY"); }
Currency Kwd() { return *Currency::Find("KWD"); }

TEST(CurrencyTest, KnowsExponents) {
  EXPECT_EQ(Eur().exponent(), 2);
  EXPECT_EQ(Jpy().exponent(), 0);
  EXPECT_EQ(Kwd().exponent(), 3);
  EXPECT_EQ(Currency::Find("usd")->code(), "USD");
}

TEST(CurrencyTest, RejectsUnknownCodes) {
  auto bad = Currency::Find("EURO");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message.In(Lang::kEn), "\"EURO\" is not a known ISO 4217 currency code");
  EXPECT_FALSE(Currency::Find("XXX"));
}

TEST(MoneyParseTest, ParsesExactly) {
  EXPECT_EQ(Money::Parse("1234.50", Eur())->minor(), 123450);
  EXPECT_EQ(Money::Parse("1234.5", Eur())->minor(), 123450);
  EXPECT_EQ(Money::Parse("1234", Eur())->minor(), 123400);
  EXPECT_EQ(Money::Parse("0.01", Eur())->minor(), 1);
  EXPECT_EQ(Money::Parse("-0.05", Eur())->minor(), -5);
  EXPECT_EQ(Money::Parse("007.10", Eur())->minor(), 710);
  EXPECT_EQ(Money::Parse("1200", Jpy())->minor(), 1200);
  EXPECT_EQ(Money::Parse("1.234", Kwd())->minor(), 1234);
}

TEST(MoneyParseTest, TooManyDecimalsIsAnErrorNotARounding) {
  auto bad = Money::Parse("1.234", Eur());
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message.In(Lang::kEn), "\"1.234\" has 3 decimals, EUR has 2");
  EXPECT_FALSE(Money::Parse("1.5", Jpy()));
  EXPECT_FALSE(Money::Parse("0.001", Eur()));
}

TEST(MoneyParseTest, RejectsMalformedText) {
  for (const char* text : {"", "-", ".5", "12.", "1,234.50", "1 234", "1e3", "+5", "12.3.4", " 12",
                           "12 ", "abc", "--1", "1.2a"}) {
    EXPECT_FALSE(Money::Parse(text, Eur())) << "accepted \"" << text << "\"";
  }
}

TEST(MoneyParseTest, RejectsOverflow) {
  EXPECT_TRUE(Money::Parse("92233720368547758.07", Eur()));
  EXPECT_FALSE(Money::Parse("92233720368547758.08", Eur()));
  EXPECT_FALSE(Money::Parse("1000000000000000000000", Eur()));
}

TEST(MoneyFormatTest, AlwaysWritesTheCurrencyDecimals) {
  EXPECT_EQ(Money(123450, Eur()).ToString(), "1234.50");
  EXPECT_EQ(Money(5, Eur()).ToString(), "0.05");
  EXPECT_EQ(Money(-5, Eur()).ToString(), "-0.05");
  EXPECT_EQ(Money(0, Eur()).ToString(), "0.00");
  EXPECT_EQ(Money(1200, Jpy()).ToString(), "1200");
  EXPECT_EQ(Money(1, Kwd()).ToString(), "0.001");
  EXPECT_EQ(Money(INT64_MIN, Eur()).ToString(), "-92233720368547758.08");
}

TEST(MoneyArithmeticTest, RefusesToMixCurrencies) {
  const Money eur(100, Eur()), usd(100, *Currency::Find("USD"));
  EXPECT_THROW((void)(eur + usd), std::logic_error);
  EXPECT_THROW((void)(eur < usd), std::logic_error);
  EXPECT_FALSE(eur == usd);
  EXPECT_EQ((eur + eur).minor(), 200);
  EXPECT_EQ((eur - Money(250, Eur())).minor(), -150);
}

TEST(MoneyArithmeticTest, SumsBeyondInt64AreExact) {
  // Sums count in 128 bits: any number of amounts within the ledger bound (10^12 units)
  // adds up without overflow, and prints exactly.
  const Money sum = Money(INT64_MAX, Eur()) + Money(1, Eur());
  EXPECT_EQ(sum.ToString(), "92233720368547758.08");
  EXPECT_EQ((sum - Money(1, Eur())).minor(), INT64_MAX);
  // Only asking for it as int64 (what the store keeps) is refused.
  EXPECT_THROW((void)sum.minor(), std::overflow_error);
  Money total = Money::Zero(Eur());
  const Money bound = *Money::Parse("1000000000000.00", Eur());
  for (int i = 0; i < 200000; ++i) total += bound;
  EXPECT_EQ(total.ToString(), "200000000000000000.00");
  EXPECT_EQ((-total).ToString(), "-200000000000000000.00");
  EXPECT_EQ(total.MulDiv(1, 200000), bound);
}

TEST(MoneyArithmeticTest, DetectsOverflow) {
  const Money huge(static_cast<MinorUnits>(1) << 126, Eur());
  EXPECT_THROW((void)(huge + huge), std::overflow_error);
  EXPECT_THROW((void)huge.MulDiv(4, 1), std::overflow_error);
}

TEST(MoneyArithmeticTest, MulDivRoundsHalfAwayFromZero) {
  EXPECT_EQ(Money(100, Eur()).MulDiv(1, 3).minor(), 33);
  EXPECT_EQ(Money(100, Eur()).MulDiv(2, 3).minor(), 67);
  EXPECT_EQ(Money(5, Eur()).MulDiv(1, 2).minor(), 3);
  EXPECT_EQ(Money(-5, Eur()).MulDiv(1, 2).minor(), -3);
  EXPECT_EQ(Money(5, Eur()).MulDiv(-1, 2).minor(), -3);
  // 6000.00 a month for 37 days at 10% a year: no intermediate overflow.
  EXPECT_EQ(Money(600000, Eur()).MulDiv(37 * 10, 365 * 100).minor(), 6082);
}

TEST(MoneyArithmeticTest, ConvertsWithAnExactRate) {
  const Currency usd = *Currency::Find("USD");
  const Decimal rate = *Decimal::Parse("0.92");
  EXPECT_EQ(Money(10000, usd).ConvertTo(Eur(), rate).minor(), 9200);
  EXPECT_EQ(Money(1, usd).ConvertTo(Eur(), rate).minor(), 1);  // 0.0092 -> 0.01
  // 1000 JPY at 0.0061 EUR per yen is 6.10 EUR.
  EXPECT_EQ(Money(1000, Jpy()).ConvertTo(Eur(), *Decimal::Parse("0.0061")).minor(), 610);
}

TEST(DecimalTest, ParsesAndPrints) {
  const Decimal d = *Decimal::Parse("0.0215");
  EXPECT_EQ(d.units, 215);
  EXPECT_EQ(d.scale, 4);
  EXPECT_EQ(d.ToString(), "0.0215");
  EXPECT_DOUBLE_EQ(d.ToDouble(), 0.0215);
  EXPECT_FALSE(Decimal::Parse("0,92"));
}

}  // namespace
}  // namespace addio
