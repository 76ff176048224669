// IdIndex: the index of the first record with each id in a vector of records.
//
// An open-addressing table of record indexes, 8 bytes a slot and two slots or more a
// record, that compares the records' own ids: built for the millions of records of a
// large ledger, where std::unordered_map allocates a node per id to build it and chases
// a pointer more to find one. The records must not move or change their ids while the
// index is used.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace addio {

// A record's id, for IdIndex: its `id` member.
struct IdMember {
  template <typename R>
  std::string_view operator()(const R& record) const {
    return record.id;
  }
};

template <typename R, typename IdOf = IdMember>
class IdIndex {
 public:
  IdIndex() = default;
  explicit IdIndex(const std::vector<R>& records) : records_(&records) {
    const size_t capacity = std::bit_ceil(std::max<size_t>(16, records.size() * 2));
    mask_ = capacity - 1;
    slots_.assign(capacity, Slot{});
    for (size_t i = 0; i < records.size(); ++i) {
      const std::string_view id = IdOf{}(records[i]);
      const size_t hash = std::hash<std::string_view>{}(id);
      size_t at = hash & mask_;
      // A repeated id keeps its first record.
      while (slots_[at].index != kEmpty && !Holds(slots_[at], hash, id)) at = (at + 1) & mask_;
      if (slots_[at].index == kEmpty) slots_[at] = Slot{static_cast<uint32_t>(i), Tag(hash)};
    }
  }

  // The index of the first record whose id is `id`.
  std::optional<uint32_t> Find(std::string_view id) const {
    if (slots_.empty()) return std::nullopt;
    const size_t hash = std::hash<std::string_view>{}(id);
    for (size_t at = hash & mask_;; at = (at + 1) & mask_) {
      const Slot& slot = slots_[at];
      if (slot.index == kEmpty) return std::nullopt;
      if (Holds(slot, hash, id)) return slot.index;
    }
  }
  bool contains(std::string_view id) const { return Find(id).has_value(); }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    uint32_t index = kEmpty;
    uint32_t tag = 0;  // the hash's high bits: most slots of other ids differ here
  };
  static uint32_t Tag(size_t hash) { return static_cast<uint32_t>(hash >> 32); }
  bool Holds(const Slot& slot, size_t hash, std::string_view id) const {
    return slot.tag == Tag(hash) && IdOf{}((*records_)[slot.index]) == id;
  }

  const std::vector<R>* records_ = nullptr;
  std::vector<Slot> slots_;
  size_t mask_ = 0;
};

}  // namespace addio
