// The canonical ledger's CSV form (ledger/csv_format.cc, csv.cc): a folder of
// workspace.json and one CSV file per record type. The input is split at form feeds into
// those files, in the order below (a missing or empty part: no file); the whole input is
// also read by the bare CSV reader with the separator it sniffs.
#include <filesystem>
#include <vector>

#include "fuzz_support.h"
#include "fuzz_target.h"
#include "ledger/csv.h"

namespace {

constexpr const char* kFiles[] = {"workspace.json",   "clients.csv",     "contracts.csv",
                                  "projects.csv",     "requests.csv",    "work.csv",
                                  "contacts.csv",     "invoices.csv",    "payments.csv",
                                  "rate_changes.csv", "credit_notes.csv"};

void ReadBareCsv(std::string_view text) {
  addio::CsvReader reader(text, {.separator = addio::SniffCsvSeparator(text)});
  std::vector<std::string_view> fields;
  int last_line = 0;
  while (reader.Next(fields)) {
    addio::fuzz::CheckThat(reader.line() > last_line, "CSV records do not advance");
    last_line = reader.line();
  }
}

}  // namespace

ADDIO_FUZZ_TARGET(ledger_csv) {
  using namespace addio;
  const std::string_view text = fuzz::AsText(data, size);
  ReadBareCsv(text);
  fuzz::ClearScratch();
  const auto parts = fuzz::SplitParts(text, std::size(kFiles));
  std::filesystem::create_directory(fuzz::ScratchDir() + "/ledger");
  for (size_t i = 0; i < parts.size(); ++i) {
    if (!parts[i].empty()) fuzz::WriteScratch(std::string("ledger/") + kFiles[i], parts[i]);
  }
  fuzz::CheckReadResult(ReadLedger(fuzz::ScratchDir() + "/ledger"));
  return 0;
}
