// Placeholder until the mbox mailbox importer lands: recognises nothing.
#include "ingest/importers.h"

namespace addio {
namespace {

class MboxImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "mbox"; }
  std::string_view description_en() const override { return "mbox mailbox"; }
  std::string_view description_it() const override { return "mbox mailbox"; }
  int Detect(const std::string&, std::string_view) const override { return 0; }
  IngestResult Read(const std::string& path, const IngestContext&) const override {
    IngestResult result;
    result.format = "mbox";
    result.diagnostics.Add({Severity::kError, path, 0, "", "", "", "", "not supported yet"});
    return result;
  }
};

}  // namespace

const Importer& MboxImporter() {
  static const MboxImporterImpl instance;
  return instance;
}

}  // namespace addio
