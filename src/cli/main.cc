// addio: the command line. This file only parses arguments (CLI11 is included here and
// nowhere else: it costs seconds per translation unit) and dispatches to commands.cc.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <regex>
#include <string>
#include <string_view>

#include "cli/account_command.h"
#include "cli/alerts_command.h"
#include "cli/commands.h"
#include "cli/dunning_command.h"
#include "cli/forecast_command.h"
#include "cli/letter_command.h"
#include "cli/match_command.h"
#include "cli/screen_command.h"
#include "cli/serve_command.h"
#include "cli/workspace_command.h"
#include "core/catalogue.h"
#include "core/clock.h"
#include "report/report.h"

namespace {

using addio::Arg;
using addio::Lang;
using addio::Message;
using addio::Msg;
using addio::cli::AssessOptions;
using addio::cli::Common;

// The language of every word main.cc prints, help included. Chosen before parsing (from
// --lang in the arguments, else the environment), so that `addio --help` and a usage
// error speak the user's language.
Lang g_lang = Lang::kEn;

// The help entry `key` of the catalogue, in g_lang.
std::string H(const char* key) { return addio::Tr(key, g_lang); }

// The value of --lang in `argv` ("--lang X" or "--lang=X"; the last one wins); empty when
// it is not given.
std::string LangFlag(int argc, char** argv) {
  std::string flag;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--lang" && i + 1 < argc) flag = argv[i + 1];
    if (arg.starts_with("--lang=")) flag = arg.substr(7);
  }
  return flag;
}

// CLI11's English labels of the help layout, and the groups every option and command
// falls in, in g_lang. The English entries are CLI11's own words.
void TranslateHelpLayout(CLI::App& app) {
  const auto formatter = app.get_formatter();
  for (const char* label :
       {"Usage", "OPTIONS", "SUBCOMMAND", "SUBCOMMANDS", "Positionals", "REQUIRED"}) {
    formatter->label(label, addio::Tr(std::string("cli.help.label.") + label, g_lang));
  }
  app.option_defaults()->group(H("cli.help.group.options"));
  app.group(H("cli.help.group.commands"));  // inherited by every subcommand
}

// Adds a subcommand described by the help entry `key`. Its help flag is created before it
// inherits the option group, so it is moved into that group here.
CLI::App* AddCommand(CLI::App& app, const char* name, const char* key) {
  CLI::App* command = app.add_subcommand(name, H(key));
  if (CLI::Option* help = command->get_help_ptr()) help->group(H("cli.help.group.options"));
  return command;
}

// A CLI11 parse error as a message of the catalogue: CLI11 words its errors in English
// only, so each kind addio's options can raise is recognised here and given a key whose
// English pattern is CLI11's text. Anything else keeps CLI11's text (cli.usage.other).
Message UsageMessage(const CLI::ParseError& error) {
  const std::string what = error.what();
  std::smatch m;
  const auto is = [&](const char* pattern) {
    return std::regex_match(what, m, std::regex(pattern));
  };
  if (what == "A subcommand is required") return Msg("cli.usage.subcommand_required");
  if (is("The following arguments? (was|were) not expected: (.*)")) {
    return Msg("cli.usage.unexpected", m[1] == "was" ? 1 : 2, m[2].str());
  }
  if (is("(\\S+) is required")) return Msg("cli.usage.required", m[1].str());
  if (is("(\\S+): Value (.*) not in range (\\S+) to (\\S+)")) {
    return Msg("cli.usage.range", m[1].str(), m[2].str(), m[3].str(), m[4].str());
  }
  if (is("(\\S+): (.*) not in \\{(.*)\\}")) {
    return Msg("cli.usage.not_member", m[1].str(), m[2].str(), m[3].str());
  }
  if (is("Could not convert: (\\S+) = (.*)")) {
    return Msg("cli.usage.convert", m[1].str(), m[2].str());
  }
  if (is("(\\S+): (\\d+) required (\\S+) missing")) {
    return Msg("cli.usage.value_missing", m[1].str(), m[2].str(), m[3].str());
  }
  if (is("(\\S+): At Most (\\d+) required but received (\\d+)")) {
    return Msg("cli.usage.at_most", m[1].str(), m[2].str(), m[3].str());
  }
  return Msg("cli.usage.other", what);
}

// Prints a parse error (or the help and version CLI11 answers with) and returns the exit
// status CLI11 gives it.
int ExitOnParseError(CLI::App& app, const CLI::ParseError& error) {
  if (error.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) return app.exit(error);
  const std::string text =
      UsageMessage(error).In(g_lang) + "\n" + addio::Tr("cli.usage.hint", g_lang) + "\n";
  std::fputs(text.c_str(), stderr);
  return error.get_exit_code();
}

void AddSourceOptions(CLI::App* command, AssessOptions& options, bool with_format) {
  command->add_option("--ledger", options.source.ledger, H("cli.help.ledger"));
  command->add_option("--as-of", options.as_of, H("cli.help.as_of"));
  if (with_format) {
    command->add_option("--format", options.format, H("cli.help.format.report"))
        ->check(CLI::IsMember({"table", "json", "md", "markdown", "html"}));
    command->add_option("--color", options.color, H("cli.help.color"))
        ->check(CLI::IsMember({"auto", "always", "never"}));
  }
}

}  // namespace

int main(int argc, char** argv) {
  try {
    Common common;
    common.lang_flag = LangFlag(argc, argv);
    const std::optional<Lang> lang = addio::cli::ResolveLang(common.lang_flag);
    if (!lang) return 2;
    common.lang = g_lang = *lang;

    CLI::App app{H("cli.help.addio"), "addio"};
    TranslateHelpLayout(app);
    app.set_help_flag("-h,--help", H("cli.help.help"));
    app.set_version_flag("--version", std::string("addio ") + ADDIO_VERSION, H("cli.help.version"));
    app.require_subcommand(1);
    app.fallthrough();

    // The composition root: the one clock of the process, handed down through Common.
    const addio::SystemClock clock;
    common.clock = &clock;
    app.add_option("--db", common.db, H("cli.help.db"));
    app.add_option("--workspace", common.workspace, H("cli.help.workspace"));
    app.add_option("--lang", common.lang_flag, H("cli.help.lang"));

    addio::cli::InitOptions init_options;
    auto* init = AddCommand(app, "init", "cli.help.init");
    init->add_option("--name", init_options.name, H("cli.help.init.name"));
    init->add_option("--tax-id", init_options.tax_id, H("cli.help.init.tax_id"));

    addio::cli::ImportOptions import_options;
    auto* import = AddCommand(app, "import", "cli.help.import");
    import->add_option("path", import_options.path, H("cli.help.import.path"))->required();
    import->add_flag("--dry-run", import_options.dry_run, H("cli.help.import.dry_run"));
    import->add_option(
        "--format", import_options.format,
        addio::Render("cli.help.import.format", g_lang, {Arg(addio::cli::ImportFormatNames())}));
    import->add_option("--timezone", import_options.timezone, H("cli.help.import.timezone"));
    import->add_option("--mapping", import_options.mapping, H("cli.help.import.mapping"));
    import->add_flag("--no-create", import_options.no_create, H("cli.help.import.no_create"));
    import->add_option("--since", import_options.since, H("cli.help.import.since"));
    import->add_option("--until", import_options.until, H("cli.help.import.until"));
    import->add_option("--encoding", import_options.encoding, H("cli.help.import.encoding"));

    std::string export_format = "json", export_out;
    auto* export_command = AddCommand(app, "export", "cli.help.export");
    export_command->add_option("--format", export_format, H("cli.help.export.format"))
        ->check(CLI::IsMember({"json", "csv"}));
    export_command->add_option("out", export_out, H("cli.help.export.out"))->required();

    std::string clients_as_of;
    auto* clients = AddCommand(app, "clients", "cli.help.clients");
    clients->add_option("--as-of", clients_as_of, H("cli.help.clients.as_of"));

    addio::cli::GenOptions gen_options;
    auto* gen = AddCommand(app, "gen", "cli.help.gen");
    gen->add_option("--clients", gen_options.clients, H("cli.help.gen.clients"))
        ->check(CLI::Range(0, 10000000));
    gen->add_option("--months", gen_options.months, H("cli.help.gen.months"))
        ->check(CLI::Range(1, 240));
    gen->add_option("--seed", gen_options.seed, H("cli.help.gen.seed"));
    gen->add_option("--end", gen_options.end, H("cli.help.gen.end"));
    gen->add_option("--format", gen_options.format, H("cli.help.gen.format"))
        ->check(CLI::IsMember({"json", "csv"}));
    gen->add_option("--out", gen_options.out, H("cli.help.gen.out"))->required();

    std::string demo_out;
    auto* demo = AddCommand(app, "demo", "cli.help.demo");
    demo->add_option("--out", demo_out, H("cli.help.demo.out"));

    AssessOptions assess_options;
    auto* assess = AddCommand(app, "assess", "cli.help.assess");
    AddSourceOptions(assess, assess_options, true);
    assess->add_option("--client", assess_options.client, H("cli.help.assess.client"));
    assess->add_flag("--pretty", assess_options.pretty,
                     addio::Render("cli.help.assess.pretty", g_lang,
                                   {Arg(std::to_string(addio::kCompactEvidence))}));

    AssessOptions explain_options;
    auto* explain = AddCommand(app, "explain", "cli.help.explain");
    explain->add_option("client", explain_options.client, H("cli.help.client_id"))->required();
    AddSourceOptions(explain, explain_options, true);

    AssessOptions history_options;
    auto* history = AddCommand(app, "history", "cli.help.history");
    history->add_option("client", history_options.client, H("cli.help.client_id"))->required();
    history->add_option("--months", history_options.months, H("cli.help.history.months"))
        ->check(CLI::Range(1, 600));
    AddSourceOptions(history, history_options, true);

    AssessOptions aging_options;
    auto* aging = AddCommand(app, "aging", "cli.help.aging");
    AddSourceOptions(aging, aging_options, false);
    aging->add_option("--format", aging_options.format, H("cli.help.format.receivables"))
        ->check(CLI::IsMember({"table", "md", "markdown", "html", "csv"}));

    AssessOptions coverage_options;
    auto* coverage = AddCommand(app, "coverage", "cli.help.coverage");
    coverage->add_option("--ledger", coverage_options.source.ledger, H("cli.help.ledger"));
    coverage->add_option("--format", coverage_options.format, H("cli.help.format.coverage"))
        ->check(CLI::IsMember({"table", "json"}));
    coverage->add_flag("--pretty", coverage_options.pretty, H("cli.help.coverage.pretty"));

    AssessOptions statement_options;
    auto* statement = AddCommand(app, "statement", "cli.help.statement");
    statement->add_option("client", statement_options.client, H("cli.help.client_id"))->required();
    AddSourceOptions(statement, statement_options, false);
    statement->add_option("--format", statement_options.format, H("cli.help.format.receivables"))
        ->check(CLI::IsMember({"table", "md", "markdown", "html", "csv"}));

    addio::cli::ForecastOptions forecast_options;
    auto* forecast = AddCommand(app, "forecast", "cli.help.forecast");
    forecast->add_option("--ledger", forecast_options.source.ledger, H("cli.help.ledger"));
    forecast->add_option("--as-of", forecast_options.as_of, H("cli.help.as_of"));
    forecast->add_option("--format", forecast_options.format, H("cli.help.format.coverage"))
        ->check(CLI::IsMember({"table", "json"}));
    forecast->add_flag("--pretty", forecast_options.pretty, H("cli.help.coverage.pretty"));

    addio::cli::BacktestOptions backtest_options;
    auto* backtest = AddCommand(app, "backtest", "cli.help.backtest");
    backtest->add_option("--from", backtest_options.from, H("cli.help.backtest.from"))->required();
    backtest->add_option("--to", backtest_options.to, H("cli.help.backtest.to"))->required();
    backtest->add_option("--step", backtest_options.step, H("cli.help.backtest.step"))
        ->check(CLI::IsMember({"month", "week"}));
    backtest->add_option("--ledger", backtest_options.source.ledger, H("cli.help.ledger"));
    backtest->add_option("--as-of", backtest_options.as_of, H("cli.help.backtest.as_of"));
    backtest->add_option("--format", backtest_options.format, H("cli.help.format.coverage"))
        ->check(CLI::IsMember({"table", "json"}));
    backtest->add_flag("--pretty", backtest_options.pretty, H("cli.help.coverage.pretty"));

    addio::cli::AlertsOptions alerts_options;
    auto* alerts = AddCommand(app, "alerts", "cli.help.alerts");
    alerts->add_option("--ledger", alerts_options.source.ledger, H("cli.help.ledger"));
    alerts->add_option("--as-of", alerts_options.as_of, H("cli.help.as_of"));
    alerts->add_option("--since", alerts_options.since, H("cli.help.alerts.since"));
    alerts->add_option("--format", alerts_options.format, H("cli.help.format.coverage"))
        ->check(CLI::IsMember({"table", "json"}));
    alerts->add_flag("--pretty", alerts_options.pretty, H("cli.help.coverage.pretty"));
    alerts->add_flag("--deliver", alerts_options.deliver, H("cli.help.alerts.deliver"));

    addio::cli::DunningOptions dunning_options;
    auto* dunning = AddCommand(app, "dunning", "cli.help.dunning");
    dunning->add_option("--ledger", dunning_options.source.ledger, H("cli.help.ledger"));
    dunning->add_option("--as-of", dunning_options.as_of, H("cli.help.as_of"));
    dunning->add_option("--format", dunning_options.format, H("cli.help.format.coverage"))
        ->check(CLI::IsMember({"table", "json"}));
    dunning->add_flag("--pretty", dunning_options.pretty, H("cli.help.coverage.pretty"));
    dunning->add_flag("--send", dunning_options.send, H("cli.help.dunning.send"));
    dunning->add_option("--release", dunning_options.release, H("cli.help.dunning.release"));

    addio::cli::ServeFlags serve_flags;
    auto* serve = AddCommand(app, "serve", "cli.help.serve");
    serve->add_option("--host", serve_flags.host, H("cli.help.serve.host"));
    serve->add_option("--port", serve_flags.port, H("cli.help.serve.port"))
        ->check(CLI::Range(0, 65535));
    serve->add_option("--threads", serve_flags.threads, H("cli.help.serve.threads"))
        ->check(CLI::Range(1, 4096));
    serve->add_option("--cache-mib", serve_flags.cache_mib, H("cli.help.serve.cache_mib"))
        ->check(CLI::Range(0, 1 << 20));
    serve->add_option("--allowed-host", serve_flags.allowed_hosts, H("cli.help.serve.allowed_host"))
        ->take_all();
    serve->add_option("--daily", serve_flags.daily, H("cli.help.serve.daily"));
    auto* tls_cert =
        serve->add_option("--tls-cert", serve_flags.tls_cert, H("cli.help.serve.tls_cert"));
    auto* tls_key =
        serve->add_option("--tls-key", serve_flags.tls_key, H("cli.help.serve.tls_key"));
    tls_cert->needs(tls_key);
    tls_key->needs(tls_cert);

    addio::cli::ScreenOptions screen_options;
    auto* screen = AddCommand(app, "screen", "cli.help.screen");
    screen->add_option("--answers", screen_options.answers, H("cli.help.screen.answers"));
    screen->add_option("--name", screen_options.name, H("cli.help.screen.name"));
    screen->add_option("--state", screen_options.state, H("cli.help.screen.state"));
    screen->add_flag("--resume", screen_options.resume, H("cli.help.screen.resume"));
    screen->add_option("--save-to", screen_options.save_to, H("cli.help.screen.save_to"));
    screen->add_option("--ledger", screen_options.source.ledger, H("cli.help.screen.ledger"));
    screen->add_option("--as-of", screen_options.as_of, H("cli.help.screen.as_of"));
    screen->add_option("--format", screen_options.format, H("cli.help.format.report"))
        ->check(CLI::IsMember({"table", "json", "md", "markdown", "html"}));
    screen->add_option("--color", screen_options.color, H("cli.help.screen.color"))
        ->check(CLI::IsMember({"auto", "always", "never"}));

    addio::cli::LetterCommandOptions letter_options;
    auto* letter = AddCommand(app, "letter", "cli.help.letter");
    letter->add_option("client", letter_options.client, H("cli.help.client_id"))->required();
    letter->add_option("--kind", letter_options.kind, H("cli.help.letter.kind"))
        ->required()
        ->check(CLI::IsMember({"reminder", "formal-notice", "rate-increase", "change-order",
                               "office-hours", "termination"}));
    letter->add_option("--format", letter_options.format, H("cli.help.letter.format"))
        ->check(CLI::IsMember({"txt", "text", "md", "markdown", "html"}));
    letter->add_option("--place", letter_options.place, H("cli.help.letter.place"));
    letter->add_flag("--claim-paid-late", letter_options.claim_paid_late,
                     H("cli.help.letter.claim_paid_late"));
    letter->add_option("--out", letter_options.out, H("cli.help.letter.out"));
    letter->add_option("--ledger", letter_options.source.ledger, H("cli.help.ledger"));
    letter->add_option("--as-of", letter_options.as_of, H("cli.help.letter.as_of"));

    std::string workspace_id, workspace_name, workspace_format = "table";
    auto* workspace = AddCommand(app, "workspace", "cli.help.workspace_command");
    workspace->require_subcommand(1);
    auto* workspace_add = AddCommand(*workspace, "add", "cli.help.workspace.add");
    workspace_add->add_option("id", workspace_id, H("cli.help.workspace.id"))->required();
    workspace_add->add_option("--name", workspace_name, H("cli.help.workspace.name"));
    auto* workspace_list = AddCommand(*workspace, "list", "cli.help.workspace.list");
    workspace_list->add_option("--format", workspace_format, H("cli.help.format.coverage"))
        ->check(CLI::IsMember({"table", "json"}));
    auto* workspace_rename = AddCommand(*workspace, "rename", "cli.help.workspace.rename");
    workspace_rename->add_option("id", workspace_id, H("cli.help.workspace.id"))->required();
    workspace_rename->add_option("name", workspace_name, H("cli.help.workspace.new_name"))
        ->required();

    std::string account_email, account_format = "table", member_role = "member", token_id;
    auto* user = AddCommand(app, "user", "cli.help.user_command");
    user->require_subcommand(1);
    auto* user_add = AddCommand(*user, "add", "cli.help.user.add");
    user_add->add_option("email", account_email, H("cli.help.user.email"))->required();
    auto* user_password = AddCommand(*user, "password", "cli.help.user.password");
    user_password->add_option("email", account_email, H("cli.help.user.email"))->required();
    auto* user_list = AddCommand(*user, "list", "cli.help.user.list");
    user_list->add_option("--format", account_format, H("cli.help.format.coverage"))
        ->check(CLI::IsMember({"table", "json"}));
    auto* member = AddCommand(app, "member", "cli.help.member_command");
    member->require_subcommand(1);
    auto* member_add = AddCommand(*member, "add", "cli.help.member.add");
    member_add->add_option("email", account_email, H("cli.help.user.email"))->required();
    member_add->add_option("--role", member_role, H("cli.help.member.role"))
        ->check(CLI::IsMember({"owner", "member", "viewer"}));
    auto* member_remove = AddCommand(*member, "remove", "cli.help.member.remove");
    member_remove->add_option("email", account_email, H("cli.help.user.email"))->required();
    auto* member_list = AddCommand(*member, "list", "cli.help.member.list");
    member_list->add_option("--format", account_format, H("cli.help.format.coverage"))
        ->check(CLI::IsMember({"table", "json"}));
    addio::cli::TokenCreateOptions token_options;
    auto* token = AddCommand(app, "token", "cli.help.token_command");
    token->require_subcommand(1);
    auto* token_create = AddCommand(*token, "create", "cli.help.token.create");
    token_create->add_option("--user", token_options.user, H("cli.help.token.user"));
    token_create->add_option("--role", token_options.role, H("cli.help.token.role"))
        ->check(CLI::IsMember({"owner", "member", "viewer"}));
    token_create->add_option("--name", token_options.name, H("cli.help.token.name"));
    auto* token_list = AddCommand(*token, "list", "cli.help.token.list");
    token_list->add_option("--format", account_format, H("cli.help.format.coverage"))
        ->check(CLI::IsMember({"table", "json"}));
    auto* token_revoke = AddCommand(*token, "revoke", "cli.help.token.revoke");
    token_revoke->add_option("id", token_id, H("cli.help.token.id"))->required();

    std::string match_payment, match_invoice;
    bool match_list = false;
    auto* match = AddCommand(app, "match", "cli.help.match");
    match->add_option("payment", match_payment, H("cli.help.match.payment"));
    match->add_option("invoice", match_invoice, H("cli.help.match.invoice"));
    match->add_flag("--list", match_list, H("cli.help.match.list"));

    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      return ExitOnParseError(app, e);
    }
    if (common.db.empty()) common.db = addio::cli::DefaultDbPath();
    if (common.workspace.empty()) common.workspace = addio::cli::DefaultWorkspace();

    namespace c = addio::cli;
    if (*init) return c::Init(common, init_options);
    if (*import) return c::Import(common, import_options);
    if (*export_command) return c::Export(common, export_format, export_out);
    if (*clients) return c::Clients(common, clients_as_of);
    if (*gen) return c::Gen(common, gen_options);
    if (*demo) return c::Demo(common, demo_out);
    if (*assess) return c::Assess(common, assess_options);
    if (*explain) return c::Explain(common, explain_options);
    if (*history) return c::History(common, history_options);
    if (*aging) return c::Aging(common, aging_options);
    if (*coverage) return c::Coverage(common, coverage_options);
    if (*statement) return c::Statement(common, statement_options);
    if (*forecast) return c::Forecast(common, forecast_options);
    if (*backtest) return c::Backtest(common, backtest_options);
    if (*alerts) return c::Alerts(common, alerts_options);
    if (*dunning) return c::Dunning(common, dunning_options);
    if (*screen) return c::Screen(common, screen_options);
    if (*letter) return c::Letter(common, letter_options);
    if (*serve) return c::Serve(common, serve_flags);
    if (*workspace_add) return c::WorkspaceAdd(common, workspace_id, workspace_name);
    if (*workspace_list) return c::WorkspaceList(common, workspace_format);
    if (*workspace_rename) return c::WorkspaceRename(common, workspace_id, workspace_name);
    if (*user_add) return c::UserAdd(common, account_email);
    if (*user_password) return c::UserPassword(common, account_email);
    if (*user_list) return c::UserList(common, account_format);
    if (*member_add) return c::MemberAdd(common, account_email, member_role);
    if (*member_remove) return c::MemberRemove(common, account_email);
    if (*member_list) return c::MemberList(common, account_format);
    if (*token_create) return c::TokenCreate(common, token_options);
    if (*token_list) return c::TokenList(common, account_format);
    if (*token_revoke) return c::TokenRevoke(common, token_id);
    if (*match) {
      return match_list ? c::MatchList(common) : c::Match(common, match_payment, match_invoice);
    }
    return 2;
  } catch (const std::exception& e) {
    const std::string text = addio::Render("cli.error.internal", g_lang, {Arg(e.what())});
    addio::cli::WriteToStderr("addio: " + text + "\n");
    return 70;
  }
}
