// Placeholder until the OFX importer lands: recognises nothing.
#include "ingest/importers.h"

namespace addio {
namespace {

class OfxImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "ofx"; }
  std::string_view description_en() const override { return "OFX"; }
  std::string_view description_it() const override { return "OFX"; }
  int Detect(const std::string&, std::string_view) const override { return 0; }
  IngestResult Read(const std::string& path, const IngestContext&) const override {
    IngestResult result;
    result.format = "ofx";
    result.diagnostics.Add({Severity::kError, path, 0, "", "", "", "", "not supported yet"});
    return result;
  }
};

}  // namespace

const Importer& OfxImporter() {
  static const OfxImporterImpl instance;
  return instance;
}

}  // namespace addio
