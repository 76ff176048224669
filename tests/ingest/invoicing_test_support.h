// What the tests of the invoicing importers share: where the shared sample exports are
// ($ADDIO_REAL_DATA, else <source>/../shared/data), hand-written fixture files in a
// temporary folder, reading a file with one importer, and finding records by id or name.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "ingest/importers.h"
#include "ingest/ingest.h"
#include "ledger/records.h"

namespace addio::testing {

inline std::string RealData() {
  if (const char* env = std::getenv("ADDIO_REAL_DATA"); env != nullptr && *env != '\0') {
    return env;
  }
  const char* source = std::getenv("ADDIO_SOURCE_DIR");
  return std::string(source != nullptr && *source != '\0' ? source : ADDIO_SOURCE_DIR) +
         "/../shared/data";
}

// The IBM accounts-receivable sample, and the mapping the examples ship to import it.
inline std::string IbmSample() {
  return RealData() + "/ibm_accounts_receivable/WA_Fn-UseC_-Accounts-Receivable.csv";
}

inline std::string IbmMapping() {
  const char* source = std::getenv("ADDIO_SOURCE_DIR");
  return std::string(source != nullptr && *source != '\0' ? source : ADDIO_SOURCE_DIR) +
         "/examples/mappings/ibm_accounts_receivable.toml";
}

// A file of the shared invoicing exports.
inline std::string InvoicingExport(std::string_view name) {
  return RealData() + "/invoicing_exports_invoiceninja_fixtures/" + std::string(name);
}

#define ADDIO_SKIP_WITHOUT(path)                                                \
  do {                                                                          \
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "no sample " << (path); \
  } while (false)

// Writes `content` byte for byte to a fresh temporary file named `name`.
inline std::string WriteFixture(std::string_view name, std::string_view content) {
  const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      ("addio-ingest-" + std::string(test->test_suite_name()) + "-" + test->name());
  std::filesystem::create_directories(dir);
  const std::filesystem::path path = dir / std::string(name);
  std::ofstream(path, std::ios::binary) << content;
  return path.string();
}

// Reads `path` with `importer` over `existing` (the store), with client creation on.
inline IngestResult ReadWith(const Importer& importer, const std::string& path,
                             const Ledger& existing = Ledger{}, IngestOptions options = {}) {
  IngestContext context;
  context.existing = &existing;
  context.options = std::move(options);
  return importer.Read(path, context);
}

inline Ledger WorkspaceIn(std::string_view currency) {
  Ledger ledger;
  ledger.workspace.currency = *Currency::Find(currency);
  return ledger;
}

template <typename R>
const R* FindId(const std::vector<R>& records, std::string_view id) {
  for (const R& r : records) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

inline const Client* ClientNamed(const Ledger& ledger, std::string_view name) {
  for (const Client& c : ledger.clients) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

inline Money Amount(std::string_view text, std::string_view currency) {
  return *Money::Parse(text, *Currency::Find(currency));
}

inline CivilDate Day(std::string_view text) { return *CivilDate::Parse(text); }

// Every review line joined, for EXPECT_THAT-free substring checks.
inline std::string ReviewText(const IngestResult& result) {
  std::string text;
  for (const Message& line : result.review) text += line.In(Lang::kEn) + "\n";
  return text;
}

inline bool Contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

}  // namespace addio::testing
