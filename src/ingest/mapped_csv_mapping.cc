// The mapping file of the generic CSV importer, read with toml++ and checked.
#include "ingest/mapped_csv_mapping.h"

#include <toml++/toml.h>

#include <algorithm>

namespace addio::mapped_csv {
namespace {

using invoicing::CsvTable;

// The fields each record type may map, in the order they are documented.
const std::map<std::string, std::vector<std::string>>& KnownFields() {
  static const std::map<std::string, std::vector<std::string>> kFields = {
      {"invoices",
       {"id", "client", "issued", "due", "terms_days", "amount", "currency", "status", "disputed",
        "settled", "settled_amount"}},
      {"payments", {"id", "client", "invoice", "date", "amount", "currency"}},
      {"credit_notes", {"id", "client", "invoice", "issued", "amount", "currency", "reason"}},
      {"work",
       {"id", "client", "start", "date", "time", "minutes", "hours", "duration", "billable",
        "note"}},
      {"contacts",
       {"id", "client", "at", "date", "time", "channel", "direction", "minutes", "urgent",
        "logged"}},
      {"clients", {"name", "email", "country", "tax_id"}},
  };
  return kFields;
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// The mapping file, checked: every problem is added to `out` with the mapping's line.
class MappingReader {
 public:
  MappingReader(const std::string& path, Diagnostics& out) : path_(path), out_(out) {}

  std::optional<Mapping> Read() {
    toml::table root;
    try {
      root = toml::parse_file(path_);
    } catch (const toml::parse_error& e) {
      Error(static_cast<int>(e.source().begin.line),
            Msg("ingest.mapping.toml_error", e.description()));
      return std::nullopt;
    }
    Mapping m;
    m.path = path_;
    for (const auto& [key, node] : root) {
      const std::string k(key.str());
      const int line = static_cast<int>(node.source().begin.line);
      if (k == "separator") {
        const std::string s = String(node, k);
        if (s == "," || s == ";") {
          m.separator = s[0];
        } else if (s == "\t" || s == "tab") {
          m.separator = '\t';
        } else {
          Error(line, Expected(k, "ingest.shape.separator"));
        }
      } else if (k == "skip_rows") {
        m.skip_rows = static_cast<int>(node.value<int64_t>().value_or(-1));
        if (m.skip_rows < 0) Error(line, Expected(k, "ingest.shape.row_count"));
      } else if (k == "date_format") {
        m.date_format = String(node, k);
      } else if (k == "datetime_format") {
        m.datetime_format = String(node, k);
      } else if (k == "decimal_separator") {
        const std::string s = String(node, k);
        if (s != "." && s != ",") Error(line, Expected(k, "ingest.shape.decimal_separator"));
        m.number.decimal = s.empty() ? '.' : s[0];
      } else if (k == "thousands_separator") {
        const std::string s = String(node, k);
        if (s.size() > 1 ||
            (s.size() == 1 && std::string(".,' ").find(s[0]) == std::string::npos)) {
          Error(line, Expected(k, "ingest.shape.thousands_separator"));
        }
        m.number.thousands = s.empty() ? 0 : s[0];
      } else if (k == "currency") {
        Result<Currency> currency = Currency::Find(String(node, k));
        if (currency) {
          m.currency = *currency;
        } else {
          Error(line, Msg("ingest.prefixed", k, Arg::Of(currency.error().message)));
        }
      } else if (k == "timezone") {
        m.timezone = String(node, k);
      } else if (k == "records") {
        ReadRecords(node, m);
      } else if (k != "clients") {  // [clients]: renames, read by the ClientResolver
        Error(line, Msg("ingest.mapping.unknown_setting", k));
      }
    }
    if (m.number.thousands != 0 && m.number.thousands == m.number.decimal) {
      Error(0, Msg("ingest.mapping.same_separators"));
    }
    if (m.records.empty()) {
      Error(0, Msg("ingest.mapping.no_records"));
    }
    if (failed_) return std::nullopt;
    return m;
  }

 private:
  // "<setting>: expected <shape>", `shape` an ingest.shape.* key.
  static Message Expected(const std::string& setting, const char* shape) {
    return Msg("ingest.expected", setting, Arg::Key(shape));
  }

  void Error(int line, Message message) {
    failed_ = true;
    out_.Add({Severity::kError, path_, line, "", "", "", "", std::move(message)});
  }

  std::string String(const toml::node& node, const std::string& key) {
    if (std::optional<std::string> s = node.value<std::string>()) return *s;
    Error(static_cast<int>(node.source().begin.line), Expected(key, "ingest.shape.string"));
    return "";
  }

  void ReadRecords(const toml::node& node, Mapping& m) {
    const toml::table* records = node.as_table();
    if (records == nullptr) {
      Error(static_cast<int>(node.source().begin.line), Expected("records", "ingest.shape.tables"));
      return;
    }
    for (const auto& [key, value] : *records) {
      const std::string type(key.str());
      const int line = static_cast<int>(value.source().begin.line);
      const auto known = KnownFields().find(type);
      if (known == KnownFields().end()) {
        Error(line, Msg("ingest.mapping.unknown_record_type", type));
        continue;
      }
      const toml::table* fields = value.as_table();
      if (fields == nullptr) {
        Error(line, Expected("records." + type, "ingest.shape.field_table"));
        continue;
      }
      RecordSpec& spec = m.records[type];
      for (const auto& [field_key, field_node] : *fields) {
        const std::string field(field_key.str());
        const int field_line = static_cast<int>(field_node.source().begin.line);
        if (std::find(known->second.begin(), known->second.end(), field) == known->second.end()) {
          Error(field_line,
                Msg("ingest.mapping.unknown_field", type, field, Joined(known->second)));
          continue;
        }
        spec.fields[field] = Field(field_node, type + "." + field);
      }
    }
  }

  // "Column", or { column = "Column", format = "...", true_values = [...] }, or
  // { value = constant }.
  FieldSpec Field(const toml::node& node, const std::string& name) {
    FieldSpec spec;
    spec.line = static_cast<int>(node.source().begin.line);
    if (std::optional<std::string> column = node.value<std::string>()) {
      spec.column_name = *column;
      return spec;
    }
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      Error(spec.line, Expected(name, "ingest.shape.column_spec"));
      return spec;
    }
    for (const auto& [key, value] : *table) {
      const std::string k(key.str());
      if (k == "column") {
        spec.column_name = String(value, name + ".column");
      } else if (k == "format") {
        spec.format = String(value, name + ".format");
      } else if (k == "value") {
        if (auto s = value.value<std::string>()) {
          spec.value = *s;
        } else if (auto b = value.as_boolean()) {
          spec.value = b->get() ? "true" : "false";
        } else if (auto i = value.value<int64_t>()) {
          spec.value = std::to_string(*i);
        } else {
          Error(spec.line, Expected(name + ".value", "ingest.shape.constant"));
        }
      } else if (k == "true_values") {
        if (const toml::array* values = value.as_array()) {
          for (const toml::node& v : *values) spec.true_values.push_back(v.value_or(std::string()));
        } else {
          Error(spec.line, Expected(name + ".true_values", "ingest.shape.string_list"));
        }
      } else {
        Error(spec.line, Msg("ingest.mapping.unknown_key", name, k));
      }
    }
    if (spec.column_name.empty() == !spec.value.has_value()) {
      Error(spec.line, Msg("ingest.mapping.column_or_value", name));
    }
    return spec;
  }

  std::string path_;
  Diagnostics& out_;
  bool failed_ = false;
};

}  // namespace

std::optional<Mapping> ReadMapping(const std::string& path, Diagnostics& out) {
  return MappingReader(path, out).Read();
}

bool ResolveColumns(Mapping& m, const CsvTable& table, Diagnostics& out) {
  bool ok = true;
  const auto error = [&](int line, Message message) {
    ok = false;
    out.Add({Severity::kError, m.path, line, "", "", "", "", std::move(message)});
  };
  for (auto& [type, spec] : m.records) {
    for (auto& [field, f] : spec.fields) {
      if (f.column_name.empty()) continue;
      f.column = table.Find({f.column_name});
      if (!f.column) {
        error(f.line, Msg("ingest.mapping.no_column", type, field, f.column_name, table.file,
                          Joined(table.header)));
      }
    }
    const auto has = [&spec](const char* field) { return spec.Find(field) != nullptr; };
    // `what`: the field's name, or an ingest.mapping.need.* key naming alternatives.
    const auto need = [&](bool present, const Arg& what) {
      if (!present) error(0, Msg("ingest.mapping.map_field", type, what));
    };
    if (type == "clients") {
      need(has("name"), "name");
      continue;
    }
    need(has("client"), "client");
    if (type == "invoices") {
      need(has("issued"), "issued");
      need(has("amount"), "amount");
    } else if (type == "payments") {
      need(has("date"), "date");
      need(has("amount"), "amount");
    } else if (type == "credit_notes") {
      need(has("id"), "id");
      need(has("invoice"), "invoice");
      need(has("issued"), "issued");
      need(has("amount"), "amount");
    } else if (type == "work") {
      need(has("start") || has("date"), Arg::Key("ingest.mapping.need.start"));
      need(has("minutes") || has("hours") || has("duration"),
           Arg::Key("ingest.mapping.need.duration"));
    } else if (type == "contacts") {
      need(has("at") || has("date"), Arg::Key("ingest.mapping.need.at"));
    }
  }
  return ok;
}

}  // namespace addio::mapped_csv
