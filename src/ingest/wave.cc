// Placeholder until the Wave CSV importer lands: recognises nothing.
#include "ingest/importers.h"

namespace addio {
namespace {

class WaveImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "wave"; }
  std::string_view description_en() const override { return "Wave CSV"; }
  std::string_view description_it() const override { return "Wave CSV"; }
  int Detect(const std::string&, std::string_view) const override { return 0; }
  IngestResult Read(const std::string& path, const IngestContext&) const override {
    IngestResult result;
    result.format = "wave";
    result.diagnostics.Add({Severity::kError, path, 0, "", "", "", "", "not supported yet"});
    return result;
  }
};

}  // namespace

const Importer& WaveImporter() {
  static const WaveImporterImpl instance;
  return instance;
}

}  // namespace addio
