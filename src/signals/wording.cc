#include "signals/wording.h"

#include "core/catalogue.h"

namespace addio {
namespace {

Lang LangOf(std::string_view lang) { return lang == "it" ? Lang::kIt : Lang::kEn; }

}  // namespace

std::string FormatNumber(double value, int decimals, std::string_view lang) {
  return FormatFixed(value, decimals, LangOf(lang));
}

std::string FormatAmount(const Money& amount, std::string_view lang) {
  return FormatAmountBare(amount, LangOf(lang));
}

std::string FormatMoney(const Money& amount, std::string_view lang) {
  return addio::FormatAmount(amount, LangOf(lang));
}

std::string FormatPercent(double ratio, std::string_view lang) {
  return FormatNumber(ratio * 100, 0, lang) + "%";
}

std::string Plural(int64_t count, std::string_view one, std::string_view many) {
  return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

}  // namespace addio
