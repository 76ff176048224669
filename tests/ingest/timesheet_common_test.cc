#include "ingest/timesheet_common.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace addio::timesheet {
namespace {

int Time(const std::string& text) { return ParseTimeOfDay(text).value(); }
int64_t Hours(const std::string& text) { return ParseDuration(text, BareNumber::kHours).value(); }
std::string Date(const std::string& text, DateOrder order = DateOrder::kMonthFirst) {
  return ParseDate(text, order).value().ToString();
}

TEST(ParseTimeOfDayTest, TwelveAndTwentyFourHourClocks) {
  EXPECT_EQ(Time("10:23"), 10 * 3600 + 23 * 60);
  EXPECT_EQ(Time("10:23:52"), 10 * 3600 + 23 * 60 + 52);
  EXPECT_EQ(Time("10:23:52.250"), 10 * 3600 + 23 * 60 + 52);
  EXPECT_EQ(Time("12:05 AM"), 5 * 60);
  EXPECT_EQ(Time("12:05 PM"), 12 * 3600 + 5 * 60);
  EXPECT_EQ(Time("9:05pm"), 21 * 3600 + 5 * 60);
  EXPECT_EQ(Time("1:00 a.m."), 3600);
  EXPECT_EQ(Time("10.30"), 10 * 3600 + 30 * 60);
  EXPECT_EQ(Time("2024-03-04 18:00"), 18 * 3600);
  EXPECT_EQ(Time("24:00"), 86400);
  for (const char* bad : {"", "13:00 PM", "0:30 AM", "25:00", "10:7", "10:60", "noon", "1030"}) {
    EXPECT_FALSE(ParseTimeOfDay(bad).has_value()) << bad;
  }
}

TEST(ParseDurationTest, ClockDecimalAndNaturalSpellings) {
  EXPECT_EQ(Hours("01:00:01"), 3601);
  EXPECT_EQ(Hours("1:30"), 5400);
  EXPECT_EQ(Hours("120:00:00"), 120 * 3600);
  EXPECT_EQ(Hours("1.5"), 5400);
  EXPECT_EQ(Hours("1,5"), 5400);
  EXPECT_EQ(Hours("0,01"), 36);
  EXPECT_EQ(Hours("1.234,5"), 4444200);
  EXPECT_EQ(Hours("1,234.5"), 4444200);
  EXPECT_EQ(Hours("8"), 8 * 3600);
  EXPECT_EQ(Hours("2h27m"), 2 * 3600 + 27 * 60);
  EXPECT_EQ(Hours("1h 30m 10s"), 5410);
  EXPECT_EQ(Hours("1h30"), 5400);
  EXPECT_EQ(Hours("90m"), 5400);
  EXPECT_EQ(ParseDuration("2700", BareNumber::kSeconds).value(), 2700);
  EXPECT_EQ(ParseDuration("0.75", BareNumber::kSeconds).value(), 2700);  // decimals are hours
  for (const char* bad : {"", "-1:00", "soon", "1:2:3:4", "h", "[00]:00"}) {
    EXPECT_FALSE(ParseDuration(bad, BareNumber::kHours).has_value()) << bad;
  }
}

TEST(ParseDateTest, IsoUsEuropeanAndDotted) {
  EXPECT_EQ(Date("2024-03-04"), "2024-03-04");
  EXPECT_EQ(Date("2024/03/04"), "2024-03-04");
  EXPECT_EQ(Date("03/04/2024"), "2024-03-04");
  EXPECT_EQ(Date("03/04/2024", DateOrder::kDayFirst), "2024-04-03");
  EXPECT_EQ(Date("04.03.2024"), "2024-03-04");  // dots: always day first
  EXPECT_EQ(Date("3/4/24"), "2024-03-04");
  EXPECT_EQ(Date("2024-03-04T10:00:00Z"), "2024-03-04");
  EXPECT_FALSE(ParseDate("13/15/2024", DateOrder::kMonthFirst).has_value());
  EXPECT_FALSE(ParseDate("2024-02-30", DateOrder::kMonthFirst).has_value());
  EXPECT_FALSE(ParseDate("March 4", DateOrder::kMonthFirst).has_value());
  EXPECT_NE(ParseDate("31/31/2024", DateOrder::kDayFirst)
                .error()
                .message.In(Lang::kEn)
                .find("DD/MM/YYYY"),
            std::string::npos);
}

TEST(GuessDateOrderTest, ADayAboveTwelveTells) {
  EXPECT_EQ(GuessDateOrder({"03/04/2024", "15/04/2024"}, DateOrder::kMonthFirst),
            DateOrder::kDayFirst);
  EXPECT_EQ(GuessDateOrder({"03/04/2024", "04/15/2024"}, DateOrder::kDayFirst),
            DateOrder::kMonthFirst);
  EXPECT_EQ(GuessDateOrder({"03/04/2024", "2024-05-30"}, DateOrder::kDayFirst),
            DateOrder::kDayFirst);
  // A broken value (month 13 either way) does not tip the balance.
  EXPECT_EQ(GuessDateOrder({"13/15/2024", "10/15/2024"}, DateOrder::kDayFirst),
            DateOrder::kMonthFirst);
}

TEST(ParseYesNoTest, CommonSpellings) {
  EXPECT_EQ(ParseYesNo("Yes"), true);
  EXPECT_EQ(ParseYesNo(" TRUE "), true);
  EXPECT_EQ(ParseYesNo("sì"), true);
  EXPECT_EQ(ParseYesNo("No"), false);
  EXPECT_EQ(ParseYesNo("0"), false);
  EXPECT_EQ(ParseYesNo("maybe"), std::nullopt);
}

TEST(CsvHeaderTest, FindsColumnsIgnoringCaseButTellsExactSpelling) {
  const std::vector<std::string> header = HeaderOf("\xEF\xBB\xBF\"Start date\";\"Duration\"\r\nx");
  ASSERT_EQ(header.size(), 2u);
  EXPECT_EQ(FindColumn(header, {"start DATE"}), 0);
  EXPECT_EQ(FindColumn(header, {"Hours", "Duration"}), 1);
  EXPECT_EQ(FindColumn(header, {"Hours"}), -1);
  EXPECT_TRUE(HasExactColumn(header, "Start date"));
  EXPECT_FALSE(HasExactColumn(header, "Start Date"));
  EXPECT_EQ(CountColumns(header, {"start date", "duration", "user"}), 2);
}

}  // namespace
}  // namespace addio::timesheet
