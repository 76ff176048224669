#include "cli/commands.h"

#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>
#include <tuple>
#include <vector>

#include "core/text.h"
#include "core/time.h"
#include "gen/demo.h"
#include "gen/generator.h"
#include "ingest/importers.h"
#include "ingest/ingest.h"
#include "ledger/client_ledger.h"
#include "ledger/format.h"
#include "ledger/tax_id.h"
#include "ledger/workspace_zone.h"
#include "report/coverage_report.h"
#include "report/dunning_report.h"
#include "report/receivables_report.h"
#include "store/store.h"
#include "verdict/assessment.h"
#include "verdict/assessment_stream.h"
#include "verdict/coverage.h"
#include "verdict/receivables.h"
#include "verdict/stored_assessment.h"

namespace addio::cli {
namespace {

// Same, after "addio: ": a problem that ends the command.
void PrintProblem(const Common& common, const Message& message) {
  WriteToStderr("addio: " + Say(common, message) + "\n");
}

// The language of the first of LC_ALL, LC_MESSAGES, LANG that is set ("it_IT.UTF-8" is
// Italian); English when none is, or when it names another language.
Lang LangOfEnvironment() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value && *value) return ParseLang(value).value_or(Lang::kEn);
  }
  return Lang::kEn;
}

std::optional<Format> ResolveFormat(const std::string& name) { return ParseFormat(name); }

bool UseColor(const std::string& color) {
  if (color == "always") return true;
  if (color == "never") return false;
  return isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
}

void Print(const std::string& text) { WriteToStdout(text); }

// Runs an assessment for the assess/explain commands.
// One client of the store is assessed from its own records and the portfolio statistics
// the store keeps, without reading the whole ledger.
Result<Assessment> AssessSource(const Common& common, const AssessOptions& options,
                                const std::string& only_client) {
  if (!only_client.empty() && options.source.ledger.empty()) {
    auto read = OpenStoreAsOf(common, options.as_of);
    if (!read) return std::unexpected(read.error());
    return AssessStoredClient(*read->store, only_client, read->as_of);
  }
  auto ledger = LoadSource(common, options.source);
  if (!ledger) return std::unexpected(ledger.error());
  auto as_of = ResolveAsOf(common, options.as_of, ledger->workspace);
  if (!as_of) return std::unexpected(as_of.error());
  return addio::Assess(*ledger, *as_of, only_client);
}

RenderOptions MakeRenderOptions(const Common& common, const AssessOptions& options) {
  RenderOptions render;
  render.format = ResolveFormat(options.format).value_or(Format::kTable);
  render.lang = common.lang;
  render.color = render.format == Format::kTable && UseColor(options.color);
  render.pretty = options.pretty;
  return render;
}

// `assess` of every client, each written as soon as it is assessed (verdict/
// assessment_stream.h): the store is read client by client, never loaded whole.
int AssessEveryClient(const Common& common, const AssessOptions& options) {
  // The result may be hundreds of MB: written in 1 MiB blocks rather than the 4 KiB a file
  // or a pipe gets by default. (Nothing was written to stdout yet, as setvbuf requires; a
  // terminal keeps its line buffering.)
  if (isatty(STDOUT_FILENO) != 1) std::setvbuf(stdout, nullptr, _IOFBF, size_t{1} << 20);
  const std::unique_ptr<AssessmentSink> writer = MakeAssessmentWriter(
      MakeRenderOptions(common, options), [](std::string_view text) { WriteToStdout(text); });
  Status assessed;
  if (options.source.ledger.empty()) {
    auto read = OpenStoreAsOf(common, options.as_of);
    if (!read) return ReportError(common, read.error());
    assessed = AssessStore(*read->store, read->workspace, read->as_of, *writer);
  } else {
    auto ledger = LoadSource(common, options.source);
    if (!ledger) return ReportError(common, ledger.error());
    auto as_of = ResolveAsOf(common, options.as_of, ledger->workspace);
    if (!as_of) return ReportError(common, as_of.error());
    assessed = AssessLedger(std::move(*ledger), *as_of, *writer);
  }
  if (!assessed) return ReportError(common, assessed.error());
  return 0;
}

// The import report as a table: one row per record type with new / updated / unchanged,
// then the ids that were updated and the bank credits kept for review.
void PrintImportCounts(const Common& common, const ImportReport& report) {
  const Lang lang = common.lang;
  std::vector<std::vector<std::string>> rows = {
      {Tr("cli.import.column.type", lang), Tr("cli.import.column.new", lang),
       Tr("cli.import.column.updated", lang), Tr("cli.import.column.unchanged", lang)}};
  auto add_row = [&rows](const ImportCounts& counts) {
    rows.push_back({counts.type, std::to_string(counts.added), std::to_string(counts.updated),
                    std::to_string(counts.unchanged)});
  };
  add_row(report.workspace);
  for (const ImportCounts& counts : report.records) {
    if (ShowCounts(counts)) add_row(counts);
  }
  if (report.unmatched.total() > 0) add_row(report.unmatched);
  Print(FormatTable(rows));
  for (const ImportCounts& counts : report.records) {
    for (const std::string& id : counts.updated_ids) {
      PrintLine(common, Msg("cli.import.updated", counts.type, id));
    }
  }
  if (report.unmatched.added > 0) {
    PrintLine(common, Msg("cli.import.unmatched", report.unmatched.added));
  }
}

// A one-line status on stderr while an import runs, only on a terminal, redrawn in place
// by a background thread: a bar of files read for a folder, else the stage with a spinner
// and the seconds elapsed (a single file's importer does not report its position).
class Progress {
 public:
  Progress(const Common& common, const std::string& path)
      : enabled_(isatty(STDERR_FILENO) != 0),
        files_word_(Tr("cli.progress.files", common.lang)),
        start_(std::chrono::steady_clock::now()) {
    stage_ = Say(common, Msg("cli.progress.reading", path));
    if (enabled_) thread_ = std::thread([this] { Run(); });
  }
  ~Progress() { Done(); }

  void Stage(const std::string& stage) {
    std::lock_guard lock(mutex_);
    stage_ = stage;
    total_ = 0;
  }

  // Files done of all the files of a folder.
  void Files(size_t done, size_t total) {
    std::lock_guard lock(mutex_);
    done_ = done;
    total_ = total;
  }

  // Stops and clears the line. Idempotent.
  void Done() {
    {
      std::lock_guard lock(mutex_);
      if (stopped_) return;
      stopped_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
    if (enabled_) std::fputs("\r\033[K", stderr);
  }

 private:
  void Run() {
    static constexpr const char* kSpinner[] = {"|", "/", "-", "\\"};
    static constexpr size_t kBarWidth = 30;
    std::unique_lock lock(mutex_);
    // Quick imports finish before the first frame and print nothing.
    for (int frame = 0; !wake_.wait_for(lock, std::chrono::milliseconds(frame == 0 ? 700 : 150),
                                        [this] { return stopped_; });
         ++frame) {
      const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
                               std::chrono::steady_clock::now() - start_)
                               .count();
      if (total_ > 0) {
        const size_t filled = kBarWidth * done_ / total_;
        std::fprintf(stderr, "\r\033[K[%s%s] %zu/%zu %s  %llds", std::string(filled, '#').c_str(),
                     std::string(kBarWidth - filled, ' ').c_str(), done_, total_,
                     files_word_.c_str(), static_cast<long long>(seconds));
      } else {
        std::fprintf(stderr, "\r\033[K%s %s  %llds", kSpinner[frame % 4], stage_.c_str(),
                     static_cast<long long>(seconds));
      }
    }
  }

  bool enabled_;
  std::string files_word_;
  std::chrono::steady_clock::time_point start_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::string stage_;
  size_t done_ = 0;
  size_t total_ = 0;  // 0: no count known, show the spinner
  bool stopped_ = false;
  std::thread thread_;
};

}  // namespace

std::string FormatTable(const std::vector<std::vector<std::string>>& rows, size_t text_columns) {
  auto width = [](const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  };
  std::vector<size_t> widths;
  for (const auto& row : rows) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], width(row[i]));
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      const std::string pad(widths[i] - width(row[i]), ' ');
      if (i > 0) line += "  ";
      line += i < text_columns ? row[i] + pad : pad + row[i];
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::string Say(const Common& common, const Message& message) { return message.In(common.lang); }

void WriteToStdout(std::string_view text) {
  static const bool terminal = isatty(STDOUT_FILENO) == 1;
  if (!terminal) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return;
  }
  const std::string shown = VisibleControls(text, /*keep_newlines=*/true, /*keep_colors=*/true);
  std::fwrite(shown.data(), 1, shown.size(), stdout);
}

void WriteToStderr(std::string_view text) {
  const std::string shown = VisibleControls(text, /*keep_newlines=*/true);
  std::fwrite(shown.data(), 1, shown.size(), stderr);
}

void PrintLine(const Common& common, const Message& message) {
  WriteToStdout(Say(common, message) + "\n");
}

void PrintNote(const Common& common, const Message& message) {
  WriteToStderr(Say(common, message) + "\n");
}

int ReportError(const Common& common, const Error& error) {
  PrintProblem(common, error.message);
  return ExitCode(error.code);
}

void PrintDiagnostics(const Common& common, const Diagnostics& diagnostics) {
  WriteToStderr(diagnostics.ToString(common.lang));
}

Result<std::unique_ptr<Store>> OpenStoreOf(const Common& common, OpenMode mode) {
  return addio::OpenStore(common.db, mode, common.workspace);
}

bool StoreExists(const Common& common) {
  auto url = ParseStoreUrl(common.db);
  if (!url || url->kind != StoreKind::kSqlite) return true;
  std::error_code ignored;
  return std::filesystem::exists(url->location, ignored);
}

CivilDate Today(const Common& common, const TimeZone& zone) {
  return addio::Today(*common.clock, zone);
}

// --as-of, or today in the workspace time zone.
Result<StoreAsOf> OpenStoreAsOf(const Common& common, const std::string& as_of_text) {
  auto store = OpenStoreOf(common, OpenMode::kMustExist);
  if (!store) return std::unexpected(store.error());
  auto workspace = (*store)->LoadWorkspace();
  if (!workspace) return std::unexpected(workspace.error());
  auto as_of = ResolveAsOf(common, as_of_text, *workspace);
  if (!as_of) return std::unexpected(as_of.error());
  return StoreAsOf{std::move(*store), std::move(*workspace), *as_of};
}

Result<CivilDate> ParseDateOption(const Common& common, std::string_view option,
                                  const std::string& text) {
  auto date = CivilDate::Parse(text);
  if (!date) {
    return Fail(ErrorCode::kInvalidArgument,
                Msg("cli.error.option", std::string(option), Say(common, date.error().message)));
  }
  return date;
}

Result<CivilDate> ResolveAsOf(const Common& common, const std::string& text,
                              const Workspace& workspace) {
  if (!text.empty()) return ParseDateOption(common, "--as-of", text);
  return Today(common, ZoneOf(workspace));
}

// The records to assess: a ledger file (validated, no database) or the whole store.
Result<Ledger> LoadSource(const Common& common, const Source& source) {
  if (!source.ledger.empty()) {
    ReadResult read = ReadLedger(source.ledger);
    if (read.diagnostics.HasErrors()) {
      PrintDiagnostics(common, read.diagnostics);
      return Fail(ErrorCode::kValidation,
                  Msg("cli.error.errors_in", read.diagnostics.ErrorCount(), source.ledger));
    }
    return std::move(read.ledger);
  }
  auto store = OpenStoreOf(common, OpenMode::kMustExist);
  if (!store) return std::unexpected(store.error());
  return (*store)->Load();
}

std::string DefaultDbPath() {
  const char* env = std::getenv("ADDIO_DB");
  return env && *env ? env : "addio.db";
}

std::string DefaultWorkspace() {
  const char* env = std::getenv("ADDIO_WORKSPACE");
  return env && *env ? env : "";
}

std::optional<Lang> ResolveLang(const std::string& flag) {
  if (!flag.empty()) {
    auto lang = ParseLang(flag);
    if (!lang || (flag != "en" && flag != "it")) {
      // The language of the environment says that the flag is wrong.
      const std::string text = Render("cli.error.lang", LangOfEnvironment(), {Arg(flag)});
      std::fprintf(stderr, "addio: %s\n", text.c_str());
      return std::nullopt;
    }
    return lang;
  }
  return LangOfEnvironment();
}

namespace {

// Applies --name and --tax-id to the stored workspace, saying what it now holds. The tax
// id is checked (NormalizedTaxId) before the store is touched; "" clears it.
int SetWorkspaceIdentity(const Common& common, Store& store, const InitOptions& options) {
  auto workspace = store.LoadWorkspace();
  if (!workspace) return ReportError(common, workspace.error());
  if (options.name) workspace->name = *options.name;
  if (options.tax_id) workspace->tax_id = NormalizedTaxId(*options.tax_id).value_or("");
  if (Status saved = store.SaveWorkspace(*workspace); !saved) {
    return ReportError(common, saved.error());
  }
  if (options.name) PrintLine(common, Msg("cli.init.name", workspace->name));
  if (options.tax_id) {
    PrintLine(common, workspace->tax_id.empty() ? Msg("cli.init.tax_id_cleared")
                                                : Msg("cli.init.tax_id", workspace->tax_id));
  }
  return 0;
}

}  // namespace

int Init(const Common& common, const InitOptions& options) {
  if (options.tax_id && !options.tax_id->empty() && !NormalizedTaxId(*options.tax_id)) {
    return ReportError(
        common, Error{ErrorCode::kInvalidArgument, Msg("cli.init.bad_tax_id", *options.tax_id)});
  }
  const bool existed = StoreExists(common);
  auto store = OpenStoreOf(common, OpenMode::kCreateIfMissing);
  // `addio init --workspace ID` adds the workspace when the store does not have it yet.
  if (!store && store.error().code == ErrorCode::kNotFound && !common.workspace.empty() &&
      StoreExists(common)) {
    if (Status added = AddWorkspace(common.db, common.workspace, ""); !added) {
      return ReportError(common, added.error());
    }
    PrintLine(common, Msg("cli.workspace.added", common.workspace, common.db));
    store = OpenStoreOf(common, OpenMode::kMustExist);
  }
  if (!store) return ReportError(common, store.error());
  PrintLine(common,
            Msg(existed ? "cli.init.ready" : "cli.init.created", common.db, SqliteSchemaVersion()));
  if (!options.name && !options.tax_id) return 0;
  return SetWorkspaceIdentity(common, **store, options);
}

// After an import: one line per kind of record the workspace has never held that leaves
// signs unknown for every client (DESIGN.md section 4b), saying how to add it.
void PrintCoverageHints(const Common& common, Store& store) {
  const Result<RecordTypes> held = store.HeldRecordTypes();
  if (!held) return;  // a hint only: the import itself succeeded
  for (const Message& hint : CoverageHints(*held)) PrintLine(common, hint);
}

int Import(const Common& common, const ImportOptions& options) {
  auto store = OpenStoreOf(common, OpenMode::kMustExist);
  if (!store) return ReportError(common, store.error());
  auto workspace = (*store)->LoadWorkspace();
  if (!workspace) return ReportError(common, workspace.error());

  IngestContext context;
  // Importers resolve clients, projects and invoices against what is stored.
  context.load_existing = [&store] { return (*store)->Load(); };
  context.options.format = options.format;
  context.options.timezone = options.timezone;
  context.options.create_clients = !options.no_create;
  context.options.mapping_file = options.mapping;
  for (auto [flag, text, day] : {std::tuple{"--since", &options.since, &context.options.since},
                                 std::tuple{"--until", &options.until, &context.options.until}}) {
    if (text->empty()) continue;
    auto date = CivilDate::Parse(*text);
    if (!date) {
      return ReportError(common,
                         {ErrorCode::kInvalidArgument,
                          Msg("cli.error.option", flag, Say(common, date.error().message))});
    }
    *day = *date;
  }
  if (!options.encoding.empty()) {
    auto encoding = ParseTextEncoding(options.encoding);
    if (!encoding) return ReportError(common, encoding.error());
    context.options.encoding = *encoding;
  }

  Progress progress(common, options.path);
  context.progress = [&progress](size_t done, size_t total) { progress.Files(done, total); };
  auto read = Ingest(options.path, context);
  progress.Stage(Tr("cli.progress.checking", common.lang));
  if (!read) {
    progress.Done();
    return ReportError(common, read.error());
  }
  if (read->diagnostics.HasErrors()) {
    progress.Done();
    PrintDiagnostics(common, read->diagnostics);
    PrintProblem(common,
                 Msg("cli.import.rejected_in", read->diagnostics.ErrorCount(), options.path));
    return ExitCode(ErrorCode::kValidation);
  }
  // References may point to records stored earlier: the store validates the merged whole.
  auto report = (*store)->Import(read->ledger, read->source, read->unmatched, options.dry_run);
  progress.Done();
  if (!report) return ReportError(common, report.error());

  Diagnostics all = read->diagnostics;
  all.Append(report->diagnostics);
  PrintDiagnostics(common, all);
  if (!report->ok()) {
    PrintProblem(common, Msg("cli.import.rejected", report->diagnostics.ErrorCount()));
    return ExitCode(ErrorCode::kValidation);
  }
  if (options.dry_run && !read->preview.empty()) {
    PrintLine(common, Msg("cli.import.read_as", read->format));
    Print(FormatTable(read->preview, read->preview.front().size()));
    std::printf("\n");
  }
  PrintImportCounts(common, *report);
  for (const Message& line : read->review) {
    PrintLine(common, Msg("cli.import.review", Arg::Of(line)));
  }
  PrintLine(common,
            Msg(options.dry_run ? "cli.import.summary_dry_run" : "cli.import.summary",
                all.WarningCount(), report->added(), report->updated(), report->unchanged()));
  if (!options.dry_run) PrintCoverageHints(common, **store);
  return 0;
}

std::string ImportFormatNames() {
  std::string names;
  for (const Importer* importer : Importers()) {
    if (!names.empty()) names += ", ";
    names += importer->name();
  }
  return names;
}

int Export(const Common& common, const std::string& format, const std::string& out) {
  auto store = OpenStoreOf(common, OpenMode::kMustExist);
  if (!store) return ReportError(common, store.error());
  auto ledger = (*store)->Load();
  if (!ledger) return ReportError(common, ledger.error());
  if (auto written = WriteLedger(*ledger, out, format == "csv"); !written) {
    return ReportError(common, written.error());
  }
  PrintNote(common, Msg("cli.export.wrote", out, format));
  return 0;
}

int Clients(const Common& common, const std::string& as_of_text) {
  auto read = OpenStoreAsOf(common, as_of_text);
  if (!read) return ReportError(common, read.error());
  auto summaries = read->store->ClientSummaries(read->as_of);
  if (!summaries) return ReportError(common, summaries.error());
  std::vector<std::vector<std::string>> rows = {
      {Tr("cli.clients.column.client", common.lang), Tr("cli.clients.column.name", common.lang),
       Tr("cli.clients.column.country", common.lang),
       Tr("cli.clients.column.invoices", common.lang),
       Tr("cli.clients.column.invoiced", common.lang), Tr("cli.clients.column.open", common.lang),
       Tr("cli.clients.column.overdue", common.lang),
       Tr("cli.clients.column.credit", common.lang)}};
  for (const ClientSummary& s : *summaries) {
    rows.push_back({s.id, s.name, s.country, std::to_string(s.invoices),
                    s.balance.invoiced.ToString(), s.balance.open.ToString(),
                    s.balance.overdue.ToString(), s.balance.credit.ToString()});
  }
  Print(FormatTable(rows, 3));
  PrintLine(common, Msg("cli.clients.summary", summaries->size(), read->as_of.ToString(),
                        std::string(read->workspace.currency.code())));
  return 0;
}

int Gen(const Common& common, const GenOptions& options) {
  GeneratorOptions generator;
  generator.clients = options.clients;
  generator.months = options.months;
  generator.seed = options.seed;
  if (!options.end.empty()) {
    auto end = CivilDate::Parse(options.end);
    if (!end) {
      return ReportError(common,
                         {ErrorCode::kInvalidArgument,
                          Msg("cli.error.option", "--end", Say(common, end.error().message))});
    }
    generator.end = *end;
  }
  if (auto checked = CheckGeneratorOptions(generator); !checked) {
    return ReportError(common, checked.error());
  }
  const bool csv =
      options.format.empty() ? !options.out.ends_with(".json") : options.format == "csv";
  auto sink = OpenLedgerSink(options.out, csv, GeneratorWorkspace(generator));
  if (!sink) return ReportError(common, sink.error());
  if (auto generated = Generate(generator, **sink); !generated) {
    return ReportError(common, generated.error());
  }
  if (auto finished = (*sink)->Finish(); !finished) return ReportError(common, finished.error());
  PrintNote(common, Msg("cli.gen.wrote", options.clients, options.months,
                        std::to_string(options.seed), options.out));
  return 0;
}

int Demo(const Common& common, const std::string& out) {
  const Ledger demo = DemoLedger();
  if (!out.empty()) {
    if (auto written = WriteLedger(demo, out, false); !written)
      return ReportError(common, written.error());
    PrintNote(common, Msg("cli.demo.wrote", out));
    return 0;
  }
  auto store = OpenStoreOf(common, OpenMode::kCreateIfMissing);
  if (!store) return ReportError(common, store.error());
  auto report = (*store)->Import(demo, LedgerSource{}, false);
  if (!report) return ReportError(common, report.error());
  if (!report->ok()) {
    PrintDiagnostics(common, report->diagnostics);
    return ExitCode(ErrorCode::kValidation);
  }
  PrintLine(common, Msg("cli.demo.loaded", common.db, report->added(), report->updated(),
                        report->unchanged(), DemoAsOf().ToString()));
  return 0;
}

int Assess(const Common& common, const AssessOptions& options) {
  if (options.client.empty()) return AssessEveryClient(common, options);
  auto assessment = AssessSource(common, options, options.client);
  if (!assessment) return ReportError(common, assessment.error());
  Print(RenderAssessment(*assessment, MakeRenderOptions(common, options)));
  return 0;
}

// After a stored client's explanation: the dunning messages addio sent it (the outbox).
int PrintDunningHistory(const Common& common, const StoreAsOf& read, const std::string& id) {
  auto client = read.store->LoadClient(id);
  if (!client) return ReportError(common, client.error());
  auto outbox = read.store->Outbox(kDunningOutboxPrefix);
  if (!outbox) return ReportError(common, outbox.error());
  std::vector<std::string> invoices;
  if (*client) {
    for (const Invoice& invoice : (*client)->invoices) invoices.push_back(invoice.id);
  }
  Print(RenderDunningHistory(*outbox, invoices, ZoneOf(read.workspace), common.lang));
  return 0;
}

int Explain(const Common& common, const AssessOptions& options) {
  const RenderOptions render = MakeRenderOptions(common, options);
  // A stored client's store is opened once, for its assessment and its dunning history.
  std::optional<StoreAsOf> read;
  Result<Assessment> assessment;
  if (options.source.ledger.empty()) {
    auto opened = OpenStoreAsOf(common, options.as_of);
    if (!opened) return ReportError(common, opened.error());
    read = std::move(*opened);
    assessment = AssessStoredClient(*read->store, options.client, read->as_of);
  } else {
    assessment = AssessSource(common, options, options.client);
  }
  if (!assessment) return ReportError(common, assessment.error());
  if (assessment->clients.empty()) {
    return ReportError(common, {ErrorCode::kNotFound, Msg("common.no_client", options.client)});
  }
  Print(RenderExplain(*assessment, assessment->clients.front(), render));
  if (read && render.format == Format::kTable) {
    return PrintDunningHistory(common, *read, options.client);
  }
  return 0;
}

int History(const Common& common, const AssessOptions& options) {
  auto ledger = LoadSource(common, options.source);
  if (!ledger) return ReportError(common, ledger.error());
  auto as_of = ResolveAsOf(common, options.as_of, ledger->workspace);
  if (!as_of) return ReportError(common, as_of.error());
  auto points = addio::History(*ledger, options.client, *as_of, options.months);
  if (!points) return ReportError(common, points.error());
  std::string name = options.client;
  for (const Client& client : ledger->clients) {
    if (client.id == options.client) name = client.name;
  }
  Print(RenderHistory(options.client, name, *points, MakeRenderOptions(common, options)));
  return 0;
}

// Aging of the store, read client by client (the ledger is never held whole), or of the
// --ledger file.
Result<AgingReport> AgeSource(const Common& common, const AssessOptions& options) {
  if (options.source.ledger.empty()) {
    auto read = OpenStoreAsOf(common, options.as_of);
    if (!read) return std::unexpected(read.error());
    AgingBuilder builder(read->workspace, read->as_of);
    const Status aged = read->store->ForEachClient(
        [&builder](ClientLedger&& client) { return builder.Add(client); });
    if (!aged) return std::unexpected(aged.error());
    return builder.Take();
  }
  auto ledger = LoadSource(common, options.source);
  if (!ledger) return std::unexpected(ledger.error());
  auto as_of = ResolveAsOf(common, options.as_of, ledger->workspace);
  if (!as_of) return std::unexpected(as_of.error());
  return AgeReceivables(SplitByClient(*ledger), ledger->workspace, *as_of);
}

int Aging(const Common& common, const AssessOptions& options) {
  auto aging = AgeSource(common, options);
  if (!aging) return ReportError(common, aging.error());
  const auto format = ParseReceivablesFormat(options.format).value_or(ReceivablesFormat::kTable);
  Print(RenderAging(*aging, format, common.lang));
  return 0;
}

int Coverage(const Common& common, const AssessOptions& options) {
  Result<std::vector<TypeCoverage>> stored;
  Workspace workspace;
  if (options.source.ledger.empty()) {
    auto store = OpenStoreOf(common, OpenMode::kMustExist);
    if (!store) return ReportError(common, store.error());
    auto read = (*store)->LoadWorkspace();
    if (!read) return ReportError(common, read.error());
    workspace = std::move(*read);
    stored = (*store)->Coverage();
  } else {
    auto ledger = LoadSource(common, options.source);
    if (!ledger) return ReportError(common, ledger.error());
    workspace = ledger->workspace;
    stored = CoverageOf(*ledger, LedgerImporter().name());
  }
  if (!stored) return ReportError(common, stored.error());
  const addio::Coverage coverage = DescribeCoverage(*stored, workspace);
  Print(options.format == "json" ? RenderCoverageJson(coverage, common.lang, options.pretty)
                                 : RenderCoverageTable(coverage, common.lang));
  return 0;
}

// One client's statement: from the store, its own records (LoadClient); from a --ledger
// file, that client's part of it.
Result<addio::Statement> StatementOf(const Common& common, const AssessOptions& options) {
  const Error unknown{ErrorCode::kNotFound, Msg("common.no_client", options.client)};
  if (options.source.ledger.empty()) {
    auto read = OpenStoreAsOf(common, options.as_of);
    if (!read) return std::unexpected(read.error());
    auto client = read->store->LoadClient(options.client);
    if (!client) return std::unexpected(client.error());
    if (!*client) return std::unexpected(unknown);
    return BuildStatement(**client, read->workspace, read->as_of);
  }
  auto ledger = LoadSource(common, options.source);
  if (!ledger) return std::unexpected(ledger.error());
  auto as_of = ResolveAsOf(common, options.as_of, ledger->workspace);
  if (!as_of) return std::unexpected(as_of.error());
  for (const ClientLedger& client : SplitByClient(*ledger)) {
    if (client.client.id == options.client)
      return BuildStatement(client, ledger->workspace, *as_of);
  }
  return std::unexpected(unknown);
}

int Statement(const Common& common, const AssessOptions& options) {
  auto statement = StatementOf(common, options);
  if (!statement) return ReportError(common, statement.error());
  const auto format = ParseReceivablesFormat(options.format).value_or(ReceivablesFormat::kTable);
  Print(RenderStatement(*statement, format, common.lang));
  return 0;
}

}  // namespace addio::cli
