// The mapping file of the generic CSV importer (mapped_csv.cc): a TOML file that says
// which CSV column holds which ledger field, per record type, and how the file writes
// dates and numbers. docs/import-mapping.md documents it for users.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/money.h"
#include "ingest/invoicing_common.h"

namespace addio::mapped_csv {

// One ledger field: a column, or a constant value.
struct FieldSpec {
  std::string column_name;
  std::optional<size_t> column;
  std::optional<std::string> value;
  std::string format;                    // dates and times: overrides the file's format
  std::vector<std::string> true_values;  // yes/no fields: what counts as yes
  int line = 0;                          // in the mapping file
};

struct RecordSpec {
  std::map<std::string, FieldSpec> fields;
  const FieldSpec* Find(const std::string& key) const {
    const auto it = fields.find(key);
    return it == fields.end() ? nullptr : &it->second;
  }
};

struct Mapping {
  std::string path;
  char separator = 0;
  int skip_rows = 0;
  std::string date_format = "%Y-%m-%d";
  std::string datetime_format = "%Y-%m-%d %H:%M";
  invoicing::NumberFormat number{'.', 0};
  std::optional<Currency> currency;
  std::string timezone;
  std::map<std::string, RecordSpec> records;  // "invoices", "payments", ...
};

// Reads and checks the TOML file at `path`: its settings, the [records.<type>] tables and
// their fields (a [clients] table of renames is left to the ClientResolver). Every problem
// goes to `out` with the mapping file's line; nullopt when there was one.
std::optional<Mapping> ReadMapping(const std::string& path, Diagnostics& out);

// Finds each mapped column in the CSV's header, and checks that every record type maps what
// it cannot do without. Problems go to `out` with the mapping file's line; false when any.
bool ResolveColumns(Mapping& m, const invoicing::CsvTable& table, Diagnostics& out);

}  // namespace addio::mapped_csv
