#include "signals/screen.h"

#include <cmath>
#include <string>

namespace addio::signals_internal {
namespace {

// The ratio as tenths of a percent, rounded: 0.599 -> 599.
double Tenths(double ratio) { return std::round(ratio * 1000.0); }

// Italian elides the article before a vowel sound: "l'80%", "l'11%", "l'1%", but "il 60%"
// and "il 110%" (centodieci).
bool Elides(double ratio) {
  const std::string digits = std::to_string(static_cast<long long>(Tenths(ratio) / 10));
  return digits.starts_with("8") || digits == "1" || digits == "11";
}

// How bad a level is: green and unknown 0, amber 1, red 2.
int Badness(Level level) { return level == Level::kRed ? 2 : level == Level::kAmber ? 1 : 0; }

}  // namespace

void Raise(Level& level, Level to) {
  if (Badness(to) > Badness(level)) level = to;
}

Arg PercentNumber(double ratio) { return Arg::Num(Tenths(ratio) / 10.0, 1); }

Arg ArticleBeforePercent(std::string_view preposition, double ratio) {
  return Arg::Key("screening.article." + std::string(preposition) +
                  (Elides(ratio) ? "_elided" : ""));
}

}  // namespace addio::signals_internal
