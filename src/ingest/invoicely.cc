// Placeholder until the Invoicely CSV importer lands: recognises nothing.
#include "ingest/importers.h"

namespace addio {
namespace {

class InvoicelyImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "invoicely"; }
  std::string_view description_en() const override { return "Invoicely CSV"; }
  std::string_view description_it() const override { return "Invoicely CSV"; }
  int Detect(const std::string&, std::string_view) const override { return 0; }
  IngestResult Read(const std::string& path, const IngestContext&) const override {
    IngestResult result;
    result.format = "invoicely";
    result.diagnostics.Add({Severity::kError, path, 0, "", "", "", "", "not supported yet"});
    return result;
  }
};

}  // namespace

const Importer& InvoicelyImporter() {
  static const InvoicelyImporterImpl instance;
  return instance;
}

}  // namespace addio
