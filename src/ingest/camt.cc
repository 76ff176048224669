// Placeholder until the ISO 20022 camt.053/054 importer lands: recognises nothing.
#include "ingest/importers.h"

namespace addio {
namespace {

class CamtImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "camt"; }
  std::string_view description_en() const override { return "ISO 20022 camt.053/054"; }
  std::string_view description_it() const override { return "ISO 20022 camt.053/054"; }
  int Detect(const std::string&, std::string_view) const override { return 0; }
  IngestResult Read(const std::string& path, const IngestContext&) const override {
    IngestResult result;
    result.format = "camt";
    result.diagnostics.Add({Severity::kError, path, 0, "", "", "", "", "not supported yet"});
    return result;
  }
};

}  // namespace

const Importer& CamtImporter() {
  static const CamtImporterImpl instance;
  return instance;
}

}  // namespace addio
