#include "core/text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "core/ascii.h"

namespace addio {
namespace {

// The length of the UTF-8 sequence at text[i], or 0 when it is not a valid one.
size_t Utf8SequenceAt(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned char c = byte(0);
  if (c < 0x80) return 1;
  size_t length = 0;
  uint32_t code = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    length = 2, code = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    length = 3, code = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    length = 4, code = c & 0x07;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(k) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(k) & 0x3F);
  }
  const bool overlong = (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
  const bool surrogate = code >= 0xD800 && code <= 0xDFFF;
  if (overlong || surrogate || code > 0x10FFFF) return 0;
  return length;
}

void AppendUtf8(std::string& out, uint32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// Windows-1252 0x80-0x9F; 0xFFFD where it defines nothing.
constexpr std::array<uint16_t, 32> kWindows1252High = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

const char kHex[] = "0123456789abcdef";

void AppendEscape(std::string& out, const char* prefix, unsigned value) {
  out += prefix;
  out += kHex[(value >> 4) & 0xF];
  out += kHex[value & 0xF];
}

// The name of the column holding byte `offset` of a CSV text, from its first line; empty
// when it cannot be told. Quotes are followed, so a separator inside one is no boundary.
std::string ColumnAt(std::string_view text, size_t offset) {
  const size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  const size_t begin = line_start == std::string_view::npos || offset == 0 ? 0 : line_start + 1;
  const std::string_view first = text.substr(0, text.find('\n'));
  const char separator =
      first.find(';') != std::string_view::npos && first.find(',') == std::string_view::npos ? ';'
      : first.find('\t') != std::string_view::npos && first.find(',') == std::string_view::npos
          ? '\t'
          : ',';
  size_t column = 0;
  bool quoted = false;
  for (size_t i = begin; i < offset; ++i) {
    if (text[i] == '"') quoted = !quoted;
    if (text[i] == separator && !quoted) ++column;
  }
  std::vector<std::string> names(1);
  quoted = false;
  for (char c : first) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == separator && !quoted) {
      names.emplace_back();
    } else if (c != '\r') {
      names.back() += c;
    }
  }
  if (begin == 0 || column >= names.size()) return "";
  return VisibleControls(names[column]);
}

}  // namespace

Result<TextEncoding> ParseTextEncoding(std::string_view name) {
  const std::string lower = AsciiLower(name);
  if (lower == "auto") return TextEncoding::kAuto;
  if (lower == "utf-8" || lower == "utf8") return TextEncoding::kUtf8;
  if (lower == "windows-1252" || lower == "cp1252") return TextEncoding::kWindows1252;
  if (lower == "latin-1" || lower == "latin1" || lower == "iso-8859-1") {
    return TextEncoding::kLatin1;
  }
  return Fail(ErrorCode::kInvalidArgument, Msg("core.unknown_encoding", VisibleControls(name)));
}

size_t FirstInvalidUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const size_t length = Utf8SequenceAt(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

std::string Windows1252ToUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    AppendUtf8(out, b >= 0x80 && b < 0xA0 ? kWindows1252High[b - 0x80] : b);
  }
  return out;
}

std::string Latin1ToUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char c : bytes) AppendUtf8(out, static_cast<unsigned char>(c));
  return out;
}

std::optional<std::string> DecodeCsvText(std::string bytes, TextEncoding encoding,
                                         const std::string& file, Diagnostics& out) {
  switch (encoding) {
    case TextEncoding::kWindows1252:
      return Windows1252ToUtf8(bytes);
    case TextEncoding::kLatin1:
      return Latin1ToUtf8(bytes);
    case TextEncoding::kAuto:
    case TextEncoding::kUtf8:
      break;
  }
  const size_t bad = FirstInvalidUtf8(bytes);
  if (bad == std::string_view::npos) return bytes;
  const std::string_view text(bytes);
  const int line =
      1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(bad), '\n'));
  if (encoding == TextEncoding::kUtf8) {
    const auto byte = static_cast<unsigned char>(bytes[bad]);
    std::string shown;
    AppendEscape(shown, "\\x", byte);
    out.Add({Severity::kError, file, line, "", "", "", ColumnAt(text, bad),
             Msg("core.not_utf8", shown)});
    return std::nullopt;
  }
  out.Add({Severity::kWarning, file, line, "", "", "", "", Msg("core.read_as_windows_1252")});
  return Windows1252ToUtf8(bytes);
}

std::string VisibleControls(std::string_view text, bool keep_newlines, bool keep_colors) {
  static constexpr std::string_view kColors[] = {"\x1b[0m", "\x1b[2m", "\x1b[31m", "\x1b[32m",
                                                 "\x1b[33m"};
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0x1B && keep_colors) {
      const std::string_view rest = text.substr(i);
      const auto color = std::find_if(std::begin(kColors), std::end(kColors),
                                      [&rest](std::string_view k) { return rest.starts_with(k); });
      if (color != std::end(kColors)) {
        out += *color;
        i += color->size();
        continue;
      }
    }
    if (c == 0x7F) {
      AppendEscape(out, "\\u00", c);
      ++i;
      continue;
    }
    if (c < 0x20) {
      if (c == '\t' || (c == '\n' && keep_newlines)) {
        out += static_cast<char>(c);
      } else {
        AppendEscape(out, "\\x", c);
      }
      ++i;
      continue;
    }
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    const size_t length = Utf8SequenceAt(text, i);
    if (length == 0) {
      AppendEscape(out, "\\x", c);
      ++i;
    } else if (length == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      AppendEscape(out, "\\u00", static_cast<unsigned char>(text[i + 1]));  // a C1 control
      i += 2;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
  }
  return out;
}

}  // namespace addio
