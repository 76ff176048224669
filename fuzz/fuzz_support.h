// What the fuzz targets share: the input as text, a private scratch folder for importers
// that read files, an empty store's context, and the checks applied to every result.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/ingest.h"
#include "ledger/format.h"

namespace addio::fuzz {

inline std::string_view AsText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Splits `text` at every form feed ('\f'): the targets whose parser reads several files
// (a ledger folder, a CSV and its mapping) take one part per file.
std::vector<std::string_view> SplitParts(std::string_view text, size_t max_parts);

// The scratch folder of this process (under /dev/shm when it is writable, else the
// temporary folder), made on first use and removed at exit.
const std::string& ScratchDir();
// Writes `bytes` to ScratchDir()/`name` (replacing it) and returns the path. Aborts when
// the file cannot be written: the target could not do its work.
std::string WriteScratch(const std::string& name, std::string_view bytes);
// Removes every file in ScratchDir() (a folder-reading target starts from nothing).
void ClearScratch();

// An import context as for a fresh store (default workspace, no records), with a fixed
// "today" so that runs repeat.
const IngestContext& EmptyStoreContext();

// Writes `bytes` to the scratch file `file_name`, asks importer `importer` (its --format
// name) how sure it is that it reads the file, reads it as for an empty store (or
// `context`) and checks the result (CheckIngestResult).
void ReadWith(std::string_view importer, const std::string& file_name, std::string_view bytes,
              const IngestContext* context = nullptr);

// Renders every diagnostic and review message in both languages (so that a message whose
// arguments do not fit its catalogue entry shows up) and checks the result's own
// invariants: a result without errors holds records whose field rules pass.
void CheckIngestResult(const IngestResult& result);
void CheckReadResult(const ReadResult& result);

// Aborts with `what` when `condition` is false: a finding, as a crash is.
void CheckThat(bool condition, const char* what);

}  // namespace addio::fuzz
