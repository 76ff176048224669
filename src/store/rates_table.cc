#include "store/rates_table.h"

#include <cstring>
#include <limits>
#include <utility>

namespace addio {
namespace {

constexpr std::string_view kMagic("AR2\x01", 4);
constexpr int64_t kUnknownRate = std::numeric_limits<int64_t>::min();
constexpr uint32_t kUnranked = std::numeric_limits<uint32_t>::max();

// Sizes of one entry and one rank, and where their fields lie.
constexpr size_t kEntryBytes = 4 + 8 + 8 + 4;
constexpr size_t kHoursAt = 4, kRateAt = 12, kRankAt = 20;
constexpr size_t kRankBytes = 4 + 8;
constexpr size_t kHeader = kMagic.size() + 4;

template <typename T>
void Put(std::string& out, T value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  out.append(bytes, sizeof(T));
}

template <typename T>
T Get(const std::string& bytes, size_t at) {
  T value;
  std::memcpy(&value, bytes.data() + at, sizeof(T));
  return value;
}

}  // namespace

RatesTable::RatesTable(std::string bytes) : bytes_(std::move(bytes)) {}

RatesTable RatesTable::Make(const std::vector<StoredRate>& rates, const std::vector<size_t>& ranked,
                            const std::vector<int64_t>& minutes_through) {
  std::vector<uint32_t> rank_of(rates.size(), kUnranked);
  for (size_t rank = 0; rank < ranked.size(); ++rank) {
    rank_of[ranked[rank]] = static_cast<uint32_t>(rank);
  }
  std::string out(kMagic);
  std::string ids;
  out.reserve(kHeader + rates.size() * kEntryBytes + 4 + ranked.size() * kRankBytes);
  Put<uint32_t>(out, static_cast<uint32_t>(rates.size()));
  for (size_t i = 0; i < rates.size(); ++i) {
    ids += rates[i].client;
    Put<uint32_t>(out, static_cast<uint32_t>(ids.size()));
    Put<double>(out, rates[i].hours);
    Put<int64_t>(out, rates[i].rate_minor.value_or(kUnknownRate));
    Put<uint32_t>(out, rank_of[i]);
  }
  Put<uint32_t>(out, static_cast<uint32_t>(ranked.size()));
  for (size_t rank = 0; rank < ranked.size(); ++rank) {
    Put<uint32_t>(out, static_cast<uint32_t>(ranked[rank]));
    Put<int64_t>(out, minutes_through[rank]);
  }
  out += ids;
  return *Read(std::move(out));
}

std::optional<RatesTable> RatesTable::Read(std::string bytes) {
  if (bytes.size() < kHeader || std::string_view(bytes).substr(0, kMagic.size()) != kMagic) {
    return std::nullopt;
  }
  RatesTable table(std::move(bytes));
  const std::string& b = table.bytes_;
  table.size_ = Get<uint32_t>(b, kMagic.size());
  table.entries_at_ = kHeader;
  const size_t count_at = table.entries_at_ + table.size_ * kEntryBytes;
  if (count_at + 4 > b.size()) return std::nullopt;
  table.ranked_ = Get<uint32_t>(b, count_at);
  table.ranks_at_ = count_at + 4;
  table.ids_at_ = table.ranks_at_ + table.ranked_ * kRankBytes;
  if (table.ids_at_ > b.size()) return std::nullopt;
  // Ids end in order and exactly at the end; ranks and entries point at each other.
  uint32_t previous_end = 0;
  size_t ranked_entries = 0;
  for (size_t i = 0; i < table.size_; ++i) {
    const size_t at = table.entries_at_ + i * kEntryBytes;
    const uint32_t end = Get<uint32_t>(b, at);
    if (end < previous_end) return std::nullopt;
    previous_end = end;
    const uint32_t rank = Get<uint32_t>(b, at + kRankAt);
    if (rank == kUnranked) continue;
    if (rank >= table.ranked_ || Get<int64_t>(b, at + kRateAt) == kUnknownRate ||
        table.EntryAt(rank) != i) {
      return std::nullopt;
    }
    ++ranked_entries;
  }
  if (table.ids_at_ + previous_end != b.size() || ranked_entries != table.ranked_) {
    return std::nullopt;
  }
  return table;
}

std::string_view RatesTable::Client(size_t i) const {
  const size_t at = entries_at_ + i * kEntryBytes;
  const uint32_t begin = i == 0 ? 0 : Get<uint32_t>(bytes_, at - kEntryBytes);
  const uint32_t end = Get<uint32_t>(bytes_, at);
  return std::string_view(bytes_).substr(ids_at_ + begin, end - begin);
}

double RatesTable::Hours(size_t i) const {
  return Get<double>(bytes_, entries_at_ + i * kEntryBytes + kHoursAt);
}

std::optional<int64_t> RatesTable::Rate(size_t i) const {
  const auto rate = Get<int64_t>(bytes_, entries_at_ + i * kEntryBytes + kRateAt);
  if (rate == kUnknownRate) return std::nullopt;
  return rate;
}

std::optional<size_t> RatesTable::RankOf(size_t i) const {
  const auto rank = Get<uint32_t>(bytes_, entries_at_ + i * kEntryBytes + kRankAt);
  if (rank == kUnranked) return std::nullopt;
  return rank;
}

StoredRate RatesTable::Entry(size_t i) const {
  return {.client = std::string(Client(i)), .hours = Hours(i), .rate_minor = Rate(i)};
}

std::optional<size_t> RatesTable::Find(std::string_view client) const {
  size_t lo = 0, hi = size_;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (Client(mid) < client) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo < size_ && Client(lo) == client) return lo;
  return std::nullopt;
}

size_t RatesTable::EntryAt(size_t rank) const {
  return Get<uint32_t>(bytes_, ranks_at_ + rank * kRankBytes);
}

int64_t RatesTable::MinutesThrough(size_t rank) const {
  return Get<int64_t>(bytes_, ranks_at_ + rank * kRankBytes + 4);
}

}  // namespace addio
