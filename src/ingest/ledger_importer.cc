// Placeholder until the the canonical addio-ledger/1 JSON or CSV folder importer lands: recognises
// nothing.
#include "ingest/importers.h"

namespace addio {
namespace {

class LedgerImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "ledger"; }
  std::string_view description_en() const override {
    return "the canonical addio-ledger/1 JSON or CSV folder";
  }
  std::string_view description_it() const override {
    return "the canonical addio-ledger/1 JSON or CSV folder";
  }
  int Detect(const std::string&, std::string_view) const override { return 0; }
  IngestResult Read(const std::string& path, const IngestContext&) const override {
    IngestResult result;
    result.format = "ledger";
    result.diagnostics.Add({Severity::kError, path, 0, "", "", "", "", "not supported yet"});
    return result;
  }
};

}  // namespace

const Importer& LedgerImporter() {
  static const LedgerImporterImpl instance;
  return instance;
}

}  // namespace addio
