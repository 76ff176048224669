// What to do about a client (DESIGN.md section 5): for each amber or red sign, the
// concrete steps a freelancer takes, worded with the client's own figures, most urgent
// first. Urgency reflects how much money or time is at stake if the step waits: unpaid
// money first, then work without a contract, then the rate, then time.
#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include "verdict/assessment.h"
#include "verdict/metrics.h"
#include "verdict/wording.h"

namespace addio {
namespace {

// Collects actions; a code asked for twice keeps its most urgent version.
class Plan {
 public:
  void Add(std::string code, int urgency, Sign sign, std::string en, std::string it) {
    auto it_found = by_code_.find(code);
    if (it_found != by_code_.end() && it_found->second.urgency >= urgency) return;
    by_code_[code] = Action{code, Text{std::move(en), std::move(it)}, urgency, sign};
  }

  std::vector<Action> Sorted() && {
    std::vector<Action> out;
    for (auto& [code, action] : by_code_) out.push_back(std::move(action));
    std::stable_sort(out.begin(), out.end(), [](const Action& a, const Action& b) {
      return a.urgency > b.urgency;  // by_code_ already orders ties by code
    });
    return out;
  }

 private:
  std::map<std::string, Action> by_code_;
};

bool IsRed(const Finding& f) { return f.level == Level::kRed; }
bool IsFlagged(const Finding& f) { return f.level == Level::kAmber || f.level == Level::kRed; }

// Shorthands that format one figure in both languages.
struct Fig {
  std::string en, it;
};
Fig MoneyFig(const Money& m) { return {FormatMoney(m, "en"), FormatMoney(m, "it")}; }
Fig NumberFig(double v, int decimals) {
  return {FormatNumber(v, decimals, "en"), FormatNumber(v, decimals, "it")};
}
Fig PercentFig(double ratio) { return {FormatPercent(ratio, "en"), FormatPercent(ratio, "it")}; }

void PlanNonPayment(const Finding& f, const Economics& e, const Context& context, Plan& plan) {
  const Fig overdue = MoneyFig(e.overdue_amount);
  const int64_t stale = static_cast<int64_t>(MetricNumber(f, "unpaid_60_no_payment").value_or(0));
  const int red_days = context.settings.non_payment_red_days;
  if (IsRed(f)) {
    if (e.overdue_amount.is_positive()) {
      plan.Add("formal_notice", 100, f.sign,
               "Send a formal notice (registered letter or certified e-mail) for the " +
                   overdue.en + " overdue, giving 15 days to pay before further steps.",
               "Invia una diffida ad adempiere (raccomandata A/R o PEC) per i " + overdue.it +
                   " scaduti, con 15 giorni per pagare prima di procedere oltre.");
      plan.Add("stop_work", 95, f.sign,
               "Stop all work and deliver nothing new until the " + overdue.en +
                   " overdue is paid: every extra hour is more credit to a client who does "
                   "not pay.",
               "Sospendi ogni lavoro e non consegnare nulla di nuovo finché non sono saldati i " +
                   overdue.it +
                   " scaduti: ogni ora in più è altro credito a un cliente che non "
                   "paga.");
    }
    if (stale > 0) {
      plan.Add("collection", 85, f.sign,
               Plural(stale, "invoice is", "invoices are") + " " + std::to_string(red_days) +
                   "+ days past due with no payment at all: if the formal notice goes "
                   "unanswered, hand the claim to a collection agency or a lawyer (an "
                   "injunction to pay is fast for documented invoices).",
               Plural(stale, "fattura è scaduta", "fatture sono scadute") + " da oltre " +
                   std::to_string(red_days) +
                   " giorni senza alcun pagamento: se la diffida resta senza risposta, affida "
                   "il credito a una società di recupero crediti o a un avvocato (con fatture "
                   "documentate il decreto ingiuntivo è rapido).");
    }
    if (e.written_off.is_positive()) {
      const Fig lost = MoneyFig(e.written_off);
      plan.Add("require_deposit", 70, f.sign,
               "You wrote off " + lost.en +
                   " from this client in the period: take on new work only against a deposit "
                   "of at least 50%.",
               "Nel periodo hai stralciato " + lost.it +
                   " di crediti verso questo cliente: accetta nuovi lavori solo con un acconto "
                   "di almeno il 50%.");
    }
    return;
  }
  plan.Add("formal_notice", 60, f.sign,
           "Send a formal reminder for the " + overdue.en +
               " unpaid for more than 30 days past due, with a firm payment date.",
           "Invia un sollecito formale per i " + overdue.it +
               " non pagati da oltre 30 giorni dalla scadenza, indicando una data di pagamento "
               "precisa.");
  plan.Add("require_deposit", 45, f.sign,
           "Ask for a 30% deposit on the next job until the overdue invoices are cleared.",
           "Chiedi un acconto del 30% sul prossimo lavoro finché le fatture scadute non sono "
           "saldate.");
}

void PlanLatePayment(const Finding& f, const Economics& e, Plan& plan) {
  const bool red = IsRed(f);
  const int64_t late = static_cast<int64_t>(MetricNumber(f, "late_invoices").value_or(0));
  const int64_t due = static_cast<int64_t>(MetricNumber(f, "due_invoices").value_or(0));
  const std::optional<double> median = MetricNumber(f, "median_days_late");
  const std::string median_en =
      median ? " (typically " + NumberFig(*median, 0).en + " days late)" : "";
  const std::string median_it =
      median ? " (di solito con " + NumberFig(*median, 0).it + " giorni di ritardo)" : "";
  if (e.statutory_invoices > 0 && e.statutory_interest.is_positive()) {
    const Fig interest = MoneyFig(e.statutory_interest);
    const std::string invoices_en = Plural(e.statutory_invoices, "invoice", "invoices");
    const std::string invoices_it = Plural(e.statutory_invoices, "fattura", "fatture");
    plan.Add("claim_late_interest", red ? 68 : 38, f.sign,
             "Claim the statutory late-payment interest: " + interest.en + " on " + invoices_en +
                 " (EU Directive 2011/7/EU: reference rate + 8 points, plus 40 EUR per "
                 "invoice). Even mentioning it in reminders makes paying on time worth it.",
             "Richiedi gli interessi di mora previsti dalla legge: " + interest.it + " su " +
                 invoices_it +
                 " (D.Lgs. 231/2002: tasso di riferimento + 8 punti, più 40 euro a fattura). "
                 "Anche solo citarli nei solleciti rende conveniente pagare puntuali.");
  }
  plan.Add("automatic_reminders", red ? 50 : 42, f.sign,
           "Paid late " + std::to_string(late) + " times out of " + std::to_string(due) +
               median_en +
               ": send automatic reminders 3 days before the due date, on the day, and every "
               "week after.",
           "Ha pagato in ritardo " + std::to_string(late) + " volte su " + std::to_string(due) +
               median_it +
               ": imposta solleciti automatici 3 giorni prima della scadenza, il giorno stesso "
               "e poi ogni settimana.");
  plan.Add("shorten_terms", red ? 60 : 36, f.sign,
           "Shorten the payment terms to 15 days and invoice each milestone as it is "
           "delivered, instead of one invoice at the end.",
           "Riduci i termini di pagamento a 15 giorni e fattura ogni fase alla consegna, invece "
           "di un'unica fattura finale.");
  if (red) {
    plan.Add("require_deposit", 66, f.sign,
             "Late payment is the rule with this client: ask for a 30-50% deposit before "
             "starting each job.",
             "Con questo cliente il ritardo è la regola: chiedi un acconto del 30-50% prima di "
             "iniziare ogni lavoro.");
  }
}

void PlanUnderpaying(const Finding& f, const Economics& e, const Context& context, Plan& plan) {
  const bool red = IsRed(f);
  const Currency currency = context.workspace->currency;
  const std::optional<Money> reference = MetricMoney(f, "reference_rate", currency);
  const std::optional<double> ratio = MetricNumber(f, "rate_ratio");
  const bool refused = MetricNumber(f, "refused_raises").value_or(0) > 0;
  std::string en, it;
  if (e.effective_rate && reference) {
    const Fig effective = MoneyFig(*e.effective_rate);
    const Fig ref = MoneyFig(*reference);
    en =
        "You earn " + effective.en + " an hour here against " + ref.en + " from your other clients";
    it = "Qui guadagni " + effective.it + " l'ora contro " + ref.it + " degli altri clienti";
    if (ratio) {
      en += " (" + PercentFig(*ratio).en + ")";
      it += " (" + PercentFig(*ratio).it + ")";
    }
    en += ": propose " + ref.en +
          " an hour from the next job, or cut the scope to match the "
          "budget.";
    it += ": proponi " + ref.it +
          " l'ora dal prossimo lavoro, oppure riduci il perimetro in "
          "proporzione al budget.";
  } else {
    en = "This client pays well below your other clients: propose a higher rate from the next "
         "job, or cut the scope to match the budget.";
    it = "Questo cliente paga molto meno degli altri: proponi una tariffa più alta dal "
         "prossimo lavoro, oppure riduci il perimetro in proporzione al budget.";
  }
  if (refused) {
    en += " They already refused a raise: put the new rate in writing with a date.";
    it +=
        " Ha già rifiutato un aumento: metti la nuova tariffa per iscritto, con una data di "
        "decorrenza.";
  }
  plan.Add("raise_rate", red ? 75 : 44, f.sign, std::move(en), std::move(it));
  if (red) {
    plan.Add("set_minimum_fee", 52, f.sign,
             "Set a minimum fee per job (for example half a day) so that small tasks and quick "
             "calls stop pulling the rate down.",
             "Stabilisci un compenso minimo per incarico (per esempio mezza giornata), così "
             "piccoli lavori e telefonate veloci non abbassano più la tariffa.");
  }
}

void PlanScopeCreep(const Finding& f, const Economics& e, Plan& plan) {
  const bool red = IsRed(f);
  const int64_t extras = static_cast<int64_t>(MetricNumber(f, "extra_requests").value_or(0));
  const double extra_hours = MetricNumber(f, "extra_hours").value_or(0);
  const std::optional<double> ratio = MetricNumber(f, "creep_ratio");
  std::string en =
      "Put every request outside the agreed scope in a written change order with "
      "price and date, approved before you start it.";
  std::string it =
      "Metti per iscritto ogni richiesta fuori dagli accordi con una variante "
      "che indichi prezzo e data, approvata prima di iniziare.";
  if (extras > 0) {
    std::string share_en, share_it;
    if (ratio) {
      share_en = ", " + PercentFig(*ratio).en + " of the agreed hours";
      share_it = ", il " + PercentFig(*ratio).it + " delle ore concordate";
    }
    en = Plural(extras, "unpaid extra", "unpaid extras") + " took " + NumberFig(extra_hours, 1).en +
         " hours" + share_en + ". " + en;
    it = Plural(extras, "richiesta extra non pagata", "richieste extra non pagate") +
         (extras == 1 ? " ha richiesto " : " hanno richiesto ") + NumberFig(extra_hours, 1).it +
         " ore" + share_it + ". " + it;
  }
  plan.Add("introduce_change_orders", red ? 72 : 46, f.sign, std::move(en), std::move(it));
  if (e.unbilled_extras.is_positive()) {
    const Fig unbilled = MoneyFig(e.unbilled_extras);
    plan.Add("bill_extras", red ? 66 : 40, f.sign,
             "Bill the extra work already done: " + unbilled.en +
                 " at your usual rate. Send it with a short list of the requests and dates.",
             "Fattura il lavoro extra già svolto: " + unbilled.it +
                 " alla tua tariffa abituale. Allega un breve elenco delle richieste con le "
                 "date.");
  }
}

void PlanTimeDrain(const Finding& f, const Context& context, Plan& plan) {
  const bool red = IsRed(f);
  const Settings& s = context.settings;
  const std::optional<double> contact_share = MetricNumber(f, "after_hours_share");
  const std::optional<double> work_share = MetricNumber(f, "after_hours_work_share");
  const std::optional<double> rush = MetricNumber(f, "rush_per_month");
  const bool rush_problem = rush && *rush >= s.time_drain_amber_rush_per_month;
  const bool hours_problem =
      (contact_share && *contact_share >= s.time_drain_amber_after_hours_share) ||
      (work_share && *work_share >= s.time_drain_amber_after_hours_work_share) || !rush_problem;
  if (hours_problem) {
    std::string en, it;
    if (contact_share && *contact_share > 0) {
      en = PercentFig(*contact_share).en +
           " of their calls and messages arrive outside your working hours. ";
      it = "Il " + PercentFig(*contact_share).it +
           " delle loro chiamate e dei messaggi arriva fuori dal tuo orario di lavoro. ";
    }
    en +=
        "State your office hours in writing, answer after-hours messages the next working "
        "day, and bill out-of-hours work at a higher rate.";
    it +=
        "Comunica per iscritto il tuo orario, rispondi ai messaggi fuori orario il giorno "
        "lavorativo successivo e fattura il lavoro fuori orario con una maggiorazione.";
    plan.Add("set_office_hours", red ? 62 : 34, f.sign, std::move(en), std::move(it));
  }
  if (rush_problem) {
    plan.Add("add_rush_fee", red ? 58 : 32, f.sign,
             NumberFig(*rush, 1).en +
                 " rush requests a month: add a 50% surcharge to anything wanted within 24 "
                 "hours, and say so before accepting.",
             NumberFig(*rush, 1).it +
                 " richieste urgenti al mese: applica una maggiorazione del 50% a tutto ciò che "
                 "va consegnato entro 24 ore, e dillo prima di accettare.");
  }
}

void PlanNoContract(const Finding& f, Plan& plan) {
  const std::optional<double> hours = MetricNumber(f, "uncovered_hours");
  const std::optional<double> share = MetricNumber(f, "uncovered_share");
  std::string en, it;
  if (hours && *hours > 0) {
    en = NumberFig(*hours, 1).en + " hours of work";
    it = NumberFig(*hours, 1).it + " ore di lavoro";
    if (share) {
      en += " (" + PercentFig(*share).en + ")";
      it += " (il " + PercentFig(*share).it + ")";
    }
    en += " had no signed contract. ";
    it += " non erano coperte da un contratto firmato. ";
  }
  if (IsRed(f)) {
    plan.Add("stop_work_until_signed", 90, f.sign,
             "The client refused or ignored a contract and work went on anyway. " + en +
                 "Stop work until a contract is signed: without one, scope, price and payment "
                 "terms are yours to prove.",
             "Il cliente ha rifiutato o ignorato un contratto e il lavoro è proseguito lo "
             "stesso. " +
                 it +
                 "Sospendi il lavoro finché il contratto non è firmato: senza, dovrai essere tu "
                 "a dimostrare perimetro, prezzo e termini di pagamento.");
    return;
  }
  plan.Add("send_short_sow", 55, f.sign,
           en + "Send a one-page statement of work (scope, price, payment terms) and have it "
                "signed, even by e-mail, before the next task.",
           it + "Invia una lettera d'incarico di una pagina (attività, prezzo, termini di "
                "pagamento) e falla firmare, anche via e-mail, prima del prossimo lavoro.");
}

}  // namespace

std::vector<Action> PlanActions(const std::array<Finding, 6>& signs, const Economics& economics,
                                const Context& context) {
  Plan plan;
  const Finding& no_contract = SignOf(signs, Sign::kNoContract);
  const Finding& scope_creep = SignOf(signs, Sign::kScopeCreep);
  const Finding& time_drain = SignOf(signs, Sign::kTimeDrain);
  const Finding& underpaying = SignOf(signs, Sign::kUnderpaying);
  const Finding& late_payment = SignOf(signs, Sign::kLatePayment);
  const Finding& non_payment = SignOf(signs, Sign::kNonPayment);
  if (IsFlagged(non_payment)) PlanNonPayment(non_payment, economics, context, plan);
  if (IsFlagged(no_contract)) PlanNoContract(no_contract, plan);
  if (IsFlagged(late_payment)) PlanLatePayment(late_payment, economics, plan);
  if (IsFlagged(underpaying)) PlanUnderpaying(underpaying, economics, context, plan);
  if (IsFlagged(scope_creep)) PlanScopeCreep(scope_creep, economics, plan);
  if (IsFlagged(time_drain)) PlanTimeDrain(time_drain, context, plan);

  if (DecideVerdict(LevelsOf(signs), economics.net_value) == Verdict::kPartWays) {
    // The sign that decided it: the first red in the tie order of section 6.
    Sign decisive = Sign::kNonPayment;
    for (Sign sign : {Sign::kNonPayment, Sign::kNoContract, Sign::kLatePayment, Sign::kUnderpaying,
                      Sign::kScopeCreep, Sign::kTimeDrain}) {
      if (IsRed(SignOf(signs, sign))) {
        decisive = sign;
        break;
      }
    }
    std::string en =
        "End the relationship: finish only what is already committed, collect "
        "what is owed, and give notice in writing.";
    std::string it =
        "Chiudi il rapporto: porta a termine solo gli impegni già presi, incassa "
        "quanto dovuto e comunica la cessazione per iscritto.";
    if (!economics.net_value.is_positive()) {
      const Fig net = MoneyFig(economics.net_value);
      en = "Over the period this client cost more than it paid (net value " + net.en + "). " + en;
      it = "Nel periodo questo cliente è costato più di quanto ha pagato (valore netto " + net.it +
           "). " + it;
    }
    plan.Add("end_relationship", 80, decisive, std::move(en), std::move(it));
  }
  return std::move(plan).Sorted();
}

}  // namespace addio
