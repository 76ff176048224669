#include "report/json_writer.h"

#include <cmath>
#include <cstdio>

namespace addio {

std::string JsonNumber(double value) {
  if (!std::isfinite(value)) return "null";
  // Round in decimal first so that the printed digits never depend on the platform's
  // handling of the 5th decimal.
  const double rounded = std::round(value * 10000.0) / 10000.0;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.4f", rounded);
  std::string text = buffer;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  if (text == "-0") text = "0";
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
  out_ += JsonQuote(key);
  out_ += pretty_ ? ": " : ":";
  after_key_ = true;
}

void JsonWriter::String(std::string_view value) {
  BeforeValue();
  out_ += JsonQuote(value);
}

void JsonWriter::Number(double value) {
  BeforeValue();
  out_ += JsonNumber(value);
}

void JsonWriter::Int(int64_t value) {
  BeforeValue();
  out_ += std::to_string(value);
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
