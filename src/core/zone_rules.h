// One time zone's rules, read from its TZif file (RFC 8536) in the system tz database, and
// answered exactly as date/tz answers them for the same file: the transitions of its
// 64-bit data (32-bit for version 1 files), a first transition at the start of time with
// the first standard-time type, and no rule beyond the last transition (the file's POSIX
// footer is not read). (date/tz also merges transitions to an identical type: that moves
// no offset, so it is not done here.) A command thus
// reads the one file it needs, where date/tz lists the whole database first (a stat of
// every file under /usr/share/zoneinfo).
//
// Internal to core/ (TimeZone, core/time.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace addio::core_internal {

class ZoneRules {
 public:
  // The rules in `bytes`, a zone file's whole content, named `name`; nullopt when the
  // bytes are not one whole TZif file, or when it counts leap seconds (only the "right/"
  // zones do, and the tz database does not list them).
  static std::optional<ZoneRules> Read(std::string name, std::string_view bytes);

  const std::string& name() const { return name_; }
  // The offset from UTC in force at `unix_seconds`, in seconds.
  int32_t OffsetAt(int64_t unix_seconds) const;
  // The offset of the earlier instant a wall-clock reading (seconds since the local epoch)
  // can mean; inside a spring-forward gap, the offset in force before the gap.
  int32_t EarlierOffsetOfLocal(int64_t local_seconds) const;

 private:
  struct Transition {
    int64_t at = 0;     // unix seconds
    uint32_t type = 0;  // into offsets_
  };
  // The span of one type, [begin, end), that ends at transition `i` (the one after the
  // last transition at or before a time); the first span reaches back to the start of
  // time, the last forward to its end.
  struct Span {
    int64_t begin = 0;
    int64_t end = 0;
    int32_t offset = 0;
  };
  Span SpanBefore(size_t i) const;

  std::string name_;
  std::vector<int32_t> offsets_;         // by local time type, in seconds
  std::vector<Transition> transitions_;  // never empty
};

}  // namespace addio::core_internal
