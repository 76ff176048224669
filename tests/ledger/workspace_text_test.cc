// The working-hours codec shared by the ledger format and the API.
#include "ledger/workspace_text.h"

#include <gtest/gtest.h>

namespace addio {
namespace {

TEST(WorkspaceTextTest, ReadsIntervalsAsMinutes) {
  const auto morning = ParseWorkingInterval("09:00-13:30");
  ASSERT_TRUE(morning);
  EXPECT_EQ(morning->start, 9 * 60);
  EXPECT_EQ(morning->end, 13 * 60 + 30);
  const auto whole_day = ParseWorkingInterval("00:00-24:00");
  ASSERT_TRUE(whole_day);
  EXPECT_EQ(whole_day->end, 1440);
}

TEST(WorkspaceTextTest, RefusesWhatIsNoInterval) {
  for (const char* text : {"", "9:00-13:00", "09:00-13:0", "09:00 13:00", "09-00-13:00",
                           "24:01-24:30", "09:60-10:00", "-1:00-02:00", "09:00-13:00 "}) {
    EXPECT_FALSE(ParseWorkingInterval(text)) << text;
  }
  // Order is the callers' business: the codec reads it as written.
  const auto backwards = ParseWorkingInterval("12:00-10:00");
  ASSERT_TRUE(backwards);
  EXPECT_GT(backwards->start, backwards->end);
}

TEST(WorkspaceTextTest, WritesWhatItReads) {
  for (const char* text : {"00:00-00:30", "09:05-13:00", "14:00-24:00"}) {
    const auto interval = ParseWorkingInterval(text);
    ASSERT_TRUE(interval) << text;
    EXPECT_EQ(FormatWorkingInterval(*interval), text);
  }
}

TEST(WorkspaceTextTest, WeekdayKeysAndIndexesAgree) {
  for (int day = 0; day < 7; ++day) EXPECT_EQ(WeekdayIndex(WeekdayKey(day)), day);
  EXPECT_EQ(WeekdayIndex("mon"), 0);
  EXPECT_EQ(WeekdayIndex("sun"), 6);
  EXPECT_FALSE(WeekdayIndex("monday"));
  EXPECT_FALSE(WeekdayIndex("Mon"));
}

}  // namespace
}  // namespace addio
