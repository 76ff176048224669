#include "core/time.h"

#include <date/date.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "core/zone_rules.h"

namespace addio {
namespace {

using date::days;
using date::sys_days;
using date::year_month_day;

year_month_day ToYmd(int32_t days_since_epoch) {
  return year_month_day{sys_days{days{days_since_epoch}}};
}

using core_internal::ZoneRules;

const ZoneRules* Zone(const void* z) { return static_cast<const ZoneRules*>(z); }

std::string TwoDigits(int v) {
  return std::string{static_cast<char>('0' + v / 10), static_cast<char>('0' + v % 10)};
}

// Reads exactly `width` digits at `pos`; -1 if they are not all digits.
int Digits(std::string_view text, size_t pos, size_t width) {
  if (pos + width > text.size()) return -1;
  int value = 0;
  for (size_t i = pos; i < pos + width; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

Result<CivilDate> CivilDate::FromYmd(int y, int m, int d) {
  const year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                           date::day{static_cast<unsigned>(d)}};
  if (m < 1 || m > 12 || d < 1 || !ymd.ok()) {
    return Fail(ErrorCode::kInvalidArgument,
                Msg("core.ymd_not_calendar_date",
                    std::to_string(y) + "-" + TwoDigits(m % 100) + "-" + TwoDigits(d % 100)));
  }
  return CivilDate(static_cast<int32_t>(sys_days{ymd}.time_since_epoch().count()));
}

Result<CivilDate> CivilDate::Parse(std::string_view text) {
  const int y = Digits(text, 0, 4), m = Digits(text, 5, 2), d = Digits(text, 8, 2);
  if (text.size() != 10 || y < 0 || m < 0 || d < 0 || text[4] != '-' || text[7] != '-') {
    return Fail(ErrorCode::kInvalidArgument, Msg("core.not_a_date", text));
  }
  auto date = FromYmd(y, m, d);
  if (!date) {
    return Fail(ErrorCode::kInvalidArgument, Msg("core.not_calendar_date", text));
  }
  return date;
}

int CivilDate::year() const { return static_cast<int>(ToYmd(days_).year()); }
int CivilDate::month() const {
  return static_cast<int>(static_cast<unsigned>(ToYmd(days_).month()));
}
int CivilDate::day() const { return static_cast<int>(static_cast<unsigned>(ToYmd(days_).day())); }

Weekday CivilDate::weekday() const {
  // 1970-01-01 was a Thursday.
  int index = (days_ % 7 + 7 + 3) % 7;
  return static_cast<Weekday>(index);
}

std::string CivilDate::ToString() const {
  const year_month_day ymd = ToYmd(days_);
  const int y = static_cast<int>(ymd.year());
  std::string out = std::to_string(y);
  if (y >= 0 && y < 1000) out.insert(0, 4 - out.size(), '0');
  return out + "-" + TwoDigits(static_cast<int>(static_cast<unsigned>(ymd.month()))) + "-" +
         TwoDigits(static_cast<int>(static_cast<unsigned>(ymd.day())));
}

CivilDate CivilDate::AddMonths(int n) const {
  const year_month_day ymd = ToYmd(days_);
  date::year_month target = date::year_month{ymd.year(), ymd.month()} + date::months{n};
  const date::day last =
      date::year_month_day_last{target.year(), date::month_day_last{target.month()}}.day();
  const date::day day = ymd.day() > last ? last : ymd.day();
  return CivilDate(static_cast<int32_t>(
      sys_days{year_month_day{target.year(), target.month(), day}}.time_since_epoch().count()));
}

CivilDate CivilDate::EndOfMonth() const {
  const year_month_day ymd = ToYmd(days_);
  const year_month_day last =
      date::year_month_day_last{ymd.year(), date::month_day_last{ymd.month()}};
  return CivilDate(static_cast<int32_t>(sys_days{last}.time_since_epoch().count()));
}

std::string Instant::ToUtcString() const { return TimeZone::Utc().FormatRfc3339(*this); }

namespace {

// Whether `name` is one of the zones the system tz database lists: date/tz's list is every
// file under the zoneinfo folder but those it skips by name at any depth (hidden ones,
// posix*, right, Factory and the tables). The file itself is checked by reading it.
bool IsListedZoneName(std::string_view name) {
  static constexpr std::string_view kSkipped[] = {
      "Factory",  "iso3166.tab",  "right",     "+VERSION",    "version",
      "zone.tab", "zone1970.tab", "tzdata.zi", "leapseconds", "leap-seconds.list"};
  if (name.empty()) return false;
  size_t begin = 0;
  while (begin <= name.size()) {
    const size_t end = std::min(name.find('/', begin), name.size());
    const std::string_view part = name.substr(begin, end - begin);
    if (part.empty() || part.front() == '.' || part.starts_with("posix") ||
        std::ranges::find(kSkipped, part) != std::end(kSkipped)) {
      return false;
    }
    begin = end + 1;
  }
  return true;
}

// The bytes of zone `name`'s file, in the folder date/tz reads zones from; nullopt when it
// cannot be read.
std::optional<std::string> ReadZoneFile(const std::string& name) {
  static const std::string folder = [] {
    std::error_code ignored;
    return std::filesystem::is_directory("/usr/share/zoneinfo/uclibc", ignored)
               ? "/usr/share/zoneinfo/uclibc"
               : "/usr/share/zoneinfo";
  }();
  std::unique_ptr<FILE, decltype(&std::fclose)> file(
      std::fopen((folder + "/" + name).c_str(), "rb"), &std::fclose);
  if (!file) return std::nullopt;
  std::string bytes;
  char chunk[4096];
  while (const size_t n = std::fread(chunk, 1, sizeof chunk, file.get())) bytes.append(chunk, n);
  if (std::ferror(file.get())) return std::nullopt;  // a folder, among others
  return bytes;
}

}  // namespace

Result<TimeZone> TimeZone::Find(std::string_view name) {
  // Each zone is read from its own file, once (ZoneRules); the zones live for the process.
  static std::mutex mutex;
  static std::unordered_map<std::string, std::unique_ptr<const ZoneRules>> cache;
  std::lock_guard lock(mutex);
  std::string key(name);
  if (auto it = cache.find(key); it != cache.end()) return TimeZone(it->second.get());
  std::optional<std::string> bytes;
  std::optional<ZoneRules> rules;
  if (IsListedZoneName(key)) bytes = ReadZoneFile(key);
  if (bytes) rules = ZoneRules::Read(key, *bytes);
  if (!rules) return Fail(ErrorCode::kNotFound, Msg("core.unknown_time_zone", key));
  auto owned = std::make_unique<const ZoneRules>(std::move(*rules));
  const ZoneRules* found = owned.get();
  cache.emplace(std::move(key), std::move(owned));
  return TimeZone(found);
}

TimeZone TimeZone::Utc() {
  static const TimeZone utc = *Find("UTC");
  return utc;
}

const std::string& TimeZone::name() const { return Zone(zone_)->name(); }

int32_t TimeZone::OffsetSeconds(Instant t) const { return Zone(zone_)->OffsetAt(t.unix_seconds()); }

LocalDateTime TimeZone::ToLocal(Instant t) const {
  const int64_t local = t.unix_seconds() + OffsetSeconds(t);
  int64_t day = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
  return {CivilDate::FromDays(static_cast<int32_t>(day)),
          static_cast<int32_t>(local - day * 86400)};
}

Instant TimeZone::FromLocal(LocalDateTime local) const {
  const int64_t wall = int64_t{local.date.days_since_epoch()} * 86400 + local.seconds_of_day;
  // Unique and ambiguous readings take the earlier instant; a reading in a spring-forward
  // gap is read with the offset in force before the gap, which lands after the gap by its
  // length.
  return Instant::FromUnixSeconds(wall - Zone(zone_)->EarlierOffsetOfLocal(wall));
}

std::string TimeZone::FormatRfc3339(Instant t) const {
  const int32_t offset = OffsetSeconds(t);
  const LocalDateTime local = ToLocal(t);
  const int s = local.seconds_of_day;
  std::string out = local.date.ToString() + "T" + TwoDigits(s / 3600) + ":" +
                    TwoDigits(s / 60 % 60) + ":" + TwoDigits(s % 60);
  if (offset == 0) return out + "Z";
  const int magnitude = offset < 0 ? -offset : offset;
  return out + (offset < 0 ? "-" : "+") + TwoDigits(magnitude / 3600) + ":" +
         TwoDigits(magnitude / 60 % 60);
}

Result<ParsedInstant> ParseInstant(std::string_view text, const TimeZone& fallback) {
  auto bad = [&text]() {
    return Fail(ErrorCode::kInvalidArgument, Msg("core.not_an_instant", text));
  };
  if (text.size() < 16) return bad();
  auto date = CivilDate::Parse(text.substr(0, 10));
  if (!date || (text[10] != 'T' && text[10] != 't' && text[10] != ' ')) return bad();
  const int hh = Digits(text, 11, 2), mm = Digits(text, 14, 2);
  if (hh < 0 || mm < 0 || text[13] != ':' || hh > 23 || mm > 59) return bad();
  size_t pos = 16;
  int ss = 0;
  if (pos < text.size() && text[pos] == ':') {
    ss = Digits(text, pos + 1, 2);
    if (ss < 0 || ss > 60) return bad();
    if (ss == 60) ss = 59;  // a leap second is read as the second before it
    pos += 3;
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
      ++pos;
      const size_t first = pos;
      while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) ++pos;
      if (pos == first) return bad();
    }
  }
  const LocalDateTime wall{*date, hh * 3600 + mm * 60 + ss};
  if (pos == text.size()) return ParsedInstant{fallback.FromLocal(wall), false};
  int offset = 0;
  if (text[pos] == 'Z' || text[pos] == 'z') {
    if (pos + 1 != text.size()) return bad();
  } else if (text[pos] == '+' || text[pos] == '-') {
    const int oh = Digits(text, pos + 1, 2);
    const bool colon = pos + 3 < text.size() && text[pos + 3] == ':';
    const int om = Digits(text, pos + (colon ? 4 : 3), 2);
    if (oh < 0 || om < 0 || oh > 23 || om > 59 || pos + (colon ? 6 : 5) != text.size())
      return bad();
    offset = (oh * 3600 + om * 60) * (text[pos] == '-' ? -1 : 1);
  } else {
    return bad();
  }
  const int64_t wall_seconds = int64_t{date->days_since_epoch()} * 86400 + wall.seconds_of_day;
  return ParsedInstant{Instant::FromUnixSeconds(wall_seconds - offset), true};
}

}  // namespace addio
