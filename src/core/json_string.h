// The one JSON string escaper of addio: every JSON addio writes by hand (the ledger
// format's writers, the report's JsonWriter) quotes its strings here, so that a string
// reads the same in an export, a report and an API answer. Inline because the ledger
// writers call it for every text field of millions of records.
#pragma once

#include <string>
#include <string_view>

namespace addio {

// Appends `text` to `out` as a quoted JSON string. UTF-8 passes through untouched (it is
// not checked here); quotes and backslashes are escaped, and every control character
// below U+0020: \n \r \t \b \f by their short forms, the others as \u00XX (lower-case
// hex), as RFC 8259 and nlohmann's dump() write them.
inline void AppendJsonString(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  size_t clean = 0;  // start of the run of characters that need no escape
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.data() + clean, i - clean);
    clean = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
  }
  out.append(text.data() + clean, text.size() - clean);
  out += '"';
}

// `text` as a quoted JSON string, escaped as AppendJsonString does.
inline std::string JsonQuote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  AppendJsonString(out, text);
  return out;
}

}  // namespace addio
