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
    if (scanner_.AtEnd()) return FileError(Msg("ledger.json.empty_file"));
    if (scanner_.Peek() != '{') return SyntaxError("ledger.json.expected_ledger_start");
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
        if (scanner_.Peek() != '"') return SyntaxError("ledger.json.expected_key");
        std::string key;
        if (!ReadKey(key)) return;
        scanner_.SkipSpace();
        if (scanner_.Peek() != ':') return SyntaxError("ledger.json.expected_colon");
        scanner_.Advance();
        scanner_.SkipSpace();
        const int line = scanner_.line();
        int type = 0;
        while (type < kRecordTypes && key != kRecordTypeNames[type].array) ++type;
        std::string_view span;
        if (type < kRecordTypes) {
          if (seen[type]) Error(line, "$." + key, "", Msg("ledger.json.key_repeated"));
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
            d.message = Msg("diag.unknown_field");
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
        return SyntaxError(scanner_.AtEnd() ? "ledger.json.end_expected_brace"
                                            : "ledger.json.expected_comma_brace");
      }
    }
    scanner_.SkipSpace();
    if (!scanner_.AtEnd()) return SyntaxError("ledger.json.text_after_ledger");
    if (!format_seen) Error(1, "$", "", Msg("ledger.json.missing_format", kLedgerFormat));
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
  void Error(int line, std::string path, const char* record_type, Message message) {
    Diagnostic d = At(line, std::move(path), record_type);
    d.message = std::move(message);
    context_.Add(std::move(d));
  }
  void FileError(Message message) { Error(0, "", "", std::move(message)); }
  // Reports the scanner's last failure as a syntax error where it stands.
  void SyntaxError() { Error(scanner_.line(), "", "", scanner_.SyntaxError()); }
  // Reports the failure `key` (a plain ledger.json.* entry) where the scanner stands.
  void SyntaxError(const char* key) {
    scanner_.Fail(key);
    SyntaxError();
  }

  bool SkipValue(std::string_view& span) {
    if (scanner_.SkipValue(span)) return true;
    SyntaxError();
    return false;
  }

  bool ReadKey(std::string& key) {
    const size_t begin = scanner_.pos();
    if (!scanner_.SkipString()) {
      SyntaxError();
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
    if (Parse(span, element) || element.get_string().get(format) || !IsLedgerFormat(format)) {
      Error(line, "$.format", "",
            Msg("ledger.json.wrong_format", kLedgerFormat, span.substr(0, 40)));
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
    auto syntax = [&](const JsonScanner& at) {
      Error(at.line() + first_line - 1, "", "", at.SyntaxError());
      return false;
    };
    std::string_view span;
    if (scanner.Peek() != '[') {
      const int at = line();
      if (!scanner.SkipValue(span)) return syntax(scanner);
      if (span != "null") {
        Error(at, array_path, "",
              Msg("ledger.json.expected_record_array", Arg::Key(RecordTypeKey(names.type))));
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
        return syntax(check);
      }
      dom::element element;
      dom::object object;
      if (auto error = Parse(span, element)) {
        JsonScanner check = at_record;
        if (!check.SkipValue(span)) {
          // Balanced brackets but broken grammar: say where, and go on with the next record.
          Error(check.line() + first_line - 1, where.path, names.type, check.SyntaxError());
        } else {
          Error(where.line, where.path, names.type, JsonParserProblem(error));
        }
      } else if (element.get_object().get(object)) {
        Error(where.line, where.path, names.type, Msg("ledger.json.expected_object"));
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
      scanner.Fail(scanner.AtEnd() ? "ledger.json.end_expected_bracket"
                                   : "ledger.json.expected_comma_after_record");
      return syntax(scanner);
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

Message JsonParserProblem(int code) {
  // The failures simdjson can report for text the scanner let through, in the catalogue's
  // words (the English is simdjson's own).
  switch (static_cast<simdjson::error_code>(code)) {
    case simdjson::CAPACITY:
      return Msg("ledger.json.parser.capacity");
    case simdjson::MEMALLOC:
      return Msg("ledger.json.parser.memalloc");
    case simdjson::TAPE_ERROR:
      return Msg("ledger.json.parser.structure");
    case simdjson::DEPTH_ERROR:
      return Msg("ledger.json.parser.depth");
    case simdjson::STRING_ERROR:
      return Msg("ledger.json.parser.string");
    case simdjson::T_ATOM_ERROR:
      return Msg("ledger.json.parser.t_atom");
    case simdjson::F_ATOM_ERROR:
      return Msg("ledger.json.parser.f_atom");
    case simdjson::N_ATOM_ERROR:
      return Msg("ledger.json.parser.n_atom");
    case simdjson::NUMBER_ERROR:
      return Msg("ledger.json.parser.number");
    case simdjson::UTF8_ERROR:
      return Msg("ledger.json.parser.utf8");
    case simdjson::EMPTY:
      return Msg("ledger.json.parser.empty");
    case simdjson::UNESCAPED_CHARS:
      return Msg("ledger.json.parser.unescaped");
    case simdjson::UNCLOSED_STRING:
      return Msg("ledger.json.parser.unclosed");
    case simdjson::NUMBER_OUT_OF_RANGE:
      return Msg("ledger.json.parser.number_range");
    default:
      return Msg("ledger.json.parser.other");
  }
}

bool CanonicalJsonObject(std::string_view text, std::string& out, Message& error) {
  thread_local dom::parser parser;
  dom::element element;
  if (auto parse_error = parser.parse(text.data(), text.size(), true).get(element)) {
    JsonScanner scanner(text);
    std::string_view span;
    scanner.SkipSpace();
    const bool value_ok = scanner.SkipValue(span);
    if (value_ok) scanner.SkipSpace();
    if (value_ok && !scanner.AtEnd()) scanner.Fail("ledger.json.text_after_value");
    error = value_ok && scanner.AtEnd()
                ? Msg("ledger.json.note", Arg::Key(JsonParserProblem(parse_error).key))
                : scanner.ErrorAtByteNote();
    return false;
  }
  if (element.type() != dom::element_type::OBJECT) {
    error = Msg("ledger.json.note_not_object");
    return false;
  }
  out = simdjson::minify(element);
  return true;
}

}  // namespace addio::format_internal
