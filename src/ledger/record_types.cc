#include "ledger/record_types.h"

#include <array>
#include <stdexcept>
#include <string>

#include "ledger/format_fields.h"
#include "ledger/records.h"

namespace addio {
namespace {

using format_internal::kRecordTypeNames;
using format_internal::kRecordTypes;

constexpr std::array<std::string_view, kRecordTypes> kNames = [] {
  std::array<std::string_view, kRecordTypes> names{};
  for (int i = 0; i < kRecordTypes; ++i) names[i] = kRecordTypeNames[i].type;
  return names;
}();

uint32_t BitOf(std::string_view type) {
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == type) return uint32_t{1} << i;
  }
  throw std::logic_error("no record type " + std::string(type));
}

}  // namespace

std::span<const std::string_view> RecordTypeNames() { return kNames; }

RecordTypes RecordTypes::All() { return FromBits((uint32_t{1} << kRecordTypes) - 1); }

RecordTypes RecordTypes::FromBits(uint32_t bits) {
  RecordTypes out;
  out.bits_ = bits & ((uint32_t{1} << kRecordTypes) - 1);
  return out;
}

RecordTypes RecordTypes::HeldBy(const Ledger& ledger) {
  RecordTypes out;
  format_internal::ForEachRecordType([&]<typename R>(std::type_identity<R>) {
    using Traits = format_internal::RecordTraits<R>;
    if (!(ledger.*Traits::kMember).empty()) out.bits_ |= uint32_t{1} << Traits::kIndex;
  });
  return out;
}

bool RecordTypes::Has(std::string_view type) const { return (bits_ & BitOf(type)) != 0; }

void RecordTypes::Add(std::string_view type) { bits_ |= BitOf(type); }

}  // namespace addio
