#include "gen/holidays.h"

#include <algorithm>

namespace addio::gen {

CivilDate EasterSunday(int year) {
  const int a = year % 19, b = year / 100, c = year % 100;
  const int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return *CivilDate::FromYmd(year, month, day);
}

std::vector<CivilDate> ItalianHolidays(int year) {
  // New Year, Epiphany, Liberation Day, Labour Day, Republic Day, Ferragosto, All
  // Saints, Immaculate Conception, Christmas, St Stephen.
  static constexpr int kFixed[][2] = {{1, 1},  {1, 6},  {4, 25}, {5, 1},   {6, 2},
                                      {8, 15}, {11, 1}, {12, 8}, {12, 25}, {12, 26}};
  std::vector<CivilDate> days;
  for (const auto& [month, day] : kFixed) days.push_back(*CivilDate::FromYmd(year, month, day));
  days.push_back(EasterSunday(year).AddDays(1));
  std::sort(days.begin(), days.end());
  return days;
}

}  // namespace addio::gen
