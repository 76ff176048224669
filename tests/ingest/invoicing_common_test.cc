// The values invoicing exports write: amounts, dates, statuses, and CSV tables with a
// preamble.
#include "ingest/invoicing_common.h"

#include <gtest/gtest.h>

namespace addio::invoicing {
namespace {

const Currency kEur = *Currency::Find("EUR");

std::string Read(std::string_view text, NumberFormat format = {}) {
  Result<Money> money = ParseAmount(text, kEur, format);
  return money ? money->ToString() : "error: " + money.error().message.In(Lang::kEn);
}

TEST(ParseAmount, ReadsWhatToolsWrite) {
  EXPECT_EQ(Read("13.50"), "13.50");
  EXPECT_EQ(Read("$13.50 "), "13.50");
  EXPECT_EQ(Read("1,020.00"), "1020.00");
  EXPECT_EQ(Read("1.020,00"), "1020.00");
  EXPECT_EQ(Read("12,50"), "12.50");
  EXPECT_EQ(Read("1,020"), "1020.00") << "a lone separator before 3 digits groups thousands";
  EXPECT_EQ(Read("0,500"), "error: \"0,500\" is not an amount: 3 decimals, EUR has 2")
      << "but not after a zero";
  EXPECT_EQ(Read("1 234,56 €"), "1234.56");
  EXPECT_EQ(Read("1\xC2\xA0"
                 "234,56"),
            "1234.56")
      << "no-break space";
  EXPECT_EQ(Read("($400.00)"), "-400.00");
  EXPECT_EQ(Read("-5"), "-5.00");
  EXPECT_EQ(Read("5-"), "-5.00");
  EXPECT_EQ(Read("EUR 12.5"), "12.50");
  EXPECT_EQ(Read("1'234.50"), "1234.50");
  EXPECT_EQ(Read("94"), "94.00");
  // Three decimals are no EUR amount, so "1.234" can only group thousands; in a currency
  // with three decimals it is a decimal.
  EXPECT_EQ(Read("1.234"), "1234.00");
  EXPECT_EQ(ParseAmount("1.234", *Currency::Find("KWD"))->ToString(), "1.234");
}

TEST(ParseAmount, SaysWhatIsWrong) {
  EXPECT_EQ(Read("12,34.5"),
            "error: \"12,34.5\" is not an amount: digits between ',' must come in groups of 3");
  EXPECT_EQ(Read("1.2.3"),
            "error: \"1.2.3\" is not an amount: digits between '.' must come in "
            "groups of 3");
  EXPECT_EQ(Read("12.50 USD"), "error: \"12.50 USD\" is not an amount: in USD, expected EUR");
  EXPECT_EQ(Read("abc"), "error: \"abc\" is not an amount: \"abc\" is not a currency");
  EXPECT_EQ(Read(""), "error: \"\" is not an amount: empty");
  EXPECT_EQ(Read("1.234", NumberFormat{',', 0}),
            "error: \"1.234\" is not an amount: unexpected '.' (decimal separator ',')");
}

TEST(ParseAmount, FollowsAGivenFormatStrictly) {
  const NumberFormat comma{',', '.'};
  EXPECT_EQ(Read("1.234,50", comma), "1234.50");
  EXPECT_EQ(Read("1,5", comma), "1.50");
  const NumberFormat dot{'.', 0};
  EXPECT_EQ(Read("1,020.00", dot),
            "error: \"1,020.00\" is not an amount: unexpected ',' (decimal separator '.')");
  EXPECT_EQ(Read("1020.5", dot), "1020.50");
}

TEST(CurrencySymbol, TellsWhetherASymbolFitsTheCurrency) {
  EXPECT_EQ(CurrencySymbol("$13.50"), "$");
  EXPECT_EQ(CurrencySymbol("13.50"), "");
  EXPECT_TRUE(SymbolFits("$", *Currency::Find("CAD")));
  EXPECT_FALSE(SymbolFits("$", kEur));
  EXPECT_TRUE(SymbolFits("€", kEur));
}

std::string Date(std::string_view text, std::string_view format) {
  Result<CivilDate> date = ParseDate(text, format);
  return date ? date->ToString() : "error: " + date.error().message.In(Lang::kEn);
}

TEST(ParseDate, ReadsStrftimeLikeFormats) {
  EXPECT_EQ(Date("1/2/2013", "%m/%d/%Y"), "2013-01-02");
  EXPECT_EQ(Date("01/02/2013", "%d/%m/%Y"), "2013-02-01");
  EXPECT_EQ(Date("2013-01-02", "%Y-%m-%d"), "2013-01-02");
  EXPECT_EQ(Date("Jan 28 2021", "%b %d %Y"), "2021-01-28");
  EXPECT_EQ(Date("28 gen 2021", "%d %b %Y"), "2021-01-28");
  EXPECT_EQ(Date("5 marzo 24", "%d %B %y"), "2024-03-05");
  EXPECT_EQ(Date("2021-01-28T11:04:09+00:00", "%Y-%m-%d"), "2021-01-28");
  EXPECT_EQ(Date("2021-01-28 05:14:15", "%Y-%m-%d"), "2021-01-28");
  EXPECT_EQ(Date("2/30/2024", "%m/%d/%Y"),
            "error: \"2/30/2024\" is not a date in the format %m/%d/%Y: no such day");
  EXPECT_EQ(Date("2024-01-28x", "%Y-%m-%d"),
            "error: \"2024-01-28x\" is not a date in the format %Y-%m-%d");
  const Result<LocalDateTime> evening = ParseDateTime("3/1/2024 9:05 PM", "%m/%d/%Y %I:%M %p");
  ASSERT_TRUE(evening.has_value());
  EXPECT_EQ(evening->seconds_of_day, (21 * 60 + 5) * 60);
  const Result<LocalDateTime> midnight = ParseDateTime("3/1/2024 12:00 am", "%m/%d/%Y %I:%M %p");
  EXPECT_EQ(midnight->seconds_of_day, 0);
}

TEST(PickDateFormat, TakesTheFormatThatReadsTheColumn) {
  EXPECT_EQ(PickDateFormat({"10/20/2019", "2/29/2020"}, ToolDateFormats()), "%m/%d/%Y");
  EXPECT_EQ(PickDateFormat({"02/03/2024", "28/03/2024"}, ToolDateFormats()), "%d/%m/%Y");
  EXPECT_EQ(PickDateFormat({"02/03/2024"}, EuropeanDateFormats()), "%d/%m/%Y");
  EXPECT_EQ(PickDateFormat({"Jan 28 2021", "Feb 30 2021", ""}, ToolDateFormats()), "%b %d %Y");
  EXPECT_EQ(PickDateFormat({"soon"}, ToolDateFormats()), std::nullopt);
}

TEST(ClassifyStatus, MapsToolWordsToTheLedger) {
  EXPECT_EQ(ClassifyStatus("Partial"), StatusKind::kIssued);
  EXPECT_EQ(ClassifyStatus("partially_paid"), StatusKind::kIssued);
  EXPECT_EQ(ClassifyStatus("OVERDUE"), StatusKind::kIssued);
  EXPECT_EQ(ClassifyStatus(""), StatusKind::kIssued);
  EXPECT_EQ(ClassifyStatus("Cancelled"), StatusKind::kVoid);
  EXPECT_EQ(ClassifyStatus("deleted"), StatusKind::kVoid);
  EXPECT_EQ(ClassifyStatus("Written-Off"), StatusKind::kWrittenOff);
  EXPECT_EQ(ClassifyStatus("bad debt"), StatusKind::kWrittenOff);
  EXPECT_EQ(ClassifyStatus("Draft"), StatusKind::kDraft);
  EXPECT_EQ(ClassifyStatus("bozza"), StatusKind::kDraft);
  EXPECT_EQ(ClassifyStatus("pagata"), StatusKind::kIssued);
  EXPECT_EQ(ClassifyStatus("whatever"), StatusKind::kUnknown);
  EXPECT_TRUE(IsDisputedStatus("Disputed"));
}

TEST(ParseCsvTable, FindsTheHeaderAfterAPreamble) {
  Diagnostics out;
  const std::optional<CsvTable> table = ParseCsvTable(
      "\xEF\xBB\xBFTitle\r\n\r\nSECTION\r\nA;B\r\n1;\"x\r\ny\"\r\n;\r\n2;z\r\n", "t.csv",
      [](const std::vector<std::string>& keys) { return keys.size() >= 2; }, out);
  ASSERT_TRUE(table.has_value());
  EXPECT_TRUE(out.empty()) << out.ToString();
  EXPECT_EQ(table->separator, ';') << "sniffed past the title, which has none";
  EXPECT_EQ(table->header_line, 4);
  EXPECT_EQ(table->preamble, (std::vector<std::string>{"Title", "SECTION"}));
  ASSERT_EQ(table->rows.size(), 2u) << "the blank ';' row is dropped";
  EXPECT_EQ(table->rows[0].line, 5);
  EXPECT_EQ(table->rows[0].cells[1], "x\ny");
  EXPECT_EQ(table->rows[1].line, 8);
  EXPECT_EQ(table->Find({"b"}), 1u);
  EXPECT_EQ(table->Find({"c"}), std::nullopt);
}

TEST(ParseCsvTable, ReportsMalformedRecordsAndAMissingHeader) {
  Diagnostics out;
  const std::optional<CsvTable> table = ParseCsvTable("A,B\n1,\"open\n", "t.csv", nullptr, out);
  ASSERT_TRUE(table.has_value());
  ASSERT_EQ(out.ErrorCount(), 1u);
  EXPECT_EQ(out.items()[0].line, 2);
  Diagnostics none;
  EXPECT_FALSE(ParseCsvTable(
                   "x\ny\n", "t.csv", [](const std::vector<std::string>&) { return false; }, none)
                   .has_value());
}

}  // namespace
}  // namespace addio::invoicing
