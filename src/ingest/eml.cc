// Placeholder until the single .eml message importer lands: recognises nothing.
#include "ingest/importers.h"

namespace addio {
namespace {

class EmlImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "eml"; }
  std::string_view description_en() const override { return "single .eml message"; }
  std::string_view description_it() const override { return "single .eml message"; }
  int Detect(const std::string&, std::string_view) const override { return 0; }
  IngestResult Read(const std::string& path, const IngestContext&) const override {
    IngestResult result;
    result.format = "eml";
    result.diagnostics.Add({Severity::kError, path, 0, "", "", "", "", "not supported yet"});
    return result;
  }
};

}  // namespace

const Importer& EmlImporter() {
  static const EmlImporterImpl instance;
  return instance;
}

}  // namespace addio
