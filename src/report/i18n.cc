#include "report/i18n.h"

#include <algorithm>
#include <map>

namespace addio {
namespace {

// clang-format off
const std::vector<CatalogueEntry> kEntries = {
    // Verdicts.
    {"verdict.keep", "Keep", "Mantenere"},
    {"verdict.watch", "Watch", "Tenere d'occhio"},
    {"verdict.renegotiate", "Renegotiate", "Rinegoziare"},
    {"verdict.part_ways", "Part ways", "Chiudere il rapporto"},
    {"verdict.insufficient_data", "Insufficient data", "Dati insufficienti"},
    // Client types.
    {"archetype.partner", "Reliable partner", "Cliente affidabile"},
    {"archetype.newcomer", "Newcomer", "Nuovo cliente"},
    {"archetype.non_payer", "Non-payer", "Cattivo pagatore"},
    {"archetype.contract_averse", "Contract-averse", "Allergico ai contratti"},
    {"archetype.slow_payer", "Slow payer", "Pagatore ritardatario"},
    {"archetype.bargain_hunter", "Bargain hunter", "Cacciatore di sconti"},
    {"archetype.scope_creeper", "Scope creeper", "Chiede sempre di più"},
    {"archetype.firefighter", "Firefighter", "Sempre in emergenza"},
    // Signs: titles and column headers.
    {"sign.no_contract", "No contract", "Niente contratto"},
    {"sign.scope_creep", "Scope creep", "Richieste fuori accordo"},
    {"sign.time_drain", "Time drain", "Tempo sottratto"},
    {"sign.underpaying", "Underpaying", "Paga meno degli altri"},
    {"sign.late_payment", "Late payment", "Pagamenti in ritardo"},
    {"sign.non_payment", "Non-payment", "Mancati pagamenti"},
    {"sign_short.no_contract", "CTR", "CONTR"},
    {"sign_short.scope_creep", "SCOPE", "EXTRA"},
    {"sign_short.time_drain", "TIME", "TEMPO"},
    {"sign_short.underpaying", "RATE", "TARIF"},
    {"sign_short.late_payment", "LATE", "RITAR"},
    {"sign_short.non_payment", "UNPD", "INSOL"},
    // Levels.
    {"level.green", "green", "verde"},
    {"level.amber", "amber", "ambra"},
    {"level.red", "red", "rosso"},
    {"level.unknown", "unknown", "sconosciuto"},
    // Column and section headers.
    {"header.client", "Client", "Cliente"},
    {"header.clients", "Clients", "Clienti"},
    {"header.name", "Name", "Nome"},
    {"header.verdict", "Verdict", "Verdetto"},
    {"header.score", "Score", "Punteggio"},
    {"header.type", "Type", "Tipo"},
    {"header.revenue", "Revenue", "Fatturato"},
    {"header.hidden_cost", "Hidden cost", "Costi nascosti"},
    {"header.net_value", "Net value", "Valore netto"},
    {"header.date", "Date", "Data"},
    {"header.signs", "Signs", "Segnali"},
    {"header.level", "Level", "Livello"},
    {"header.actions", "What to do", "Cosa fare"},
    {"header.economics", "Economics", "Conti del cliente"},
    {"header.reasons", "Why", "Perché"},
    {"header.metrics", "Measures", "Indicatori"},
    {"header.evidence", "Evidence", "Riscontri"},
    {"header.thresholds", "Thresholds", "Soglie"},
    {"header.settings", "Settings used", "Impostazioni usate"},
    {"header.setting", "Setting", "Impostazione"},
    {"header.value", "Value", "Valore"},
    {"header.record", "Record", "Documento"},
    {"header.amount", "Amount", "Importo"},
    {"header.note", "Note", "Annotazione"},
    {"header.summary", "Summary", "Riepilogo"},
    {"header.details", "Client by client", "Cliente per cliente"},
    // Report titles and labels.
    {"title.assessment", "Client assessment", "Valutazione dei clienti"},
    {"title.explain", "Why this verdict", "Perché questo verdetto"},
    {"title.history", "Score history", "Andamento del punteggio"},
    {"label.as_of", "as of {0}", "al {0}"},
    {"label.window", "last {0} days", "ultimi {0} giorni"},
    {"label.currency", "amounts in {0}", "importi in {0}"},
    {"label.legend", "Legend", "Legenda"},
    {"label.no_clients", "No clients to assess.", "Nessun cliente da valutare."},
    {"label.no_actions", "Nothing to do: keep working as you do.",
     "Niente da fare: continua a lavorare così."},
    {"label.no_evidence", "No records behind this sign.",
     "Nessuna registrazione dietro questo segnale."},
    {"label.no_history", "No history points.", "Nessun punto nello storico."},
    {"label.score_of", "score {0}", "punteggio {0}"},
    {"label.per_hour", "{0} an hour", "{0} l'ora"},
    {"label.not_known", "not known", "non disponibile"},
    // Economics.
    {"econ.revenue", "Revenue", "Fatturato"},
    {"econ.hours", "Hours", "Ore"},
    {"econ.effective_rate", "Effective hourly rate", "Tariffa oraria effettiva"},
    {"econ.overdue_amount", "Overdue and unpaid", "Scaduto e non pagato"},
    {"econ.late_cost", "Cost of waiting for late payments", "Costo dei pagamenti in ritardo"},
    {"econ.underpay_gap", "Below your usual rate", "Sotto la tua tariffa abituale"},
    {"econ.unbilled_extras", "Unbilled extras", "Extra non fatturati"},
    {"econ.written_off", "Written off", "Crediti stralciati"},
    {"econ.hidden_cost", "Hidden cost", "Costi nascosti"},
    {"econ.net_value", "Net value", "Valore netto"},
    {"econ.statutory_interest", "Late interest you can claim", "Interessi di mora richiedibili"},
    // Record types of the evidence.
    {"record.invoice", "Invoice", "Fattura"},
    {"record.payment", "Payment", "Pagamento"},
    {"record.work", "Work", "Lavoro"},
    {"record.contact", "Contact", "Contatto"},
    {"record.request", "Request", "Richiesta"},
    {"record.contract", "Contract", "Contratto"},
    {"record.project", "Project", "Progetto"},
    {"record.rate_change", "Rate change", "Variazione di tariffa"},
    {"record.client", "Client", "Cliente"},
    // Metrics.
    {"metric.uncovered_hours", "hours without a contract", "ore senza contratto"},
    {"metric.uncovered_share", "share of hours without a contract", "quota di ore senza contratto"},
    {"metric.refused_contracts", "contracts refused or ignored", "contratti rifiutati o ignorati"},
    {"metric.extra_requests", "unpaid extra requests", "richieste extra non pagate"},
    {"metric.extra_hours", "hours of unpaid extras", "ore di extra non pagati"},
    {"metric.agreed_hours", "agreed hours", "ore concordate"},
    {"metric.worked_hours", "hours worked", "ore lavorate"},
    {"metric.creep_ratio", "extras over agreed hours", "extra rispetto alle ore concordate"},
    {"metric.overrun", "hours worked over agreed, fixed fee",
     "ore lavorate su ore concordate, a corpo"},
    {"metric.inbound_contacts", "inbound contacts", "contatti in entrata"},
    {"metric.after_hours_contacts", "after-hours contacts", "contatti fuori orario"},
    {"metric.after_hours_share", "share of contacts after hours", "quota di contatti fuori orario"},
    {"metric.rush_requests", "rush requests", "richieste urgenti"},
    {"metric.rush_per_month", "rush requests a month", "richieste urgenti al mese"},
    {"metric.after_hours_work_share", "share of work after hours", "quota di lavoro fuori orario"},
    {"metric.unbilled_time_share", "share of time not billed", "quota di tempo non fatturato"},
    {"metric.hours", "hours", "ore"},
    {"metric.revenue", "revenue", "fatturato"},
    {"metric.effective_rate", "effective hourly rate", "tariffa oraria effettiva"},
    {"metric.reference_rate", "reference hourly rate", "tariffa oraria di riferimento"},
    {"metric.rate_ratio", "effective over reference rate",
     "tariffa effettiva su tariffa di riferimento"},
    {"metric.refused_raises", "raises refused", "aumenti rifiutati"},
    {"metric.due_invoices", "invoices due", "fatture in scadenza"},
    {"metric.late_invoices", "invoices paid late", "fatture pagate in ritardo"},
    {"metric.late_share", "share paid late", "quota pagata in ritardo"},
    {"metric.median_days_late", "median days late", "giorni di ritardo (mediana)"},
    {"metric.average_days_delinquent", "average days late, by amount",
     "giorni di ritardo medi, pesati sull'importo"},
    {"metric.late_in_last_5", "late among the last 5", "in ritardo tra le ultime 5"},
    {"metric.overdue_amount", "overdue amount", "importo scaduto"},
    {"metric.overdue_1_30", "1-30 days past due", "scaduto da 1-30 giorni"},
    {"metric.overdue_31_60", "31-60 days past due", "scaduto da 31-60 giorni"},
    {"metric.overdue_61_90", "61-90 days past due", "scaduto da 61-90 giorni"},
    {"metric.overdue_90_plus", "over 90 days past due", "scaduto da oltre 90 giorni"},
    {"metric.unpaid_60_no_payment", "60+ days past due, nothing received",
     "scadute da 60+ giorni senza alcun incasso"},
    {"metric.written_off", "written off", "stralciato"},
    {"metric.work_hours", "hours of work", "ore di lavoro"},
    {"metric.covered_hours", "hours under a contract", "ore coperte da contratto"},
    {"metric.uncovered_entries", "work entries without a contract",
     "registrazioni di lavoro senza contratto"},
    {"metric.contracts", "contracts", "contratti"},
    {"metric.ignored_contracts", "contracts left unsigned", "contratti lasciati senza firma"},
    {"metric.uncovered_after_refusal", "work entries after a refusal",
     "registrazioni di lavoro dopo un rifiuto"},
    {"metric.uncovered_hours_after_refusal", "hours worked after a refusal",
     "ore lavorate dopo un rifiuto"},
    {"metric.fixed_worked_hours", "hours worked, fixed fee", "ore lavorate, a corpo"},
    {"metric.fixed_agreed_hours", "hours agreed, fixed fee", "ore concordate, a corpo"},
    {"metric.after_hours_lunch", "contacts at lunch time", "contatti in pausa pranzo"},
    {"metric.after_hours_early", "contacts early in the morning", "contatti di primo mattino"},
    {"metric.after_hours_evening", "contacts in the evening", "contatti di sera"},
    {"metric.after_hours_night", "contacts at night", "contatti di notte"},
    {"metric.after_hours_weekend_or_holiday", "contacts at weekends or holidays",
     "contatti nel fine settimana o nei festivi"},
    {"metric.requests", "requests", "richieste"},
    {"metric.active_months", "months with activity", "mesi con attività"},
    {"metric.after_hours_work_hours", "hours worked after hours", "ore lavorate fuori orario"},
    {"metric.stepped_down", "lowered for the pay", "abbassato per la paga"},
    {"metric.contact_hours", "unlogged contact hours", "ore di contatti non registrate"},
    {"metric.reference_clients", "clients behind the reference", "clienti usati come riferimento"},
    {"metric.unconverted_invoices", "invoices without an exchange rate",
     "fatture senza tasso di cambio"},
    {"metric.open_late_invoices", "late invoices still open", "fatture in ritardo ancora aperte"},
    {"metric.late_amount_days", "amount × days late", "importo × giorni di ritardo"},
    {"metric.overdue_invoices", "overdue invoices", "fatture scadute"},
    {"metric.oldest_days_past_due", "days past due, oldest invoice",
     "giorni dalla scadenza, fattura più vecchia"},
    {"metric.evidence_records", "records shown", "registrazioni mostrate"},
    // Explain: distances to the thresholds.
    {"thr.when_at_least", "{0} when {1} ≥ {2}", "{0} quando {1} ≥ {2}"},
    {"thr.when_below", "{0} when {1} < {2}", "{0} quando {1} < {2}"},
    {"thr.when_above", "{0} when {1} > {2}", "{0} quando {1} > {2}"},
    {"thr.to_go", "now {0}: {1} to go", "ora {0}: mancano {1}"},
    {"thr.reached_drop", "now {0}: reached; {1} less would clear it",
     "ora {0}: raggiunta; con {1} in meno rientra"},
    {"thr.reached_rise", "now {0}: reached; {1} more would clear it",
     "ora {0}: raggiunta; con {1} in più rientra"},
    {"thr.above", "now {0}: {1} above the line", "ora {0}: {1} sopra la soglia"},
    {"thr.unknown", "not measurable yet", "non ancora misurabile"},
    {"thr.more_late.one", "1 more late invoice of {1}", "un'altra fattura in ritardo su {1}"},
    {"thr.more_late.many", "{0} more late invoices of {1}", "altre {0} fatture in ritardo su {1}"},
    {"thr.fewer_late.one", "1 late invoice fewer of {1}", "una fattura in ritardo in meno su {1}"},
    {"thr.fewer_late.many", "{0} late invoices fewer of {1}",
     "{0} fatture in ritardo in meno su {1}"},
    {"thr.more_after_hours.one", "1 more after-hours contact of {1}",
     "un altro contatto fuori orario su {1}"},
    {"thr.more_after_hours.many", "{0} more after-hours contacts of {1}",
     "altri {0} contatti fuori orario su {1}"},
    {"thr.fewer_after_hours.one", "1 after-hours contact fewer of {1}",
     "un contatto fuori orario in meno su {1}"},
    {"thr.fewer_after_hours.many", "{0} after-hours contacts fewer of {1}",
     "{0} contatti fuori orario in meno su {1}"},
};
// clang-format on

const std::map<std::string_view, const CatalogueEntry*>& Index() {
  static const auto* index = [] {
    auto* map = new std::map<std::string_view, const CatalogueEntry*>();
    for (const CatalogueEntry& entry : kEntries) map->emplace(entry.key, &entry);
    return map;
  }();
  return *index;
}

}  // namespace

const std::vector<CatalogueEntry>& Catalogue() { return kEntries; }

bool HasTranslation(std::string_view key) { return Index().contains(key); }

std::string Tr(std::string_view key, Lang lang) {
  const auto& index = Index();
  const auto it = index.find(key);
  if (it != index.end()) return lang == Lang::kIt ? it->second->it : it->second->en;
  // Unknown key: the part after the family prefix, readable.
  std::string fallback(key.substr(key.find('.') == std::string_view::npos ? 0 : key.find('.') + 1));
  std::replace(fallback.begin(), fallback.end(), '_', ' ');
  return fallback;
}

std::string TrFormat(std::string_view key, Lang lang, std::initializer_list<std::string> args) {
  const std::string pattern = Tr(key, lang);
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' &&
        pattern[i + 1] >= '0' && pattern[i + 1] <= '9') {
      const size_t n = static_cast<size_t>(pattern[i + 1] - '0');
      if (n < args.size()) out += *(args.begin() + n);
      i += 2;
      continue;
    }
    out += pattern[i];
  }
  return out;
}

std::string VerdictName(Verdict verdict, Lang lang) {
  return Tr(std::string("verdict.") + VerdictKey(verdict), lang);
}
std::string ArchetypeName(Archetype archetype, Lang lang) {
  return Tr(std::string("archetype.") + ArchetypeKey(archetype), lang);
}
std::string SignTitle(const SignDefinition* sign, Lang lang) {
  return Tr(std::string("sign.") + SignKey(sign), lang);
}
std::string SignShort(const SignDefinition* sign, Lang lang) {
  return Tr(std::string("sign_short.") + SignKey(sign), lang);
}
std::string LevelName(Level level, Lang lang) {
  return Tr(std::string("level.") + LevelKey(level), lang);
}
std::string MetricLabel(std::string_view metric, Lang lang) {
  return Tr("metric." + std::string(metric), lang);
}

}  // namespace addio
