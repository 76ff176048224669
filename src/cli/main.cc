// addio: the command line. This file only parses arguments (CLI11 is included here and
// nowhere else: it costs seconds per translation unit) and dispatches to commands.cc.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

#include "cli/commands.h"

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

    std::string import_path;
    bool dry_run = false;
    auto* import = app.add_subcommand("import", "Import a ledger file or folder into the store");
    import->add_option("path", import_path, "A JSON ledger or a folder of CSV files")->required();
    import->add_flag("--dry-run", dry_run, "Report what would change and write nothing");

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
    if (*import) return c::Import(common, import_path, dry_run);
    if (*export_command) return c::Export(common, export_format, export_out);
    if (*clients) return c::Clients(common, clients_as_of);
    if (*gen) return c::Gen(common, gen_options);
    if (*demo) return c::Demo(common, demo_out);
    if (*assess) return c::Assess(common, assess_options);
    if (*explain) return c::Explain(common, explain_options);
    if (*history) return c::History(common, history_options);
    if (*aging) return c::Aging(common, aging_options);
    if (*statement) return c::Statement(common, statement_options);
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "addio: internal error: %s\n", e.what());
    return 70;
  }
}
