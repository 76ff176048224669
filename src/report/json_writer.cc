#include "report/json_writer.h"

#include <charconv>
#include <cmath>
#include <string_view>

namespace addio {

namespace {

// Appends the JSON text of `value`: at most 4 decimals, rounded in decimal first so that
// the printed digits never depend on the platform's handling of the 5th decimal, without
// trailing zeros; "null" for what JSON cannot write. std::to_chars with a precision
// prints as printf's "%.4f" does, without the locale and the format string.
void AppendNumber(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  const double rounded = std::round(value * 10000.0) / 10000.0;
  char buffer[64];
  char* end =
      std::to_chars(buffer, buffer + sizeof buffer, rounded, std::chars_format::fixed, 4).ptr;
  while (end[-1] == '0') --end;
  if (end[-1] == '.') --end;
  const std::string_view text(buffer, static_cast<size_t>(end - buffer));
  out += text == "-0" ? "0" : text;
}

}  // namespace

std::string JsonNumber(double value) {
  std::string text;
  AppendNumber(text, value);
  return text;
}

void JsonWriter::Newline() {
  if (!pretty_) return;
  out_ += '\n';
  out_.append(2 * stack_.size(), ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  if (stack_.back().count++ > 0) out_ += ',';
  Newline();
}

void JsonWriter::BeginObject() {
  BeforeValue();
  out_ += '{';
  stack_.push_back({true, 0});
}

void JsonWriter::EndObject() {
  const bool empty = stack_.back().count == 0;
  stack_.pop_back();
  if (!empty) Newline();
  out_ += '}';
}

void JsonWriter::BeginArray() {
  BeforeValue();
  out_ += '[';
  stack_.push_back({false, 0});
}

void JsonWriter::EndArray() {
  const bool empty = stack_.back().count == 0;
  stack_.pop_back();
  if (!empty) Newline();
  out_ += ']';
}

void JsonWriter::Key(std::string_view key) {
  BeforeValue();
  AppendJsonString(out_, key);
  out_ += pretty_ ? ": " : ":";
  after_key_ = true;
}

void JsonWriter::String(std::string_view value) {
  BeforeValue();
  AppendJsonString(out_, value);
}

void JsonWriter::Number(double value) {
  BeforeValue();
  AppendNumber(out_, value);
}

void JsonWriter::Int(int64_t value) {
  BeforeValue();
  char buffer[24];
  out_.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  out_ += value ? "true" : "false";
}

void JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
}

JsonWriter JsonWriter::Nested(bool pretty, int depth) {
  JsonWriter json(pretty);
  json.nested_ = true;
  json.stack_.resize(static_cast<size_t>(depth));  // only their number matters: the indent
  json.after_key_ = true;                          // no separator before the value
  return json;
}

std::string JsonWriter::Take() {
  std::string out = std::move(out_);
  out_.clear();
  stack_.clear();
  after_key_ = false;
  if (pretty_ && !nested_) out += '\n';
  return out;
}

std::string JsonWriter::Flush() {
  std::string out = std::move(out_);
  out_.clear();
  return out;
}

}  // namespace addio
