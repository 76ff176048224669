// Placeholder until the Kimai CSV importer lands: recognises nothing.
#include "ingest/importers.h"

namespace addio {
namespace {

class KimaiImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "kimai"; }
  std::string_view description_en() const override { return "Kimai CSV"; }
  std::string_view description_it() const override { return "Kimai CSV"; }
  int Detect(const std::string&, std::string_view) const override { return 0; }
  IngestResult Read(const std::string& path, const IngestContext&) const override {
    IngestResult result;
    result.format = "kimai";
    result.diagnostics.Add({Severity::kError, path, 0, "", "", "", "", "not supported yet"});
    return result;
  }
};

}  // namespace

const Importer& KimaiImporter() {
  static const KimaiImporterImpl instance;
  return instance;
}

}  // namespace addio
