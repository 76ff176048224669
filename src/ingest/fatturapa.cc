// Placeholder until the FatturaPA XML / .xml.p7m importer lands: recognises nothing.
#include "ingest/importers.h"

namespace addio {
namespace {

class FatturaPaImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "fatturapa"; }
  std::string_view description_en() const override { return "FatturaPA XML / .xml.p7m"; }
  std::string_view description_it() const override { return "FatturaPA XML / .xml.p7m"; }
  int Detect(const std::string&, std::string_view) const override { return 0; }
  IngestResult Read(const std::string& path, const IngestContext&) const override {
    IngestResult result;
    result.format = "fatturapa";
    result.diagnostics.Add({Severity::kError, path, 0, "", "", "", "", "not supported yet"});
    return result;
  }
};

}  // namespace

const Importer& FatturaPaImporter() {
  static const FatturaPaImporterImpl instance;
  return instance;
}

}  // namespace addio
