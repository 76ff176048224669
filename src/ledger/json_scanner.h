// A walker over JSON text that checks the grammar without building anything: it finds
// where each value starts and ends and counts lines as it goes. The JSON form of the
// ledger (json_read.cc) walks the top level of a document with it and hands each record
// to simdjson alone, so that memory does not grow with the document and every syntax
// error is located by line, column and byte.
#pragma once

#include <cctype>
#include <string>
#include <string_view>

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
  const std::string& error() const { return error_; }
  // "line 3, column 17 (byte 85)": where the scanner stands.
  std::string Where() const {
    return "line " + std::to_string(line_) + ", column " + std::to_string(column()) + " (byte " +
           std::to_string(pos_) + ")";
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
      if (c < 0x20) return Fail("control character inside a string (write \\n for a line break)");
      if (c == '\\') {
        const char e = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
        if (e == 'u') {
          for (size_t i = 2; i < 6; ++i) {
            if (pos_ + i >= text_.size() ||
                !std::isxdigit(static_cast<unsigned char>(text_[pos_ + i]))) {
              return Fail("invalid \\u escape: expected 4 hexadecimal digits");
            }
          }
          pos_ += 6;
          continue;
        }
        if (e == '\0' || std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
          return Fail("invalid escape in a string");
        }
        pos_ += 2;
        continue;
      }
      ++pos_;
    }
    return Fail("unterminated string");
  }

  bool Fail(std::string message) {
    error_ = std::move(message);
    return false;
  }

 private:
  bool Value(int depth) {
    if (depth > 256) return Fail("nesting too deep");
    const char c = Peek();
    if (c == '{' || c == '[') return Container(depth, c == '{');
    if (c == '"') return SkipString();
    if (c == 't') return Literal("true");
    if (c == 'f') return Literal("false");
    if (c == 'n') return Literal("null");
    if (c == '-' || (c >= '0' && c <= '9')) return Number();
    if (AtEnd()) return Fail("unexpected end of the text: expected a value");
    return Fail(std::string("unexpected '") + c + "': expected a value");
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
        if (Peek() != '"') return Fail("expected a key in double quotes");
        if (!SkipString()) return false;
        SkipSpace();
        if (Peek() != ':') return Fail("expected ':' after the key");
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
      if (AtEnd()) return Fail(std::string("unexpected end of the text: expected '") + close + "'");
      return Fail(object ? "expected ',' or '}'" : "expected ',' or ']'");
    }
  }

  bool Literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return Fail("invalid literal: expected a value");
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
      return Fail("invalid number");
    }
    if (Peek() == '.') {
      ++pos_;
      if (!digits()) return Fail("invalid number: expected digits after '.'");
    }
    if (Peek() == 'e' || Peek() == 'E') {
      ++pos_;
      if (Peek() == '+' || Peek() == '-') ++pos_;
      if (!digits()) return Fail("invalid number: expected digits in the exponent");
    }
    return true;
  }

  std::string_view text_;
  size_t pos_ = 0;
  int line_ = 1;
  size_t line_start_ = 0;
  std::string error_;
};

}  // namespace addio::format_internal
