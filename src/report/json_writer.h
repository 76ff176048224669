// A small streaming JSON writer with a fixed layout (two-space indentation, keys in the
// order written, numbers with at most 4 decimals), so that the same values always give
// the same bytes. Internal to report/.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/json_string.h"  // JsonQuote, the one JSON string escaper

namespace addio {

class JsonWriter {
 public:
  // pretty: newlines and two-space indentation; otherwise compact.
  explicit JsonWriter(bool pretty = true) : pretty_(pretty) {}

  // A writer of one value that a document written elsewhere holds `depth` containers
  // deep (a client of a streamed report): indented as it would be there, without the
  // separator and line break before it (the document's writer adds those) and without
  // the final newline of Take.
  static JsonWriter Nested(bool pretty, int depth);

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  // The key of the next value. REQUIRES: inside an object.
  void Key(std::string_view key);

  void String(std::string_view value);
  // Rounded half away from zero to 4 decimals, trailing zeros dropped: 0.4 -> 0.4,
  // 2/3 -> 0.6667, 12.0 -> 12. Non-finite values are written as null.
  void Number(double value);
  void Int(int64_t value);
  void Bool(bool value);
  void Null();

  // The document; the writer is left empty.
  std::string Take();

  // The text written so far, to send on while the document goes on: the writer keeps
  // its place (what follows is written as if the text were still there).
  std::string Flush();

 private:
  void BeforeValue();
  void Newline();

  struct Frame {
    bool object = false;
    int count = 0;
  };
  bool pretty_;
  bool nested_ = false;  // made by Nested
  bool after_key_ = false;
  std::vector<Frame> stack_;
  std::string out_;
};

// The JSON text of a number as JsonWriter::Number writes it.
std::string JsonNumber(double value);

}  // namespace addio
