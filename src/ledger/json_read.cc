// The reading half of the JSON form of `addio-ledger/1`. It never builds the whole
// document: JsonScanner walks the top level and each record array, and every record (a
// few hundred bytes) is parsed on its own by simdjson, so memory stays near the size of
// the mapped file and each problem keeps its exact JSON path. Each record object becomes
// a FieldSet for FieldReader (field_reader.cc); the workspace block is read by
// json_workspace.cc. Also the canonical text of a JSON object, which both forms write.
#include <simdjson.h>

#include <array>
#include <cmath>

#include "ledger/format_internal.h"
#include "ledger/json_scanner.h"

namespace addio::format_internal {
namespace {

namespace dom = simdjson::dom;

// The fields of one record object as raw values, for FieldReader.
void FillFields(dom::object object, FieldSet& set) {
  for (dom::key_value_pair member : object) {
    RawField& field = set.fields.emplace_back();
    field.name = member.key;
    const dom::element value = member.value;
    switch (value.type()) {
      case dom::element_type::STRING:
        field.type = RawField::Type::kString;
        field.text = value.get_string().value_unsafe();
        break;
      case dom::element_type::INT64:
        field.type = RawField::Type::kNumber;
        field.integer = value.get_int64().value_unsafe();
        field.number = static_cast<double>(field.integer);
        field.integral = true;
        break;
      case dom::element_type::UINT64:
        field.type = RawField::Type::kNumber;
        field.number = static_cast<double>(value.get_uint64().value_unsafe());
        break;
      case dom::element_type::DOUBLE:
        field.type = RawField::Type::kNumber;
        field.number = value.get_double().value_unsafe();
        // 120.0 is a whole number too.
        field.integral = std::trunc(field.number) == field.number && std::fabs(field.number) < 9e15;
        field.integer = field.integral ? static_cast<int64_t>(field.number) : 0;
        break;
      case dom::element_type::BOOL:
        field.type = RawField::Type::kBool;
        field.boolean = value.get_bool().value_unsafe();
        break;
      case dom::element_type::NULL_VALUE:
        field.type = RawField::Type::kNull;
        break;
      case dom::element_type::ARRAY: {
        field.type = RawField::Type::kArray;
        field.items_begin = static_cast<uint32_t>(set.items.size());
        int index = 0;
        dom::array array;
        if (value.get_array().get(array)) break;  // cannot happen: the type says array
        for (dom::element item : array) {
          std::string_view text;
          if (item.get_string().get(text)) {
            if (field.bad_item < 0) field.bad_item = index;
          } else {
            set.items.push_back(text);
          }
          ++index;
        }
        field.items_count = static_cast<uint32_t>(set.items.size()) - field.items_begin;
        break;
      }
      case dom::element_type::OBJECT:
        field.type = RawField::Type::kObject;
        field.text = set.owned.emplace_back(simdjson::minify(value));
        break;
    }
  }
}

// Reads the JSON form: the top level by scanning, each value below it with simdjson.
class JsonLedgerReader {
 public:
  JsonLedgerReader(std::string_view text, const std::string& file, ReadResult& result,
                   ReadContext& context)
      : text_(text), file_(file), result_(result), context_(context), scanner_(text) {}

  void Read() {
    if (text_.starts_with("\xEF\xBB\xBF")) {
      for (int i = 0; i < 3; ++i) scanner_.Advance();
    }
    scanner_.SkipSpace();
    if (scanner_.AtEnd()) return FileError("the file is empty; expected a ledger in JSON");
    if (scanner_.Peek() != '{') return SyntaxError("expected '{' at the start of the ledger");
    scanner_.Advance();
    bool format_seen = false, workspace_seen = false;
    // Record arrays met before the workspace wait for it: their instants and amounts are
    // read in its time zone and currency.
    struct Waiting {
      int type;
      std::string_view span;
      int line;
    };
    std::vector<Waiting> waiting;
    std::array<bool, kRecordTypes> seen{};
    scanner_.SkipSpace();
    if (scanner_.Peek() == '}') {
      scanner_.Advance();
    } else {
      while (true) {
        scanner_.SkipSpace();
        if (scanner_.Peek() != '"') return SyntaxError("expected a key in double quotes");
        std::string key;
        if (!ReadKey(key)) return;
        scanner_.SkipSpace();
        if (scanner_.Peek() != ':') return SyntaxError("expected ':' after the key");
        scanner_.Advance();
        scanner_.SkipSpace();
        const int line = scanner_.line();
        int type = 0;
        while (type < kRecordTypes && key != kRecordTypeNames[type].array) ++type;
        std::string_view span;
        if (type < kRecordTypes) {
          if (seen[type]) Error(line, "$." + key, "", "the key appears more than once");
          seen[type] = true;
          if (workspace_seen) {
            if (!ReadRecords(type)) return;
          } else {
            if (!SkipValue(span)) return;
            waiting.push_back({type, span, line});  // read again after the workspace
          }
        } else {
          if (!SkipValue(span)) return;
          if (key == "format") {
            format_seen = true;
            ReadFormat(span, line);
          } else if (key == "workspace") {
            workspace_seen = true;
            ReadWorkspace(span, line);
          } else {
            Diagnostic d = At(line, "$." + key, "");
            d.severity = Severity::kWarning;
            d.message = "unknown field, ignored";
            context_.Add(std::move(d));
          }
        }
        scanner_.SkipSpace();
        if (scanner_.Peek() == ',') {
          scanner_.Advance();
          continue;
        }
        if (scanner_.Peek() == '}') {
          scanner_.Advance();
          break;
        }
        return SyntaxError(scanner_.AtEnd() ? "unexpected end of the text: expected '}'"
                                            : "expected ',' or '}'");
      }
    }
    scanner_.SkipSpace();
    if (!scanner_.AtEnd()) return SyntaxError("unexpected text after the end of the ledger");
    if (!format_seen) {
      Error(1, "$", "", std::string("missing \"format\": expected \"") + kLedgerFormat + "\"");
    }
    for (const Waiting& array : waiting) {
      JsonScanner again(array.span);  // grammar already checked: no syntax error can follow
      ReadRecords(array.type, again, array.line);
    }
  }

 private:
  Diagnostic At(int line, std::string path, const char* record_type) const {
    Diagnostic d;
    d.file = file_;
    d.line = line;
    d.path = std::move(path);
    d.record_type = record_type;
    return d;
  }
  void Error(int line, std::string path, const char* record_type, std::string message) {
    Diagnostic d = At(line, std::move(path), record_type);
    d.message = std::move(message);
    context_.Add(std::move(d));
  }
  void FileError(std::string message) { Error(0, "", "", std::move(message)); }
  void SyntaxError(const std::string& message) {
    Error(scanner_.line(), "", "", "JSON syntax error at " + scanner_.Where() + ": " + message);
  }

  bool SkipValue(std::string_view& span) {
    if (scanner_.SkipValue(span)) return true;
    SyntaxError(scanner_.error());
    return false;
  }

  bool ReadKey(std::string& key) {
    const size_t begin = scanner_.pos();
    if (!scanner_.SkipString()) {
      SyntaxError(scanner_.error());
      return false;
    }
    std::string_view quoted = text_.substr(begin, scanner_.pos() - begin);
    if (quoted.find('\\') == std::string_view::npos) {
      key.assign(quoted.substr(1, quoted.size() - 2));
    } else {
      dom::element element;
      std::string_view unescaped;
      if (!Parse(quoted, element) && !element.get_string().get(unescaped)) key.assign(unescaped);
    }
    return true;
  }

  // Parses one value; false (without reporting) when simdjson refuses it. The scanner has
  // checked the grammar already, so what is left is invalid UTF-8 or numbers out of range.
  simdjson::error_code Parse(std::string_view span, dom::element& element) {
    buffer_.assign(span);
    buffer_.append(simdjson::SIMDJSON_PADDING, '\0');
    return parser_.parse(buffer_.data(), span.size(), false).get(element);
  }

  void ReadFormat(std::string_view span, int line) {
    dom::element element;
    std::string_view format;
    if (Parse(span, element) || element.get_string().get(format) || format != kLedgerFormat) {
      Error(line, "$.format", "",
            "this is no addio ledger of this version: expected \"" + std::string(kLedgerFormat) +
                "\", found " + std::string(span.substr(0, 40)));
    }
  }

  void ReadWorkspace(std::string_view span, int line) {
    ReadWorkspaceBlock(span, line, file_, context_, result_);
  }

  bool ReadRecords(int type) { return ReadRecords(type, scanner_, 1); }

  // Reads the array of record type `type` at the position of `scanner` (whose lines count
  // from `first_line`). False on a syntax error, which ends the reading.
  bool ReadRecords(int type, JsonScanner& scanner, int first_line) {
    bool ok = true;
    ForEachRecordType([&](auto tag) {
      using R = typename decltype(tag)::type;
      if (RecordTraits<R>::kIndex == type) ok = ReadArray<R>(scanner, first_line);
    });
    return ok;
  }

  template <typename R>
  bool ReadArray(JsonScanner& scanner, int first_line) {
    const RecordTypeNames& names = kRecordTypeNames[RecordTraits<R>::kIndex];
    const std::string array_path = std::string("$.") + names.array;
    auto line = [&] { return scanner.line() + first_line - 1; };
    // Only the document's own scanner can meet a syntax error: an array read again after
    // the workspace was checked when it was first skipped.
    auto syntax = [&](const JsonScanner& at, const std::string& message) {
      Error(at.line() + first_line - 1, "", "",
            "JSON syntax error at " + at.Where() + ": " + message);
      return false;
    };
    std::string_view span;
    if (scanner.Peek() != '[') {
      const int at = line();
      if (!scanner.SkipValue(span)) return syntax(scanner, scanner.error());
      if (span != "null") {
        Error(at, array_path, "", std::string("expected an array of ") + names.type + " records");
      }
      return true;
    }
    std::vector<R>& records = result_.ledger.*RecordTraits<R>::kMember;
    std::vector<RecordLocation>& locations = result_.source.locations[names.type];
    scanner.Advance();
    scanner.SkipSpace();
    if (scanner.Peek() == ']') {
      scanner.Advance();
      return true;
    }
    for (size_t index = 0;; ++index) {
      scanner.SkipSpace();
      RecordLocation where{file_, line(), array_path + "[" + std::to_string(index) + "]"};
      const JsonScanner at_record = scanner;
      const bool bracketed = scanner.Peek() == '{' || scanner.Peek() == '[';
      if (!(bracketed ? scanner.SkipBrackets(span) : scanner.SkipValue(span))) {
        JsonScanner check = at_record;  // find the first error from the record on
        check.SkipValue(span);
        return syntax(check, check.error());
      }
      dom::element element;
      dom::object object;
      if (auto error = Parse(span, element)) {
        JsonScanner check = at_record;
        if (!check.SkipValue(span)) {
          // Balanced brackets but broken grammar: say where, and go on with the next record.
          Error(check.line() + first_line - 1, where.path, names.type,
                "JSON syntax error at " + check.Where() + ": " + check.error());
        } else {
          Error(where.line, where.path, names.type, simdjson::error_message(error));
        }
      } else if (element.get_object().get(object)) {
        Error(where.line, where.path, names.type, "expected an object {...}");
      } else {
        fields_.Clear();
        FillFields(object, fields_);
        R record;
        FieldReader reader(context_, names.type, fields_, where);
        VisitFields(reader, record);
        reader.Finish();
        records.push_back(std::move(record));
        locations.push_back(std::move(where));
      }
      scanner.SkipSpace();
      if (scanner.Peek() == ',') {
        scanner.Advance();
        continue;
      }
      if (scanner.Peek() == ']') {
        scanner.Advance();
        return true;
      }
      return syntax(scanner, scanner.AtEnd() ? "unexpected end of the text: expected ']'"
                                             : "expected ',' or ']' after a record");
    }
  }

  std::string_view text_;
  const std::string& file_;
  ReadResult& result_;
  ReadContext& context_;
  JsonScanner scanner_;
  dom::parser parser_;
  std::string buffer_;
  FieldSet fields_;
};

}  // namespace

void ParseJsonLedger(std::string_view text, const std::string& file, ReadResult& result) {
  ReadContext context(result.diagnostics);
  context.UseWorkspace(result.ledger.workspace);
  JsonLedgerReader(text, file, result, context).Read();
  context.Flush();
}

bool CanonicalJsonObject(std::string_view text, std::string& out, std::string& error) {
  thread_local dom::parser parser;
  dom::element element;
  if (auto parse_error = parser.parse(text.data(), text.size(), true).get(element)) {
    JsonScanner scanner(text);
    std::string_view span;
    scanner.SkipSpace();
    const bool value_ok = scanner.SkipValue(span);
    if (value_ok) scanner.SkipSpace();
    if (value_ok && !scanner.AtEnd()) scanner.Fail("unexpected text after the JSON value");
    error = value_ok && scanner.AtEnd()
                ? simdjson::error_message(parse_error)
                : scanner.error() + " at byte " + std::to_string(scanner.pos());
    return false;
  }
  if (element.type() != dom::element_type::OBJECT) {
    error = "the text is JSON but not an object {...}";
    return false;
  }
  out = simdjson::minify(element);
  return true;
}

}  // namespace addio::format_internal
