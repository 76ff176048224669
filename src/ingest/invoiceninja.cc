// Placeholder until the Invoice Ninja invoices/payments/clients CSV importer lands: recognises
// nothing.
#include "ingest/importers.h"

namespace addio {
namespace {

class InvoiceNinjaImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "invoiceninja"; }
  std::string_view description_en() const override {
    return "Invoice Ninja invoices/payments/clients CSV";
  }
  std::string_view description_it() const override {
    return "Invoice Ninja invoices/payments/clients CSV";
  }
  int Detect(const std::string&, std::string_view) const override { return 0; }
  IngestResult Read(const std::string& path, const IngestContext&) const override {
    IngestResult result;
    result.format = "invoiceninja";
    result.diagnostics.Add({Severity::kError, path, 0, "", "", "", "", "not supported yet"});
    return result;
  }
};

}  // namespace

const Importer& InvoiceNinjaImporter() {
  static const InvoiceNinjaImporterImpl instance;
  return instance;
}

}  // namespace addio
