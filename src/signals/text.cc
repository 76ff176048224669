#include "signals/text.h"

#include "core/catalogue.h"

namespace addio::signals_internal {

std::string Num(double value, int max_decimals, Lang lang) {
  return FormatNum(value, max_decimals, lang == Lang::kIt ? addio::Lang::kIt : addio::Lang::kEn);
}

std::string Percent(double ratio) { return FormatPercentOf(ratio); }

std::string FormatMoney(const Money& money, Lang lang) {
  return FormatAmount(money, lang == Lang::kIt ? addio::Lang::kIt : addio::Lang::kEn);
}

std::string FormatDate(CivilDate date, Lang lang) {
  return FormatLongDate(date, lang == Lang::kIt ? addio::Lang::kIt : addio::Lang::kEn);
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
