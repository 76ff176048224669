#include "cli/screen_command.h"

#include <unistd.h>

#include <cctype>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "ledger/format.h"
#include "profile/questionnaire.h"
#include "profile/screening.h"
#include "profile/similar.h"
#include "report/profile_report.h"
#include "store/store.h"

namespace addio::cli {
namespace {

namespace fs = std::filesystem;

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(ErrorCode::kNotFound, Msg("cli.error.cannot_read", path));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// "Studio Rossi & Co." -> "studio-rossi-co"; "prospect" when nothing is left.
std::string Slug(const std::string& name) {
  std::string out;
  for (unsigned char c : name) {
    if (std::isalnum(c)) {
      out += static_cast<char>(std::tolower(c));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "prospect" : out;
}

std::string StatePath(const ScreenOptions& options) {
  if (!options.state.empty()) return options.state;
  fs::path base;
  if (const char* cache = std::getenv("XDG_CACHE_HOME"); cache && *cache) {
    base = cache;
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    base = fs::path(home) / ".cache";
  } else {
    base = fs::temp_directory_path();
  }
  return (base / "addio" / ("screen-" + Slug(options.name) + ".json")).string();
}

// Writes the draft next to its final place and renames it over, so that an interruption
// mid-write never leaves half a file.
Status SaveDraft(const std::string& path, const IntakeDraft& draft) {
  std::error_code ec;
  const fs::path target(path);
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << IntakeDraftJson(draft) << "\n";
    if (!out) return Fail(ErrorCode::kIo, Msg("cli.error.cannot_write", temporary));
  }
  fs::rename(temporary, target, ec);
  if (ec) return Fail(ErrorCode::kIo, Msg("cli.error.cannot_write", path));
  return {};
}

// How to pick up an interrupted questionnaire again.
std::string ResumeCommand(const ScreenOptions& options) {
  std::string command = "addio screen --resume";
  if (!options.state.empty()) {
    command += " --state " + options.state;
  } else if (!options.name.empty()) {
    command += " --name \"" + options.name + "\"";
  }
  return command;
}

// Set before the questionnaire starts; read by the SIGINT handler, which may only call
// async-signal-safe functions.
std::string g_interrupt_message;

extern "C" void OnInterrupt(int) {
  const ssize_t ignored =
      write(STDERR_FILENO, g_interrupt_message.data(), g_interrupt_message.size());
  (void)ignored;
  _exit(130);
}

Result<IntakeAnswers> AskAnswers(const Common& common, const ScreenOptions& options) {
  const std::string path = StatePath(options);
  IntakeDraft draft;
  if (options.resume) {
    if (!fs::exists(path)) return Fail(ErrorCode::kNotFound, Msg("cli.screen.nothing_saved", path));
    auto text = ReadFile(path);
    if (!text) return std::unexpected(text.error());
    auto saved = ParseIntakeDraft(*text, IntakeFormat::kJson, common.lang);
    if (!saved) return std::unexpected(saved.error());
    draft = std::move(*saved);
    PrintNote(common, Msg("cli.screen.resuming", draft.size(), IntakeQuestions().size(), path));
  } else if (fs::exists(path)) {
    PrintNote(common, Msg("cli.screen.starting_over", path));
  }

  g_interrupt_message =
      "\n" + Say(common, Msg("cli.screen.interrupted", path, ResumeCommand(options))) + "\n";
  std::signal(SIGINT, OnInterrupt);
  auto ended = AskIntakeQuestions(std::cin, std::cerr, draft, common.lang,
                                  [&](const IntakeDraft& d) { return SaveDraft(path, d); });
  std::signal(SIGINT, SIG_DFL);
  if (!ended) return std::unexpected(ended.error());
  if (*ended == QuestionnaireEnd::kQuit) {
    return Fail(ErrorCode::kInvalidArgument,
                Msg("cli.screen.stopped", draft.size(), IntakeQuestions().size(), path,
                    ResumeCommand(options)));
  }
  std::fputs("\n", stderr);
  PrintNote(common, Msg("cli.screen.saved", path));
  std::fputs("\n", stderr);
  return AnswersFromDraft(draft);
}

Status SaveIntake(const Common& common, const std::string& client_id,
                  const IntakeAnswers& answers) {
  auto store = OpenStoreOf(common, OpenMode::kMustExist);
  if (!store) return std::unexpected(store.error());
  auto client = (*store)->LoadClient(client_id);
  if (!client) return std::unexpected(client.error());
  if (!*client) {
    return Fail(ErrorCode::kNotFound, Msg("common.no_client", client_id));
  }
  Ledger incoming;  // an empty workspace keeps the stored one
  incoming.clients.push_back((*client)->client);
  incoming.clients.back().intake = IntakeJson(answers);
  auto report = (*store)->Import(incoming, LedgerSource{}, false);
  if (!report) return std::unexpected(report.error());
  if (!report->ok()) {
    PrintDiagnostics(common, report->diagnostics);
    return Fail(ErrorCode::kValidation, Msg("cli.screen.not_saved", client_id));
  }
  return {};
}

}  // namespace

int Screen(const Common& common, const ScreenOptions& options) {
  if (!options.answers.empty() && options.resume) {
    return ReportError(common, {ErrorCode::kInvalidArgument, Msg("cli.screen.resume_answers")});
  }
  Result<IntakeAnswers> answers = Fail(ErrorCode::kInternal, Message());
  if (!options.answers.empty()) {
    auto text = ReadFile(options.answers);
    if (!text) return ReportError(common, text.error());
    answers = ParseIntake(*text, DetectIntakeFormat(options.answers, *text), common.lang);
    if (!answers) {
      return ReportError(common, {answers.error().code, Msg("cli.error.in_file", options.answers,
                                                            Say(common, answers.error().message))});
    }
  } else {
    answers = AskAnswers(common, options);
    if (!answers) return ReportError(common, answers.error());
  }

  ScreeningReport report;
  report.screening = ScreenProspect(*answers);
  report.prospect = options.name;

  // Past clients, when there is a workspace to look at: --ledger, or a store that exists.
  const bool has_records = !options.source.ledger.empty() || StoreExists(common);
  if (has_records) {
    auto ledger = LoadSource(common, options.source);
    if (!ledger) return ReportError(common, ledger.error());
    auto as_of = ResolveAsOf(common, options.as_of, ledger->workspace);
    if (!as_of) return ReportError(common, as_of.error());
    report.hourly_rate = ledger->workspace.target_hourly_rate;
    report.as_of = *as_of;
    auto similar = FindSimilarClients(*answers, *ledger, *as_of, {3, options.save_to});
    if (!similar) return ReportError(common, similar.error());
    report.similar = std::move(*similar);
  }

  if (!options.save_to.empty()) {
    if (!options.source.ledger.empty()) {
      return ReportError(common, {ErrorCode::kInvalidArgument, Msg("cli.screen.save_to_ledger")});
    }
    if (auto saved = SaveIntake(common, options.save_to, *answers); !saved) {
      return ReportError(common, saved.error());
    }
    PrintNote(common, Msg("cli.screen.saved_with", options.save_to));
  }

  RenderOptions render;
  render.format = ParseFormat(options.format).value_or(Format::kTable);
  render.lang = common.lang;
  render.color = render.format == Format::kTable &&
                 (options.color == "always" || (options.color == "auto" && isatty(STDOUT_FILENO) &&
                                                std::getenv("NO_COLOR") == nullptr));
  WriteToStdout(RenderScreening(report, render));
  return 0;
}

}  // namespace addio::cli
