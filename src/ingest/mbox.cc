// mbox mailboxes (Thunderbird, Apple Mail, Google Takeout, mutt): one file of messages,
// each after a "From sender date" separator line. Every message becomes an e-mail
// contact through mail::MessageCollector (mail_common.h). The file is streamed line by
// line and only header blocks are kept, so a mailbox of a gigabyte costs a few kilobytes.
// A separator is a line starting "From " whose date reads, at the start of the file or
// after a blank line; a body line that only looks like one ("From here on...") has no date.
#include <string>

#include "ingest/importers.h"
#include "ingest/mail_common.h"

namespace addio {
namespace {

std::string Excerpt(std::string_view line) {
  std::string out(line.substr(0, 40));
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20) c = '?';
  }
  return line.size() > 40 ? out + "..." : out;
}

void ReadMbox(const std::string& path, mail::MessageCollector& collector, IngestResult& result) {
  mail::LineReader reader(path);
  if (!reader.ok()) {
    result.diagnostics.Add(
        {Severity::kError, path, 0, "", "", "", "", Msg("ingest.cannot_read_file")});
    return;
  }
  mail::HeaderBuilder builder;
  std::optional<Instant> separator_date;
  int number = 0;
  bool in_header = false;
  bool after_blank = true;
  std::string_view line;
  while (reader.Next(line)) {
    if (reader.line() == 1 && !line.starts_with("From ")) {
      result.diagnostics.Add({Severity::kError, path, 1, "", "", "", "",
                              Msg("ingest.mbox.no_separator", Excerpt(line))});
      return;
    }
    if (after_blank && line.starts_with("From ")) {
      std::optional<Instant> date = mail::ParseSeparatorDate(line);
      if (date || reader.line() == 1) {
        if (in_header) collector.Add(path, number, builder.Take(), separator_date);
        ++number;
        separator_date = date;
        in_header = true;
        after_blank = false;
        continue;
      }
    }
    if (in_header) {
      if (!builder.Feed(line, reader.line())) {
        collector.Add(path, number, builder.Take(), separator_date);
        in_header = false;
        after_blank = true;
      }
      continue;
    }
    after_blank = line.empty();
  }
  if (in_header) collector.Add(path, number, builder.Take(), separator_date);
}

class MboxImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "mbox"; }
  int Detect(const std::string& path, std::string_view head) const override {
    const size_t end = head.find('\n');
    const std::string_view first = head.substr(0, end == std::string_view::npos ? 200 : end);
    const bool separator = mail::ParseSeparatorDate(first).has_value();
    std::string lower = path;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool named = lower.ends_with(".mbox") || lower.ends_with(".mbx");
    if (separator) return named ? 95 : 85;
    return named ? 60 : 0;
  }
  IngestResult Read(const std::string& path, const IngestContext& context) const override {
    IngestResult result;
    result.format = "mbox";
    mail::MessageCollector collector("mbox", context, result);
    ReadMbox(path, collector, result);
    collector.Finish();
    return result;
  }
};

}  // namespace

const Importer& MboxImporter() {
  static const MboxImporterImpl instance;
  return instance;
}

}  // namespace addio
