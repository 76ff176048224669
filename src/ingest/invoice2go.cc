// Placeholder until the Invoice2go CSV importer lands: recognises nothing.
#include "ingest/importers.h"

namespace addio {
namespace {

class Invoice2goImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "invoice2go"; }
  std::string_view description_en() const override { return "Invoice2go CSV"; }
  std::string_view description_it() const override { return "Invoice2go CSV"; }
  int Detect(const std::string&, std::string_view) const override { return 0; }
  IngestResult Read(const std::string& path, const IngestContext&) const override {
    IngestResult result;
    result.format = "invoice2go";
    result.diagnostics.Add({Severity::kError, path, 0, "", "", "", "", "not supported yet"});
    return result;
  }
};

}  // namespace

const Importer& Invoice2goImporter() {
  static const Invoice2goImporterImpl instance;
  return instance;
}

}  // namespace addio
