// The reading half shared by both forms of the ledger format: ReadContext (the workspace
// zone and currency later records are read in, and warnings that may repeat in millions
// of records, counted instead of listed) and FieldReader, which converts the raw fields of
// one record (JSON values or CSV cells, gathered in a FieldSet) into typed values and
// reports every missing, mistyped or malformed field with the record's location.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

#include "ledger/format_internal.h"
#include "ledger/workspace_zone.h"

namespace addio::format_internal {

// ---- Reading -------------------------------------------------------------------------

void ReadContext::UseWorkspace(const Workspace& workspace) {
  zone_ = ZoneOf(workspace);
  currency_ = workspace.currency;
}

void ReadContext::AddRepeatable(const std::string& key, Diagnostic d) {
  auto [it, inserted] = repeatable_index_.try_emplace(key, repeatable_.size());
  if (inserted) {
    repeatable_.emplace_back(std::move(d), 1);
  } else {
    ++repeatable_[it->second].second;
  }
}

void ReadContext::Absorb(ReadContext& part) {
  for (const Diagnostic& d : part.out_.items()) out_.Add(d);
  std::vector<const std::string*> keys(part.repeatable_.size());
  for (const auto& [key, index] : part.repeatable_index_) keys[index] = &key;
  for (size_t i = 0; i < keys.size(); ++i) {
    auto& [d, count] = part.repeatable_[i];
    auto [it, inserted] = repeatable_index_.try_emplace(*keys[i], repeatable_.size());
    if (inserted) {
      repeatable_.emplace_back(std::move(d), count);
    } else {
      repeatable_[it->second].second += count;
    }
  }
  part.repeatable_.clear();
  part.repeatable_index_.clear();
}

void ReadContext::Flush() {
  for (auto& [d, count] : repeatable_) {
    if (count > 1) d.notes.push_back(Msg("diag.same_in_more", count - 1));
    out_.Add(std::move(d));
  }
  repeatable_.clear();
  repeatable_index_.clear();
}

namespace {

// What a field should hold, as catalogue keys for "expected ..." messages.
constexpr char kDateShape[] = "ledger.shape.date";
constexpr char kInstantShape[] = "ledger.shape.instant";
constexpr char kMoneyShape[] = "ledger.shape.money";
constexpr char kCurrencyShape[] = "ledger.shape.currency";
constexpr char kStringShape[] = "ledger.shape.string";
constexpr char kWholeNumberShape[] = "ledger.shape.whole_number";

// The catalogue key naming what a field holds instead ("a number").
const char* TypeKey(RawField::Type type) {
  switch (type) {
    case RawField::Type::kNull:
      return "ledger.type.null";
    case RawField::Type::kString:
      return "ledger.shape.string";
    case RawField::Type::kNumber:
      return "ledger.type.number";
    case RawField::Type::kBool:
      return "ledger.type.boolean";
    case RawField::Type::kArray:
      return "ledger.type.array";
    case RawField::Type::kObject:
      return "ledger.type.object";
    case RawField::Type::kCell:
      return "ledger.type.text";
  }
  return "ledger.type.text";
}

}  // namespace

FieldReader::FieldReader(ReadContext& context, const char* type, FieldSet& fields,
                         const RecordLocation& where)
    : context_(context), type_(type), fields_(fields), where_(where) {}

Diagnostic FieldReader::At(std::string_view field, std::string_view path_suffix) const {
  Diagnostic d;
  d.file = where_.file;
  d.line = where_.line;
  if (!where_.path.empty()) {
    d.path.reserve(where_.path.size() + field.size() + path_suffix.size() + 1);
    d.path.append(where_.path).append(".").append(field).append(path_suffix);
  }
  d.record_type = type_;
  d.record_id = id_;
  d.field = field;
  return d;
}

void FieldReader::Error(std::string_view field, Message message, std::string_view path_suffix,
                        std::vector<Message> notes) {
  Diagnostic d = At(field, path_suffix);
  d.message = std::move(message);
  d.notes = std::move(notes);
  context_.Add(std::move(d));
}

void FieldReader::Missing(const char* name, const char* expected) {
  Error(name, Msg("ledger.missing_expected", Arg::Key(expected)));
}

void FieldReader::Mistyped(std::string_view name, const char* expected, RawField::Type type) {
  Error(name, Msg("ledger.expected_not", Arg::Key(expected), Arg::Key(TypeKey(type))));
}

void FieldReader::BadEnum(const char* name, std::string_view text, const std::string& allowed) {
  Error(name, Msg("ledger.not_allowed_one_of", text, allowed));
}

RawField* FieldReader::Take(const char* name) {
  // A CSV cell is named by the very literal VisitFields passes here (csv_format.cc): found
  // by its address, without measuring or comparing the name.
  for (RawField& field : fields_.fields) {
    if (!field.used && field.name.data() == name) {
      field.used = true;
      return field.type == RawField::Type::kNull ? nullptr : &field;
    }
  }
  const std::string_view key(name);  // measured once, not at every comparison
  for (RawField& field : fields_.fields) {
    if (!field.used && field.name == key) {
      field.used = true;
      return field.type == RawField::Type::kNull ? nullptr : &field;
    }
  }
  return nullptr;
}

std::optional<std::string_view> FieldReader::TextOf(const RawField& field, const char* expected) {
  if (field.type == RawField::Type::kString || field.type == RawField::Type::kCell) {
    return field.text;
  }
  Mistyped(field.name, expected, field.type);
  return std::nullopt;
}

void FieldReader::Text(const char* name, std::string& value) {
  if (RawField* field = Take(name)) {
    if (std::optional<std::string_view> text = TextOf(*field, kStringShape)) value.assign(*text);
  }
  if (id_.empty() && std::strcmp(name, "id") == 0) id_ = value;
}

std::optional<CivilDate> FieldReader::DateOf(const RawField& field) {
  std::optional<std::string_view> text = TextOf(field, kDateShape);
  if (!text) return std::nullopt;
  Result<CivilDate> date = CivilDate::Parse(*text);
  if (!date) {
    Error(field.name, date.error().message);
    return std::nullopt;
  }
  return *date;
}

void FieldReader::Date(const char* name, CivilDate& value) {
  RawField* field = Take(name);
  if (field == nullptr) return Missing(name, kDateShape);
  if (std::optional<CivilDate> date = DateOf(*field)) value = *date;
}

void FieldReader::OptDate(const char* name, std::optional<CivilDate>& value) {
  if (RawField* field = Take(name)) value = DateOf(*field);
}

std::optional<Instant> FieldReader::InstantOf(const RawField& field) {
  std::optional<std::string_view> text = TextOf(field, kInstantShape);
  if (!text) return std::nullopt;
  Result<ParsedInstant> parsed = ParseInstant(*text, context_.zone());
  if (!parsed) {
    Error(field.name, parsed.error().message);
    return std::nullopt;
  }
  if (!parsed->had_offset) {
    Diagnostic d = At(field.name);
    d.severity = Severity::kWarning;
    d.message = Msg("ledger.no_offset", *text, context_.zone().name());
    context_.AddRepeatable(std::string("offset/") + type_ + "/" + std::string(field.name),
                           std::move(d));
  }
  return parsed->instant;
}

void FieldReader::Moment(const char* name, Instant& value) {
  RawField* field = Take(name);
  if (field == nullptr) return Missing(name, kInstantShape);
  if (std::optional<Instant> instant = InstantOf(*field)) value = *instant;
}

void FieldReader::OptMoment(const char* name, std::optional<Instant>& value) {
  if (RawField* field = Take(name)) value = InstantOf(*field);
}

void FieldReader::Int(const char* name, int& value, bool required) {
  std::optional<int> read;
  OptInt(name, read);
  if (read) {
    value = *read;
  } else if (required &&
             !std::any_of(fields_.fields.begin(), fields_.fields.end(), [name](const RawField& f) {
               return f.name == name && f.type != RawField::Type::kNull;
             })) {
    Missing(name, kWholeNumberShape);
  }
}

void FieldReader::OptInt(const char* name, std::optional<int>& value) {
  RawField* field = Take(name);
  if (field == nullptr) return;
  int64_t number = 0;
  if (field->type == RawField::Type::kNumber) {
    if (!field->integral) {
      std::string shown;
      AppendNumber(shown, field->number);
      return Error(name, Msg("ledger.expected_not", Arg::Key(kWholeNumberShape), shown));
    }
    number = field->integer;
  } else if (field->type == RawField::Type::kCell) {
    const char* end = field->text.data() + field->text.size();
    const auto [ptr, ec] = std::from_chars(field->text.data(), end, number);
    if (ec != std::errc() || ptr != end) {
      return Error(name, Msg("ledger.not_whole_number", field->text));
    }
  } else {
    return Mistyped(name, kWholeNumberShape, field->type);
  }
  if (number < INT32_MIN || number > INT32_MAX) {
    return Error(name, Msg("ledger.out_of_range", number));
  }
  value = static_cast<int>(number);
}

void FieldReader::OptNumber(const char* name, std::optional<double>& value) {
  RawField* field = Take(name);
  if (field == nullptr) return;
  if (field->type == RawField::Type::kNumber) {
    value = field->number;
    return;
  }
  if (field->type != RawField::Type::kCell) {
    return Mistyped(name, "ledger.type.number", field->type);
  }
  double number = 0;
  const char* end = field->text.data() + field->text.size();
  const auto [ptr, ec] = std::from_chars(field->text.data(), end, number);
  if (ec != std::errc() || ptr != end || !std::isfinite(number)) {
    return Error(name, Msg("ledger.not_number", field->text));
  }
  value = number;
}

void FieldReader::Bool(const char* name, bool& value) {
  RawField* field = Take(name);
  if (field == nullptr) return;
  if (field->type == RawField::Type::kBool) {
    value = field->boolean;
  } else if (field->type != RawField::Type::kCell) {
    Mistyped(name, "ledger.shape.true_false", field->type);
  } else if (field->text == "true" || field->text == "TRUE" || field->text == "True") {
    value = true;
  } else if (field->text == "false" || field->text == "FALSE" || field->text == "False") {
    value = false;
  } else {
    Error(name, Msg("ledger.not_allowed_true_false", field->text));
  }
}

std::optional<Money> FieldReader::MoneyOf(const RawField& field, Currency currency) {
  if (field.type != RawField::Type::kString && field.type != RawField::Type::kCell) {
    Mistyped(field.name, kMoneyShape, field.type);
    return std::nullopt;
  }
  Result<Money> money = Money::Parse(field.text, currency);
  if (!money) {
    Error(field.name, money.error().message, {},
          {Msg("ledger.expected_decimal_in", currency.code())});
    return std::nullopt;
  }
  return *money;
}

void FieldReader::OptMoney(const char* name, std::optional<Money>& value) {
  if (RawField* field = Take(name)) value = MoneyOf(*field, context_.currency());
}

void FieldReader::Amount(const char* name, const char* currency_name, Money& value) {
  Currency currency = context_.currency();
  bool currency_known = true;
  if (RawField* field = Take(currency_name)) {
    if (std::optional<std::string_view> code = TextOf(*field, kCurrencyShape)) {
      if (Result<Currency> found = Currency::Find(*code)) {
        currency = *found;
      } else {
        Error(currency_name, found.error().message);
        currency_known = false;
      }
    } else {
      currency_known = false;
    }
  }
  RawField* field = Take(name);
  if (field == nullptr) return Missing(name, kMoneyShape);
  if (!currency_known) return;  // the amount cannot be read without its currency
  if (std::optional<Money> money = MoneyOf(*field, currency)) value = *money;
}

void FieldReader::List(const char* name, std::vector<std::string>& value) {
  RawField* field = Take(name);
  if (field == nullptr) return;
  value.clear();
  if (field->type == RawField::Type::kArray) {
    if (field->bad_item >= 0) {
      return Error(name, Msg("ledger.array_item_not_string", field->bad_item),
                   "[" + std::to_string(field->bad_item) + "]");
    }
    for (uint32_t i = 0; i < field->items_count; ++i) {
      value.emplace_back(fields_.items[field->items_begin + i]);
    }
  } else if (field->type == RawField::Type::kCell) {
    // "a@x.it;b@x.it": items are trimmed, empty ones skipped.
    std::string_view rest = field->text;
    while (!rest.empty()) {
      const size_t end = std::min(rest.find(';'), rest.size());
      std::string_view item = rest.substr(0, end);
      while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
      while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
      if (!item.empty()) value.emplace_back(item);
      rest.remove_prefix(std::min(end + 1, rest.size()));
    }
  } else {
    Mistyped(name, "ledger.shape.array_of_strings", field->type);
  }
}

void FieldReader::Object(const char* name, std::string& value) {
  RawField* field = Take(name);
  if (field == nullptr) return;
  if (field->type == RawField::Type::kObject) {
    value.assign(field->text);
  } else if (field->type == RawField::Type::kCell) {
    Message error;
    if (!CanonicalJsonObject(field->text, value, error)) {
      value.clear();
      Error(name, Msg("ledger.expected_json_object"), {}, {std::move(error)});
    }
  } else {
    Mistyped(name, "ledger.shape.json_object", field->type);
  }
}

void FieldReader::Finish() {
  for (const RawField& field : fields_.fields) {
    if (field.used) continue;
    const bool repeated =
        std::any_of(fields_.fields.begin(), fields_.fields.end(),
                    [&field](const RawField& f) { return f.used && f.name == field.name; });
    if (repeated) {
      Error(field.name, Msg("ledger.field_repeated"));
      continue;
    }
    Diagnostic d = At(field.name);
    d.severity = Severity::kWarning;
    d.message = Msg("diag.unknown_field");
    context_.AddRepeatable(std::string("unknown/") + type_ + "/" + std::string(field.name),
                           std::move(d));
  }
}

}  // namespace addio::format_internal
