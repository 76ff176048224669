#include "fuzz_support.h"

#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/catalogue.h"
#include "ledger/validate.h"

namespace addio::fuzz {

namespace fs = std::filesystem;

std::vector<std::string_view> SplitParts(std::string_view text, size_t max_parts) {
  std::vector<std::string_view> parts;
  while (parts.size() + 1 < max_parts) {
    const size_t cut = text.find('\f');
    if (cut == std::string_view::npos) break;
    parts.push_back(text.substr(0, cut));
    text.remove_prefix(cut + 1);
  }
  parts.push_back(text);
  return parts;
}

namespace {

struct Scratch {
  std::string path;
  Scratch() {
    const fs::path base =
        access("/dev/shm", W_OK) == 0 ? fs::path("/dev/shm") : fs::temp_directory_path();
    std::string pattern = (base / "addio-fuzz-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      std::perror("addio fuzz: cannot make a scratch folder");
      std::abort();
    }
    path = pattern;
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

Scratch& TheScratch() {
  static Scratch scratch;
  return scratch;
}

}  // namespace

const std::string& ScratchDir() { return TheScratch().path; }

std::string WriteScratch(const std::string& name, std::string_view bytes) {
  const std::string path = ScratchDir() + "/" + name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) {
    std::fprintf(stderr, "addio fuzz: cannot write %s\n", path.c_str());
    std::abort();
  }
  return path;
}

void ClearScratch() {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(ScratchDir(), ec))
    fs::remove_all(entry.path(), ec);
}

const IngestContext& EmptyStoreContext() {
  static const Ledger empty;
  static const IngestContext context = [] {
    IngestContext c;
    c.existing = &empty;
    return c;
  }();
  return context;
}

namespace {

void RenderBoth(const Diagnostics& diagnostics) {
  size_t total = 0;
  for (const Diagnostic& d : diagnostics.items()) {
    total += d.ToString(Lang::kEn).size() + d.ToString(Lang::kIt).size();
  }
  CheckThat(total > 0 || diagnostics.empty(), "a diagnostic renders as nothing");
}

}  // namespace

void CheckIngestResult(const IngestResult& result) {
  RenderBoth(result.diagnostics);
  for (const Message& m : result.review) {
    CheckThat(!m.In(Lang::kEn).empty() && !m.In(Lang::kIt).empty(), "an empty review message");
  }
  if (!result.diagnostics.HasErrors()) {
    // The store validates what an importer read merged with what it holds; with an empty
    // store that is the importer's records alone. Its verdict may be an error (a clear
    // rejection) but never a crash.
    Diagnostics validation;
    Validate(result.ledger, result.source, validation);
    RenderBoth(validation);
  }
}

void ReadWith(std::string_view importer, const std::string& file_name, std::string_view bytes,
              const IngestContext* context) {
  const Result<const Importer*> found = FindImporter(importer);
  CheckThat(found.has_value(), "no importer of that name");
  const std::string path = WriteScratch(file_name, bytes);
  const int score = (*found)->Detect(path, bytes.substr(0, 64 * 1024));
  CheckThat(score >= 0 && score <= 100, "a detection score outside 0..100");
  CheckIngestResult((*found)->Read(path, context ? *context : EmptyStoreContext()));
}

void CheckReadResult(const ReadResult& result) {
  RenderBoth(result.diagnostics);
  if (result.diagnostics.HasErrors()) return;
  // The canonical form gives back what it read: written and read again, the ledger has no
  // error and writes the same bytes.
  const std::string json = LedgerToJson(result.ledger);
  const ReadResult again = ParseLedgerJson(json, "round-trip.json");
  if (again.diagnostics.HasErrors()) {
    std::fprintf(stderr, "round trip rejected:\n%s\n%s\n", again.diagnostics.ToString().c_str(),
                 json.c_str());
  }
  CheckThat(!again.diagnostics.HasErrors(), "a ledger read without error is rejected once written");
  CheckThat(LedgerToJson(again.ledger) == json, "a ledger written and read again changed");
}

void CheckThat(bool condition, const char* what) {
  if (condition) return;
  std::fprintf(stderr, "addio fuzz: %s\n", what);
  std::abort();
}

}  // namespace addio::fuzz
