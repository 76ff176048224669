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

Result<std::string> ReadFile(const std::string& path, const Common& common) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Fail(ErrorCode::kNotFound,
                std::string(T(common, "cannot read ", "impossibile leggere ")) + path);
  }
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
Status SaveDraft(const std::string& path, const IntakeDraft& draft, const Common& common) {
  std::error_code ec;
  const fs::path target(path);
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << IntakeDraftJson(draft) << "\n";
    if (!out) {
      return Fail(ErrorCode::kIo,
                  std::string(T(common, "cannot write ", "impossibile scrivere ")) + temporary);
    }
  }
  fs::rename(temporary, target, ec);
  if (ec)
    return Fail(ErrorCode::kIo,
                std::string(T(common, "cannot write ", "impossibile scrivere ")) + path);
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
  const std::string lang = LangKey(common.lang);
  const std::string path = StatePath(options);
  IntakeDraft draft;
  if (options.resume) {
    if (!fs::exists(path)) {
      return Fail(ErrorCode::kNotFound,
                  std::string(T(common, "no saved answers to resume in ",
                                "nessuna risposta salvata da riprendere in ")) +
                      path);
    }
    auto text = ReadFile(path, common);
    if (!text) return std::unexpected(text.error());
    auto saved = ParseIntakeDraft(*text, IntakeFormat::kJson, lang);
    if (!saved) return std::unexpected(saved.error());
    draft = std::move(*saved);
    std::fprintf(stderr,
                 T(common, "Resuming %zu of %zu answers from %s.\n",
                   "Riprendo %zu risposte su %zu da %s.\n"),
                 draft.size(), IntakeQuestions().size(), path.c_str());
  } else if (fs::exists(path)) {
    std::fprintf(stderr,
                 T(common,
                   "Starting over: the answers saved in %s will be replaced (--resume continues "
                   "them).\n",
                   "Si ricomincia: le risposte salvate in %s verranno sostituite (--resume le "
                   "riprende).\n"),
                 path.c_str());
  }

  g_interrupt_message =
      std::string(T(common, "\nInterrupted. The answers given so far are saved in ",
                    "\nInterrotto. Le risposte date finora sono salvate in ")) +
      path + T(common, "; continue with: ", "; per continuare: ") + ResumeCommand(options) + "\n";
  std::signal(SIGINT, OnInterrupt);
  auto ended = AskIntakeQuestions(std::cin, std::cerr, draft, lang,
                                  [&](const IntakeDraft& d) { return SaveDraft(path, d, common); });
  std::signal(SIGINT, SIG_DFL);
  if (!ended) return std::unexpected(ended.error());
  if (*ended == QuestionnaireEnd::kQuit) {
    return Fail(ErrorCode::kInvalidArgument,
                std::string(T(common, "stopped after ", "interrotto dopo ")) +
                    std::to_string(draft.size()) + T(common, " of ", " su ") +
                    std::to_string(IntakeQuestions().size()) +
                    T(common, " answers, saved in ", " risposte, salvate in ") + path +
                    T(common, "; continue with: ", "; per continuare: ") + ResumeCommand(options));
  }
  std::fprintf(stderr,
               T(common, "\nAnswers saved in %s (screen them again with --answers %s).\n\n",
                 "\nRisposte salvate in %s (per rivalutarle: --answers %s).\n\n"),
               path.c_str(), path.c_str());
  return AnswersFromDraft(draft, lang);
}

Status SaveIntake(const Common& common, const std::string& client_id,
                  const IntakeAnswers& answers) {
  auto store = OpenStoreOf(common, OpenMode::kMustExist);
  if (!store) return std::unexpected(store.error());
  auto client = (*store)->LoadClient(client_id);
  if (!client) return std::unexpected(client.error());
  if (!*client) {
    return Fail(ErrorCode::kNotFound,
                std::string(T(common, "no client with id ", "nessun cliente con id ")) + client_id);
  }
  Ledger incoming;  // an empty workspace keeps the stored one
  incoming.clients.push_back((*client)->client);
  incoming.clients.back().intake = IntakeJson(answers);
  auto report = (*store)->Import(incoming, LedgerSource{}, false);
  if (!report) return std::unexpected(report.error());
  if (!report->ok()) {
    return Fail(ErrorCode::kValidation, report->diagnostics.ToString());
  }
  return {};
}

}  // namespace

int Screen(const Common& common, const ScreenOptions& options) {
  const std::string lang = LangKey(common.lang);
  if (!options.answers.empty() && options.resume) {
    return ReportError({ErrorCode::kInvalidArgument,
                        T(common, "--resume continues a questionnaire; it cannot go with --answers",
                          "--resume riprende un questionario; non si usa con --answers")});
  }
  Result<IntakeAnswers> answers = Fail(ErrorCode::kInternal, "");
  if (!options.answers.empty()) {
    auto text = ReadFile(options.answers, common);
    if (!text) return ReportError(text.error());
    answers = ParseIntake(*text, DetectIntakeFormat(options.answers, *text), lang);
    if (!answers) {
      return ReportError({answers.error().code, options.answers + ": " + answers.error().message});
    }
  } else {
    answers = AskAnswers(common, options);
    if (!answers) return ReportError(answers.error());
  }

  ScreeningReport report;
  report.screening = ScreenProspect(*answers);
  report.prospect = options.name;

  // Past clients, when there is a workspace to look at: --ledger, or a store that exists.
  const bool has_records = !options.source.ledger.empty() || StoreExists(common);
  if (has_records) {
    auto ledger = LoadSource(common, options.source);
    if (!ledger) return ReportError(ledger.error());
    auto as_of = ResolveAsOf(common, options.as_of, ledger->workspace);
    if (!as_of) return ReportError(as_of.error());
    report.hourly_rate = ledger->workspace.target_hourly_rate;
    report.as_of = *as_of;
    auto similar = FindSimilarClients(*answers, *ledger, *as_of, {3, options.save_to});
    if (!similar) return ReportError(similar.error());
    report.similar = std::move(*similar);
  }

  if (!options.save_to.empty()) {
    if (!options.source.ledger.empty()) {
      return ReportError({ErrorCode::kInvalidArgument,
                          T(common, "--save-to writes to the store; it cannot go with --ledger",
                            "--save-to scrive nell'archivio; non si usa con --ledger")});
    }
    if (auto saved = SaveIntake(common, options.save_to, *answers); !saved) {
      return ReportError(saved.error());
    }
    std::fprintf(
        stderr,
        T(common, "Saved the answers with client %s.\n", "Risposte salvate con il cliente %s.\n"),
        options.save_to.c_str());
  }

  RenderOptions render;
  render.format = ParseFormat(options.format).value_or(Format::kTable);
  render.lang = common.lang;
  render.color = render.format == Format::kTable &&
                 (options.color == "always" || (options.color == "auto" && isatty(STDOUT_FILENO) &&
                                                std::getenv("NO_COLOR") == nullptr));
  const std::string text = RenderScreening(report, render);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return 0;
}

}  // namespace addio::cli
