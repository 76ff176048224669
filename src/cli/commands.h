// The commands of `addio`, one function each, free of argument parsing (main.cc owns
// CLI11). This is the composition root: it opens the store (OpenStoreOf, the one place)
// or reads a ledger file, asks the clock main.cc handed down for "today", calls the
// services and prints. Each command returns the process exit status; errors go to
// stderr, results to stdout.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalogue.h"
#include "core/clock.h"
#include "core/diagnostics.h"
#include "core/result.h"
#include "core/time.h"
#include "ledger/records.h"
#include "report/report.h"
#include "store/store.h"

namespace addio::cli {

// Options every command shares.
struct Common {
  // The store URL (a file path, sqlite:PATH, file:PATH; store.h OpenStore): --db, else
  // $ADDIO_DB, else ./addio.db.
  std::string db;
  // The workspace of the store the command reads and writes (--workspace, else
  // $ADDIO_WORKSPACE); empty for the store's only one.
  std::string workspace;
  std::string lang_flag;  // --lang as given; empty to follow LANG
  Lang lang = Lang::kEn;  // resolved from lang_flag and the environment
  // What "today" is read from: the SystemClock main.cc creates. Not owned; never null
  // once main has set it.
  const Clock* clock = nullptr;
};

// Where an assessment reads its records: a ledger file (no database) or the store.
struct Source {
  std::string ledger;  // --ledger FILE|DIR; empty for the store
};

// addio init: creates the store or brings its schema up to date; --name and --tax-id
// (when given) set the workspace's business name and tax id.
struct InitOptions {
  std::optional<std::string> name;    // --name
  std::optional<std::string> tax_id;  // --tax-id: a VAT number or fiscal code; "" clears it
};
int Init(const Common& common, const InitOptions& options);
struct ImportOptions {
  std::string path;        // a file or a folder
  std::string format;      // --format: an importer name; empty to detect
  std::string timezone;    // --timezone for naive local times; empty: the workspace's
  std::string mapping;     // --mapping: client renames/merges, or a generic CSV's columns
  bool no_create = false;  // --no-create: unknown client names are errors
  bool dry_run = false;
  std::string since, until;  // --since/--until YYYY-MM-DD: the days a calendar is read for
  std::string encoding;      // --encoding utf-8|windows-1252|latin-1; empty: detect
};
int Import(const Common& common, const ImportOptions& options);
// "ledger, toggl, clockify, ...": the importer names --format accepts.
std::string ImportFormatNames();
int Export(const Common& common, const std::string& format, const std::string& out);
int Clients(const Common& common, const std::string& as_of);

struct GenOptions {
  int clients = 50;
  int months = 18;
  uint64_t seed = 1;
  std::string end;  // YYYY-MM-DD; empty for the generator's fixed default
  std::string out;
  std::string format;  // json|csv; empty: csv when `out` does not end in .json
};
int Gen(const Common& common, const GenOptions& options);
int Demo(const Common& common, const std::string& out);

struct AssessOptions {
  Source source;
  std::string as_of;   // empty for today in the workspace time zone
  std::string client;  // empty for every client
  std::string format = "table";
  std::string color = "auto";  // auto|always|never
  int months = 12;             // history only
  bool pretty = false;         // assess --pretty: indented JSON, every evidence item
};
int Assess(const Common& common, const AssessOptions& options);
int Explain(const Common& common, const AssessOptions& options);
int History(const Common& common, const AssessOptions& options);
int Aging(const Common& common, const AssessOptions& options);
// `addio coverage`: which kinds of records the store (or --ledger file) holds, which signs
// they let addio judge and what to import next (DESIGN.md section 4b).
int Coverage(const Common& common, const AssessOptions& options);
int Statement(const Common& common, const AssessOptions& options);

// Shared by every command file.
// `message` in the user's language.
std::string Say(const Common& common, const Message& message);
// Writes `text` to stdout; on a terminal, control characters and escape sequences other
// than the report's own colours are shown as visible escapes (core/text.h
// VisibleControls), so that a name read from a file can never drive the terminal.
void WriteToStdout(std::string_view text);
// `rows` as text columns aligned on display width (UTF-8 code points), a line each: the
// first `text_columns` columns left-aligned, the others (numbers) right-aligned.
std::string FormatTable(const std::vector<std::vector<std::string>>& rows, size_t text_columns = 1);
// Writes `text` to stderr with every control character but newlines and tabs made
// visible, wherever stderr goes: a NUL byte in a message never cuts it short.
void WriteToStderr(std::string_view text);
// Prints `message` in the user's language and a newline: to stdout (a result) or to
// stderr (a note about the command's progress).
void PrintLine(const Common& common, const Message& message);
void PrintNote(const Common& common, const Message& message);
// Prints "addio: <message>" to stderr in the user's language; returns the exit status for
// the error's code.
int ReportError(const Common& common, const Error& error);
// Prints every diagnostic to stderr in the user's language (Diagnostics::ToString).
void PrintDiagnostics(const Common& common, const Diagnostics& diagnostics);
// Workspace common.workspace of the store common.db: the one place the commands open a
// store. Errors as OpenStore's.
Result<std::unique_ptr<Store>> OpenStoreOf(const Common& common, OpenMode mode);
// Whether common.db names an existing store (a SQLite file that exists). True for a URL
// that cannot be read, so that opening it reports why.
bool StoreExists(const Common& common);
// Today's date in `zone`, by common.clock.
CivilDate Today(const Common& common, const TimeZone& zone);
// The date `text` given with `option` ("--since"). Error kInvalidArgument naming the
// option for anything but a real YYYY-MM-DD.
Result<CivilDate> ParseDateOption(const Common& common, std::string_view option,
                                  const std::string& text);
// --as-of, or today in the workspace time zone. Error kInvalidArgument for a bad date.
Result<CivilDate> ResolveAsOf(const Common& common, const std::string& text,
                              const Workspace& workspace);
// The store opened for a read of one date: the store, its workspace, and `as_of_text`
// (--as-of) resolved in the workspace's time zone.
struct StoreAsOf {
  std::unique_ptr<Store> store;
  Workspace workspace;
  CivilDate as_of;
};
Result<StoreAsOf> OpenStoreAsOf(const Common& common, const std::string& as_of_text);
// The records of --ledger (validated; its diagnostics printed to stderr when it has
// errors), or the whole store at common.db.
Result<Ledger> LoadSource(const Common& common, const Source& source);

// The store URL when --db is empty: $ADDIO_DB, else ./addio.db.
std::string DefaultDbPath();
// $ADDIO_WORKSPACE, else "" (the store's only workspace).
std::string DefaultWorkspace();

// Resolves the language: --lang when given (an error for anything but en|it), else the
// first of LC_ALL, LC_MESSAGES, LANG that is set ("it_IT.UTF-8" is Italian), else English.
// Returns nullopt, after printing the error in the environment's language, for a bad
// --lang. main.cc calls it before parsing the other arguments.
std::optional<Lang> ResolveLang(const std::string& flag);

}  // namespace addio::cli
