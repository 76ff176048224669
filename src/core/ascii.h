// Case folding for identifiers, column names, file extensions and keywords: ASCII only, so
// it never depends on the process locale and leaves UTF-8 bytes as they are.
#pragma once

#include <string>
#include <string_view>

namespace addio {

// `text` with 'A'-'Z' turned into 'a'-'z'; every other byte unchanged.
inline std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace addio
