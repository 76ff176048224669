// A walker over JSON text that checks the grammar without building anything: it finds
// where each value starts and ends and counts lines as it goes. The JSON form of the
// ledger (json_read.cc) walks the top level of a document with it and hands each record
// to simdjson alone, so that memory does not grow with the document and every syntax
// error is located by line, column and byte.
#pragma once

#include <cctype>
#include <string>
#include <string_view>

#include "core/catalogue.h"

namespace addio::format_internal {

// Walks the document without building it: checks the JSON grammar while finding where
// each value starts and ends, and counts lines, so that each record can be handed to
// simdjson alone and every problem located by line and column.
class JsonScanner {
 public:
  explicit JsonScanner(std::string_view text) : text_(text) {}

  size_t pos() const { return pos_; }
  int line() const { return line_; }
  int column() const { return static_cast<int>(pos_ - line_start_) + 1; }
  char Peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  bool AtEnd() const { return pos_ >= text_.size(); }
  void Advance() { ++pos_; }
  // What the last failure was, a plain ledger.json.* entry ("ledger.json.unterminated_string")
  // or ledger.json.unexpected_char with the character.
  Message error() const {
    if (unexpected_ != '\0') return Msg("ledger.json.unexpected_char", std::string(1, unexpected_));
    return Msg(error_key_);
  }
  // "JSON syntax error at line 3, column 17 (byte 85): <the last failure>", the line counted
  // from the start of this scanner's text.
  Message SyntaxError() const {
    if (unexpected_ != '\0') {
      return Msg("ledger.json.syntax_error_unexpected", line_, column(), pos_,
                 std::string(1, unexpected_));
    }
    return Msg("ledger.json.syntax_error", line_, column(), pos_, Arg::Key(error_key_));
  }
  // The last failure as a note after another message: ": <failure> at byte 85".
  Message ErrorAtByteNote() const {
    if (unexpected_ != '\0') {
      return Msg("ledger.json.note_unexpected_at_byte", std::string(1, unexpected_), pos_);
    }
    return Msg("ledger.json.note_at_byte", Arg::Key(error_key_), pos_);
  }

  void SkipSpace() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '\n') {
        ++line_;
        line_start_ = pos_ + 1;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        break;
      }
      ++pos_;
    }
  }

  // Skips the value at the current position into `span`, checking its grammar. False on
  // a syntax error, with the position left at the error and error() saying what.
  bool SkipValue(std::string_view& span) {
    const size_t begin = pos_;
    if (!Value(0)) return false;
    span = text_.substr(begin, pos_ - begin);
    return true;
  }

  // Skips the object or array at the current position by matching brackets outside
  // strings, without checking the grammar: the fast path for records, which simdjson
  // checks anyway. False when the text ends before the brackets close.
  bool SkipBrackets(std::string_view& span) {
    const char* text = text_.data();
    const size_t size = text_.size();
    size_t p = pos_;
    int depth = 0;
    while (p < size) {
      const char c = text[p];
      if (c == '"') {
        for (++p; p < size && text[p] != '"'; ++p) {
          if (text[p] == '\\') {
            ++p;
          } else if (text[p] == '\n') {  // invalid, but keeps the line count right
            ++line_;
            line_start_ = p + 1;
          }
        }
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        if (--depth == 0) {
          span = text_.substr(pos_, p + 1 - pos_);
          pos_ = p + 1;
          return true;
        }
      } else if (c == '\n') {
        ++line_;
        line_start_ = p + 1;
      }
      ++p;
    }
    return false;
  }

  // Skips a string at the current position (which holds its opening quote).
  bool SkipString() {
    ++pos_;
    while (pos_ < text_.size()) {
      const auto c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c < 0x20) return Fail("ledger.json.control_in_string");
      if (c == '\\') {
        const char e = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
        if (e == 'u') {
          for (size_t i = 2; i < 6; ++i) {
            if (pos_ + i >= text_.size() ||
                !std::isxdigit(static_cast<unsigned char>(text_[pos_ + i]))) {
              return Fail("ledger.json.bad_u_escape");
            }
          }
          pos_ += 6;
          continue;
        }
        if (e == '\0' || std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
          return Fail("ledger.json.bad_escape");
        }
        pos_ += 2;
        continue;
      }
      ++pos_;
    }
    return Fail("ledger.json.unterminated_string");
  }

  // Records the failure `key`, a plain ledger.json.* entry; always false.
  bool Fail(const char* key) {
    error_key_ = key;
    unexpected_ = '\0';
    return false;
  }

 private:
  bool Value(int depth) {
    if (depth > 256) return Fail("ledger.json.too_deep");
    const char c = Peek();
    if (c == '{' || c == '[') return Container(depth, c == '{');
    if (c == '"') return SkipString();
    if (c == 't') return Literal("true");
    if (c == 'f') return Literal("false");
    if (c == 'n') return Literal("null");
    if (c == '-' || (c >= '0' && c <= '9')) return Number();
    if (AtEnd()) return Fail("ledger.json.end_expected_value");
    Fail("ledger.json.unexpected_char");
    unexpected_ = c;
    return false;
  }

  bool Container(int depth, bool object) {
    const char close = object ? '}' : ']';
    ++pos_;
    SkipSpace();
    if (Peek() == close) {
      ++pos_;
      return true;
    }
    while (true) {
      SkipSpace();
      if (object) {
        if (Peek() != '"') return Fail("ledger.json.expected_key");
        if (!SkipString()) return false;
        SkipSpace();
        if (Peek() != ':') return Fail("ledger.json.expected_colon");
        ++pos_;
        SkipSpace();
      }
      if (!Value(depth + 1)) return false;
      SkipSpace();
      if (Peek() == ',') {
        ++pos_;
        continue;
      }
      if (Peek() == close) {
        ++pos_;
        return true;
      }
      if (AtEnd()) {
        return Fail(object ? "ledger.json.end_expected_brace" : "ledger.json.end_expected_bracket");
      }
      return Fail(object ? "ledger.json.expected_comma_brace"
                         : "ledger.json.expected_comma_bracket");
    }
  }

  bool Literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return Fail("ledger.json.bad_literal");
    pos_ += word.size();
    return true;
  }

  bool Number() {
    auto digits = [this] {
      const size_t start = pos_;
      while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
      return pos_ > start;
    };
    if (Peek() == '-') ++pos_;
    if (Peek() == '0') {
      ++pos_;
    } else if (!digits()) {
      return Fail("ledger.json.bad_number");
    }
    if (Peek() == '.') {
      ++pos_;
      if (!digits()) return Fail("ledger.json.bad_number_fraction");
    }
    if (Peek() == 'e' || Peek() == 'E') {
      ++pos_;
      if (Peek() == '+' || Peek() == '-') ++pos_;
      if (!digits()) return Fail("ledger.json.bad_number_exponent");
    }
    return true;
  }

  std::string_view text_;
  size_t pos_ = 0;
  int line_ = 1;
  size_t line_start_ = 0;
  const char* error_key_ = "";
  char unexpected_ = '\0';  // the character of ledger.json.unexpected_char
};

}  // namespace addio::format_internal
