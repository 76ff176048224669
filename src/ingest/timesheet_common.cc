// The shared reading of time-tracker CSV exports (ingest/timesheet_common.h): the table,
// and the spellings of dates, times, durations and yes/no.
#include "ingest/timesheet_common.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <utility>

#include "core/ascii.h"
#include "ledger/csv.h"

namespace addio::timesheet {
namespace {

std::string Trim(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  const size_t end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(begin, end - begin + 1));
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), IsDigit);
}

// Digits only, at most 9 of them. nullopt otherwise.
std::optional<int64_t> Digits(std::string_view text) {
  if (!AllDigits(text) || text.size() > 9) return std::nullopt;
  int64_t value = 0;
  for (char c : text) value = value * 10 + (c - '0');
  return value;
}

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    const size_t at = text.find(separator, start);
    parts.push_back(text.substr(start, at == std::string_view::npos ? at : at - start));
    if (at == std::string_view::npos) return parts;
    start = at + 1;
  }
}

// The three numeric parts of a date with '/', '-' or '.' and that separator, else nullopt.
struct DateParts {
  int64_t a = 0, b = 0, c = 0;
  size_t a_digits = 0, c_digits = 0;
  char separator = '-';
};
std::optional<DateParts> SplitDate(std::string_view text) {
  size_t cut = text.find_first_of(" T");
  if (cut != std::string_view::npos) text = text.substr(0, cut);
  const size_t first = text.find_first_not_of("0123456789");
  if (first == std::string_view::npos) return std::nullopt;
  const char separator = text[first];
  if (separator != '/' && separator != '-' && separator != '.') return std::nullopt;
  std::vector<std::string_view> parts = Split(text, separator);
  if (parts.size() == 4 && separator == '.' && parts[3].empty()) parts.pop_back();  // "4.3.2024."
  if (parts.size() != 3) return std::nullopt;
  DateParts out;
  const std::optional<int64_t> a = Digits(parts[0]), b = Digits(parts[1]), c = Digits(parts[2]);
  if (!a || !b || !c || parts[1].size() > 2) return std::nullopt;
  out.a = *a;
  out.b = *b;
  out.c = *c;
  out.a_digits = parts[0].size();
  out.c_digits = parts[2].size();
  out.separator = separator;
  return out;
}

int FullYear(int64_t year, size_t digits) {
  if (digits == 2) return static_cast<int>(year < 70 ? 2000 + year : 1900 + year);
  return static_cast<int>(year);
}

// An exact decimal number with '.' or ',' as the decimal separator and the other (or a
// repeated one) as grouping: "1.234,5", "1,234.5", "20,0", "0.01".
std::optional<std::pair<int64_t, int>> ParseNumber(std::string_view text) {
  const size_t last_dot = text.rfind('.');
  const size_t last_comma = text.rfind(',');
  char decimal = 0;
  if (last_dot != std::string_view::npos && last_comma != std::string_view::npos) {
    decimal = last_dot > last_comma ? '.' : ',';
  } else if (last_dot != std::string_view::npos) {
    decimal = std::count(text.begin(), text.end(), '.') == 1 ? '.' : 0;
  } else if (last_comma != std::string_view::npos) {
    decimal = std::count(text.begin(), text.end(), ',') == 1 ? ',' : 0;
  }
  int64_t units = 0;
  int scale = 0;
  bool after = false;
  bool any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (IsDigit(c)) {
      if (units > 100'000'000'000LL || scale >= 9) return std::nullopt;
      units = units * 10 + (c - '0');
      if (after) ++scale;
      any = true;
    } else if (c == decimal && !after && i == text.rfind(decimal)) {
      after = true;
    } else if ((c == '.' || c == ',') && c != decimal && !after) {
      continue;  // grouping
    } else {
      return std::nullopt;
    }
  }
  if (!any) return std::nullopt;
  return std::pair{units, scale};
}

int64_t Pow10(int n) {
  int64_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

// value × 3600 seconds for a number of hours, rounded to the nearest second.
int64_t HoursToSeconds(std::pair<int64_t, int> number) {
  const int64_t p = Pow10(number.second);
  return (number.first * 3600 + p / 2) / p;
}

// "\"<text>\" is not a date (expected <shape>)", `shape` an ingest.shape.* key.
Message NotADate(const std::string& text, const char* shape) {
  return Msg("ingest.not_a_date", text, Arg::Key(shape));
}

}  // namespace

// ---- CSV ----------------------------------------------------------------------------

Result<CsvTable> LoadCsv(const std::string& path, Diagnostics& diagnostics, TextEncoding encoding) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(ErrorCode::kNotFound, Msg("ingest.cannot_open", path));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Fail(ErrorCode::kIo, Msg("ingest.cannot_read", path));
  std::optional<std::string> decoded =
      DecodeCsvText(std::move(buffer).str(), encoding, path, diagnostics);
  if (!decoded) return CsvTable{.file = path};
  const std::string text = std::move(*decoded);

  CsvTable table;
  table.file = path;
  table.separator = SniffCsvSeparator(text);
  CsvReader reader(text, CsvOptions{table.separator, true});
  std::vector<std::string> fields;
  bool header = true;
  while (reader.Next(fields)) {
    if (!reader.problem().empty()) {
      diagnostics.Add({Severity::kError, path, reader.line(), "", "", "", "", reader.problem()});
    }
    if (header) {
      table.header_line = reader.line();
      for (const std::string& f : fields) table.header.push_back(Trim(f));
      header = false;
      continue;
    }
    if (std::all_of(fields.begin(), fields.end(),
                    [](const std::string& f) { return Trim(f).empty(); })) {
      continue;
    }
    table.rows.push_back({reader.line(), fields});
  }
  if (header)
    diagnostics.Add({Severity::kError, path, 0, "", "", "", "", Msg("ingest.file_empty")});
  return table;
}

std::vector<std::string> HeaderOf(std::string_view head) {
  CsvReader reader(head, CsvOptions{SniffCsvSeparator(head), true});
  std::vector<std::string> fields;
  if (!reader.Next(fields)) return {};
  for (std::string& f : fields) f = Trim(f);
  return fields;
}

int FindColumn(const std::vector<std::string>& header,
               std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    const std::string wanted = AsciiLower(name);
    for (size_t i = 0; i < header.size(); ++i) {
      if (AsciiLower(header[i]) == wanted) return static_cast<int>(i);
    }
  }
  return -1;
}

bool HasExactColumn(const std::vector<std::string>& header, std::string_view name) {
  return std::find(header.begin(), header.end(), name) != header.end();
}

int CountColumns(const std::vector<std::string>& header,
                 std::initializer_list<std::string_view> names) {
  int count = 0;
  for (std::string_view name : names) count += FindColumn(header, {name}) >= 0 ? 1 : 0;
  return count;
}

void AddPreview(const CsvTable& table, IngestResult& result) {
  result.preview.push_back(table.header);
  for (size_t i = 0; i < table.rows.size() && i < 5; ++i) {
    result.preview.push_back(table.rows[i].cells);
  }
}

// ---- Dates, times, durations ----------------------------------------------------------

DateOrder GuessDateOrder(const std::vector<std::string>& values, DateOrder fallback) {
  int month_first = 0;
  int day_first = 0;
  for (const std::string& value : values) {
    const std::optional<DateParts> parts = SplitDate(Trim(value));
    if (!parts || parts->separator == '.' || parts->a_digits == 4) continue;
    const int year = FullYear(parts->c, parts->c_digits);
    const bool as_month_first =
        CivilDate::FromYmd(year, static_cast<int>(parts->a), static_cast<int>(parts->b))
            .has_value();
    const bool as_day_first =
        CivilDate::FromYmd(year, static_cast<int>(parts->b), static_cast<int>(parts->a))
            .has_value();
    if (as_month_first && !as_day_first) ++month_first;
    if (as_day_first && !as_month_first) ++day_first;
  }
  if (month_first == day_first) return fallback;
  return month_first > day_first ? DateOrder::kMonthFirst : DateOrder::kDayFirst;
}

Result<CivilDate> ParseDate(std::string_view text, DateOrder order) {
  const std::string trimmed = Trim(text);
  const char* expected = order == DateOrder::kMonthFirst ? "ingest.shape.date_month_first"
                                                         : "ingest.shape.date_day_first";
  const std::optional<DateParts> parts = SplitDate(trimmed);
  if (!parts) return Fail(ErrorCode::kInvalidArgument, NotADate(trimmed, expected));
  int year = 0, month = 0, day = 0;
  if (parts->a_digits == 4) {
    year = static_cast<int>(parts->a);
    month = static_cast<int>(parts->b);
    day = static_cast<int>(parts->c);
  } else {
    year = FullYear(parts->c, parts->c_digits);
    const bool day_first = parts->separator == '.' || order == DateOrder::kDayFirst;
    month = static_cast<int>(day_first ? parts->b : parts->a);
    day = static_cast<int>(day_first ? parts->a : parts->b);
    if (parts->separator == '.') expected = "ingest.shape.date_dotted";
  }
  Result<CivilDate> date = CivilDate::FromYmd(year, month, day);
  if (!date) return Fail(ErrorCode::kInvalidArgument, NotADate(trimmed, expected));
  return *date;
}

Result<int> ParseTimeOfDay(std::string_view text) {
  const std::string trimmed = Trim(text);
  const auto bad = [&trimmed]() {
    return Fail(ErrorCode::kInvalidArgument, Msg("ingest.not_a_time", trimmed));
  };
  std::string t = AsciiLower(trimmed);
  // A date part before the time: "2024-03-04 10:23", "2024-03-04T10:23:00".
  if (const size_t cut = t.find_first_of(" t"); cut != std::string::npos) {
    const std::string first = t.substr(0, cut);
    if (first.find_first_of("-/") != std::string::npos) t = Trim(t.substr(cut + 1));
  }
  std::erase_if(t, [](char c) { return c == ' '; });
  int meridiem = 0;  // 1 am, 2 pm
  for (const auto& [suffix, value] :
       {std::pair<std::string_view, int>{"a.m.", 1}, {"p.m.", 2}, {"am", 1}, {"pm", 2}}) {
    if (t.ends_with(suffix)) {
      meridiem = value;
      t.resize(t.size() - suffix.size());
      break;
    }
  }
  if (const size_t zone = t.find_first_of("z+"); zone != std::string::npos) t.resize(zone);
  std::vector<std::string_view> parts = Split(t, t.find(':') != std::string::npos ? ':' : '.');
  if (parts.size() < 2 || parts.size() > 3) return bad();
  if (parts.size() == 3) {
    if (const size_t fraction = parts[2].find('.'); fraction != std::string_view::npos) {
      parts[2] = parts[2].substr(0, fraction);  // "52.123": fractions of a second dropped
    }
  }
  const std::optional<int64_t> hour = Digits(parts[0]);
  const std::optional<int64_t> minute = Digits(parts[1]);
  const std::optional<int64_t> second = parts.size() == 3 ? Digits(parts[2]) : int64_t{0};
  if (!hour || !minute || !second || parts[0].size() > 2 || parts[1].size() != 2 ||
      (parts.size() == 3 && parts[2].size() != 2) || *minute > 59 || *second > 59) {
    return bad();
  }
  int64_t h = *hour;
  if (meridiem != 0) {
    if (h < 1 || h > 12) return bad();
    if (h == 12) h = 0;
    if (meridiem == 2) h += 12;
  } else if (h > 24 || (h == 24 && (*minute != 0 || *second != 0))) {
    return bad();
  }
  return static_cast<int>(h * 3600 + *minute * 60 + *second);
}

Result<int64_t> ParseDuration(std::string_view text, BareNumber bare) {
  const std::string trimmed = Trim(text);
  const auto bad = [&trimmed]() {
    return Fail(ErrorCode::kInvalidArgument, Msg("ingest.not_a_duration", trimmed));
  };
  if (trimmed.empty() || trimmed.starts_with("-")) return bad();
  std::string t = AsciiLower(trimmed);
  std::erase_if(t, [](char c) { return c == ' '; });
  if (t.find(':') != std::string::npos) {
    const std::vector<std::string_view> parts = Split(t, ':');
    if (parts.size() < 2 || parts.size() > 3) return bad();
    int64_t seconds = 0;
    const int64_t units[] = {3600, 60, 1};
    for (size_t i = 0; i < parts.size(); ++i) {
      const std::optional<int64_t> value = Digits(parts[i]);
      if (!value) return bad();
      seconds += *value * units[i];
    }
    return seconds;
  }
  if (t.find_first_of("hms") != std::string::npos) {
    // "1h30m", "1.5h", "90m", "1h 30m 10s"; a last number without unit is in the unit
    // below the previous one ("1h30" is 1 h 30 min).
    int64_t seconds = 0;
    size_t pos = 0;
    int64_t previous = 0;
    while (pos < t.size()) {
      size_t unit = t.find_first_of("hms", pos);
      if (unit == pos) return bad();
      int64_t per = 0;
      if (unit == std::string::npos) {
        if (previous <= 1) return bad();
        per = previous / 60;
        unit = t.size();
      } else {
        per = t[unit] == 'h' ? 3600 : t[unit] == 'm' ? 60 : 1;
      }
      const std::optional<std::pair<int64_t, int>> number = ParseNumber(t.substr(pos, unit - pos));
      if (!number) return bad();
      previous = per;
      const int64_t p = Pow10(number->second);
      seconds += (number->first * per + p / 2) / p;
      pos = unit + 1;
    }
    return seconds;
  }
  const std::optional<std::pair<int64_t, int>> number = ParseNumber(t);
  if (!number) return bad();
  const bool integer = t.find_first_of(".,") == std::string::npos;
  if (integer && bare == BareNumber::kSeconds) return number->first;
  return HoursToSeconds(*number);
}

std::optional<bool> ParseYesNo(std::string_view text) {
  const std::string t = AsciiLower(Trim(text));
  if (t == "yes" || t == "y" || t == "true" || t == "1" || t == "si" || t == "sì" || t == "ja" ||
      t == "oui" || t == "billable") {
    return true;
  }
  if (t == "no" || t == "n" || t == "false" || t == "0" || t == "nein" || t == "non" ||
      t == "non-billable" || t == "not billable") {
    return false;
  }
  return std::nullopt;
}

// ---- RowReader ------------------------------------------------------------------------

std::string RowReader::Text(int column) const {
  if (column < 0 || static_cast<size_t>(column) >= row_.cells.size()) return "";
  return Trim(row_.cells[static_cast<size_t>(column)]);
}

void RowReader::Error(int column, Message message) {
  ok_ = false;
  const std::string name = column >= 0 && static_cast<size_t>(column) < table_.header.size()
                               ? table_.header[column]
                               : "";
  builder_.RowError(row_.line, name, column, std::move(message));
}

std::optional<CivilDate> RowReader::Date(int column, DateOrder order, bool required) {
  const std::string text = Text(column);
  if (text.empty()) {
    if (required) Error(column, Msg("ingest.cell.date_required"));
    return std::nullopt;
  }
  Result<CivilDate> date = ParseDate(text, order);
  if (!date) {
    Error(column, date.error().message);
    return std::nullopt;
  }
  return *date;
}

std::optional<int> RowReader::Time(int column, bool required) {
  const std::string text = Text(column);
  if (text.empty()) {
    if (required) Error(column, Msg("ingest.cell.time_required"));
    return std::nullopt;
  }
  Result<int> time = ParseTimeOfDay(text);
  if (!time) {
    Error(column, time.error().message);
    return std::nullopt;
  }
  return *time;
}

std::optional<int64_t> RowReader::Duration(int column, BareNumber bare, bool required) {
  const std::string text = Text(column);
  if (text.empty()) {
    if (required) Error(column, Msg("ingest.cell.duration_required"));
    return std::nullopt;
  }
  Result<int64_t> duration = ParseDuration(text, bare);
  if (!duration) {
    Error(column, duration.error().message);
    return std::nullopt;
  }
  return *duration;
}

std::optional<bool> RowReader::YesNo(int column) {
  const std::string text = Text(column);
  if (text.empty()) return std::nullopt;
  std::optional<bool> value = ParseYesNo(text);
  if (!value) Error(column, Msg("ingest.not_yes_no", text));
  return value;
}

}  // namespace addio::timesheet
