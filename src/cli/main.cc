// addio: the command line. This file only parses arguments (CLI11 is included here and
// nowhere else: it costs seconds per translation unit) and dispatches to commands.cc.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

#include "cli/commands.h"
#include "cli/letter_command.h"
#include "cli/match_command.h"
#include "cli/screen_command.h"
#include "cli/serve_command.h"
#include "core/clock.h"

namespace {

using addio::cli::AssessOptions;

// Help texts are chosen before parsing, from --lang in the arguments or else LANG, so
// that `addio --help` speaks the user's language.
bool g_italian = false;

const char* H(const char* en, const char* it) { return g_italian ? it : en; }

bool WantsItalian(int argc, char** argv) {
  std::string flag;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--lang" && i + 1 < argc) flag = argv[i + 1];
    if (arg.rfind("--lang=", 0) == 0) flag = arg.substr(7);
  }
  if (flag == "it" || flag == "en") return flag == "it";
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value && *value) return std::string_view(value).substr(0, 2) == "it";
  }
  return false;
}
using addio::cli::Common;

void AddSourceOptions(CLI::App* command, AssessOptions& options, bool with_format) {
  command->add_option("--ledger", options.source.ledger,
                      H("Read this ledger file or folder instead of the store",
                        "Leggi questo file o cartella di registro invece dell'archivio"));
  command->add_option("--as-of", options.as_of,
                      H("The date to assess as of, YYYY-MM-DD (default: today)",
                        "La data della valutazione, AAAA-MM-GG (predefinita: oggi)"));
  if (with_format) {
    command
        ->add_option("--format", options.format,
                     H("table, json, md or html", "table, json, md o html"))
        ->check(CLI::IsMember({"table", "json", "md", "markdown", "html"}));
    command
        ->add_option("--color", options.color,
                     H("Colours in tables: auto, always or never",
                       "Colori nelle tabelle: auto, always o never"))
        ->check(CLI::IsMember({"auto", "always", "never"}));
  }
}

}  // namespace

int main(int argc, char** argv) {
  try {
    g_italian = WantsItalian(argc, argv);
    CLI::App app{H("addio: which clients to keep, watch, renegotiate or leave, and why.",
                   "addio: quali clienti tenere, tenere d'occhio, rinegoziare o lasciare, e "
                   "perché."),
                 "addio"};
    app.set_help_flag("-h,--help", H("Print this help and exit", "Mostra questo aiuto ed esce"));
    app.set_version_flag("--version", std::string("addio ") + ADDIO_VERSION,
                         H("Print the version and exit", "Mostra la versione ed esce"));
    app.require_subcommand(1);
    app.fallthrough();

    // The composition root: the one clock of the process, handed down through Common.
    const addio::SystemClock clock;
    Common common;
    common.clock = &clock;
    app.add_option("--db", common.db,
                   H("The store: a file, sqlite:PATH or file:PATH (default: $ADDIO_DB, else "
                     "./addio.db)",
                     "L'archivio: un file, sqlite:PERCORSO o file:PERCORSO (predefinito: "
                     "$ADDIO_DB, altrimenti ./addio.db)"));
    app.add_option(
        "--lang", common.lang_flag,
        H("Language: en or it (default: from LANG)", "Lingua: en o it (predefinita: da LANG)"));

    auto* init = app.add_subcommand("init", H("Create the store (or bring its schema up to date)",
                                              "Crea l'archivio (o ne aggiorna lo schema)"));

    addio::cli::ImportOptions import_options;
    auto* import = app.add_subcommand(
        "import", H("Import a file or folder: an addio ledger, or another tool's export",
                    "Importa un file o una cartella: un registro addio o l'esportazione di un "
                    "altro strumento"));
    import
        ->add_option("path", import_options.path,
                     H("A file, or a folder of files", "Un file, o una cartella di file"))
        ->required();
    import->add_flag(
        "--dry-run", import_options.dry_run,
        H("Show what would change (counts, first rows, problems); write nothing",
          "Mostra cosa cambierebbe (conteggi, prime righe, problemi); non scrive nulla"));
    import->add_option("--format", import_options.format,
                       std::string(H("Read as this format instead of detecting it: ",
                                     "Leggi in questo formato invece di riconoscerlo: ")) +
                           addio::cli::ImportFormatNames());
    import->add_option(
        "--timezone", import_options.timezone,
        H("Time zone of times written without one (default: the workspace's)",
          "Fuso orario degli orari scritti senza (predefinito: quello dell'area di lavoro)"));
    import->add_option(
        "--mapping", import_options.mapping,
        H("TOML file: client renames and merges, or a generic CSV's columns",
          "File TOML: rinomina e unisce clienti, o descrive le colonne di un CSV generico"));
    import->add_flag("--no-create", import_options.no_create,
                     H("Do not create clients: an unknown client name is an error",
                       "Non creare clienti: un nome di cliente sconosciuto è un errore"));

    std::string export_format = "json", export_out;
    auto* export_command = app.add_subcommand(
        "export",
        H("Write the stored ledger to a file", "Scrive il registro archiviato in un file"));
    export_command
        ->add_option("--format", export_format,
                     H("json (one file) or csv (a folder)", "json (un file) o csv (una cartella)"))
        ->check(CLI::IsMember({"json", "csv"}));
    export_command
        ->add_option("out", export_out,
                     H("The output file or folder", "Il file o la cartella di destinazione"))
        ->required();

    std::string clients_as_of;
    auto* clients = app.add_subcommand(
        "clients", H("List clients with what they owe", "Elenca i clienti con quanto devono"));
    clients->add_option(
        "--as-of", clients_as_of,
        H("Balances as of YYYY-MM-DD (default: today)", "Saldi al AAAA-MM-GG (predefinito: oggi)"));

    addio::cli::GenOptions gen_options;
    auto* gen = app.add_subcommand("gen", H("Generate a realistic synthetic ledger (seeded)",
                                            "Genera un registro sintetico realistico (con seme)"));
    gen->add_option("--clients", gen_options.clients, H("Number of clients", "Numero di clienti"))
        ->check(CLI::Range(0, 10000000));
    gen->add_option("--months", gen_options.months, H("Months of history", "Mesi di storico"))
        ->check(CLI::Range(1, 240));
    gen->add_option(
        "--seed", gen_options.seed,
        H("Seed: the same seed gives the same bytes", "Seme: lo stesso seme dà gli stessi byte"));
    gen->add_option("--end", gen_options.end,
                    H("Last day of history, YYYY-MM-DD (default 2026-10-31)",
                      "Ultimo giorno dello storico, AAAA-MM-GG (predefinito 2026-10-31)"));
    gen->add_option("--format", gen_options.format,
                    H("json or csv (default: from --out)", "json o csv (predefinito: da --out)"))
        ->check(CLI::IsMember({"json", "csv"}));
    gen->add_option("--out", gen_options.out,
                    H("Output: FILE.json or a folder for CSV",
                      "Destinazione: FILE.json o una cartella per il CSV"))
        ->required();

    std::string demo_out;
    auto* demo = app.add_subcommand(
        "demo",
        H("Load the demo ledger into the store (created if missing), or write it with --out",
          "Carica il registro dimostrativo nell'archivio (creato se manca), o lo scrive con "
          "--out"));
    demo->add_option("--out", demo_out,
                     H("Write the demo ledger to this JSON file instead",
                       "Scrive invece il registro dimostrativo in questo file JSON"));

    AssessOptions assess_options;
    auto* assess =
        app.add_subcommand("assess", H("Assess every client: verdict, score, six signs",
                                       "Valuta ogni cliente: verdetto, punteggio, sei segnali"));
    AddSourceOptions(assess, assess_options, true);
    assess->add_option("--client", assess_options.client,
                       H("Only this client", "Solo questo cliente"));

    AssessOptions explain_options;
    auto* explain = app.add_subcommand("explain", H("Explain one client's signs, sign by sign",
                                                    "Spiega i segnali di un cliente, uno per uno"));
    explain->add_option("client", explain_options.client, H("Client id", "Id del cliente"))
        ->required();
    AddSourceOptions(explain, explain_options, true);

    AssessOptions history_options;
    auto* history =
        app.add_subcommand("history", H("One client's score and verdict per month",
                                        "Punteggio e verdetto di un cliente mese per mese"));
    history->add_option("client", history_options.client, H("Client id", "Id del cliente"))
        ->required();
    history
        ->add_option("--months", history_options.months,
                     H("How many month ends", "Quante fine mese"))
        ->check(CLI::Range(1, 600));
    AddSourceOptions(history, history_options, true);

    AssessOptions aging_options;
    auto* aging =
        app.add_subcommand("aging", H("Receivables by client and age past due",
                                      "Crediti per cliente e per anzianità dello scaduto"));
    AddSourceOptions(aging, aging_options, false);
    aging
        ->add_option("--format", aging_options.format,
                     H("table, md, html or csv", "table, md, html o csv"))
        ->check(CLI::IsMember({"table", "md", "markdown", "html", "csv"}));

    AssessOptions statement_options;
    auto* statement = app.add_subcommand(
        "statement", H("A client's statement of account", "L'estratto conto di un cliente"));
    statement->add_option("client", statement_options.client, H("Client id", "Id del cliente"))
        ->required();
    AddSourceOptions(statement, statement_options, false);
    statement
        ->add_option("--format", statement_options.format,
                     H("table, md, html or csv", "table, md, html o csv"))
        ->check(CLI::IsMember({"table", "md", "markdown", "html", "csv"}));

    addio::cli::ServeFlags serve_flags;
    auto* serve = app.add_subcommand("serve", H("Serve the dashboard and the JSON API over HTTP",
                                                "Serve la dashboard e l'API JSON via HTTP"));
    serve->add_option("--host", serve_flags.host,
                      H("Address to listen on (default 127.0.0.1)",
                        "Indirizzo di ascolto (predefinito 127.0.0.1)"));
    serve
        ->add_option("--port", serve_flags.port,
                     H("Port (default 8080; 0 takes any free port)",
                       "Porta (predefinita 8080; 0 ne prende una libera)"))
        ->check(CLI::Range(0, 65535));

    addio::cli::ScreenOptions screen_options;
    auto* screen = app.add_subcommand(
        "screen",
        H("Screen a prospect before the first job: asks the intake questions",
          "Valuta un potenziale cliente prima del primo lavoro: pone le domande iniziali"));
    screen->add_option("--answers", screen_options.answers,
                       H("Read the answers from a JSON or TOML file instead of asking",
                         "Legge le risposte da un file JSON o TOML invece di chiederle"));
    screen->add_option("--name", screen_options.name,
                       H("The prospect's name", "Il nome del potenziale cliente"));
    screen->add_option(
        "--state", screen_options.state,
        H("Where answers are kept while asking (default ~/.cache/addio/screen-NAME.json)",
          "Dove conservare le risposte durante le domande (predefinito "
          "~/.cache/addio/screen-NOME.json)"));
    screen->add_flag(
        "--resume", screen_options.resume,
        H("Continue an interrupted questionnaire", "Riprende un questionario interrotto"));
    screen->add_option(
        "--save-to", screen_options.save_to,
        H("Store the answers with this client", "Archivia le risposte con questo cliente"));
    screen->add_option("--ledger", screen_options.source.ledger,
                       H("Past clients from this ledger file instead of the store",
                         "Clienti passati da questo file di registro invece che dall'archivio"));
    screen->add_option("--as-of", screen_options.as_of,
                       H("Date of the past clients' verdicts, YYYY-MM-DD (default: today)",
                         "Data dei verdetti dei clienti passati, AAAA-MM-GG (predefinita: oggi)"));
    screen
        ->add_option("--format", screen_options.format,
                     H("table, json, md or html", "table, json, md o html"))
        ->check(CLI::IsMember({"table", "json", "md", "markdown", "html"}));
    screen
        ->add_option("--color", screen_options.color,
                     H("Colours: auto, always or never", "Colori: auto, always o never"))
        ->check(CLI::IsMember({"auto", "always", "never"}));

    addio::cli::LetterCommandOptions letter_options;
    auto* letter =
        app.add_subcommand("letter", H("Write a ready-to-send letter to a client",
                                       "Scrive una lettera pronta da inviare a un cliente"));
    letter->add_option("client", letter_options.client, H("Client id", "Id del cliente"))
        ->required();
    letter
        ->add_option("--kind", letter_options.kind,
                     H("reminder, formal-notice, rate-increase, change-order, office-hours or "
                       "termination",
                       "reminder (sollecito), formal-notice (diffida), rate-increase (aumento "
                       "della tariffa), change-order (variante), office-hours (orari), "
                       "termination (recesso)"))
        ->required()
        ->check(CLI::IsMember({"reminder", "formal-notice", "rate-increase", "change-order",
                               "office-hours", "termination"}));
    letter
        ->add_option("--format", letter_options.format,
                     H("txt, md or html (default txt)", "txt, md o html (predefinito txt)"))
        ->check(CLI::IsMember({"txt", "text", "md", "markdown", "html"}));
    letter->add_option("--place", letter_options.place,
                       H("Where it is written, before the date", "Il luogo, prima della data"));
    letter->add_flag("--claim-paid-late", letter_options.claim_paid_late,
                     H("Formal notice: also claim interest on invoices paid late",
                       "Diffida: chiede anche gli interessi sulle fatture pagate in ritardo"));
    letter->add_option(
        "--out", letter_options.out,
        H("Write to this file instead of printing", "Scrive in questo file invece di stampare"));
    letter->add_option("--ledger", letter_options.source.ledger,
                       H("Read this ledger file or folder instead of the store",
                         "Leggi questo file o cartella di registro invece dell'archivio"));
    letter->add_option("--as-of", letter_options.as_of,
                       H("The letter's date, YYYY-MM-DD (default: today)",
                         "La data della lettera, AAAA-MM-GG (predefinita: oggi)"));

    std::string match_payment, match_invoice;
    bool match_list = false;
    auto* match = app.add_subcommand(
        "match", H("Book an unmatched bank credit as the payment of an invoice, or --list them",
                   "Registra un accredito bancario non abbinato come pagamento di una fattura, o "
                   "li elenca con --list"));
    match->add_option("payment", match_payment,
                      H("The unmatched credit's id (see --list)",
                        "L'id dell'accredito non abbinato (vedi --list)"));
    match->add_option("invoice", match_invoice, H("The invoice it pays", "La fattura che paga"));
    match->add_flag("--list", match_list,
                    H("List the bank credits waiting to be matched",
                      "Elenca gli accrediti bancari in attesa di abbinamento"));

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
