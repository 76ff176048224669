#include "ledger/tax_id.h"

namespace addio {
namespace {

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigitAscii(char c) { return c >= '0' && c <= '9'; }
bool IsAlnumAscii(char c) { return IsUpperAscii(c) || IsDigitAscii(c) || (c >= 'a' && c <= 'z'); }
char UpperAscii(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

}  // namespace

std::string TaxKey(std::string_view tax_id, std::string_view country) {
  std::string key;
  for (char c : tax_id) {
    if (IsAlnumAscii(c)) key += UpperAscii(c);
  }
  if (key.empty()) return key;
  const bool prefixed = key.size() > 2 && IsUpperAscii(key[0]) && IsUpperAscii(key[1]) &&
                        (IsDigitAscii(key[2]) || (key.starts_with("ATU") && key.size() > 3));
  if (prefixed || country.empty()) return key;
  std::string prefix;
  for (char c : country) prefix += UpperAscii(c);
  return prefix + key;
}

std::optional<std::string> NormalizedTaxId(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == ' ') continue;
    if (!IsAlnumAscii(c)) return std::nullopt;
    out += UpperAscii(c);
  }
  const bool prefixed = out.size() >= 2 && IsUpperAscii(out[0]) && IsUpperAscii(out[1]);
  if (!prefixed || out.size() < 4 || out.size() > 30) return std::nullopt;
  return out;
}

}  // namespace addio
