// The portfolio statistics as one value (Store::SaveRates keeps them as a single blob, so a
// reader gets every client's entry in one read instead of one row per client).
// Layout, native byte order (derived data: a blob this build cannot read is measured again,
// never trusted): "AR1" and a format byte, the entry count (u32), then per entry, in client
// id order: id length (u32), id bytes, hours (f64), 1 and the rate in minor units (i64) or 0;
// then the ranking: its length (u32) and each index (u32).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"

namespace addio::store_internal {

// REQUIRES: fewer than 2^32 entries, every index of `ranked` below rates.size().
std::string EncodeRates(const std::vector<StoredRate>& rates, const std::vector<size_t>& ranked);

// The entries and the ranking (KeptRates::rates and ranked; the rest is left empty), or
// nullopt when `blob` is not a whole encoding of this format (truncated, another format,
// an index out of range).
std::optional<KeptRates> DecodeRates(std::string_view blob);

}  // namespace addio::store_internal
