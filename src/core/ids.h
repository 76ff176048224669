// Stable identifiers. Records carry the ids their source gave them; where a source has
// none, an id is derived from the record's content so that importing the same file
// twice gives the same ids (and so changes nothing).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace addio {

// 64-bit FNV-1a of `bytes`: stable across machines, runs and versions.
uint64_t StableHash(std::string_view bytes);

// `prefix` + "-" + 16 lowercase hex digits of StableHash(content), e.g. "w-9f3c...".
std::string ContentId(std::string_view prefix, std::string_view content);

}  // namespace addio
