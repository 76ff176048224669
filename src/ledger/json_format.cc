// The JSON form of `addio-ledger/1`. Writing is by hand (fast and byte-deterministic).
// Reading never builds the whole document: a scanner walks the top level and each record
// array, and every record (a few hundred bytes) is parsed on its own by simdjson, so memory
// stays near the size of the mapped file and each problem keeps its exact JSON path.
#include <simdjson.h>

#include <cmath>

#include "ledger/format_internal.h"
#include "ledger/json_scanner.h"

namespace addio::format_internal {
namespace {

namespace dom = simdjson::dom;

// ---- Writing -------------------------------------------------------------------------

// An archive for VisitFields writing one record as one JSON object.
class JsonFieldWriter {
 public:
  JsonFieldWriter(std::string& out, const TimeZone& zone) : out_(out), zone_(zone) {}

  void Id(const char* name, const std::string& value) { Text(name, value); }
  void Text(const char* name, const std::string& value) {
    Key(name);
    AppendJsonString(out_, value);
  }
  void OptText(const char* name, const std::string& value) {
    if (!value.empty()) Text(name, value);
  }
  template <typename E>
  void Enum(const char* name, E value) {
    Key(name);
    out_ += '"';
    out_ += addio::Name(value);
    out_ += '"';
  }
  void Date(const char* name, CivilDate value) {
    Key(name);
    out_ += '"';
    AppendDate(out_, value);
    out_ += '"';
  }
  void OptDate(const char* name, const std::optional<CivilDate>& value) {
    if (value) Date(name, *value);
  }
  void Moment(const char* name, Instant value) {
    Key(name);
    out_ += '"';
    AppendInstant(out_, value, zone_);
    out_ += '"';
  }
  void OptMoment(const char* name, const std::optional<Instant>& value) {
    if (value) Moment(name, *value);
  }
  void Int(const char* name, int value, bool /*required*/) {
    Key(name);
    AppendInt(out_, value);
  }
  void OptInt(const char* name, const std::optional<int>& value) {
    if (value) Int(name, *value, false);
  }
  void OptNumber(const char* name, const std::optional<double>& value) {
    if (!value) return;
    Key(name);
    AppendNumber(out_, *value);
  }
  void Bool(const char* name, bool value) {
    Key(name);
    out_ += value ? "true" : "false";
  }
  void OptMoney(const char* name, const std::optional<Money>& value) {
    if (!value) return;
    Key(name);
    out_ += '"';
    AppendMoney(out_, *value);
    out_ += '"';
  }
  void Amount(const char* name, const char* currency_name, const Money& value) {
    OptMoney(name, value);
    Key(currency_name);
    out_ += '"';
    out_ += value.currency().code();
    out_ += '"';
  }
  void List(const char* name, const std::vector<std::string>& value) {
    if (value.empty()) return;
    Key(name);
    out_ += '[';
    for (size_t i = 0; i < value.size(); ++i) {
      if (i > 0) out_ += ", ";
      AppendJsonString(out_, value[i]);
    }
    out_ += ']';
  }
  void Object(const char* name, const std::string& value) {
    if (value.empty()) return;
    Key(name);
    // Text that is no JSON object is written as a string, so that the output stays valid
    // JSON (Validate reports it).
    std::string canonical, error;
    if (CanonicalJsonObject(value, canonical, error)) {
      out_ += canonical;
    } else {
      AppendJsonString(out_, value);
    }
  }

 private:
  void Key(const char* name) {
    out_ += first_ ? "{\"" : ", \"";
    first_ = false;
    out_ += name;
    out_ += "\": ";
  }

  std::string& out_;
  const TimeZone& zone_;
  bool first_ = true;
};

void AppendMinutes(std::string& out, int minutes) {
  out += static_cast<char>('0' + minutes / 600);
  out += static_cast<char>('0' + minutes / 60 % 10);
  out += ':';
  out += static_cast<char>('0' + minutes % 60 / 10);
  out += static_cast<char>('0' + minutes % 10);
}

template <typename T, typename F>
void AppendJsonArray(std::string& out, const std::vector<T>& items, F&& append_item) {
  out += '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    append_item(items[i]);
  }
  out += ']';
}

// The workspace members, one per line at `indent`, separated by ",\n", no final line end.
void AppendWorkspaceMembers(std::string& out, const Workspace& w, std::string_view indent) {
  auto key = [&out, indent](const char* name, bool first = false) {
    if (!first) out += ",\n";
    out.append(indent);
    out += '"';
    out += name;
    out += "\": ";
  };
  key("name", true);
  AppendJsonString(out, w.name);
  key("currency");
  AppendJsonString(out, w.currency.code());
  key("timezone");
  AppendJsonString(out, w.timezone);
  key("working_hours");
  out += '{';
  for (int day = 0; day < 7; ++day) {
    if (day > 0) out += ", ";
    out += '"';
    out += WeekdayKey(day);
    out += "\": ";
    AppendJsonArray(out, w.working_hours[day], [&out](const MinuteInterval& interval) {
      out += '"';
      AppendMinutes(out, interval.start);
      out += '-';
      AppendMinutes(out, interval.end);
      out += '"';
    });
  }
  out += '}';
  if (!w.holidays.empty()) {
    key("holidays");
    AppendJsonArray(out, w.holidays, [&out](CivilDate date) {
      out += '"';
      AppendDate(out, date);
      out += '"';
    });
  }
  if (w.target_hourly_rate) {
    key("target_hourly_rate");
    out += '"';
    AppendMoney(out, *w.target_hourly_rate);
    out += '"';
  }
  if (!w.fx.empty()) {
    key("fx");
    AppendJsonArray(out, w.fx, [&out](const FxRate& rate) {
      out += "{\"currency\": ";
      AppendJsonString(out, rate.currency.code());
      out += ", \"per_unit\": ";
      AppendJsonString(out, rate.per_unit.ToString());
      out += '}';
    });
  }
  if (!w.owner_emails.empty()) {
    key("owner_emails");
    AppendJsonArray(out, w.owner_emails,
                    [&out](const std::string& email) { AppendJsonString(out, email); });
  }
  if (!w.settings.empty()) {
    key("settings");
    out += '{';
    bool first = true;
    for (const auto& [name, value] : w.settings) {
      if (!first) out += ", ";
      first = false;
      AppendJsonString(out, name);
      out += ": ";
      AppendNumber(out, value);
    }
    out += '}';
  }
}

}  // namespace

void AppendJsonHead(std::string& out, const Workspace& workspace) {
  out += "{\n  \"format\": \"";
  out += kLedgerFormat;
  out += "\",\n  \"workspace\": {\n";
  AppendWorkspaceMembers(out, workspace, "    ");
  out += "\n  }";
}

void AppendJsonArrayStart(std::string& out, int type, bool empty) {
  out += ",\n  \"";
  out += kRecordTypeNames[type].array;
  out += empty ? "\": [" : "\": [\n";
}

void AppendJsonArrayEnd(std::string& out, bool empty) { out += empty ? "]" : "\n  ]"; }

void AppendJsonTail(std::string& out) { out += "\n}\n"; }

template <typename R>
void AppendJsonRecord(std::string& out, const R& record, const TimeZone& zone) {
  out += "    ";
  JsonFieldWriter writer(out, zone);
  VisitFields(writer, record);
  out += '}';
}

template void AppendJsonRecord(std::string&, const Client&, const TimeZone&);
template void AppendJsonRecord(std::string&, const Contract&, const TimeZone&);
template void AppendJsonRecord(std::string&, const Project&, const TimeZone&);
template void AppendJsonRecord(std::string&, const Request&, const TimeZone&);
template void AppendJsonRecord(std::string&, const WorkEntry&, const TimeZone&);
template void AppendJsonRecord(std::string&, const Contact&, const TimeZone&);
template void AppendJsonRecord(std::string&, const Invoice&, const TimeZone&);
template void AppendJsonRecord(std::string&, const Payment&, const TimeZone&);
template void AppendJsonRecord(std::string&, const RateChange&, const TimeZone&);

void AppendWorkspaceFile(std::string& out, const Workspace& workspace) {
  out += "{\n  \"format\": \"";
  out += kLedgerFormat;
  out += "\",\n";
  AppendWorkspaceMembers(out, workspace, "  ");
  out += "\n}\n";
}

// ---- Reading -------------------------------------------------------------------------

namespace {

// Reads the members of a workspace object (the "workspace" block of the document, or
// workspace.json of the CSV form, where "format" sits beside them).
class WorkspaceReader {
 public:
  WorkspaceReader(ReadContext& context, const RecordLocation& where, bool with_format)
      : context_(context), where_(where), with_format_(with_format) {}

  void Read(dom::object object, Workspace& w) {
    bool format_seen = false;
    std::optional<dom::element> target;
    for (dom::key_value_pair member : object) {
      const std::string_view key = member.key;
      const dom::element value = member.value;
      if (key == "format" && with_format_) {
        format_seen = true;
        std::string_view format;
        if (value.get_string().get(format) || format != kLedgerFormat) {
          Error(key, std::string("expected \"") + kLedgerFormat + "\"");
        }
        continue;
      }
      if (value.is_null()) continue;
      if (key == "name") {
        String(key, value, w.name);
      } else if (key == "currency") {
        std::string code;
        if (!String(key, value, code)) continue;
        if (Result<Currency> found = Currency::Find(code)) {
          w.currency = *found;
        } else {
          Error(key, found.error().message);
        }
      } else if (key == "timezone") {
        String(key, value, w.timezone);  // Validate checks that the zone exists
      } else if (key == "working_hours") {
        WorkingHoursOf(value, w.working_hours);
      } else if (key == "holidays") {
        HolidaysOf(value, w.holidays);
      } else if (key == "target_hourly_rate") {
        target = value;  // read once the currency is known, wherever it appears
      } else if (key == "fx") {
        FxOf(value, w.fx);
      } else if (key == "owner_emails") {
        StringsOf(key, value, w.owner_emails);
      } else if (key == "settings") {
        SettingsOf(value, w.settings);
      } else {
        Diagnostic d = At(key);
        d.severity = Severity::kWarning;
        d.message = "unknown field, ignored";
        context_.Add(std::move(d));
      }
    }
    if (target && target->type() == dom::element_type::STRING) {
      Result<Money> rate = Money::Parse(target->get_string().value_unsafe(), w.currency);
      if (rate) {
        w.target_hourly_rate = *rate;
      } else {
        Error("target_hourly_rate", rate.error().message + "; expected a decimal string in " +
                                        std::string(w.currency.code()));
      }
    } else if (target) {
      Error("target_hourly_rate", "expected a decimal string such as \"60.00\"");
    }
    if (with_format_ && !format_seen) {
      Error("format", std::string("missing: expected \"") + kLedgerFormat + "\"");
    }
  }

 private:
  Diagnostic At(std::string_view field, std::string_view suffix = {}) const {
    Diagnostic d;
    d.file = where_.file;
    d.line = where_.line;
    d.path = where_.path + "." + std::string(field) + std::string(suffix);
    d.record_type = "workspace";
    d.field = field;
    return d;
  }
  void Error(std::string_view field, std::string message, std::string_view suffix = {}) {
    Diagnostic d = At(field, suffix);
    d.message = std::move(message);
    context_.Add(std::move(d));
  }

  bool String(std::string_view key, dom::element value, std::string& out) {
    std::string_view text;
    if (value.get_string().get(text)) {
      Error(key, "expected a string");
      return false;
    }
    out.assign(text);
    return true;
  }

  // Calls item(index, element) for each element of an array; false when not an array.
  template <typename F>
  bool EachItem(std::string_view key, dom::element value, const char* expected, F&& item) {
    dom::array array;
    if (value.get_array().get(array)) {
      Error(key, std::string("expected ") + expected);
      return false;
    }
    size_t index = 0;
    for (dom::element element : array) item(index++, element);
    return true;
  }

  void StringsOf(std::string_view key, dom::element value, std::vector<std::string>& out) {
    EachItem(key, value, "an array of strings", [&](size_t i, dom::element item) {
      std::string_view text;
      if (item.get_string().get(text)) {
        Error(key, "expected a string", "[" + std::to_string(i) + "]");
      } else {
        out.emplace_back(text);
      }
    });
  }

  void HolidaysOf(dom::element value, std::vector<CivilDate>& out) {
    EachItem("holidays", value, "an array of dates YYYY-MM-DD", [&](size_t i, dom::element item) {
      std::string_view text;
      const std::string suffix = "[" + std::to_string(i) + "]";
      if (item.get_string().get(text))
        return Error("holidays", "expected a date YYYY-MM-DD", suffix);
      Result<CivilDate> date = CivilDate::Parse(text);
      if (!date) return Error("holidays", date.error().message, suffix);
      out.push_back(*date);
    });
    std::sort(out.begin(), out.end());
  }

  void WorkingHoursOf(dom::element value, WorkingHours& out) {
    dom::object days;
    if (value.get_object().get(days)) {
      return Error("working_hours", "expected an object such as {\"mon\": [\"09:00-13:00\"]}");
    }
    // A day the object leaves out has no working hours.
    out = WorkingHours{};
    for (dom::key_value_pair day : days) {
      int index = 0;
      while (index < 7 && day.key != WeekdayKey(index)) ++index;
      const std::string field = "working_hours." + std::string(day.key);
      if (index == 7) {
        Error("working_hours",
              "\"" + std::string(day.key) +
                  "\" is not a day; expected one of: mon, tue, wed, thu, fri, "
                  "sat, sun",
              "." + std::string(day.key));
        continue;
      }
      if (day.value.is_null()) continue;
      EachItem(field, day.value, "an array of intervals such as \"09:00-13:00\"",
               [&](size_t i, dom::element item) {
                 std::string_view text;
                 MinuteInterval interval;
                 if (item.get_string().get(text) || !ParseInterval(text, interval)) {
                   return Error(field, "expected an interval HH:MM-HH:MM such as \"09:00-13:00\"",
                                "[" + std::to_string(i) + "]");
                 }
                 out[index].push_back(interval);
               });
    }
  }

  static bool ParseInterval(std::string_view text, MinuteInterval& out) {
    auto clock = [text](size_t at) {
      auto digit = [text](size_t i) {
        return text[i] >= '0' && text[i] <= '9' ? text[i] - '0' : -100;
      };
      const int hours = digit(at) * 10 + digit(at + 1),
                minutes = digit(at + 3) * 10 + digit(at + 4);
      if (text[at + 2] != ':' || hours < 0 || hours > 24 || minutes < 0 || minutes > 59) return -1;
      const int value = hours * 60 + minutes;
      return value > 1440 ? -1 : value;
    };
    if (text.size() != 11 || text[5] != '-') return false;
    out.start = clock(0);
    out.end = clock(6);
    return out.start >= 0 && out.end >= 0;
  }

  void FxOf(dom::element value, std::vector<FxRate>& out) {
    EachItem("fx", value, "an array of {\"currency\", \"per_unit\"} objects",
             [&](size_t i, dom::element item) {
               const std::string at = "[" + std::to_string(i) + "]";
               dom::object rate;
               if (item.get_object().get(rate)) {
                 return Error("fx", "expected an object {\"currency\": ..., \"per_unit\": ...}",
                              at);
               }
               FxRate fx;
               bool ok = true;
               std::string_view code, per_unit;
               if (rate["currency"].get_string().get(code)) {
                 ok = false;
                 Error("fx", "missing or not a string: expected a currency code such as USD",
                       at + ".currency");
               } else if (Result<Currency> found = Currency::Find(code)) {
                 fx.currency = *found;
               } else {
                 ok = false;
                 Error("fx", found.error().message, at + ".currency");
               }
               if (rate["per_unit"].get_string().get(per_unit)) {
                 ok = false;
                 Error("fx", "missing or not a string: expected a decimal string such as \"0.92\"",
                       at + ".per_unit");
               } else if (Result<Decimal> decimal = Decimal::Parse(per_unit)) {
                 fx.per_unit = *decimal;
               } else {
                 ok = false;
                 Error("fx", decimal.error().message, at + ".per_unit");
               }
               if (ok) out.push_back(fx);
             });
  }

  void SettingsOf(dom::element value, std::map<std::string, double>& out) {
    dom::object settings;
    if (value.get_object().get(settings)) {
      return Error("settings", "expected an object of setting names and numbers");
    }
    for (dom::key_value_pair setting : settings) {
      double number = 0;
      const dom::element_type type = setting.value.type();
      if (type == dom::element_type::INT64) {
        number = static_cast<double>(setting.value.get_int64().value_unsafe());
      } else if (type == dom::element_type::UINT64) {
        number = static_cast<double>(setting.value.get_uint64().value_unsafe());
      } else if (type == dom::element_type::DOUBLE) {
        number = setting.value.get_double().value_unsafe();
      } else {
        Error("settings", "expected a number", "." + std::string(setting.key));
        continue;
      }
      out[std::string(setting.key)] = number;
    }
  }

  ReadContext& context_;
  const RecordLocation& where_;
  bool with_format_;
};

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
    RecordLocation where{file_, line, "$.workspace"};
    dom::element element;
    dom::object object;
    if (auto error = Parse(span, element)) {
      Error(line, where.path, "workspace", simdjson::error_message(error));
    } else if (element.get_object().get(object)) {
      Error(line, where.path, "workspace", "expected an object");
    } else {
      WorkspaceReader(context_, where, /*with_format=*/false)
          .Read(object, result_.ledger.workspace);
    }
    context_.UseWorkspace(result_.ledger.workspace);
    result_.source.locations["workspace"].push_back(std::move(where));
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

void ReadWorkspaceFile(std::string_view text, const std::string& file, ReadContext& context,
                       ReadResult& result) {
  RecordLocation where{file, 1, "$"};
  dom::parser parser;
  dom::element element;
  dom::object object;
  Diagnostic d;
  d.file = file;
  d.record_type = "workspace";
  if (parser.parse(text.data(), text.size(), true).get(element)) {
    JsonScanner scanner(text);
    std::string_view span;
    scanner.SkipSpace();
    if (scanner.SkipValue(span)) scanner.Fail("invalid UTF-8 or a number out of range");
    d.line = scanner.line();
    d.message = "JSON syntax error at " + scanner.Where() + ": " + scanner.error();
    context.Add(std::move(d));
  } else if (element.get_object().get(object)) {
    d.line = 1;
    d.message = "expected a JSON object with the workspace settings";
    context.Add(std::move(d));
  } else {
    WorkspaceReader(context, where, /*with_format=*/true).Read(object, result.ledger.workspace);
  }
  context.UseWorkspace(result.ledger.workspace);
  result.source.locations["workspace"].push_back(std::move(where));
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
