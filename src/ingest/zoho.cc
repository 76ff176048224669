// Placeholder until the Zoho Invoice CSV importer lands: recognises nothing.
#include "ingest/importers.h"

namespace addio {
namespace {

class ZohoImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "zoho"; }
  std::string_view description_en() const override { return "Zoho Invoice CSV"; }
  std::string_view description_it() const override { return "Zoho Invoice CSV"; }
  int Detect(const std::string&, std::string_view) const override { return 0; }
  IngestResult Read(const std::string& path, const IngestContext&) const override {
    IngestResult result;
    result.format = "zoho";
    result.diagnostics.Add({Severity::kError, path, 0, "", "", "", "", "not supported yet"});
    return result;
  }
};

}  // namespace

const Importer& ZohoImporter() {
  static const ZohoImporterImpl instance;
  return instance;
}

}  // namespace addio
