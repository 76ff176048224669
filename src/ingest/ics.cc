// Placeholder until the iCalendar importer lands: recognises nothing.
#include "ingest/importers.h"

namespace addio {
namespace {

class IcsImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "ics"; }
  std::string_view description_en() const override { return "iCalendar"; }
  std::string_view description_it() const override { return "iCalendar"; }
  int Detect(const std::string&, std::string_view) const override { return 0; }
  IngestResult Read(const std::string& path, const IngestContext&) const override {
    IngestResult result;
    result.format = "ics";
    result.diagnostics.Add({Severity::kError, path, 0, "", "", "", "", "not supported yet"});
    return result;
  }
};

}  // namespace

const Importer& IcsImporter() {
  static const IcsImporterImpl instance;
  return instance;
}

}  // namespace addio
