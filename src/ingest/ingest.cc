// The importer registry and Ingest(): which importer reads a path, and how the results
// of several files in a folder become one IngestResult.
#include "ingest/ingest.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ingest/folder_walk.h"
#include "ingest/importers.h"
#include "ledger/format_internal.h"

namespace addio {
namespace {

namespace fs = std::filesystem;

constexpr size_t kHeadBytes = 64 * 1024;
// A folder's preview lists its files, at most this many.
constexpr size_t kPreviewFiles = 20;

std::string ValidNames() {
  std::string names;
  for (const Importer* importer : Importers()) {
    if (!names.empty()) names += ", ";
    names += importer->name();
  }
  return names;
}

// The first bytes of a file. Error kNotFound or kIo naming the file.
Result<std::string> ReadHead(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code ec;
    return Fail(fs::exists(path, ec) ? ErrorCode::kIo : ErrorCode::kNotFound,
                Msg("ingest.cannot_open", path));
  }
  std::string head(kHeadBytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  return head;
}

// The best importer for one file, or nullptr when none recognises it.
const Importer* BestImporter(const std::string& path, std::string_view head) {
  const Importer* best = nullptr;
  int best_score = 0;
  for (const Importer* importer : Importers()) {
    const int score = importer->Detect(path, head);
    if (score > best_score) {
      best = importer;
      best_score = score;
    }
  }
  return best;
}

size_t RegistryIndex(const Importer* importer) {
  const auto& all = Importers();
  return static_cast<size_t>(std::find(all.begin(), all.end(), importer) - all.begin());
}

// Appends the records of `from` to `into`, one per id: a record whose id is already there
// replaces it when different (a later file is taken as the newer export) with a warning,
// and is dropped when equal (overlapping exports).
template <typename R>
void MergeRecords(std::vector<R> Ledger::*member, const char* type, const IngestResult& from,
                  IngestResult& into, std::map<std::string, size_t>& index) {
  std::vector<R>& records = into.ledger.*member;
  std::vector<RecordLocation>& locations = into.source.locations[type];
  locations.resize(records.size());
  const std::vector<R>& incoming = from.ledger.*member;
  for (size_t i = 0; i < incoming.size(); ++i) {
    const R& record = incoming[i];
    const RecordLocation location = from.source.Find(type, i).value_or(RecordLocation{});
    const auto [it, added] = index.emplace(record.id, records.size());
    if (added) {
      records.push_back(record);
      locations.push_back(location);
      continue;
    }
    if (records[it->second] == record) continue;
    const RecordLocation& before = locations[it->second];
    Diagnostic d;
    d.severity = Severity::kWarning;
    d.file = location.file;
    d.line = location.line;
    d.path = location.path;
    d.record_type = type;
    d.record_id = record.id;
    const Arg earlier =
        before.file.empty() ? Arg::Key("ingest.merge.an_earlier_file") : Arg(before.file);
    const std::string at_line = before.line > 0 ? ":" + std::to_string(before.line) : "";
    d.message = Msg("ingest.merge.differs", earlier, at_line);
    if constexpr (requires(const R& r) { r.client; }) {
      // A record never changes owner: the same id for another client is an error.
      if (records[it->second].client != record.client) {
        d.severity = Severity::kError;
        d.field = "client";
        d.message = Msg("ingest.merge.owner_conflict", Arg::Key(RecordTypeKey(type)), record.id,
                        records[it->second].client, record.client, earlier, at_line);
        into.diagnostics.Add(std::move(d));
        continue;
      }
    }
    into.diagnostics.Add(std::move(d));
    records[it->second] = record;
    locations[it->second] = location;
  }
}

// Merges one file's result into the folder's. `indexes` holds the id -> position maps,
// one per record type.
// Notes `read.format` as the importer of every record type `read` holds records of
// (LedgerSource::importers), once the importer is known.
void NoteImporter(IngestResult& read) {
  format_internal::ForEachRecordType([&](auto tag) {
    using R = typename decltype(tag)::type;
    if ((read.ledger.*format_internal::RecordTraits<R>::kMember).empty()) return;
    const char* type =
        format_internal::kRecordTypeNames[format_internal::RecordTraits<R>::kIndex].type;
    read.source.importers[type].insert(read.format);
  });
}

void MergeResult(const IngestResult& from, IngestResult& into,
                 std::map<std::string, std::map<std::string, size_t>>& indexes) {
  if (!(from.ledger.workspace == Workspace{})) into.ledger.workspace = from.ledger.workspace;
  format_internal::ForEachRecordType([&](auto tag) {
    using R = typename decltype(tag)::type;
    const char* type =
        format_internal::kRecordTypeNames[format_internal::RecordTraits<R>::kIndex].type;
    MergeRecords<R>(format_internal::RecordTraits<R>::kMember, type, from, into, indexes[type]);
  });
  for (const auto& [type, importers] : from.source.importers) {
    into.source.importers[type].insert(importers.begin(), importers.end());
  }
  into.diagnostics.Append(from.diagnostics);
  into.review.insert(into.review.end(), from.review.begin(), from.review.end());
  std::set<std::string> unmatched_ids;
  for (const UnmatchedCredit& credit : into.unmatched) unmatched_ids.insert(credit.id);
  for (const UnmatchedCredit& credit : from.unmatched) {
    if (unmatched_ids.insert(credit.id).second) into.unmatched.push_back(credit);
  }
}

// Records later files may refer to (clients created by an earlier file, invoices a bank
// statement pays), appended to what the store already holds. Work, contacts and requests
// are left out: no importer looks them up, and they are the bulk of a ledger.
void AppendReferable(const Ledger& from, Ledger& into) {
  const auto append = [](const auto& source, auto& target) {
    target.insert(target.end(), source.begin(), source.end());
  };
  append(from.clients, into.clients);
  append(from.contracts, into.contracts);
  append(from.projects, into.projects);
  append(from.invoices, into.invoices);
  append(from.payments, into.payments);
  append(from.rate_changes, into.rate_changes);
  append(from.credit_notes, into.credit_notes);
}

Result<IngestResult> IngestFolder(const std::string& folder, const Importer* forced,
                                  const IngestContext& context) {
  IngestResult result;
  // Canonical ledgers inside the folder are read whole, unless a format is forced.
  PathTest is_ledger;
  if (forced == nullptr) {
    is_ledger = [](const fs::path& path) { return LedgerImporter().Detect(path.string(), "") > 0; };
  }
  Result<FolderFiles> walked = WalkFolder(folder, {}, is_ledger);
  if (!walked) return std::unexpected(walked.error());
  const std::vector<std::string>& files = walked->files;
  const std::vector<std::string>& ledger_folders = walked->whole_folders;
  for (const std::string& special : walked->not_regular) {
    result.diagnostics.Add(
        {Severity::kWarning, special, 0, "", "", "", "", Msg("ingest.not_regular_file_skipped")});
  }

  // Detect every file first, then read them in registry order (canonical ledger, time
  // trackers, invoicing tools, e-invoices, bank statements, calendars, mail), so that
  // bank credits meet the invoices and mail meets the clients of the same folder.
  std::vector<std::pair<const Importer*, std::string>> plan;
  for (const std::string& ledger_folder : ledger_folders) {
    plan.emplace_back(&LedgerImporter(), ledger_folder);
  }
  for (const std::string& file : files) {
    const Importer* importer = forced;
    if (importer == nullptr) {
      Result<std::string> head = ReadHead(file);
      if (!head) {
        result.diagnostics.Add({Severity::kError, file, 0, "", "", "", "", head.error().message});
        continue;
      }
      importer = BestImporter(file, *head);
    }
    if (importer == nullptr) {
      result.review.push_back(Msg("ingest.review.unknown_format_skipped", file, ValidNames()));
      continue;
    }
    plan.emplace_back(importer, file);
  }
  std::stable_sort(plan.begin(), plan.end(), [](const auto& a, const auto& b) {
    return RegistryIndex(a.first) < RegistryIndex(b.first);
  });

  Ledger referable;
  referable.workspace = context.existing->workspace;
  AppendReferable(*context.existing, referable);
  IngestContext file_context = context;
  file_context.existing = &referable;

  std::map<std::string, std::map<std::string, size_t>> indexes;
  std::vector<std::string> formats;
  std::vector<std::vector<std::string>> preview = {{"file", "format", "records"}};
  for (size_t done = 0; done < plan.size(); ++done) {
    const auto& [importer, file] = plan[done];
    if (context.progress) context.progress(done, plan.size());
    // The files an importer reads as one set are together in the plan: read them at once.
    std::vector<std::string> set;
    while (importer->ReadsFilesAsOneSet() && done + set.size() < plan.size() &&
           plan[done + set.size()].first == importer) {
      set.push_back(plan[done + set.size()].second);
    }
    IngestResult read =
        set.empty() ? importer->Read(file, file_context) : importer->ReadSet(set, file_context);
    if (!set.empty()) done += set.size() - 1;
    if (read.format.empty()) read.format = importer->name();
    NoteImporter(read);
    if (std::find(formats.begin(), formats.end(), read.format) == formats.end()) {
      formats.push_back(read.format);
    }
    size_t records = 0;
    format_internal::ForEachRecordType([&](auto tag) {
      using R = typename decltype(tag)::type;
      records += (read.ledger.*format_internal::RecordTraits<R>::kMember).size();
    });
    if (preview.size() <= kPreviewFiles) {
      std::error_code ec;
      std::string name = fs::relative(file, folder, ec).string();
      if (set.size() > 1) name += " … " + fs::relative(set.back(), folder, ec).string();
      preview.push_back({name, read.format, std::to_string(records)});
    }
    MergeResult(read, result, indexes);
    // Later files see what this one created, as if it were stored.
    AppendReferable(read.ledger, referable);
  }
  if (context.progress) context.progress(plan.size(), plan.size());
  if (plan.size() > kPreviewFiles) {
    preview.push_back({"... " + std::to_string(plan.size() - kPreviewFiles) + " more", "", ""});
  }
  if (plan.empty()) {
    result.diagnostics.Add(
        {Severity::kWarning, folder, 0, "", "", "", "", Msg("ingest.folder.nothing_readable")});
  }
  result.preview = std::move(preview);
  for (const std::string& format : formats) {
    if (!result.format.empty()) result.format += "+";
    result.format += format;
  }
  return result;
}

}  // namespace

const std::vector<const Importer*>& Importers() {
  static const std::vector<const Importer*> all = {
      &LedgerImporter(), &TogglImporter(),        &ClockifyImporter(),   &HarvestImporter(),
      &KimaiImporter(),  &InvoiceNinjaImporter(), &FreshBooksImporter(), &WaveImporter(),
      &ZohoImporter(),   &Invoice2goImporter(),   &InvoicelyImporter(),  &FatturaPaImporter(),
      &CamtImporter(),   &OfxImporter(),          &IcsImporter(),        &MboxImporter(),
      &EmlImporter(),    &MappedCsvImporter(),
  };
  return all;
}

Result<const Importer*> FindImporter(std::string_view name) {
  for (const Importer* importer : Importers()) {
    if (importer->name() == name) return importer;
  }
  return Fail(ErrorCode::kInvalidArgument, Msg("ingest.unknown_format", name, ValidNames()));
}

Result<const Importer*> DetectImporter(const std::string& path) {
  std::error_code ec;
  std::string head;
  if (!fs::is_directory(path, ec)) {
    Result<std::string> read = ReadHead(path);
    if (!read) return std::unexpected(read.error());
    head = std::move(*read);
  }
  if (const Importer* importer = BestImporter(path, head)) return importer;
  return Fail(ErrorCode::kInvalidArgument, Msg("ingest.undetected", path, ValidNames()));
}

namespace {

// True when the mapping file has a [records.<type>] table (the generic CSV importer's
// column mapping), as opposed to only a [clients] table of renames. A missing or
// unreadable file is false: the importer that reads it reports the problem.
bool MappingDescribesColumns(const std::string& mapping_file) {
  if (mapping_file.empty()) return false;
  std::ifstream in(mapping_file);
  std::string line;
  while (std::getline(in, line)) {
    const size_t first = line.find_first_not_of(" \t");
    if (first != std::string::npos && line.compare(first, 9, "[records.") == 0) return true;
  }
  return false;
}

}  // namespace

Result<IngestResult> Ingest(const std::string& path, const IngestContext& context) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) return Fail(ErrorCode::kNotFound, Msg("ingest.no_such_path", path));
  // A FIFO, a device or a socket is never opened: reading one may block forever.
  if (!fs::is_directory(status) && !fs::is_regular_file(status)) {
    return Fail(ErrorCode::kInvalidArgument, Msg("ingest.not_regular_file", path));
  }
  if (const std::string& mapping = context.options.mapping_file; !mapping.empty()) {
    const fs::file_status mapping_status = fs::status(mapping, ec);
    if (fs::exists(mapping_status) && !fs::is_regular_file(mapping_status)) {
      return Fail(ErrorCode::kInvalidArgument, Msg("ingest.not_regular_file", mapping));
    }
  }
  const Importer* forced = nullptr;
  if (!context.options.format.empty()) {
    Result<const Importer*> found = FindImporter(context.options.format);
    if (!found) return std::unexpected(found.error());
    forced = *found;
  } else if (MappingDescribesColumns(context.options.mapping_file)) {
    // A mapping with [records.*] tables says how to read the file: the generic CSV
    // importer, which detection never picks on its own.
    forced = &MappedCsvImporter();
  }
  static const Ledger kEmpty;
  IngestContext checked = context;
  Ledger loaded;
  // Points checked.existing at the stored records, reading them if need be.
  auto read_stored = [&]() -> Status {
    if (checked.existing != nullptr) return {};
    checked.existing = &kEmpty;
    if (!context.load_existing) return {};
    auto stored = context.load_existing();
    if (!stored) return std::unexpected(stored.error());
    loaded = std::move(*stored);
    checked.existing = &loaded;
    return {};
  };

  if (fs::is_directory(status)) {
    const Importer& ledger = LedgerImporter();
    if (forced == &ledger || (forced == nullptr && ledger.Detect(path, "") > 0)) {
      IngestResult result = ledger.Read(path, checked);
      result.format = ledger.name();
      NoteImporter(result);
      return result;
    }
    if (Status stored = read_stored(); !stored) return std::unexpected(stored.error());
    return IngestFolder(path, forced, checked);
  }
  const Importer* importer = forced;
  if (importer == nullptr) {
    Result<const Importer*> detected = DetectImporter(path);
    if (!detected) return std::unexpected(detected.error());
    importer = *detected;
  }
  if (importer->ReadsStoredRecords()) {
    if (Status stored = read_stored(); !stored) return std::unexpected(stored.error());
  }
  IngestResult result = importer->Read(path, checked);
  if (result.format.empty()) result.format = importer->name();
  NoteImporter(result);
  return result;
}

}  // namespace addio
