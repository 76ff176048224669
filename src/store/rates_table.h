// The portfolio statistics as a store keeps them: every client's entry and their ranking
// in one block of bytes that is read where it lies. Finding one client is a binary
// search and nothing is decoded, so the assessment of one client pays nothing per client
// of the portfolio (Store::LoadRates, Store::SaveRates).
//
// Layout, native byte order (derived data: a block this build cannot read is measured
// again, never trusted): "AR2" and a format byte; the entry count n (u32); per entry, by
// client id: the end of its id among the ids' bytes (u32), hours (f64), the effective rate
// in minor units (i64, kUnknownRate when unknown) and its rank (u32, kUnranked when it has
// no rate); the ranked count k (u32); per rank: the entry's index (u32) and the running
// total of minutes up to it (i64); then the ids' bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace addio {

// One client's entry of the portfolio statistics.
struct StoredRate {
  std::string client;
  double hours = 0;
  std::optional<int64_t> rate_minor;  // effective rate in minor units; nullopt when unknown
  friend bool operator==(const StoredRate&, const StoredRate&) = default;
};

class RatesTable {
 public:
  // The table of `rates` (by client id) ranked as `ranked` says (indexes into `rates` of
  // every entry with a rate, each once, lowest rank first), with `minutes_through` the
  // running total of minutes along the ranking. REQUIRES: ranked.size() ==
  // minutes_through.size(); fewer than 2^32 entries and bytes of ids. The order itself
  // is the caller's contract (Portfolio keeps it): it is not checked here nor on reading.
  static RatesTable Make(const std::vector<StoredRate>& rates, const std::vector<size_t>& ranked,
                         const std::vector<int64_t>& minutes_through);

  // The table held by `bytes`, or nullopt when they are not one whole table of this layout
  // (truncated, another format, an index out of range, ranks that do not match).
  static std::optional<RatesTable> Read(std::string bytes);

  const std::string& bytes() const { return bytes_; }

  // Entries, by client id. REQUIRES: i < size().
  size_t size() const { return size_; }
  std::string_view Client(size_t i) const;
  double Hours(size_t i) const;
  std::optional<int64_t> Rate(size_t i) const;
  std::optional<size_t> RankOf(size_t i) const;
  StoredRate Entry(size_t i) const;
  // The index of `client`'s entry: a binary search.
  std::optional<size_t> Find(std::string_view client) const;

  // The ranking. REQUIRES: rank < ranked().
  size_t ranked() const { return ranked_; }
  size_t EntryAt(size_t rank) const;
  int64_t MinutesThrough(size_t rank) const;

 private:
  explicit RatesTable(std::string bytes);

  std::string bytes_;
  size_t size_ = 0;
  size_t ranked_ = 0;
  size_t entries_at_ = 0;  // offsets into bytes_ of the three sections
  size_t ranks_at_ = 0;
  size_t ids_at_ = 0;
};

}  // namespace addio
