// The canonical format itself (ledger/format.h): one addio-ledger/1 JSON document, or a
// folder with workspace.json and the record CSV files. Unlike other sources it carries
// its workspace, which an import keeps (the store replaces the stored one unless it is
// the default).
#include <filesystem>
#include <fstream>
#include <string>

#include "core/diagnostics.h"
#include "ingest/importers.h"
#include "ledger/format.h"
#include "ledger/format_internal.h"

namespace addio {
namespace {

namespace fs = std::filesystem;

// The first line of a file without its line end (and without a UTF-8 byte order mark).
std::string FirstLine(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string line;
  std::getline(in, line);
  if (line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
  return line;
}

// True when `folder` holds workspace.json or a record CSV file whose header is the
// canonical one: other tools' folders may use the same file names (clients.csv) with
// other columns.
bool IsLedgerFolder(const fs::path& folder) {
  std::error_code ec;
  if (fs::is_regular_file(folder / "workspace.json", ec)) return true;
  bool found = false;
  format_internal::ForEachRecordType([&](auto tag) {
    using R = typename decltype(tag)::type;
    if (found) return;
    const char* file =
        format_internal::kRecordTypeNames[format_internal::RecordTraits<R>::kIndex].csv_file;
    std::error_code file_ec;
    if (!fs::is_regular_file(folder / file, file_ec)) return;
    std::string header;
    format_internal::AppendCsvHeader<R>(header);
    while (!header.empty() && (header.back() == '\n' || header.back() == '\r')) header.pop_back();
    found = FirstLine(folder / file) == header;
  });
  return found;
}

template <typename R>
void AddPreviewRows(const std::vector<R>& records, const char* type,
                    std::vector<std::vector<std::string>>& preview) {
  for (const R& record : records) {
    if (preview.size() > 5) return;
    std::string client;
    if constexpr (requires { record.client; }) client = record.client;
    preview.push_back({type, record.id, client});
  }
}

class LedgerImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "ledger"; }
  bool ReadsStoredRecords() const override { return false; }

  int Detect(const std::string& path, std::string_view head) const override {
    std::error_code ec;
    if (fs::is_directory(path, ec)) return IsLedgerFolder(path) ? 100 : 0;
    if (head.find(kLedgerFormat) != std::string_view::npos) return 100;
    return 0;
  }

  IngestResult Read(const std::string& path, const IngestContext& context) const override {
    ReadResult read = ReadLedger(path, ReadChecks::kFieldsOnly, context.options.encoding);
    IngestResult result;
    result.format = "ledger";
    result.ledger = std::move(read.ledger);
    result.source = std::move(read.source);
    result.diagnostics = std::move(read.diagnostics);
    result.preview.push_back({"record", "id", "client"});
    AddPreviewRows(result.ledger.clients, "client", result.preview);
    AddPreviewRows(result.ledger.contracts, "contract", result.preview);
    AddPreviewRows(result.ledger.projects, "project", result.preview);
    AddPreviewRows(result.ledger.requests, "request", result.preview);
    AddPreviewRows(result.ledger.work, "work", result.preview);
    AddPreviewRows(result.ledger.contacts, "contact", result.preview);
    AddPreviewRows(result.ledger.invoices, "invoice", result.preview);
    AddPreviewRows(result.ledger.payments, "payment", result.preview);
    AddPreviewRows(result.ledger.rate_changes, "rate_change", result.preview);
    return result;
  }
};

}  // namespace

const Importer& LedgerImporter() {
  static const LedgerImporterImpl instance;
  return instance;
}

}  // namespace addio
