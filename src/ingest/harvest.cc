// Placeholder until the Harvest time report CSV importer lands: recognises nothing.
#include "ingest/importers.h"

namespace addio {
namespace {

class HarvestImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "harvest"; }
  std::string_view description_en() const override { return "Harvest time report CSV"; }
  std::string_view description_it() const override { return "Harvest time report CSV"; }
  int Detect(const std::string&, std::string_view) const override { return 0; }
  IngestResult Read(const std::string& path, const IngestContext&) const override {
    IngestResult result;
    result.format = "harvest";
    result.diagnostics.Add({Severity::kError, path, 0, "", "", "", "", "not supported yet"});
    return result;
  }
};

}  // namespace

const Importer& HarvestImporter() {
  static const HarvestImporterImpl instance;
  return instance;
}

}  // namespace addio
