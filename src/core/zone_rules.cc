#include "core/zone_rules.h"

#include <date/date.h>

#include <algorithm>
#include <functional>
#include <utility>

namespace addio::core_internal {
namespace {

// The start and end of time as date/tz bounds it: the first day of year -32767 and the
// last of year 32767, in unix seconds.
constexpr int64_t DaySeconds(date::sys_days day) {
  return int64_t{day.time_since_epoch().count()} * 86400;
}
constexpr int64_t kStartOfTime = DaySeconds(date::sys_days{date::year::min() / date::January / 1});
constexpr int64_t kEndOfTime = DaySeconds(date::sys_days{date::year::max() / date::December / 31});

// A big-endian reader over the file's bytes; every read past the end fails it.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool ok() const { return ok_; }
  std::string_view Take(size_t n) {
    if (!ok_ || n > bytes_.size() - at_) {
      ok_ = false;
      return {};
    }
    at_ += n;
    return bytes_.substr(at_ - n, n);
  }
  void Skip(size_t n) { Take(n); }
  int64_t Signed(size_t width) {  // a two's complement integer of 4 or 8 bytes
    const std::string_view b = Take(width);
    if (b.size() != width) return 0;
    uint64_t v = 0;
    for (const char c : b) v = v << 8 | static_cast<unsigned char>(c);
    if (width == 4) return static_cast<int32_t>(static_cast<uint32_t>(v));
    return static_cast<int64_t>(v);
  }
  uint8_t Byte() {
    const std::string_view b = Take(1);
    return b.empty() ? 0 : static_cast<uint8_t>(b.front());
  }

 private:
  std::string_view bytes_;
  size_t at_ = 0;
  bool ok_ = true;
};

struct Counts {
  int64_t isut = 0, isstd = 0, leap = 0, time = 0, type = 0, chars = 0;
};

// The header: the magic, the version byte, then the counts. Negative counts fail.
std::optional<std::pair<uint8_t, Counts>> ReadHeader(Reader& in) {
  if (in.Take(4) != "TZif") return std::nullopt;
  const uint8_t version = in.Byte();
  in.Skip(15);
  Counts c;
  for (int64_t* count : {&c.isut, &c.isstd, &c.leap, &c.time, &c.type, &c.chars}) {
    *count = in.Signed(4);
    if (*count < 0) return std::nullopt;
  }
  if (!in.ok()) return std::nullopt;
  return std::pair{version, c};
}

}  // namespace

std::optional<ZoneRules> ZoneRules::Read(std::string name, std::string_view bytes) {
  Reader in(bytes);
  auto header = ReadHeader(in);
  if (!header) return std::nullopt;
  Counts counts = header->second;
  size_t time_width = 4;
  if (header->first != 0) {
    // Version 2 and later repeat the data with 64-bit times after the version 1 block.
    in.Skip(static_cast<size_t>(5 * counts.time + 6 * counts.type + counts.chars + 8 * counts.leap +
                                counts.isstd + counts.isut));
    header = ReadHeader(in);
    if (!header) return std::nullopt;
    counts = header->second;
    time_width = 8;
  }
  if (counts.leap > 0 || counts.type == 0) return std::nullopt;

  std::vector<int64_t> times;
  times.reserve(static_cast<size_t>(std::min<int64_t>(counts.time, 4096)));
  for (int64_t i = 0; i < counts.time && in.ok(); ++i) {
    times.push_back(std::max(in.Signed(time_width), kStartOfTime));
  }
  const std::string_view indexes = in.Take(static_cast<size_t>(counts.time));
  struct RawType {
    int32_t offset;
    bool is_dst;
    uint8_t abbreviation_at;
  };
  std::vector<RawType> raw;
  for (int64_t i = 0; i < counts.type && in.ok(); ++i) {
    const auto offset = static_cast<int32_t>(in.Signed(4));
    const bool is_dst = in.Byte() != 0;
    raw.push_back({offset, is_dst, in.Byte()});
  }
  const std::string_view chars = in.Take(static_cast<size_t>(counts.chars));
  if (!in.ok()) return std::nullopt;

  ZoneRules rules;
  rules.name_ = std::move(name);
  for (const RawType& type : raw) {
    if (type.abbreviation_at >= chars.size()) return std::nullopt;
    rules.offsets_.push_back(type.offset);
  }
  // A first transition at the start of time, to the first standard-time type (the first
  // type when all are daylight saving), unless the file has one there already.
  if (times.empty() || times.front() != kStartOfTime) {
    const auto standard = std::ranges::find_if(raw, [](const RawType& t) { return !t.is_dst; });
    rules.transitions_.push_back(
        {kStartOfTime, static_cast<uint32_t>(standard == raw.end() ? 0 : standard - raw.begin())});
  }
  for (size_t i = 0; i < times.size(); ++i) {
    const auto type = static_cast<uint8_t>(indexes[i]);
    if (type >= rules.offsets_.size()) return std::nullopt;
    rules.transitions_.push_back({times[i], type});
  }
  return rules;
}

ZoneRules::Span ZoneRules::SpanBefore(size_t i) const {
  const size_t n = transitions_.size();
  if (i == 0) {
    return {kStartOfTime, n > 1 ? transitions_[1].at : kEndOfTime, offsets_[transitions_[0].type]};
  }
  return {transitions_[i - 1].at, i < n ? transitions_[i].at : kEndOfTime,
          offsets_[transitions_[i - 1].type]};
}

int32_t ZoneRules::OffsetAt(int64_t unix_seconds) const {
  const auto after = std::ranges::upper_bound(transitions_, unix_seconds, std::less<>{},
                                              [](const Transition& t) { return t.at; });
  return SpanBefore(static_cast<size_t>(after - transitions_.begin())).offset;
}

int32_t ZoneRules::EarlierOffsetOfLocal(int64_t local_seconds) const {
  // The first transition the reading comes before, read with that transition's own offset.
  const auto after = std::partition_point(transitions_.begin(), transitions_.end(),
                                          [this, local_seconds](const Transition& t) {
                                            return !(local_seconds - offsets_[t.type] < t.at);
                                          });
  const auto i = static_cast<size_t>(after - transitions_.begin());
  const Span first = SpanBefore(i);
  if (local_seconds - first.offset < first.begin + 86400 && i != 0) {
    // Near the span's start: the reading may also mean an instant of the span before.
    const Span earlier = SpanBefore(i - 1);
    if (local_seconds - earlier.offset < earlier.end && first.end != earlier.end) {
      return earlier.offset;  // ambiguous: the earlier instant
    }
  }
  // Otherwise the reading is unique, or in a gap (read with the offset before the gap).
  return first.offset;
}

}  // namespace addio::core_internal
