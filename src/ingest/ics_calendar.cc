#include "ingest/ics_calendar.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace addio::ics {
namespace {

std::string Upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

// A line quoted in a message: at most 40 characters, control characters shown as '?'.
std::string Excerpt(std::string_view line) {
  std::string out;
  for (char c : line.substr(0, 40)) {
    out += static_cast<unsigned char>(c) < 0x20 ? '?' : c;
  }
  if (line.size() > 40) out += "...";
  return out;
}

SyntaxError LineError(int line, Message message) { return {line, std::move(message)}; }

// RFC 6868: ^n is a newline, ^' a double quote, ^^ a caret.
std::string DecodeParamValue(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '^' && i + 1 < text.size()) {
      const char next = text[i + 1];
      if (next == 'n' || next == 'N') {
        out += '\n';
        ++i;
        continue;
      }
      if (next == '\'') {
        out += '"';
        ++i;
        continue;
      }
      if (next == '^') {
        out += '^';
        ++i;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

// Splits one unfolded content line. Error when no ':' separates the value.
std::expected<Property, SyntaxError> SplitContentLine(std::string_view text, int line) {
  Property property;
  property.line = line;
  size_t pos = text.find_first_of(";:");
  if (pos == std::string_view::npos) {
    return std::unexpected(LineError(line, Msg("ingest.ics.expected_property", Excerpt(text))));
  }
  property.name = Upper(Trim(text.substr(0, pos)));
  while (text[pos] == ';') {
    ++pos;
    const size_t name_end = text.find_first_of("=;:", pos);
    if (name_end == std::string_view::npos) break;
    const std::string name = Upper(Trim(text.substr(pos, name_end - pos)));
    pos = name_end;
    if (text[pos] != '=') {
      if (!name.empty()) property.params.emplace_back(name, "");
      continue;
    }
    // One or more values separated by ',', each possibly quoted.
    do {
      ++pos;
      while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
      std::string_view value;
      if (pos < text.size() && text[pos] == '"') {
        const size_t close = text.find('"', pos + 1);
        if (close == std::string_view::npos) {
          return std::unexpected(
              LineError(line, Msg("ingest.ics.unterminated_quote", name, Excerpt(text))));
        }
        value = text.substr(pos + 1, close - pos - 1);
        pos = close + 1;
        while (pos < text.size() && text[pos] != ',' && text[pos] != ';' && text[pos] != ':') {
          ++pos;  // stray characters after the closing quote
        }
      } else {
        const size_t end = text.find_first_of(",;:", pos);
        if (end == std::string_view::npos) break;
        value = Trim(text.substr(pos, end - pos));
        pos = end;
      }
      property.params.emplace_back(name, DecodeParamValue(value));
    } while (pos < text.size() && text[pos] == ',');
    if (pos >= text.size()) break;
  }
  if (pos >= text.size() || text[pos] != ':') {
    return std::unexpected(LineError(line, Msg("ingest.ics.expected_property", Excerpt(text))));
  }
  property.value = std::string(text.substr(pos + 1));
  return property;
}

struct LogicalLine {
  std::string text;
  int line = 0;
};

// Unfolds physical lines (CRLF, LF or a lone CR) into content lines.
std::vector<LogicalLine> Unfold(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<LogicalLine> lines;
  int line = 1;
  bool open = false;  // whether lines.back() may still receive a continuation
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view physical = text.substr(pos, end - pos);
    if (!physical.empty() && (physical[0] == ' ' || physical[0] == '\t') && open) {
      lines.back().text.append(physical.substr(1));
    } else if (Trim(physical).empty()) {
      open = false;
    } else {
      lines.push_back({std::string(physical), line});
      open = true;
    }
    pos = end;
    if (pos < text.size() && text[pos] == '\r') {
      ++pos;
      if (pos < text.size() && text[pos] == '\n') ++pos;
    } else if (pos < text.size()) {
      ++pos;  // '\n'
    }
    ++line;
  }
  return lines;
}

// Components a file may hold without the VCALENDAR around them.
constexpr std::array<std::string_view, 5> kBareComponents = {"VEVENT", "VTODO", "VJOURNAL",
                                                             "VFREEBUSY", "VTIMEZONE"};

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

int Number(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

const std::string* Property::Param(std::string_view wanted) const {
  for (const auto& [key, text] : params) {
    if (key == wanted) return &text;
  }
  return nullptr;
}

const Property* Component::Find(std::string_view wanted) const {
  for (const Property& p : properties) {
    if (p.name == wanted) return &p;
  }
  return nullptr;
}

std::vector<const Property*> Component::FindAll(std::string_view wanted) const {
  std::vector<const Property*> found;
  for (const Property& p : properties) {
    if (p.name == wanted) found.push_back(&p);
  }
  return found;
}

std::string Component::ToText() const {
  std::string out = "BEGIN:" + name + "\r\n";
  for (const Property& p : properties) {
    out += p.name;
    for (const auto& [key, text] : p.params) {
      const bool quote = text.find_first_of(":;,") != std::string::npos;
      out += ";" + key + "=" + (quote ? "\"" + text + "\"" : text);
    }
    out += ":" + p.value + "\r\n";
  }
  for (const Component& child : children) out += child.ToText();
  return out + "END:" + name + "\r\n";
}

std::expected<std::vector<Component>, SyntaxError> Parse(std::string_view text,
                                                         std::vector<SyntaxError>& warnings) {
  std::vector<Component> calendars;
  std::vector<Component> open;  // the components being read, innermost last
  bool implicit = false;        // open[0] is a VCALENDAR the file did not write
  for (const LogicalLine& logical : Unfold(text)) {
    if (logical.text.find('\0') != std::string::npos) {
      return std::unexpected(LineError(logical.line, Msg("ingest.ics.nul_byte")));
    }
    auto property = SplitContentLine(logical.text, logical.line);
    if (!property) return std::unexpected(property.error());
    const std::string value = Upper(Trim(property->value));
    if (property->name == "BEGIN") {
      if (open.empty() && value != "VCALENDAR") {
        if (std::ranges::find(kBareComponents, value) == kBareComponents.end()) {
          return std::unexpected(
              LineError(logical.line, Msg("ingest.ics.expected_calendar", Excerpt(logical.text))));
        }
        // Some tools save one event without its calendar: read it as inside one.
        if (calendars.empty()) {
          warnings.push_back(LineError(logical.line, Msg("ingest.ics.outside_calendar", value)));
        }
        open.push_back(Component{"VCALENDAR", logical.line, {}, {}});
        implicit = true;
      }
      open.push_back(Component{value, logical.line, {}, {}});
    } else if (property->name == "END") {
      if (open.empty()) {
        return std::unexpected(LineError(logical.line, Msg("ingest.ics.stray_end", value)));
      }
      if (open.back().name != value) {
        return std::unexpected(LineError(logical.line, Msg("ingest.ics.mismatched_end", value,
                                                           open.back().name, open.back().line)));
      }
      Component done = std::move(open.back());
      open.pop_back();
      (open.empty() ? calendars : open.back().children).push_back(std::move(done));
      if (implicit && open.size() == 1) {
        calendars.push_back(std::move(open.back()));
        open.pop_back();
        implicit = false;
      }
    } else if (open.empty() && !calendars.empty()) {
      warnings.push_back(
          LineError(logical.line, Msg("ingest.ics.after_calendar", Excerpt(logical.text))));
    } else if (open.empty()) {
      return std::unexpected(
          LineError(logical.line, Msg("ingest.ics.expected_calendar", Excerpt(logical.text))));
    } else {
      open.back().properties.push_back(std::move(*property));
    }
  }
  if (!open.empty()) {
    return std::unexpected(
        LineError(open.back().line, Msg("ingest.ics.never_closed", open.back().name)));
  }
  if (calendars.empty()) {
    return std::unexpected(LineError(1, Msg("ingest.ics.no_calendar")));
  }
  return calendars;
}

Result<DateTime> ParseDateTime(std::string_view text) {
  text = Trim(text);
  const auto fail = [&text] {
    return Fail(ErrorCode::kInvalidArgument, Msg("ingest.ics.not_a_date_time", Excerpt(text)));
  };
  DateTime out;
  if (text.size() < 8 || !AllDigits(text.substr(0, 8))) return fail();
  auto date = CivilDate::FromYmd(Number(text.substr(0, 4)), Number(text.substr(4, 2)),
                                 Number(text.substr(6, 2)));
  if (!date) return fail();
  out.date = *date;
  if (text.size() == 8) {
    out.is_date = true;
    return out;
  }
  std::string_view time = text.substr(8);
  if (time.ends_with('Z') || time.ends_with('z')) {
    out.utc = true;
    time.remove_suffix(1);
  }
  if (time.size() != 7 || (time[0] != 'T' && time[0] != 't') || !AllDigits(time.substr(1))) {
    return fail();
  }
  const int hour = Number(time.substr(1, 2)), minute = Number(time.substr(3, 2));
  int second = Number(time.substr(5, 2));
  if (hour > 23 || minute > 59 || second > 60) return fail();
  if (second == 60) second = 59;  // a leap second
  out.seconds_of_day = hour * 3600 + minute * 60 + second;
  return out;
}

Result<int64_t> ParseDuration(std::string_view text) {
  text = Trim(text);
  const std::string shown = Excerpt(text);
  // `why`: an ingest.ics.duration.* message.
  const auto fail = [&shown](const Message& why) {
    return Fail(ErrorCode::kInvalidArgument, Msg("ingest.ics.not_a_duration", shown, Arg::Of(why)));
  };
  constexpr int64_t kMax = int64_t{10} * 366 * 86400;
  int64_t sign = 1;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    if (text[0] == '-') sign = -1;
    text.remove_prefix(1);
  }
  if (text.empty() || (text[0] != 'P' && text[0] != 'p'))
    return fail(Msg("ingest.ics.duration.no_p"));
  text.remove_prefix(1);
  int64_t total = 0;
  bool in_time = false, any = false;
  while (!text.empty()) {
    const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    if (c == 'T') {
      in_time = true;
      text.remove_prefix(1);
      continue;
    }
    size_t digits = 0;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) {
      ++digits;
    }
    if (digits == 0 || digits == text.size()) return fail(Msg("ingest.ics.duration.no_unit"));
    if (digits > 9) return fail(Msg("ingest.ics.duration.too_long"));
    const int64_t n = Number(text.substr(0, digits));
    const char unit = static_cast<char>(std::toupper(static_cast<unsigned char>(text[digits])));
    int64_t seconds_per_unit = 0;
    if (unit == 'W' && !in_time) {
      seconds_per_unit = 7 * 86400;
    } else if (unit == 'D' && !in_time) {
      seconds_per_unit = 86400;
    } else if (unit == 'H' && in_time) {
      seconds_per_unit = 3600;
    } else if (unit == 'M' && in_time) {
      seconds_per_unit = 60;
    } else if (unit == 'S' && in_time) {
      seconds_per_unit = 1;
    } else {
      return fail(Msg("ingest.ics.duration.bad_unit", std::string(1, text[digits])));
    }
    total += n * seconds_per_unit;
    if (total > kMax) return fail(Msg("ingest.ics.duration.too_long"));
    any = true;
    text.remove_prefix(digits + 1);
  }
  if (!any) return fail(Msg("ingest.ics.duration.empty"));
  return sign * total;
}

std::vector<std::string_view> SplitList(std::string_view value) {
  std::vector<std::string_view> items;
  size_t pos = 0;
  while (pos <= value.size()) {
    size_t end = value.find(',', pos);
    if (end == std::string_view::npos) end = value.size();
    const std::string_view item = Trim(value.substr(pos, end - pos));
    if (!item.empty()) items.push_back(item);
    pos = end + 1;
  }
  return items;
}

}  // namespace addio::ics
