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

}  // namespace

RatesTable::RatesTable(std::string bytes) : bytes_(std::move(bytes)) {}

template <typename T>
T RatesTable::Get(size_t at) const {
  T value;
  if (!source_) {
    std::memcpy(&value, bytes_.data() + at, sizeof(T));  // checked whole by Read
    return value;
  }
  if (at > total_ || sizeof(T) > total_ - at) {
    throw RatesUnreadable("the kept statistics end before a field they point at");
  }
  source_->Read(at, sizeof(T), reinterpret_cast<char*>(&value));
  return value;
}

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

bool RatesTable::ReadHeader(size_t total) {
  total_ = total;
  if (total < kHeader) return false;
  char magic[kMagic.size()];
  if (source_) {
    source_->Read(0, sizeof magic, magic);
  } else {
    std::memcpy(magic, bytes_.data(), sizeof magic);
  }
  if (std::string_view(magic, sizeof magic) != kMagic) return false;
  size_ = Get<uint32_t>(kMagic.size());
  entries_at_ = kHeader;
  const size_t count_at = entries_at_ + size_ * kEntryBytes;
  if (count_at + 4 > total) return false;
  ranked_ = Get<uint32_t>(count_at);
  ranks_at_ = count_at + 4;
  ids_at_ = ranks_at_ + ranked_ * kRankBytes;
  return ids_at_ <= total;
}

std::optional<RatesTable> RatesTable::Read(std::string bytes) {
  RatesTable table(std::move(bytes));
  if (!table.ReadHeader(table.bytes_.size())) return std::nullopt;
  // Ids end in order and exactly at the end; ranks and entries point at each other.
  uint32_t previous_end = 0;
  size_t ranked_entries = 0;
  for (size_t i = 0; i < table.size_; ++i) {
    const size_t at = table.entries_at_ + i * kEntryBytes;
    const auto end = table.Get<uint32_t>(at);
    if (end < previous_end) return std::nullopt;
    previous_end = end;
    const auto rank = table.Get<uint32_t>(at + kRankAt);
    if (rank == kUnranked) continue;
    if (rank >= table.ranked_ || table.Get<int64_t>(at + kRateAt) == kUnknownRate ||
        table.EntryAt(rank) != i) {
      return std::nullopt;
    }
    ++ranked_entries;
  }
  if (table.ids_at_ + previous_end != table.bytes_.size() || ranked_entries != table.ranked_) {
    return std::nullopt;
  }
  return table;
}

std::optional<RatesTable> RatesTable::InPlace(std::shared_ptr<const RatesBytes> source) {
  RatesTable table{std::string()};
  table.source_ = std::move(source);
  if (!table.ReadHeader(table.source_->size())) return std::nullopt;
  // The ids end exactly at the end; each lookup checks what it reads.
  const size_t last_end =
      table.size_ == 0 ? 0
                       : table.Get<uint32_t>(table.entries_at_ + (table.size_ - 1) * kEntryBytes);
  if (table.ids_at_ + last_end != table.total_) return std::nullopt;
  return table;
}

std::pair<uint32_t, uint32_t> RatesTable::ClientBounds(size_t i) const {
  const size_t at = entries_at_ + i * kEntryBytes;
  const uint32_t begin = i == 0 ? 0 : Get<uint32_t>(at - kEntryBytes);
  const auto end = Get<uint32_t>(at);
  if (source_ && (end < begin || ids_at_ + end > total_)) {
    throw RatesUnreadable("the kept statistics' ids are out of order");
  }
  return {begin, end};
}

std::string RatesTable::Client(size_t i) const {
  const auto [begin, end] = ClientBounds(i);
  if (!source_) return bytes_.substr(ids_at_ + begin, end - begin);
  std::string id(end - begin, '\0');
  source_->Read(ids_at_ + begin, id.size(), id.data());
  return id;
}

int RatesTable::CompareClient(size_t i, std::string_view client) const {
  if (source_) return Client(i).compare(client);
  const auto [begin, end] = ClientBounds(i);
  return std::string_view(bytes_).substr(ids_at_ + begin, end - begin).compare(client);
}

double RatesTable::Hours(size_t i) const {
  return Get<double>(entries_at_ + i * kEntryBytes + kHoursAt);
}

std::optional<int64_t> RatesTable::Rate(size_t i) const {
  const auto rate = Get<int64_t>(entries_at_ + i * kEntryBytes + kRateAt);
  if (rate == kUnknownRate) return std::nullopt;
  return rate;
}

std::optional<size_t> RatesTable::RankOf(size_t i) const {
  const auto rank = Get<uint32_t>(entries_at_ + i * kEntryBytes + kRankAt);
  if (rank == kUnranked) return std::nullopt;
  if (source_ && rank >= ranked_) throw RatesUnreadable("a kept rank is out of range");
  return rank;
}

StoredRate RatesTable::Entry(size_t i) const {
  return {.client = Client(i), .hours = Hours(i), .rate_minor = Rate(i)};
}

std::optional<size_t> RatesTable::Find(std::string_view client) const {
  size_t lo = 0, hi = size_;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (CompareClient(mid, client) < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo < size_ && CompareClient(lo, client) == 0) return lo;
  return std::nullopt;
}

size_t RatesTable::EntryAt(size_t rank) const {
  const auto entry = Get<uint32_t>(ranks_at_ + rank * kRankBytes);
  if (source_ && entry >= size_) throw RatesUnreadable("a kept rank points past the entries");
  return entry;
}

int64_t RatesTable::MinutesThrough(size_t rank) const {
  return Get<int64_t>(ranks_at_ + rank * kRankBytes + 4);
}

}  // namespace addio
