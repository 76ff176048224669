#include "core/ids.h"

#include <cstdio>

namespace addio {

uint64_t StableHash(std::string_view bytes) {
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

std::string ContentId(std::string_view prefix, std::string_view content) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(StableHash(content)));
  return std::string(prefix) + "-" + hex;
}

}  // namespace addio
