// Text as addio reads and prints it: UTF-8 inside, other encodings only at the edge where
// a CSV file is read (spreadsheets in Italy save Windows-1252), and never a control
// character printed raw to a terminal (an escape sequence in a client's name could move the
// cursor, rewrite the screen or set the window title).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/result.h"

namespace addio {

// How the bytes of a CSV file are read (`addio import --encoding`).
enum class TextEncoding {
  kAuto,         // UTF-8 when the file is valid UTF-8, else Windows-1252 with a warning
  kUtf8,         // UTF-8; an invalid byte is an error
  kWindows1252,  // Windows-1252 (Excel's "CSV" in western Europe)
  kLatin1,       // ISO-8859-1
};

// "utf-8" (also "utf8"), "windows-1252" ("cp1252"), "latin-1" ("latin1", "iso-8859-1"),
// "auto"; case-insensitive. Error kInvalidArgument (core.unknown_encoding) naming the
// accepted names.
Result<TextEncoding> ParseTextEncoding(std::string_view name);

// The offset of the first byte of `text` that is not part of valid UTF-8 (overlong forms,
// surrogates and code points beyond U+10FFFF are invalid), or npos when all of it is.
size_t FirstInvalidUtf8(std::string_view text);
inline bool IsValidUtf8(std::string_view text) {
  return FirstInvalidUtf8(text) == std::string_view::npos;
}

// `bytes` read as Windows-1252 / ISO-8859-1, in UTF-8. The five bytes Windows-1252 leaves
// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become U+FFFD.
std::string Windows1252ToUtf8(std::string_view bytes);
std::string Latin1ToUtf8(std::string_view bytes);

// The text of the CSV file `file` (its bytes in `bytes`) in UTF-8, read as `encoding` says.
// kAuto: valid UTF-8 is returned as it is; anything else is read as Windows-1252 and a
// warning naming the file is added to `out`. kUtf8: an invalid byte is an error in `out`
// naming the file, the line and the field (the header's name of its column), and the
// result is nullopt.
std::optional<std::string> DecodeCsvText(std::string bytes, TextEncoding encoding,
                                         const std::string& file, Diagnostics& out);

// `text` safe to print on a terminal: C0 control characters (except a tab, and a newline
// when `keep_newlines`) are shown as "\x1b", DEL and the C1 controls (U+0080-U+009F) as
// "\u007f" or "\u009b" (which JSON reads as the same character), and bytes that are not
// UTF-8 as "\xff". Everything else passes unchanged. With `keep_colors`, the five colour
// sequences the table report writes (ESC[0m, ESC[2m, ESC[31m, ESC[32m, ESC[33m) pass
// too; they only change colours, never move the cursor or talk to the terminal.
std::string VisibleControls(std::string_view text, bool keep_newlines = false,
                            bool keep_colors = false);

}  // namespace addio
