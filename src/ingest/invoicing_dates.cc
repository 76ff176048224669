// Dates as invoicing tools and spreadsheets write them (invoicing_common.h): a small
// strftime-like reader, and the choice of one format per column.
#include <algorithm>
#include <array>
#include <cctype>

#include "core/ascii.h"
#include "ingest/invoicing_common.h"

namespace addio::invoicing {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

namespace {

struct MonthName {
  std::string_view name;
  int month;
};
constexpr std::array kMonthNames = {
    MonthName{"january", 1},   MonthName{"february", 2}, MonthName{"march", 3},
    MonthName{"april", 4},     MonthName{"may", 5},      MonthName{"june", 6},
    MonthName{"july", 7},      MonthName{"august", 8},   MonthName{"september", 9},
    MonthName{"sept", 9},      MonthName{"october", 10}, MonthName{"november", 11},
    MonthName{"december", 12}, MonthName{"gennaio", 1},  MonthName{"febbraio", 2},
    MonthName{"marzo", 3},     MonthName{"aprile", 4},   MonthName{"maggio", 5},
    MonthName{"giugno", 6},    MonthName{"luglio", 7},   MonthName{"agosto", 8},
    MonthName{"settembre", 9}, MonthName{"ottobre", 10}, MonthName{"novembre", 11},
    MonthName{"dicembre", 12},
};

// A month name, or the first three letters of one ("Jan", "gen", "ago", "dic").
std::optional<int> MonthFromName(std::string_view word) {
  const std::string w = AsciiLower(word);
  if (w.size() < 3) return std::nullopt;
  for (const MonthName& m : kMonthNames) {
    if (w == m.name || (w.size() == 3 && m.name.starts_with(w))) return m.month;
  }
  if (w == "gen") return 1;
  return std::nullopt;
}

constexpr std::array<std::string_view, 14> kToolFormats = {
    "%Y-%m-%d",  "%m/%d/%Y", "%d/%m/%Y", "%d.%m.%Y",  "%Y/%m/%d", "%d-%m-%Y", "%b %d %Y",
    "%b %d, %Y", "%d %b %Y", "%d-%b-%Y", "%B %d, %Y", "%m/%d/%y", "%d/%m/%y", "%d.%m.%y"};
constexpr std::array<std::string_view, 14> kEuropeanFormats = {
    "%Y-%m-%d", "%d/%m/%Y",  "%m/%d/%Y", "%d.%m.%Y",  "%Y/%m/%d", "%d-%m-%Y", "%d %b %Y",
    "%b %d %Y", "%b %d, %Y", "%d-%b-%Y", "%B %d, %Y", "%d/%m/%y", "%m/%d/%y", "%d.%m.%y"};

}  // namespace

Result<LocalDateTime> ParseDateTime(std::string_view text, std::string_view format) {
  const std::string_view s = TrimView(text);
  // `key`: an ingest.date_format.* sentence of the text and the format.
  const auto bad = [&](const char* key = "ingest.date_format.mismatch") {
    return Fail(ErrorCode::kInvalidArgument, Msg(key, s, format));
  };
  size_t pos = 0;
  int year = -1, month = -1, day = -1, hour = 0, minute = 0, second = 0;
  bool has_time = false;
  std::optional<bool> pm;
  const auto number = [&](size_t min_digits, size_t max_digits) -> std::optional<int> {
    size_t n = 0;
    int value = 0;
    while (n < max_digits && pos + n < s.size() && IsDigit(s[pos + n])) {
      value = value * 10 + (s[pos + n] - '0');
      ++n;
    }
    if (n < min_digits) return std::nullopt;
    pos += n;
    return value;
  };
  for (size_t f = 0; f < format.size(); ++f) {
    const char fc = format[f];
    if (fc == ' ') {
      if (pos >= s.size() || s[pos] != ' ') return bad();
      while (pos < s.size() && s[pos] == ' ') ++pos;
      continue;
    }
    if (fc != '%' || f + 1 >= format.size()) {
      if (pos >= s.size() || s[pos] != fc) return bad();
      ++pos;
      continue;
    }
    const char spec = format[++f];
    std::optional<int> value;
    switch (spec) {
      case 'Y':
        value = number(4, 4);
        year = value.value_or(-1);
        break;
      case 'y':
        value = number(2, 2);
        if (value) year = 2000 + *value;
        break;
      case 'm':
        value = number(1, 2);
        month = value.value_or(-1);
        break;
      case 'd':
      case 'e':
        value = number(1, 2);
        day = value.value_or(-1);
        break;
      case 'H':
      case 'I':
        value = number(1, 2);
        hour = value.value_or(0);
        has_time = true;
        break;
      case 'M':
        value = number(1, 2);
        minute = value.value_or(0);
        has_time = true;
        break;
      case 'S':
        value = number(1, 2);
        second = value.value_or(0);
        has_time = true;
        break;
      case 'b':
      case 'B': {
        size_t end = pos;
        while (end < s.size() && (IsAlpha(s[end]))) ++end;
        value = MonthFromName(s.substr(pos, end - pos));
        if (value) {
          month = *value;
          pos = end;
          if (pos < s.size() && s[pos] == '.') ++pos;  // "Jan. 28 2021"
        }
        break;
      }
      case 'p': {
        const std::string rest = AsciiLower(s.substr(pos, 4));
        if (rest.starts_with("am") || rest.starts_with("pm")) {
          pm = rest[0] == 'p';
          pos += 2;
        } else if (rest.starts_with("a.m.") || rest.starts_with("p.m.")) {
          pm = rest[0] == 'p';
          pos += 4;
        }
        value = pm.has_value() ? 1 : std::optional<int>();
        break;
      }
      case '%':
        if (pos < s.size() && s[pos] == '%') {
          ++pos;
          value = 0;
        }
        break;
      default:
        return Fail(ErrorCode::kInvalidArgument,
                    Msg("ingest.date_format.unknown_field", format, std::string(1, spec)));
    }
    if (!value) return bad();
  }
  if (pos < s.size()) {
    // A date format leaves a trailing time unread: "2021-01-28 05:14:15", "...T11:04:09Z".
    const std::string_view rest = s.substr(pos);
    const bool trailing_time =
        !has_time && rest.size() >= 2 && (rest[0] == 'T' || rest[0] == ' ') && IsDigit(rest[1]);
    if (!trailing_time) return bad();
  }
  if (year < 0 || month < 0 || day < 0) {
    return Fail(ErrorCode::kInvalidArgument, Msg("ingest.date_format.incomplete", format));
  }
  if (pm.has_value()) {
    if (hour < 1 || hour > 12) return bad("ingest.date_format.bad_hour");
    hour = hour % 12 + (*pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return bad("ingest.date_format.no_such_time");
  Result<CivilDate> date = CivilDate::FromYmd(year, month, day);
  if (!date) return bad("ingest.date_format.no_such_day");
  return LocalDateTime{*date, hour * 3600 + minute * 60 + second};
}

Result<CivilDate> ParseDate(std::string_view text, std::string_view format) {
  Result<LocalDateTime> read = ParseDateTime(text, format);
  if (!read) return std::unexpected(read.error());
  return read->date;
}

std::span<const std::string_view> ToolDateFormats() { return kToolFormats; }
std::span<const std::string_view> EuropeanDateFormats() { return kEuropeanFormats; }

std::optional<std::string_view> PickDateFormat(const std::vector<std::string>& values,
                                               std::span<const std::string_view> formats) {
  std::optional<std::string_view> best;
  size_t best_read = 0;
  for (std::string_view format : formats) {
    const size_t read = static_cast<size_t>(
        std::count_if(values.begin(), values.end(), [format](const std::string& v) {
          return !TrimView(v).empty() && ParseDate(v, format).has_value();
        }));
    if (read > best_read) {
      best = format;
      best_read = read;
    }
  }
  return best;
}

}  // namespace addio::invoicing
