// Test helpers for the time-tracker importers: where the shared real sample files are,
// a temporary folder for hand-written fixtures, and a one-call read.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/time.h"
#include "ingest/importers.h"
#include "ingest/ingest.h"

namespace addio::testing {

// The folder of real sample files: $ADDIO_REAL_DATA, else ../shared/data beside the
// sources. Empty when it does not exist (the caller skips).
inline std::string RealDataDir() {
  const char* env = std::getenv("ADDIO_REAL_DATA");
  std::string dir =
      env != nullptr && *env != '\0' ? env : std::string(ADDIO_SOURCE_DIR) + "/../shared/data";
  std::error_code ec;
  return std::filesystem::is_directory(dir, ec) ? dir : "";
}

// A real sample file by its path under the data folder; GTEST_SKIP when it is missing.
#define ADDIO_REAL_FILE(var, relative)                                                   \
  const std::string var##_dir = ::addio::testing::RealDataDir();                         \
  if (var##_dir.empty()) GTEST_SKIP() << "real sample data not found (ADDIO_REAL_DATA)"; \
  const std::string var = var##_dir + "/" + (relative);                                  \
  if (!std::filesystem::exists(var)) GTEST_SKIP() << var << " missing"

// A fresh folder under the system temp dir, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "addio-ingest-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // Writes `content` byte for byte to `name` (sub-folders created) and returns its path.
  std::string Write(const std::string& name, const std::string& content) const {
    const std::filesystem::path file = std::filesystem::path(path_) / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file.string();
  }

 private:
  std::string path_;
};

// Reads `path` with `importer` against `existing` (an empty store by default).
inline IngestResult ReadWith(const Importer& importer, const std::string& path,
                             const Ledger& existing = Ledger{}, IngestOptions options = {}) {
  IngestContext context;
  context.existing = &existing;
  context.options = std::move(options);
  return importer.Read(path, context);
}

// The diagnostics of a result as one text, for failure messages and substring checks.
inline std::string Problems(const IngestResult& result) { return result.diagnostics.ToString(); }

inline std::string Utc(Instant t) { return t.ToUtcString(); }

}  // namespace addio::testing
