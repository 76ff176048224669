// The portfolio statistics as a store keeps them: every client's entry and their ranking
// in one block of bytes that is read where it lies. Finding one client is a binary
// search and nothing is decoded, so the assessment of one client pays nothing per client
// of the portfolio (Store::LoadRates, Store::SaveRates). A table is either held whole, or
// read where the store keeps it (RatesBytes), a few bytes per lookup: one client's
// assessment from the embedded store reads a few hundred bytes of the block, not its
// megabytes.
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
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace addio {

// One client's entry of the portfolio statistics.
struct StoredRate {
  std::string client;
  double hours = 0;
  std::optional<int64_t> rate_minor;  // effective rate in minor units; nullopt when unknown
  friend bool operator==(const StoredRate&, const StoredRate&) = default;
};

// Where a table read in place lies (a store's open handle on its block). Read runs on the
// thread using the table.
class RatesBytes {
 public:
  virtual ~RatesBytes() = default;
  virtual size_t size() const = 0;
  // Copies bytes [at, at + n) to `out`. Throws RatesUnreadable when they cannot be read.
  virtual void Read(size_t at, size_t n, char* out) const = 0;
};

// A table read in place turned out unreadable part way through a lookup: the store failed,
// or the bytes are not the table their header said (derived data: the caller measures the
// statistics again, or reads them whole, which checks every byte).
class RatesUnreadable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
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
  // The table `source` holds, read in place: its header is checked now (nullopt when it
  // is not one of this layout, or its sections do not add up to the size), the rest as
  // lookups read it (each throws RatesUnreadable on bytes that are not a whole table).
  static std::optional<RatesTable> InPlace(std::shared_ptr<const RatesBytes> source);

  // The bytes of a table held whole. REQUIRES: not read in place.
  const std::string& bytes() const { return bytes_; }

  // Entries, by client id. REQUIRES: i < size().
  size_t size() const { return size_; }
  std::string Client(size_t i) const;
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
  // Sets the sizes and offsets from the header; false when they do not fit `total` bytes.
  bool ReadHeader(size_t total);
  template <typename T>
  T Get(size_t at) const;
  // Entry i's id: its bytes' [begin, end) in the ids' section, checked in order.
  std::pair<uint32_t, uint32_t> ClientBounds(size_t i) const;
  // -1, 0 or 1 as entry i's id sorts before, as or after `client`.
  int CompareClient(size_t i, std::string_view client) const;

  std::string bytes_;                         // a table held whole, or empty
  std::shared_ptr<const RatesBytes> source_;  // a table read in place, or null
  size_t total_ = 0;                          // the table's bytes
  size_t size_ = 0;
  size_t ranked_ = 0;
  size_t entries_at_ = 0;  // offsets of the three sections
  size_t ranks_at_ = 0;
  size_t ids_at_ = 0;
};

}  // namespace addio
