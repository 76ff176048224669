#include "core/catalogue.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <functional>
#include <optional>
#include <ostream>
#include <ranges>
#include <span>

#include "core/catalogue_data.h"
#include "core/money.h"
#include "core/time.h"

namespace addio {
namespace {

struct Book {
  CatalogueTable table;  // by key
  // The catalogue's own formats, read once.
  std::string decimal = ".";
  std::string group = ",";
  std::string months[12];

  // The entry for `key`, or nullopt.
  std::optional<CatalogueEntry> Find(std::string_view key) const {
    const auto indexes = std::views::iota(size_t{0}, table.size());
    const auto it = std::ranges::lower_bound(indexes, key, std::less<>{},
                                             [this](size_t i) { return table.Key(i); });
    if (it == indexes.end() || table.Key(*it) != key) return std::nullopt;
    return table[*it];
  }
};

// The compiled-in entries of `lang` (catalogue_gen checked them at build time) and the
// formats they define.
Book LoadBook(Lang lang) {
  Book book;
  book.table = CatalogueEntriesOf(LangKey(lang));
  const auto plain = [&](const std::string& key, const std::string& fallback) {
    const std::optional<CatalogueEntry> entry = book.Find(key);
    return entry ? std::string(entry->other) : fallback;
  };
  book.decimal = plain("format.decimal", ".");
  book.group = plain("format.group", ",");
  for (int m = 1; m <= 12; ++m) {
    book.months[m - 1] = plain("format.month." + std::to_string(m), std::to_string(m));
  }
  return book;
}

// Each language is read on its first use: a command speaks one.
const Book& BookOf(Lang lang) {
  if (lang == Lang::kIt) {
    static const Book it = LoadBook(Lang::kIt);
    return it;
  }
  static const Book en = LoadBook(Lang::kEn);
  return en;
}

// Inserts `separator` every three digits of an unsigned digit string.
std::string Group(std::string_view digits, std::string_view separator) {
  std::string out;
  const size_t n = digits.size();
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return out;
}

// Joins a sign, grouped integer digits and decimals in the conventions of `lang`.
std::string Localize(bool negative, std::string_view integer, std::string_view fraction,
                     Lang lang) {
  const Book& book = BookOf(lang);
  std::string out = negative ? "-" : "";
  out += Group(integer, book.group);
  if (!fraction.empty()) {
    out += book.decimal;
    out += fraction;
  }
  return out;
}

// Fills "{0}", "{1}", ... of `pattern` with `args` rendered in `lang`.
std::string Fill(std::string_view pattern, Lang lang, const std::vector<Arg>& args) {
  std::string out;
  out.reserve(pattern.size() + 16 * args.size());
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' &&
        pattern[i + 1] >= '0' && pattern[i + 1] <= '9') {
      const size_t n = static_cast<size_t>(pattern[i + 1] - '0');
      if (n < args.size()) out += args[n].Render(lang);
      i += 2;
      continue;
    }
    out += pattern[i];
  }
  return out;
}

// An amount kept by an Arg as minor units and currency code.
Money MoneyOf(MinorUnits minor, const std::string& code) {
  return Money(minor, Currency::Find(code).value_or(Currency()));
}

}  // namespace

std::optional<Lang> ParseLang(std::string_view name) {
  // "it", "it_IT.UTF-8", "it-IT", "en_GB": the language is the first two letters.
  if (name.size() < 2 || (name.size() > 2 && name[2] != '_' && name[2] != '-' && name[2] != '.')) {
    return std::nullopt;
  }
  const std::string code{static_cast<char>(std::tolower(static_cast<unsigned char>(name[0]))),
                         static_cast<char>(std::tolower(static_cast<unsigned char>(name[1])))};
  if (code == "en") return Lang::kEn;
  if (code == "it") return Lang::kIt;
  return std::nullopt;
}

const char* LangKey(Lang lang) { return lang == Lang::kIt ? "it" : "en"; }

// ---- Formats ----

std::string FormatNum(double value, int max_decimals, Lang lang) {
  // Integer arithmetic rather than printf: reasons are written for every client of a
  // large portfolio, and this is on that path.
  constexpr int64_t kScale[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
  max_decimals = std::clamp(max_decimals, 0, 6);
  const double scaled = std::round(value * static_cast<double>(kScale[max_decimals]));
  if (!std::isfinite(scaled) || std::fabs(scaled) > 9e15) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
    return buffer;
  }
  const int64_t units = static_cast<int64_t>(scaled);
  const uint64_t magnitude =
      units < 0 ? static_cast<uint64_t>(-units) : static_cast<uint64_t>(units);
  const uint64_t scale = static_cast<uint64_t>(kScale[max_decimals]);
  std::string text = (units < 0 ? "-" : "") + std::to_string(magnitude / scale);
  if (const uint64_t fraction = magnitude % scale; fraction > 0) {
    std::string digits = std::to_string(fraction);
    digits.insert(0, static_cast<size_t>(max_decimals) - digits.size(), '0');
    while (digits.back() == '0') digits.pop_back();
    text += BookOf(lang).decimal + digits;
  }
  return text;
}

std::string FormatFixed(double value, int decimals, Lang lang) {
  const double scale = std::pow(10.0, decimals);
  const double rounded = std::round(std::fabs(value) * scale);  // half away from zero
  const bool negative = value < 0 && rounded != 0;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.0f", rounded);
  std::string digits = buffer;
  if (static_cast<int>(digits.size()) <= decimals) {
    digits.insert(0, static_cast<size_t>(decimals) + 1 - digits.size(), '0');
  }
  const size_t split = digits.size() - static_cast<size_t>(decimals);
  return Localize(negative, std::string_view(digits).substr(0, split),
                  std::string_view(digits).substr(split), lang);
}

std::string FormatAmountBare(const Money& amount, Lang lang) {
  const std::string canonical = amount.ToString();  // "-1234.50"
  const bool negative = !canonical.empty() && canonical[0] == '-';
  std::string_view body(canonical);
  if (negative) body.remove_prefix(1);
  const size_t dot = body.find('.');
  if (dot == std::string_view::npos) return Localize(negative, body, {}, lang);
  return Localize(negative, body.substr(0, dot), body.substr(dot + 1), lang);
}

std::string FormatAmount(const Money& amount, Lang lang) {
  return FormatAmountBare(amount, lang) + " " + std::string(amount.currency().code());
}

std::string FormatPercentOf(double ratio) {
  return std::to_string(static_cast<long long>(std::llround(ratio * 100))) + "%";
}

std::string FormatLongDate(CivilDate date, Lang lang) {
  return std::to_string(date.day()) + " " + BookOf(lang).months[date.month() - 1] + " " +
         std::to_string(date.year());
}

// ---- Arg ----

Arg::Arg(std::string text) : text_(std::move(text)) {}
Arg::Arg(int64_t value) : kind_(Kind::kInt), int_(value) {}

Arg Arg::Num(double value, int max_decimals) {
  Arg a;
  a.kind_ = Kind::kNum;
  a.number_ = value;
  a.decimals_ = max_decimals;
  return a;
}
Arg Arg::Fixed(double value, int decimals) {
  Arg a = Num(value, decimals);
  a.kind_ = Kind::kFixed;
  return a;
}
Arg Arg::Amount(const Money& amount) {
  Arg a;
  a.kind_ = Kind::kAmount;
  a.minor_ = amount.wide_minor();
  a.text_ = std::string(amount.currency().code());
  return a;
}
Arg Arg::AmountBare(const Money& amount) {
  Arg a = Amount(amount);
  a.kind_ = Kind::kAmountBare;
  return a;
}
Arg Arg::Percent(double ratio) {
  Arg a;
  a.kind_ = Kind::kPercent;
  a.number_ = ratio;
  return a;
}
Arg Arg::Date(CivilDate date) {
  Arg a;
  a.kind_ = Kind::kDate;
  a.int_ = date.days_since_epoch();
  return a;
}
Arg Arg::Key(std::string key) {
  Arg a;
  a.kind_ = Kind::kKey;
  a.text_ = std::move(key);
  return a;
}
Arg Arg::Of(Message message) {
  Arg a;
  a.kind_ = Kind::kMessage;
  a.message_ = std::make_shared<const Message>(std::move(message));
  return a;
}

bool operator==(const Arg& a, const Arg& b) {
  if (a.kind_ != b.kind_ || a.text_ != b.text_ || a.int_ != b.int_ || a.minor_ != b.minor_ ||
      a.number_ != b.number_ || a.decimals_ != b.decimals_) {
    return false;
  }
  if (a.message_ == b.message_) return true;
  return a.message_ != nullptr && b.message_ != nullptr && *a.message_ == *b.message_;
}

std::string Arg::Render(Lang lang) const {
  switch (kind_) {
    case Kind::kText:
      return text_;
    case Kind::kInt:
      return std::to_string(int_);
    case Kind::kNum:
      return FormatNum(number_, decimals_, lang);
    case Kind::kFixed:
      return FormatFixed(number_, decimals_, lang);
    case Kind::kAmount:
      return FormatAmount(MoneyOf(minor_, text_), lang);
    case Kind::kAmountBare:
      return FormatAmountBare(MoneyOf(minor_, text_), lang);
    case Kind::kPercent:
      return FormatPercentOf(number_);
    case Kind::kDate:
      return FormatLongDate(CivilDate::FromDays(static_cast<int32_t>(int_)), lang);
    case Kind::kKey:
      return Tr(text_, lang);
    case Kind::kMessage:
      return message_ ? message_->In(lang) : std::string();
  }
  return text_;
}

std::optional<int64_t> Arg::AsCount() const {
  if (kind_ == Kind::kInt) return int_;
  return std::nullopt;
}

// ---- Messages ----

std::string Message::In(Lang lang) const {
  if (key.empty()) return {};
  return Render(key, lang, args);
}

std::string Message::In(std::string_view lang) const {
  return In(lang == "it" ? Lang::kIt : Lang::kEn);
}

std::ostream& operator<<(std::ostream& out, const Message& message) {
  return out << message.In(Lang::kEn);
}

std::string Render(std::string_view key, Lang lang, const std::vector<Arg>& args) {
  const std::optional<CatalogueEntry> entry = BookOf(lang).Find(key);
  if (!entry) {
    std::string out(key);
    for (const Arg& arg : args) out += " " + arg.Render(lang);
    return out;
  }
  if (entry->plural && !args.empty() && args[0].AsCount() == 1) {
    return Fill(entry->one, lang, args);
  }
  return Fill(entry->other, lang, args);
}

std::string Tr(std::string_view key, Lang lang) {
  if (const std::optional<CatalogueEntry> entry = BookOf(lang).Find(key)) {
    return std::string(entry->other);
  }
  const size_t dot = key.find('.');
  std::string fallback(key.substr(dot == std::string_view::npos ? 0 : dot + 1));
  std::replace(fallback.begin(), fallback.end(), '_', ' ');
  return fallback;
}

bool HasEntry(std::string_view key) {
  return BookOf(Lang::kEn).Find(key).has_value() && BookOf(Lang::kIt).Find(key).has_value();
}

std::vector<CatalogueEntryInfo> CatalogueEntries(Lang lang) {
  std::vector<CatalogueEntryInfo> out;
  const CatalogueTable& table = BookOf(lang).table;
  for (size_t i = 0; i < table.size(); ++i) {
    const CatalogueEntry entry = table[i];
    CatalogueEntryInfo info{std::string(entry.key), std::string(entry.file), entry.plural, {}};
    if (entry.plural) info.forms.emplace_back(entry.one);
    info.forms.emplace_back(entry.other);
    out.push_back(std::move(info));
  }
  return out;
}

}  // namespace addio
