// Placeholder until the FreshBooks CSV importer lands: recognises nothing.
#include "ingest/importers.h"

namespace addio {
namespace {

class FreshBooksImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "freshbooks"; }
  std::string_view description_en() const override { return "FreshBooks CSV"; }
  std::string_view description_it() const override { return "FreshBooks CSV"; }
  int Detect(const std::string&, std::string_view) const override { return 0; }
  IngestResult Read(const std::string& path, const IngestContext&) const override {
    IngestResult result;
    result.format = "freshbooks";
    result.diagnostics.Add({Severity::kError, path, 0, "", "", "", "", "not supported yet"});
    return result;
  }
};

}  // namespace

const Importer& FreshBooksImporter() {
  static const FreshBooksImporterImpl instance;
  return instance;
}

}  // namespace addio
