#include "signals/settings.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>
#include <variant>

namespace addio {
namespace {

using Field = std::variant<int Settings::*, double Settings::*, std::string Settings::*>;

// One setting: its workspace name (the sign key, a dot, the rest of the field name), the
// field it sets, the accepted range, and what it means.
struct Spec {
  const char* name;
  Field field;
  double min;
  double max;
  const char* help_en;
  const char* help_it;
};

// Every setting, in the order reports print them.
const Spec kSpecs[] = {
    {"window_days", &Settings::window_days, 1, 3660, "Days of history every sign looks back over.",
     "Giorni di storico che ogni segnale prende in esame."},
    {"grace_days", &Settings::grace_days, 0, 365,
     "Days after the due date before a payment counts as late.",
     "Giorni di tolleranza dopo la scadenza prima che un pagamento risulti in ritardo."},
    {"cost_of_capital", &Settings::cost_of_capital, 0, 1,
     "Yearly cost of money, used to price the cost of late payments.",
     "Costo annuo del denaro, usato per stimare quanto costano i ritardi di pagamento."},
    {"late_interest.reference_rate", &Settings::late_interest_reference_rate, -1, 1,
     "Reference rate of statutory late-payment interest (the ECB rate in the EU).",
     "Tasso di riferimento degli interessi legali di mora (il tasso BCE nell'Unione europea)."},
    {"late_interest.margin", &Settings::late_interest_margin, 0, 1,
     "Points added to the reference rate for late-payment interest (8 points under Directive "
     "2011/7/EU).",
     "Punti aggiunti al tasso di riferimento per gli interessi di mora (8 punti secondo la "
     "direttiva 2011/7/UE)."},
    {"late_interest.fixed", &Settings::late_interest_fixed, 0, 1e9,
     "Fixed compensation the law grants per late invoice, in the workspace currency.",
     "Risarcimento forfettario previsto dalla legge per ogni fattura pagata in ritardo, nella "
     "valuta dello spazio di lavoro."},
    {"no_contract.ignored_days", &Settings::no_contract_ignored_days, 1, 3660,
     "Days after which a contract sent and neither signed nor refused counts as ignored.",
     "Giorni dopo i quali un contratto inviato, né firmato né rifiutato, si considera ignorato."},
    {"scope_creep.red_ratio", &Settings::scope_creep_red_ratio, 0, 1000,
     "Unpaid extra hours over agreed hours from which scope creep is red.",
     "Rapporto tra ore extra non pagate e ore concordate da cui il segnale è rosso."},
    {"scope_creep.red_overrun", &Settings::scope_creep_red_overrun, 0, 1000,
     "Hours worked over hours agreed on fixed-fee projects from which scope creep is red.",
     "Rapporto tra ore lavorate e ore concordate nei progetti a prezzo fisso da cui il "
     "segnale è rosso."},
    {"scope_creep.amber_ratio", &Settings::scope_creep_amber_ratio, 0, 1000,
     "Unpaid extra hours over agreed hours from which scope creep is amber.",
     "Rapporto tra ore extra non pagate e ore concordate da cui il segnale è ambra."},
    {"scope_creep.amber_overrun", &Settings::scope_creep_amber_overrun, 0, 1000,
     "Hours worked over hours agreed on fixed-fee projects from which scope creep is amber.",
     "Rapporto tra ore lavorate e ore concordate nei progetti a prezzo fisso da cui il "
     "segnale è ambra."},
    {"scope_creep.amber_extras", &Settings::scope_creep_amber_extras, 1, 1e6,
     "Number of unpaid extra requests from which scope creep is amber.",
     "Numero di richieste extra non pagate da cui il segnale è ambra."},
    {"time_drain.red_after_hours_share", &Settings::time_drain_red_after_hours_share, 0, 1,
     "Share of inbound contacts after hours from which time drain is red.",
     "Quota di contatti in entrata fuori orario da cui il segnale è rosso."},
    {"time_drain.amber_after_hours_share", &Settings::time_drain_amber_after_hours_share, 0, 1,
     "Share of inbound contacts after hours from which time drain is amber.",
     "Quota di contatti in entrata fuori orario da cui il segnale è ambra."},
    {"time_drain.min_inbound", &Settings::time_drain_min_inbound, 1, 1e6,
     "Inbound contacts needed before their after-hours share is judged.",
     "Contatti in entrata necessari prima di giudicare la loro quota fuori orario."},
    {"time_drain.red_rush_per_month", &Settings::time_drain_red_rush_per_month, 0, 1e6,
     "Rush requests a month from which time drain is red.",
     "Richieste urgenti al mese da cui il segnale è rosso."},
    {"time_drain.amber_rush_per_month", &Settings::time_drain_amber_rush_per_month, 0, 1e6,
     "Rush requests a month from which time drain is amber.",
     "Richieste urgenti al mese da cui il segnale è ambra."},
    {"time_drain.red_after_hours_work_share", &Settings::time_drain_red_after_hours_work_share, 0,
     1, "Share of work done after hours from which time drain is red.",
     "Quota di lavoro svolto fuori orario da cui il segnale è rosso."},
    {"time_drain.amber_after_hours_work_share", &Settings::time_drain_amber_after_hours_work_share,
     0, 1, "Share of work done after hours from which time drain is amber.",
     "Quota di lavoro svolto fuori orario da cui il segnale è ambra."},
    {"time_drain.amber_after_hours_contacts", &Settings::time_drain_amber_after_hours_contacts, 1,
     1e6,
     "After-hours inbound contacts that make time drain amber when there are too few to judge a "
     "share.",
     "Contatti in entrata fuori orario che rendono ambra il segnale quando sono troppo "
     "pochi per giudicarne la quota."},
    {"time_drain.rush_hours", &Settings::time_drain_rush_hours, 0, 1e6,
     "A request is a rush when its deadline is less than this many hours away.",
     "Una richiesta è urgente quando la scadenza è a meno di queste ore."},
    {"time_drain.justified_rate_ratio", &Settings::time_drain_justified_rate_ratio, 0, 1000,
     "Pay over the reference rate that justifies the demands: time drain drops one level.",
     "Rapporto tra tariffa effettiva e tariffa di riferimento che giustifica le pretese: il "
     "segnale scende di un livello."},
    {"underpaying.min_hours", &Settings::underpaying_min_hours, 0, 1e6,
     "Hours needed before a client's effective rate is judged.",
     "Ore necessarie prima di giudicare la tariffa effettiva di un cliente."},
    {"underpaying.min_reference_clients", &Settings::underpaying_min_reference_clients, 1, 1e6,
     "Other clients with a known rate needed for their median to be the reference rate.",
     "Altri clienti con tariffa nota necessari perché la loro mediana sia la tariffa di "
     "riferimento."},
    {"underpaying.red_ratio", &Settings::underpaying_red_ratio, 0, 1000,
     "Effective rate over reference rate below which underpaying is red.",
     "Rapporto tra tariffa effettiva e tariffa di riferimento sotto il quale il segnale è "
     "rosso."},
    {"underpaying.amber_ratio", &Settings::underpaying_amber_ratio, 0, 1000,
     "Effective rate over reference rate below which underpaying is amber.",
     "Rapporto tra tariffa effettiva e tariffa di riferimento sotto il quale il segnale è "
     "ambra."},
    {"late_payment.recent_invoices", &Settings::late_payment_recent_invoices, 1, 1e6,
     "How many of the latest invoices due make up the recent record.",
     "Quante delle ultime fatture scadute formano lo storico recente."},
    {"late_payment.habit_recent_late", &Settings::late_payment_habit_recent_late, 1, 1e6,
     "Late invoices among the recent ones that make lateness a habit.",
     "Fatture in ritardo tra quelle recenti che rendono il ritardo un'abitudine."},
    {"late_payment.habit_share", &Settings::late_payment_habit_share, 0, 1,
     "Share of late invoices that makes lateness a habit.",
     "Quota di fatture in ritardo che rende il ritardo un'abitudine."},
    {"late_payment.habit_min_due", &Settings::late_payment_habit_min_due, 1, 1e6,
     "Invoices due needed before the late share can make a habit.",
     "Fatture scadute necessarie perché la quota in ritardo possa indicare un'abitudine."},
    {"late_payment.red_median_days", &Settings::late_payment_red_median_days, 0, 1e6,
     "Median days late beyond which a habit of late payment is red.",
     "Mediana dei giorni di ritardo oltre la quale l'abitudine al ritardo rende rosso il segnale."},
    {"late_payment.red_share", &Settings::late_payment_red_share, 0, 1,
     "Share of late invoices from which late payment is red.",
     "Quota di fatture in ritardo da cui il segnale è rosso."},
    {"late_payment.red_min_invoices", &Settings::late_payment_red_min_invoices, 1, 1e6,
     "Invoices due needed before the late share can make late payment red.",
     "Fatture scadute necessarie perché la quota in ritardo possa rendere rosso il segnale."},
    {"non_payment.red_days", &Settings::non_payment_red_days, 1, 1e6,
     "Days past due after which an invoice that received nothing makes non-payment red.",
     "Giorni dalla scadenza dopo i quali una fattura senza alcun pagamento rende rosso il "
     "segnale dei mancati pagamenti."},
    {"non_payment.amber_days", &Settings::non_payment_amber_days, 1, 1e6,
     "Days past due from which anything unpaid makes non-payment amber.",
     "Giorni dalla scadenza da cui qualunque importo non pagato rende ambra il segnale dei "
     "mancati pagamenti."},
};

std::string Shortest(double value) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return ec == std::errc() ? std::string(buffer, end) : std::to_string(value);
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string_view Group(std::string_view name) {
  const size_t dot = name.find('.');
  return dot == std::string_view::npos ? std::string_view() : name.substr(0, dot);
}

// The valid names a mistyped `name` most likely meant: the closest by edit distance,
// else those of the same sign, else all of them.
std::string Suggest(std::string_view name) {
  std::vector<std::pair<size_t, std::string_view>> close;
  const size_t tolerance = std::max<size_t>(3, name.size() / 4);
  for (const Spec& spec : kSpecs) {
    const size_t distance = EditDistance(name, spec.name);
    if (distance <= tolerance) close.emplace_back(distance, spec.name);
  }
  std::stable_sort(close.begin(), close.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string_view> names;
  for (size_t i = 0; i < close.size() && i < 3; ++i) names.push_back(close[i].second);
  if (names.empty() && !Group(name).empty()) {
    for (const Spec& spec : kSpecs) {
      if (Group(spec.name) == Group(name)) names.push_back(spec.name);
    }
  }
  const bool all = names.empty();
  if (all) {
    for (const Spec& spec : kSpecs) names.push_back(spec.name);
  }
  std::string list;
  for (std::string_view n : names) list += (list.empty() ? "" : ", ") + std::string(n);
  return all ? "valid settings are: " + list : "did you mean " + list + "?";
}

Status Apply(const Spec& spec, double value, const Workspace& workspace, Settings& settings) {
  const std::string name = spec.name;
  if (!std::isfinite(value) || value < spec.min || value > spec.max) {
    return Fail(ErrorCode::kInvalidArgument,
                "setting " + name + ": " + Shortest(value) + " is out of range (expected " +
                    Shortest(spec.min) + " to " + Shortest(spec.max) + ")");
  }
  if (auto* field = std::get_if<int Settings::*>(&spec.field)) {
    if (value != std::floor(value)) {
      return Fail(ErrorCode::kInvalidArgument,
                  "setting " + name + ": " + Shortest(value) + " is not a whole number");
    }
    settings.*(*field) = static_cast<int>(value);
  } else if (auto* number = std::get_if<double Settings::*>(&spec.field)) {
    settings.*(*number) = value;
  } else {
    // A money amount in the workspace currency, exact to its minor unit.
    const Currency currency = workspace.currency;
    const double minor = value * static_cast<double>(currency.minor_per_unit());
    if (std::fabs(minor - std::round(minor)) > 1e-6) {
      return Fail(ErrorCode::kInvalidArgument, "setting " + name + ": " + Shortest(value) +
                                                   " has more decimals than " +
                                                   std::string(currency.code()) + " allows");
    }
    settings.*std::get<std::string Settings::*>(spec.field) =
        Money(std::llround(minor), currency).ToString();
  }
  return {};
}

}  // namespace

Result<Settings> Settings::FromWorkspace(const Workspace& workspace) {
  Settings settings;
  for (const auto& [name, value] : workspace.settings) {
    const Spec* spec = nullptr;
    for (const Spec& candidate : kSpecs) {
      if (name == candidate.name) spec = &candidate;
    }
    if (spec == nullptr) {
      return Fail(ErrorCode::kInvalidArgument,
                  "unknown setting \"" + name + "\"; " + Suggest(name));
    }
    if (auto applied = Apply(*spec, value, workspace, settings); !applied) {
      return std::unexpected(applied.error());
    }
  }
  return settings;
}

std::vector<Settings::Entry> Settings::Entries() const {
  std::vector<Entry> entries;
  for (const Spec& spec : kSpecs) {
    std::string value;
    std::string kind;
    if (auto* field = std::get_if<int Settings::*>(&spec.field)) {
      value = std::to_string(this->*(*field));
      kind = "integer";
    } else if (auto* number = std::get_if<double Settings::*>(&spec.field)) {
      value = Shortest(this->*(*number));
      kind = "number";
    } else {
      value = this->*std::get<std::string Settings::*>(spec.field);
      kind = "money";
    }
    entries.push_back(
        {spec.name, std::move(value), spec.help_en, spec.help_it, kind, spec.min, spec.max});
  }
  return entries;
}

}  // namespace addio
