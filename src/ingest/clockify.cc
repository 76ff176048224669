// Placeholder until the Clockify detailed CSV importer lands: recognises nothing.
#include "ingest/importers.h"

namespace addio {
namespace {

class ClockifyImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "clockify"; }
  std::string_view description_en() const override { return "Clockify detailed CSV"; }
  std::string_view description_it() const override { return "Clockify detailed CSV"; }
  int Detect(const std::string&, std::string_view) const override { return 0; }
  IngestResult Read(const std::string& path, const IngestContext&) const override {
    IngestResult result;
    result.format = "clockify";
    result.diagnostics.Add({Severity::kError, path, 0, "", "", "", "", "not supported yet"});
    return result;
  }
};

}  // namespace

const Importer& ClockifyImporter() {
  static const ClockifyImporterImpl instance;
  return instance;
}

}  // namespace addio
