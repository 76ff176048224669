// The text of single values in both forms of the ledger format, written straight into the
// output buffer: no temporary strings, no streams. Inline because the writers call them
// for every field of millions of records.
#pragma once

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/json_string.h"  // AppendJsonString
#include "core/money.h"
#include "core/time.h"

namespace addio::format_internal {

inline void AppendTwoDigits(std::string& out, int value) {
  out += static_cast<char>('0' + value / 10);
  out += static_cast<char>('0' + value % 10);
}

// Howard Hinnant's civil_from_days: no table, no allocation.
inline void AppendDays(std::string& out, int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int64_t year = yoe + era * 400 + (month <= 2);
  if (year < 0 || year > 9999) {
    out += CivilDate::FromDays(static_cast<int32_t>(days - 719468)).ToString();
    return;
  }
  AppendTwoDigits(out, static_cast<int>(year / 100));
  AppendTwoDigits(out, static_cast<int>(year % 100));
  out += '-';
  AppendTwoDigits(out, month);
  out += '-';
  AppendTwoDigits(out, day);
}

// "YYYY-MM-DD".
inline void AppendDate(std::string& out, CivilDate date) {
  AppendDays(out, date.days_since_epoch());
}

// RFC 3339 with the offset of `zone` at `t`: "2026-03-27T18:30:00+01:00" or "...Z", as
// TimeZone::FormatRfc3339 writes it.
inline void AppendInstant(std::string& out, Instant t, const TimeZone& zone) {
  const int32_t offset = zone.OffsetSeconds(t);
  const int64_t local = t.unix_seconds() + offset;
  const int64_t days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
  const int seconds = static_cast<int>(local - days * 86400);
  AppendDays(out, days);
  out += 'T';
  AppendTwoDigits(out, seconds / 3600);
  out += ':';
  AppendTwoDigits(out, seconds / 60 % 60);
  out += ':';
  AppendTwoDigits(out, seconds % 60);
  if (offset == 0) {
    out += 'Z';
    return;
  }
  const int magnitude = offset < 0 ? -offset : offset;
  out += offset < 0 ? '-' : '+';
  AppendTwoDigits(out, magnitude / 3600);
  out += ':';
  AppendTwoDigits(out, magnitude / 60 % 60);
}

// The canonical decimal string: "1234.50", "-0.05", "1200" for JPY.
inline void AppendMoney(std::string& out, const Money& money) {
  const int64_t minor = money.minor();
  const int exponent = money.currency().exponent();
  // Unsigned, so that INT64_MIN prints too.
  const uint64_t magnitude =
      minor < 0 ? 0 - static_cast<uint64_t>(minor) : static_cast<uint64_t>(minor);
  char digits[24];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, magnitude);
  const int count = static_cast<int>(end - digits);
  if (minor < 0) out += '-';
  if (exponent == 0) {
    out.append(digits, end);
    return;
  }
  if (count <= exponent) {
    out += "0.";
    out.append(static_cast<size_t>(exponent - count), '0');
    out.append(digits, end);
    return;
  }
  out.append(digits, end - exponent);
  out += '.';
  out.append(end - exponent, end);
}

inline void AppendInt(std::string& out, int64_t value) {
  char digits[24];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, end);
}

// The shortest text that reads back as the same double; "null" for NaN and infinities,
// which JSON cannot carry.
inline void AppendNumber(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  char digits[32];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, end);
}

}  // namespace addio::format_internal
