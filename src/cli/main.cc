// addio: the command line. This file only parses arguments (CLI11 is included here and
// nowhere else: it costs seconds per translation unit) and dispatches to commands.cc.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

#include "cli/commands.h"
#include "cli/letter_command.h"
#include "cli/match_command.h"
#include "cli/screen_command.h"
#include "cli/serve_command.h"

namespace {

using addio::cli::AssessOptions;
using addio::cli::Common;

void AddSourceOptions(CLI::App* command, AssessOptions& options, bool with_format) {
  command->add_option("--ledger", options.source.ledger,
                      "Read this ledger file or folder instead of the store");
  command->add_option("--as-of", options.as_of,
                      "The date to assess as of, YYYY-MM-DD (default: today)");
  if (with_format) {
    command->add_option("--format", options.format, "table, json, md or html")
        ->check(CLI::IsMember({"table", "json", "md", "markdown", "html"}));
    command->add_option("--color", options.color, "Colours in tables: auto, always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
  }
}

}  // namespace

int main(int argc, char** argv) {
  try {
    CLI::App app{
        "addio: which clients to keep, watch, renegotiate or leave, and why.\n"
        "addio: quali clienti tenere, tenere d'occhio, rinegoziare o lasciare, e perché.",
        "addio"};
    app.set_version_flag("--version", std::string("addio ") + ADDIO_VERSION);
    app.require_subcommand(1);
    app.fallthrough();

    Common common;
    app.add_option("--db", common.db, "The store file (default: $ADDIO_DB, else ./addio.db)");
    app.add_option("--lang", common.lang_flag, "Language: en or it (default: from LANG)");

    auto* init = app.add_subcommand("init", "Create the store (or bring its schema up to date)");

    addio::cli::ImportOptions import_options;
    auto* import = app.add_subcommand(
        "import", "Import a file or folder: an addio ledger, or another tool's export");
    import->add_option("path", import_options.path, "A file, or a folder of files")->required();
    import->add_flag("--dry-run", import_options.dry_run,
                     "Show what would change (counts, first rows, problems); write nothing");
    import->add_option(
        "--format", import_options.format,
        "Read as this format instead of detecting it: " + addio::cli::ImportFormatNames());
    import->add_option("--timezone", import_options.timezone,
                       "Time zone of times written without one (default: the workspace's)");
    import->add_option("--mapping", import_options.mapping,
                       "TOML file: client renames and merges, or a generic CSV's columns");
    import->add_flag("--no-create", import_options.no_create,
                     "Do not create clients: an unknown client name is an error");

    std::string export_format = "json", export_out;
    auto* export_command = app.add_subcommand("export", "Write the stored ledger to a file");
    export_command->add_option("--format", export_format, "json (one file) or csv (a folder)")
        ->check(CLI::IsMember({"json", "csv"}));
    export_command->add_option("out", export_out, "The output file or folder")->required();

    std::string clients_as_of;
    auto* clients = app.add_subcommand("clients", "List clients with what they owe");
    clients->add_option("--as-of", clients_as_of, "Balances as of YYYY-MM-DD (default: today)");

    addio::cli::GenOptions gen_options;
    auto* gen = app.add_subcommand("gen", "Generate a realistic synthetic ledger (seeded)");
    gen->add_option("--clients", gen_options.clients, "Number of clients")
        ->check(CLI::Range(0, 10000000));
    gen->add_option("--months", gen_options.months, "Months of history")->check(CLI::Range(1, 240));
    gen->add_option("--seed", gen_options.seed, "Seed: the same seed gives the same bytes");
    gen->add_option("--end", gen_options.end,
                    "Last day of history, YYYY-MM-DD (default 2026-10-31)");
    gen->add_option("--format", gen_options.format, "json or csv (default: from --out)")
        ->check(CLI::IsMember({"json", "csv"}));
    gen->add_option("--out", gen_options.out, "Output: FILE.json or a folder for CSV")->required();

    std::string demo_out;
    auto* demo = app.add_subcommand(
        "demo", "Load the demo ledger into the store (created if missing), or write it with --out");
    demo->add_option("--out", demo_out, "Write the demo ledger to this JSON file instead");

    AssessOptions assess_options;
    auto* assess = app.add_subcommand("assess", "Assess every client: verdict, score, six signs");
    AddSourceOptions(assess, assess_options, true);
    assess->add_option("--client", assess_options.client, "Only this client");

    AssessOptions explain_options;
    auto* explain = app.add_subcommand("explain", "Explain one client's signs, sign by sign");
    explain->add_option("client", explain_options.client, "Client id")->required();
    AddSourceOptions(explain, explain_options, true);

    AssessOptions history_options;
    auto* history = app.add_subcommand("history", "One client's score and verdict per month");
    history->add_option("client", history_options.client, "Client id")->required();
    history->add_option("--months", history_options.months, "How many month ends")
        ->check(CLI::Range(1, 600));
    AddSourceOptions(history, history_options, true);

    AssessOptions aging_options;
    auto* aging = app.add_subcommand("aging", "Receivables by client and age past due");
    AddSourceOptions(aging, aging_options, false);
    aging->add_option("--format", aging_options.format, "table, md, html or csv")
        ->check(CLI::IsMember({"table", "md", "markdown", "html", "csv"}));

    AssessOptions statement_options;
    auto* statement = app.add_subcommand("statement", "A client's statement of account");
    statement->add_option("client", statement_options.client, "Client id")->required();
    AddSourceOptions(statement, statement_options, false);
    statement->add_option("--format", statement_options.format, "table, md, html or csv")
        ->check(CLI::IsMember({"table", "md", "markdown", "html", "csv"}));

    addio::cli::ServeFlags serve_flags;
    auto* serve = app.add_subcommand("serve", "Serve the dashboard and the JSON API over HTTP");
    serve->add_option("--host", serve_flags.host, "Address to listen on (default 127.0.0.1)");
    serve->add_option("--port", serve_flags.port, "Port (default 8080; 0 takes any free port)")
        ->check(CLI::Range(0, 65535));

    addio::cli::ScreenOptions screen_options;
    auto* screen = app.add_subcommand(
        "screen", "Screen a prospect before the first job: asks the intake questions");
    screen->add_option("--answers", screen_options.answers,
                       "Read the answers from a JSON or TOML file instead of asking");
    screen->add_option("--name", screen_options.name, "The prospect's name");
    screen->add_option(
        "--state", screen_options.state,
        "Where answers are kept while asking (default ~/.cache/addio/screen-NAME.json)");
    screen->add_flag("--resume", screen_options.resume, "Continue an interrupted questionnaire");
    screen->add_option("--save-to", screen_options.save_to, "Store the answers with this client");
    screen->add_option("--ledger", screen_options.source.ledger,
                       "Past clients from this ledger file instead of the store");
    screen->add_option("--as-of", screen_options.as_of,
                       "Date of the past clients' verdicts, YYYY-MM-DD (default: today)");
    screen->add_option("--format", screen_options.format, "table, json, md or html")
        ->check(CLI::IsMember({"table", "json", "md", "markdown", "html"}));
    screen->add_option("--color", screen_options.color, "Colours: auto, always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}));

    addio::cli::LetterCommandOptions letter_options;
    auto* letter = app.add_subcommand("letter", "Write a ready-to-send letter to a client");
    letter->add_option("client", letter_options.client, "Client id")->required();
    letter
        ->add_option("--kind", letter_options.kind,
                     "reminder, formal-notice, rate-increase, change-order, office-hours or "
                     "termination")
        ->required()
        ->check(CLI::IsMember({"reminder", "formal-notice", "rate-increase", "change-order",
                               "office-hours", "termination"}));
    letter->add_option("--format", letter_options.format, "txt, md or html (default txt)")
        ->check(CLI::IsMember({"txt", "text", "md", "markdown", "html"}));
    letter->add_option("--place", letter_options.place, "Where it is written, before the date");
    letter->add_flag("--claim-paid-late", letter_options.claim_paid_late,
                     "Formal notice: also claim interest on invoices paid late");
    letter->add_option("--out", letter_options.out, "Write to this file instead of printing");
    letter->add_option("--ledger", letter_options.source.ledger,
                       "Read this ledger file or folder instead of the store");
    letter->add_option("--as-of", letter_options.as_of,
                       "The letter's date, YYYY-MM-DD (default: today)");

    std::string match_payment, match_invoice;
    bool match_list = false;
    auto* match = app.add_subcommand(
        "match", "Book an unmatched bank credit as the payment of an invoice, or --list them");
    match->add_option("payment", match_payment, "The unmatched credit's id (see --list)");
    match->add_option("invoice", match_invoice, "The invoice it pays");
    match->add_flag("--list", match_list, "List the bank credits waiting to be matched");

    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      return app.exit(e);
    }

    auto lang = addio::cli::ResolveLang(common.lang_flag);
    if (!lang) return 2;
    common.lang = *lang;
    if (common.db.empty()) common.db = addio::cli::DefaultDbPath();

    namespace c = addio::cli;
    if (*init) return c::Init(common);
    if (*import) return c::Import(common, import_options);
    if (*export_command) return c::Export(common, export_format, export_out);
    if (*clients) return c::Clients(common, clients_as_of);
    if (*gen) return c::Gen(common, gen_options);
    if (*demo) return c::Demo(common, demo_out);
    if (*assess) return c::Assess(common, assess_options);
    if (*explain) return c::Explain(common, explain_options);
    if (*history) return c::History(common, history_options);
    if (*aging) return c::Aging(common, aging_options);
    if (*statement) return c::Statement(common, statement_options);
    if (*screen) return c::Screen(common, screen_options);
    if (*letter) return c::Letter(common, letter_options);
    if (*serve) return c::Serve(common, serve_flags);
    if (*match) {
      return match_list ? c::MatchList(common) : c::Match(common, match_payment, match_invoice);
    }
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "addio: internal error: %s\n", e.what());
    return 70;
  }
}
