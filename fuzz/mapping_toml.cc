// The mapping file alone (mapped_csv_mapping.cc: TOML settings, [records.*] tables and
// their fields), then its columns resolved against a header that names every column the
// mapping asks for, so that the field rules past the header run too.
#include "fuzz_support.h"
#include "fuzz_target.h"
#include "ingest/mapped_csv_mapping.h"

ADDIO_FUZZ_TARGET(mapping_toml) {
  using namespace addio;
  const std::string path = fuzz::WriteScratch("mapping.toml", fuzz::AsText(data, size));
  Diagnostics diagnostics;
  std::optional<mapped_csv::Mapping> mapping = mapped_csv::ReadMapping(path, diagnostics);
  fuzz::CheckThat(mapping.has_value() != diagnostics.HasErrors(),
                  "a mapping is both read and rejected (or neither)");
  if (!mapping) return 0;
  std::string csv;
  for (const auto& [type, record] : mapping->records) {
    for (const auto& [field, spec] : record.fields) {
      if (spec.column_name.empty()) continue;
      if (!csv.empty()) csv += ',';
      csv += '"';
      for (char c : spec.column_name) csv += c == '"' ? std::string("\"\"") : std::string(1, c);
      csv += '"';
    }
  }
  csv += "\n";
  IngestContext context = fuzz::EmptyStoreContext();
  context.options.mapping_file = path;
  fuzz::ReadWith("csv-mapping", "export.csv", csv, &context);
  return 0;
}
