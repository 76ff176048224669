// Which kinds of records a workspace holds (DESIGN.md section 4b, "judge only what was
// recorded"): a sign whose inputs the workspace has never held is unknown for every client,
// never read as evidence of absence. Types are named as in messages and LedgerSource
// ("client", "contract", ..., "credit_note").
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace addio {

struct Ledger;

// The ten record types of the ledger format, in its order.
std::span<const std::string_view> RecordTypeNames();

// A set of record types.
class RecordTypes {
 public:
  // The empty set.
  RecordTypes() = default;
  // Every record type: what an assessment assumes when it is not told what the workspace
  // holds.
  static RecordTypes All();
  // The types `ledger` holds at least one record of.
  static RecordTypes HeldBy(const Ledger& ledger);
  // The set kept as bits (Bits), as read back from where it was kept.
  static RecordTypes FromBits(uint32_t bits);

  // REQUIRES for both: `type` is one of RecordTypeNames().
  bool Has(std::string_view type) const;
  void Add(std::string_view type);

  uint32_t Bits() const { return bits_; }
  friend bool operator==(const RecordTypes&, const RecordTypes&) = default;

 private:
  uint32_t bits_ = 0;
};

}  // namespace addio
