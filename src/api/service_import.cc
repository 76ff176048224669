// The import endpoints: which formats exist, and an uploaded file run through an importer
// (ingest/ingest.h) and the store's transactional Import, as a dry run or for real.
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <tuple>

#include "api/json_util.h"
#include "api/service.h"
#include "api/service_internal.h"
#include "core/text.h"
#include "ingest/ingest.h"

namespace addio {
namespace {

namespace fs = std::filesystem;

using api_internal::Json;
using api_internal::JsonBody;

// A private folder under the system temporary directory, removed with everything in it
// when the object goes out of scope.
class TempDir {
 public:
  TempDir() {
    std::error_code ec;
    std::string pattern = (fs::temp_directory_path(ec) / "addio-upload-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The uploaded name's last component, with anything but letters, digits, '.', '-' and '_'
// replaced, so that it is a plain file name inside the temporary folder; the extension
// survives, since importers detect formats by it.
std::string SafeFileName(const std::string& name) {
  std::string base =
      name.substr(name.find_last_of("/\\") == std::string::npos ? 0 : name.find_last_of("/\\") + 1);
  for (char& c : base) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || c == '.' || c == '-' || c == '_')) c = '_';
  }
  while (!base.empty() && base.front() == '.') base.erase(base.begin());
  if (base.size() > 200) base = base.substr(base.size() - 200);
  return base.empty() ? "upload" : base;
}

// Every occurrence of `from` in `text` replaced by `to`.
std::string ReplaceAll(std::string text, const std::string& from, const std::string& to) {
  if (from.empty()) return text;
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

Json CountsJson(const ImportCounts& counts) {
  Json out;
  out["type"] = counts.type;
  out["added"] = counts.added;
  out["updated"] = counts.updated;
  out["unchanged"] = counts.unchanged;
  out["updated_ids"] = counts.updated_ids;
  return out;
}

// The diagnostics, errors first, in `lang`, with the temporary path shown as the uploaded
// name.
Json DiagnosticsJson(const Diagnostics& diagnostics, const std::string& temp_path,
                     const std::string& shown, Lang lang) {
  Json out = Json::array();
  for (const Severity severity : {Severity::kError, Severity::kWarning}) {
    for (Diagnostic d : diagnostics.items()) {
      if (d.severity != severity) continue;
      d.file = ReplaceAll(d.file, temp_path, shown);
      Json item;
      item["severity"] = severity == Severity::kError ? "error" : "warning";
      item["message"] = ReplaceAll(d.Text(lang), temp_path, shown);
      item["file"] = d.file;
      item["line"] = d.line;
      item["path"] = d.path;
      item["record_type"] = d.record_type;
      item["record_id"] = d.record_id;
      item["field"] = d.field;
      item["text"] = ReplaceAll(d.ToString(lang), temp_path, shown);
      out.push_back(std::move(item));
    }
  }
  return out;
}

Result<bool> ParseDryRun(const std::string& text) {
  if (text.empty() || text == "false" || text == "0") return false;
  if (text == "true" || text == "1") return true;
  return Fail(ErrorCode::kInvalidArgument, Msg("api.error.dry_run", text));
}

// An importer's error about the uploaded file, rendered in `lang` as the client sees it:
// the temporary path replaced by the uploaded name, and the CLI's --format option by the
// request's format parameter. A kNotFound (no importer for the file) is the request's
// fault here: kInvalidArgument.
Error UploadError(const Error& error, const std::string& path, const std::string& shown,
                  Lang lang) {
  std::string text = ReplaceAll(error.message.In(lang), path, shown);
  text = ReplaceAll(text, "--format", Tr("api.format_parameter", lang));
  const ErrorCode code =
      error.code == ErrorCode::kNotFound ? ErrorCode::kInvalidArgument : error.code;
  return Error{code, Msg("api.error.upload", text)};
}

}  // namespace

Result<ApiBody> ApiService::GetImporters() {
  Json list = Json::array();
  for (const Importer* importer : Importers()) {
    Json item;
    item["name"] = std::string(importer->name());
    item["description"] = Json{{"en", importer->description().In(Lang::kEn)},
                               {"it", importer->description().In(Lang::kIt)}};
    list.push_back(std::move(item));
  }
  Json out;
  out["importers"] = std::move(list);
  return JsonBody(api_internal::Dump(out));
}

Result<ApiBody> ApiService::PostImport(const ImportUpload& upload) {
  auto lang = api_internal::ParseLangParam(upload.lang);
  if (!lang) return std::unexpected(lang.error());
  auto dry_run = ParseDryRun(upload.dry_run);
  if (!dry_run) return std::unexpected(dry_run.error());
  if (!upload.format.empty()) {
    if (auto importer = FindImporter(upload.format); !importer) {
      return std::unexpected(importer.error());
    }
  }
  if (!upload.timezone.empty() && !TimeZone::Find(upload.timezone)) {
    return Fail(ErrorCode::kInvalidArgument, Msg("api.error.timezone", upload.timezone));
  }
  IngestContext context;
  for (auto [name, text, day] : {std::tuple{"since", &upload.since, &context.options.since},
                                 std::tuple{"until", &upload.until, &context.options.until}}) {
    if (text->empty()) continue;
    auto date = CivilDate::Parse(*text);
    if (!date) {
      return Fail(ErrorCode::kInvalidArgument,
                  Msg("api.error.param", name, Arg::Of(date.error().message)));
    }
    *day = *date;
  }
  if (!upload.encoding.empty()) {
    auto encoding = ParseTextEncoding(upload.encoding);
    if (!encoding) {
      return Fail(ErrorCode::kInvalidArgument,
                  Msg("api.error.param", "encoding", Arg::Of(encoding.error().message)));
    }
    context.options.encoding = *encoding;
  }

  const std::string shown = SafeFileName(upload.filename);
  TempDir dir;
  if (dir.path().empty()) return Fail(ErrorCode::kIo, Msg("api.error.no_temp_dir"));
  const std::string path = dir.path() + "/" + shown;
  {
    std::ofstream out(path, std::ios::binary);
    out.write(upload.content.data(), static_cast<std::streamsize>(upload.content.size()));
    if (!out) return Fail(ErrorCode::kIo, Msg("api.error.cannot_save", path));
  }

  std::lock_guard lock(write_mutex_);
  auto store = open_store_();
  if (!store) return std::unexpected(store.error());
  auto workspace = (*store)->LoadWorkspace();
  if (!workspace) return std::unexpected(workspace.error());

  // Importers resolve clients, projects and invoices against what is stored.
  context.load_existing = [&store] { return (*store)->Load(); };
  context.options.format = upload.format;
  context.options.timezone = upload.timezone;
  auto read = Ingest(path, context);
  if (!read) return std::unexpected(UploadError(read.error(), path, shown, *lang));
  // With errors from the importer, the store still reports what it would do, but only as
  // a dry run: nothing is written.
  const bool read_ok = !read->diagnostics.HasErrors();
  auto report = (*store)->Import(read->ledger, read->source, read->unmatched, *dry_run || !read_ok);
  if (!report) return std::unexpected(report.error());
  if (report->written) version_.NoteWrite();

  Diagnostics all = read->diagnostics;
  all.Append(report->diagnostics);
  Json out;
  out["file"] = shown;
  out["format"] = read->format;
  out["dry_run"] = *dry_run;
  out["ok"] = read_ok && report->ok();
  out["written"] = report->written;
  Json counts = Json::array();
  counts.push_back(CountsJson(report->workspace));
  for (const ImportCounts& c : report->records) {
    if (ShowCounts(c)) counts.push_back(CountsJson(c));
  }
  out["counts"] = std::move(counts);
  out["totals"] = Json{{"added", report->added()},
                       {"updated", report->updated()},
                       {"unchanged", report->unchanged()}};
  Json preview;
  preview["header"] = read->preview.empty() ? std::vector<std::string>{} : read->preview.front();
  Json rows = Json::array();
  for (size_t i = 1; i < read->preview.size(); ++i) rows.push_back(read->preview[i]);
  preview["rows"] = std::move(rows);
  out["preview"] = std::move(preview);
  Json review = Json::array();
  for (const Message& line : read->review) {
    review.push_back(ReplaceAll(line.In(*lang), path, shown));
  }
  out["review"] = std::move(review);
  Json unmatched = Json::array();
  for (const UnmatchedCredit& credit : read->unmatched) {
    unmatched.push_back(Json{{"id", credit.id},
                             {"date", credit.date.ToString()},
                             {"amount", credit.amount.ToString()},
                             {"payer", credit.payer},
                             {"reference", credit.reference}});
  }
  out["unmatched"] = std::move(unmatched);
  out["diagnostics"] = DiagnosticsJson(all, path, shown, *lang);
  out["errors"] = all.ErrorCount();
  out["warnings"] = all.WarningCount();
  return JsonBody(api_internal::Dump(out));
}

}  // namespace addio
