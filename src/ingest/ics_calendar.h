// The syntax of iCalendar (RFC 5545) as the ICS importer reads it: content lines unfolded
// and split into name, parameters and value, nested BEGIN/END components, and the value
// types a meeting needs (DATE, DATE-TIME, DURATION). Every property keeps the line where
// it starts so that a message can point at it. What the values mean (time zones,
// recurrences, who was there) is the importer's business, in ics.cc.
#pragma once

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "core/time.h"

namespace addio::ics {

struct Property {
  std::string name;  // uppercase, e.g. "DTSTART"
  // Parameter names uppercase; values unquoted, RFC 6868 escapes (^n ^' ^^) decoded.
  std::vector<std::pair<std::string, std::string>> params;
  std::string value;  // as written (TEXT escapes are not decoded)
  int line = 0;       // 1-based line where the (folded) content line starts

  // The first value of parameter `name` (uppercase), or nullptr.
  const std::string* Param(std::string_view name) const;
};

struct Component {
  std::string name;  // uppercase, e.g. "VEVENT"
  int line = 0;      // the line of its BEGIN
  std::vector<Property> properties;
  std::vector<Component> children;

  // The first property named `name` (uppercase), or nullptr.
  const Property* Find(std::string_view name) const;
  // Every property named `name`, in file order.
  std::vector<const Property*> FindAll(std::string_view name) const;
  // The component as iCalendar text again (CRLF line ends, unfolded), for libical.
  std::string ToText() const;
};

struct SyntaxError {
  int line = 0;  // 1-based
  Message message;
};

// Parses a whole file: the top-level VCALENDAR components, in order. Tolerates a UTF-8
// byte order mark, CRLF, LF or lone CR line ends, blank lines, and stray spaces around
// names and parameters. Fails at the first line without ':', NUL byte, END that closes
// nothing or the wrong component, or anything but BEGIN:VCALENDAR at the top level, or
// at the BEGIN of a component never closed; the message does not repeat the line.
// Lines after the last END:VCALENDAR that are no BEGIN:VCALENDAR (a proxy's comment) are
// ignored and reported in `warnings`.
std::expected<std::vector<Component>, SyntaxError> Parse(std::string_view text,
                                                         std::vector<SyntaxError>& warnings);

// A DATE ("20240311") or DATE-TIME ("20240311T093000", "...Z") value.
struct DateTime {
  CivilDate date;
  int32_t seconds_of_day = 0;
  bool is_date = false;  // no time of day: an all-day value
  bool utc = false;      // ended in 'Z'

  LocalDateTime local() const { return {date, seconds_of_day}; }
};

// Error kInvalidArgument naming the expected shapes.
Result<DateTime> ParseDateTime(std::string_view text);

// A DURATION ("PT1H30M", "-P1D", "P2W") in seconds. Error kInvalidArgument for another
// shape or one beyond ten years, which no meeting lasts.
Result<int64_t> ParseDuration(std::string_view text);

// The comma-separated items of a list value (RDATE, EXDATE).
std::vector<std::string_view> SplitList(std::string_view value);

}  // namespace addio::ics
