// Single messages saved as .eml files (RFC 5322; what mail programs save or drag out),
// one file or a folder of them, read recursively in name order. Each becomes an e-mail
// contact through mail::MessageCollector (mail_common.h); only the header block is read.
// A leading mbox-style "From " line, which some programs keep, is skipped and its date is
// the fallback for a broken Date header.
#include <algorithm>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "core/ascii.h"
#include "ingest/folder_walk.h"
#include "ingest/importers.h"
#include "ingest/mail_common.h"

namespace addio {
namespace {

namespace fs = std::filesystem;

void ReadEml(const std::string& path, mail::MessageCollector& collector, IngestResult& result) {
  mail::LineReader reader(path);
  if (!reader.ok()) {
    result.diagnostics.Add(
        {Severity::kError, path, 0, "", "", "", "", Msg("ingest.cannot_read_file")});
    return;
  }
  mail::HeaderBuilder builder;
  std::optional<Instant> separator_date;
  std::string_view line;
  while (reader.Next(line)) {
    if (reader.line() == 1) {
      if (line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
      // "From sender date", not the obsolete header form "From  : Ann <a@b.c>".
      const size_t word_end = line.find_first_not_of(' ', 4);
      if (line.starts_with("From ") && word_end != std::string_view::npos &&
          line[word_end] != ':') {
        separator_date = mail::ParseSeparatorDate(line);
        continue;
      }
    }
    if (!builder.Feed(line, reader.line())) {
      if (reader.line() == 1) continue;  // a blank first line: some tools write one
      break;
    }
  }
  mail::MessageHeader header = builder.Take();
  if (header.fields.empty()) {
    result.diagnostics.Add(
        {Severity::kError, path, 1, "", "", "", "", Msg("ingest.eml.no_header")});
    return;
  }
  collector.Add(path, 0, header, separator_date);
}

// The .eml files of a folder and its subfolders (folder_walk.h: sorted by path, hidden
// ones skipped).
std::vector<std::string> EmlFiles(const std::string& folder, IngestResult& result) {
  Result<std::vector<std::string>> files = FilesWithExtensions(folder, {".eml"});
  if (!files) {
    result.diagnostics.Add({Severity::kError, folder, 0, "", "", "", "", files.error().message});
    return {};
  }
  return std::move(*files);
}

class EmlImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "eml"; }
  int Detect(const std::string& path, std::string_view head) const override {
    // Above the mbox importer's 85: a saved message may start with a "From " line too.
    if (AsciiLower(path).ends_with(".eml")) return 90;
    // A header block: "Name: value" lines naming at least a sender and a date.
    const size_t end = head.find("\n\n");
    const std::string header = AsciiLower(std::string(head.substr(0, end)));
    const size_t colon = header.find(':');
    const bool starts_as_field =
        colon != std::string::npos && colon < 40 &&
        header.substr(0, colon).find_first_of(" \t,;\"") == std::string::npos;
    const bool mail_fields =
        (header.starts_with("from:") || header.find("\nfrom:") != std::string::npos) &&
        (header.starts_with("date:") || header.find("\ndate:") != std::string::npos);
    return starts_as_field && mail_fields ? 50 : 0;
  }
  IngestResult Read(const std::string& path, const IngestContext& context) const override {
    IngestResult result;
    result.format = "eml";
    mail::MessageCollector collector("eml", context, result);
    std::error_code error;
    if (fs::is_directory(path, error)) {
      for (const std::string& file : EmlFiles(path, result)) ReadEml(file, collector, result);
    } else {
      ReadEml(path, collector, result);
    }
    collector.Finish();
    return result;
  }
};

}  // namespace

const Importer& EmlImporter() {
  static const EmlImporterImpl instance;
  return instance;
}

}  // namespace addio
