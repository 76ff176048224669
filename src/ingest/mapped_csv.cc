// Placeholder until the generic CSV with a TOML mapping importer lands: recognises nothing.
#include "ingest/importers.h"

namespace addio {
namespace {

class MappedCsvImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "csv-mapping"; }
  std::string_view description_en() const override { return "generic CSV with a TOML mapping"; }
  std::string_view description_it() const override { return "generic CSV with a TOML mapping"; }
  int Detect(const std::string&, std::string_view) const override { return 0; }
  IngestResult Read(const std::string& path, const IngestContext&) const override {
    IngestResult result;
    result.format = "csv-mapping";
    result.diagnostics.Add({Severity::kError, path, 0, "", "", "", "", "not supported yet"});
    return result;
  }
};

}  // namespace

const Importer& MappedCsvImporter() {
  static const MappedCsvImporterImpl instance;
  return instance;
}

}  // namespace addio
