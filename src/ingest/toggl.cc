// Placeholder until the Toggl Track detailed CSV importer lands: recognises nothing.
#include "ingest/importers.h"

namespace addio {
namespace {

class TogglImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "toggl"; }
  std::string_view description_en() const override { return "Toggl Track detailed CSV"; }
  std::string_view description_it() const override { return "Toggl Track detailed CSV"; }
  int Detect(const std::string&, std::string_view) const override { return 0; }
  IngestResult Read(const std::string& path, const IngestContext&) const override {
    IngestResult result;
    result.format = "toggl";
    result.diagnostics.Add({Severity::kError, path, 0, "", "", "", "", "not supported yet"});
    return result;
  }
};

}  // namespace

const Importer& TogglImporter() {
  static const TogglImporterImpl instance;
  return instance;
}

}  // namespace addio
