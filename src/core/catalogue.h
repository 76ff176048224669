// The words of the product: one catalogue per language (en, it), kept as data files in
// src/report/i18n/<lang>/*.json and read by the C++ (embedded at build time) and by the
// dashboard build alike, so that no sentence exists twice. An entry is a key
// ("verdict.keep", "diag.json.expected_date") and a pattern with positional arguments
// "{0}", "{1}", ...; a plural entry is an object {"one": ..., "other": ...} chosen by its
// first argument. Number, amount and date formats are the catalogue's too
// ("format.decimal", "format.group", "format.month.1" ...).
//
// Code never writes prose: it builds a Message (a key and typed arguments) and renders
// it in the reader's language as late as possible. Arguments keep their type until then,
// so that "1,234.50 EUR" becomes "1.234,50 EUR" in Italian.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace addio {

class CivilDate;
class Money;
struct Message;

enum class Lang { kEn, kIt };
inline constexpr Lang kAllLangs[] = {Lang::kEn, Lang::kIt};
// "en", "it"; also a POSIX locale such as "it_IT.UTF-8" (as in LANG). nullopt otherwise.
std::optional<Lang> ParseLang(std::string_view name);
// "en" or "it".
const char* LangKey(Lang lang);

// One argument of a message. Built through the named constructors; each says how it
// reads in a language.
class Arg {
 public:
  // Verbatim text (an id, a file name, a value the user typed).
  Arg(std::string text);                                   // NOLINT: implicit on purpose
  Arg(const char* text) : Arg(std::string(text)) {}        // NOLINT
  Arg(std::string_view text) : Arg(std::string(text)) {}   // NOLINT
  Arg(int value) : Arg(static_cast<int64_t>(value)) {}     // NOLINT
  Arg(int64_t value);                                      // NOLINT: digits, no grouping
  Arg(size_t value) : Arg(static_cast<int64_t>(value)) {}  // NOLINT

  // `value` with at most `max_decimals` decimals, trailing zeros dropped, no grouping:
  // "12.5" / "12,5".
  static Arg Num(double value, int max_decimals);
  // `value` with exactly `decimals` decimals, grouped by thousands: "1,234.5" / "1.234,5".
  static Arg Fixed(double value, int decimals);
  // An exact amount with its currency code: "1,234.50 EUR" / "1.234,50 EUR".
  static Arg Amount(const Money& amount);
  // The amount alone, grouped, without the currency code.
  static Arg AmountBare(const Money& amount);
  // A ratio as a whole percentage: 0.404 -> "40%".
  static Arg Percent(double ratio);
  // "3 February 2026" / "3 febbraio 2026".
  static Arg Date(CivilDate date);
  // Another catalogue entry, rendered in the same language ("level.red" -> "rosso").
  static Arg Key(std::string key);
  // A whole message, rendered in the same language: a clause or a list that has its own
  // arguments ("3 in the evening and 2 at night"). An empty message renders as nothing.
  static Arg Of(Message message);

  // The argument as it reads in `lang`.
  std::string Render(Lang lang) const;
  // The argument as an integer, for plural choice; nullopt when it is not one.
  std::optional<int64_t> AsCount() const;

  // Equal when they read the same in every language (nested messages compared by value).
  friend bool operator==(const Arg& a, const Arg& b);

 private:
  enum class Kind {
    kText,
    kInt,
    kNum,
    kFixed,
    kAmount,
    kAmountBare,
    kPercent,
    kDate,
    kKey,
    kMessage
  };
  Arg() = default;
  Kind kind_ = Kind::kText;
  std::string text_;  // kText, kKey
  int64_t int_ = 0;   // kInt; the day number of kDate
  // kAmount*: the minor units (a sum may exceed int64, see core/money.h).
  __extension__ __int128 minor_ = 0;
  double number_ = 0;  // kNum, kFixed, kPercent
  int decimals_ = 0;   // kNum, kFixed
  // kAmount*: the currency code is text_.
  std::shared_ptr<const Message> message_;  // kMessage; shared, never modified
};

// A sentence a person reads: a catalogue key and its arguments. Empty when key is empty.
struct Message {
  std::string key;
  std::vector<Arg> args;

  Message() = default;
  Message(std::string k, std::vector<Arg> a) : key(std::move(k)), args(std::move(a)) {}
  bool empty() const { return key.empty(); }
  // The sentence in `lang`.
  std::string In(Lang lang) const;
  // Same, with the language named as in the API ("it"; anything else is English).
  std::string In(std::string_view lang) const;
  friend bool operator==(const Message&, const Message&) = default;
};

// For tests and logs (gtest's `<< error.message`): the message in English.
std::ostream& operator<<(std::ostream& out, const Message& message);

// Message{key, {args...}}.
template <class... A>
Message Msg(std::string key, A&&... args) {
  return Message{std::move(key), std::vector<Arg>{Arg(std::forward<A>(args))...}};
}

// The pattern of `key` in `lang` with its arguments filled in. A key missing from the
// catalogue renders as the key itself followed by its arguments, so a gap is visible
// (and tests/core/catalogue_test.cc fails) rather than blank.
std::string Render(std::string_view key, Lang lang, const std::vector<Arg>& args = {});

// The plain entry of `key` (the "other" form of a plural). A missing key gives the part
// after the first '.', with '_' read as spaces ("metric.late_share" -> "late share").
std::string Tr(std::string_view key, Lang lang);
// Whether both catalogues have `key`.
bool HasEntry(std::string_view key);

// Formats the catalogue defines, shared by Arg and by renderers that lay numbers out in
// tables. Same conventions as the Arg constructors of the same name.
std::string FormatNum(double value, int max_decimals, Lang lang);
std::string FormatFixed(double value, int decimals, Lang lang);
std::string FormatAmountBare(const Money& amount, Lang lang);
std::string FormatAmount(const Money& amount, Lang lang);
std::string FormatPercentOf(double ratio);
std::string FormatLongDate(CivilDate date, Lang lang);

// For tests and tools: every key of `lang`'s catalogue, sorted, and the file each comes
// from ("en/report.json").
struct CatalogueEntryInfo {
  std::string key;
  std::string file;
  bool plural = false;
  std::vector<std::string> forms;  // the pattern, or "one" then "other"
};
std::vector<CatalogueEntryInfo> CatalogueEntries(Lang lang);

}  // namespace addio
