// late_payment: the client pays late, as a habit rather than an exception (DESIGN.md
// section 4). For each non-void invoice due in the window, the settled date is the day
// the allocated payments (the client's snapshot, payments after as_of ignored) reach its
// amount; days_late = settled - due, or as_of - due while unsettled. It is late beyond
// grace_days. A habit is enough late ones among the latest invoices, or a high late
// share over enough invoices; lateness that is no habit stays green as an exception.
#include <algorithm>
#include <tuple>

#include "signals/act.h"
#include "signals/sign.h"
#include "signals/signals.h"
#include "signals/text.h"
#include "signals/window.h"

namespace addio {
namespace {

using signals_internal::Count;
using signals_internal::Lang;
using signals_internal::LocalDate;
using signals_internal::Num;
using signals_internal::Percent;
using signals_internal::Proof;
using signals_internal::Say;
using signals_internal::ToWorkspace;

constexpr Lang kEn = Lang::kEn;
constexpr Lang kIt = Lang::kIt;

__extension__ using Int128 = __int128;  // amount × days summed exactly

struct DueInvoice {
  const Invoice* invoice;
  int32_t days_late;  // settled - due, or as_of - due while unsettled; may be negative
  bool settled;
  bool late;
  std::optional<Money> amount;         // workspace currency
  std::optional<Money> unpaid_at_due;  // what was still owed on the due date, workspace currency
};

double Median(std::vector<int32_t> values) {
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

// Late invoices carry what was late and for how long (the cost of late payment is
// amount × days); the others their amount.
Evidence MakeEvidence(const DueInvoice* d) {
  const std::string n = std::to_string(d->days_late);
  const double days = static_cast<double>(d->days_late);
  if (d->late && d->settled) {
    return Proof(
        d->unpaid_at_due, days,
        Say("Paid " + n + " days after the due date", "Pagata " + n + " giorni dopo la scadenza"),
        "late");
  }
  if (d->late) {
    return Proof(d->unpaid_at_due, days,
                 Say("Unpaid, " + n + " days past due", "Non pagata, scaduta da " + n + " giorni"),
                 "open");
  }
  return Proof(d->amount, days,
               d->settled ? Say("Paid on time", "Pagata puntualmente")
                          : Say("Not paid yet, within the grace days",
                                "Non ancora pagata, entro i giorni di tolleranza"),
               "on_time");
}

void AddThresholds(Finding& finding, const Settings& s) {
  const std::string due_habit = std::to_string(s.late_payment_habit_min_due);
  const std::string due_red = std::to_string(s.late_payment_red_min_invoices);
  finding.thresholds = {
      {"late_in_last_5", "late_payment.habit_recent_late",
       static_cast<double>(s.late_payment_habit_recent_late), true, Level::kAmber},
      {"late_share", "late_payment.habit_share", s.late_payment_habit_share, true, Level::kAmber,
       false,
       Say("with at least " + due_habit + " invoices due",
           "con almeno " + due_habit + " fatture scadute")},
      {"median_days_late", "late_payment.red_median_days", s.late_payment_red_median_days, true,
       Level::kRed, true, Say("when late payment is a habit", "quando il ritardo è un'abitudine")},
      {"late_share", "late_payment.red_share", s.late_payment_red_share, true, Level::kRed, false,
       Say("with at least " + due_red + " invoices due",
           "con almeno " + due_red + " fatture scadute")},
  };
}

}  // namespace

namespace {

Finding Measure(const ClientSnapshot& snapshot, const Context& context) {
  const ClientLedger& client = snapshot.records();
  const Settings& s = context.settings;
  const signals_internal::Window window = signals_internal::MakeWindow(context);
  const std::string days = std::to_string(window.days);
  Finding finding;

  std::vector<DueInvoice> due;
  for (size_t i = 0; i < client.invoices.size(); ++i) {
    const Invoice& invoice = client.invoices[i];
    if (!snapshot.Exists(i) || invoice.status == InvoiceStatus::kVoid ||
        !window.Contains(invoice.due)) {
      continue;
    }
    const InvoiceSettlement& settlement = snapshot.settlement(i);
    DueInvoice d{&invoice, 0, settlement.settled.has_value(), false, std::nullopt, std::nullopt};
    d.days_late = snapshot.DaysLate(i);
    d.late = d.days_late > s.grace_days;
    d.amount = ToWorkspace(invoice.amount, context);
    Money unpaid = invoice.amount;
    for (const AllocationPart& part : settlement.parts) {
      if (part.date <= invoice.due) unpaid -= part.amount;
    }
    d.unpaid_at_due = ToWorkspace(unpaid, context);
    due.push_back(d);
  }
  std::sort(due.begin(), due.end(), [](const DueInvoice& a, const DueInvoice& b) {
    return std::tie(a.invoice->due, a.invoice->issued, a.invoice->id) <
           std::tie(b.invoice->due, b.invoice->issued, b.invoice->id);
  });

  const int64_t n = static_cast<int64_t>(due.size());
  int64_t late = 0, open_late = 0, open_in_grace = 0, late_recent = 0;
  std::vector<int32_t> late_days;
  Money late_amount_days = signals_internal::ZeroMoney(context);
  Int128 weighted_days = 0, weights = 0;
  const size_t recent_from = due.size() > static_cast<size_t>(s.late_payment_recent_invoices)
                                 ? due.size() - static_cast<size_t>(s.late_payment_recent_invoices)
                                 : 0;
  signals_internal::EvidenceList<const DueInvoice*> evidence;
  for (size_t i = 0; i < due.size(); ++i) {
    const DueInvoice& d = due[i];
    if (d.amount) {
      weighted_days += Int128{d.amount->minor()} * std::max(0, d.days_late);
      weights += d.amount->minor();
    }
    if (!d.settled && !d.late) ++open_in_grace;
    if (d.late) {
      ++late;
      open_late += d.settled ? 0 : 1;
      late_recent += i >= recent_from ? 1 : 0;
      late_days.push_back(d.days_late);
      if (d.unpaid_at_due) late_amount_days += d.unpaid_at_due->MulDiv(d.days_late, 1);
    }
    evidence.Add(d.invoice->due, "invoice", d.invoice->id, &d);
  }
  const std::optional<double> share =
      n > 0 ? std::optional(static_cast<double>(late) / static_cast<double>(n)) : std::nullopt;
  const std::optional<double> median = late > 0 ? std::optional(Median(late_days)) : std::nullopt;
  const std::optional<double> delinquent =
      weights > 0 ? std::optional(static_cast<double>(weighted_days) / static_cast<double>(weights))
                  : std::nullopt;
  auto number = [](const char* name, const std::optional<double>& v) {
    return v ? Metric::Number(name, *v) : Metric::Unknown(name);
  };
  finding.metrics = {
      Metric::Count("due_invoices", n),
      Metric::Count("late_invoices", late),
      number("late_share", share),
      number("median_days_late", median),
      number("average_days_delinquent", delinquent),
      Metric::Count("late_in_last_5", late_recent),
      Metric::Count("open_late_invoices", open_late),
      Metric::Amount("late_amount_days", late_amount_days),
  };
  AddThresholds(finding, s);
  evidence.MoveInto(finding, MakeEvidence);

  if (n == 0) {
    finding.level = Level::kUnknown;
    finding.reasons.push_back(Say("No invoice fell due in the last " + days + " days.",
                                  "Nessuna fattura è scaduta negli ultimi " + days + " giorni."));
    return finding;
  }
  const bool habit = late_recent >= s.late_payment_habit_recent_late ||
                     (*share >= s.late_payment_habit_share && n >= s.late_payment_habit_min_due);
  if ((habit && *median > s.late_payment_red_median_days) ||
      (*share >= s.late_payment_red_share && n >= s.late_payment_red_min_invoices)) {
    finding.level = Level::kRed;
  } else {
    finding.level = habit ? Level::kAmber : Level::kGreen;
  }

  const std::string total = std::to_string(n);
  if (late == 0) {
    const int64_t paid = n - open_in_grace;
    const std::string p = std::to_string(paid);
    finding.reasons.push_back(
        Say("Paid " + p + " of " + total + (n == 1 ? " invoice" : " invoices") + " on time.",
            (paid == 1 ? "Pagata puntualmente 1 fattura su "
                       : "Pagate puntualmente " + p + " fatture su ") +
                total + "."));
    if (open_in_grace > 0) {
      const std::string o = std::to_string(open_in_grace), g = std::to_string(s.grace_days);
      finding.reasons.push_back(
          Say(Count(open_in_grace, "invoice is", "invoices are") +
                  " not paid yet but still within the " + g + " days of grace.",
              (open_in_grace == 1 ? std::string("1 fattura non è ancora pagata ma è")
                                  : o + " fatture non sono ancora pagate ma sono") +
                  " ancora nei " + g + " giorni di tolleranza."));
    }
    return finding;
  }
  const std::string l = std::to_string(late), m_en = Num(*median, 1, kEn),
                    m_it = Num(*median, 1, kIt);
  if (n == 1) {
    finding.reasons.push_back(Say("The only invoice due in the last " + days + " days was late, " +
                                      m_en + " days after the due date.",
                                  "L'unica fattura scaduta negli ultimi " + days +
                                      " giorni era in ritardo, di " + m_it + " giorni."));
  } else if (late == n) {
    finding.reasons.push_back(
        Say("All " + total + " invoices due in the last " + days + " days were late, a median of " +
                m_en + " days after the due date.",
            "Tutte e " + total + " le fatture scadute negli ultimi " + days +
                " giorni erano in ritardo, con un ritardo mediano di " + m_it + " giorni."));
  } else {
    finding.reasons.push_back(
        Say(l + " of the " + total + " invoices due in the last " + days + " days " +
                (late == 1 ? "was" : "were") + " late (" + Percent(*share) + "), a median of " +
                m_en + " days after the due date.",
            l + " delle " + total + " fatture scadute negli ultimi " + days + " giorni " +
                (late == 1 ? "era" : "erano") + " in ritardo (" + Percent(*share) +
                "), con un ritardo mediano di " + m_it + " giorni."));
  }
  const int64_t recent = std::min<int64_t>(n, s.late_payment_recent_invoices);
  if (recent >= 2 && recent < n) {
    const std::string r = std::to_string(recent), k = std::to_string(late_recent);
    finding.reasons.push_back(
        Say(k + " of the last " + r + " invoices " + (late_recent == 1 ? "was" : "were") + " late.",
            k + " delle ultime " + r + " fatture " +
                (late_recent == 1 ? "era in ritardo." : "erano in ritardo.")));
  }
  if (open_late > 0) {
    finding.reasons.push_back(Say(
        Count(open_late, "late invoice is", "late invoices are") + " still unpaid.",
        (open_late == 1
             ? std::string("1 fattura in ritardo non è ancora stata pagata.")
             : std::to_string(open_late) + " fatture in ritardo non sono ancora state pagate.")));
  }
  finding.reasons.push_back(
      habit ? Say("Paying late is a habit for this client, not an exception.",
                  "Per questo cliente pagare in ritardo è un'abitudine, non un'eccezione.")
            : Say("An exception, not a habit: this client usually pays on time.",
                  "Un'eccezione, non un'abitudine: di solito questo cliente paga puntualmente."));
  return finding;
}

using signals_internal::Fig;
using signals_internal::IsRed;
using signals_internal::MoneyFig;
using signals_internal::NumberFig;
using signals_internal::PercentFig;

void PlanLatePayment(const Finding& f, const Economics& e, ActionPlan& plan) {
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

class LatePayment final : public SignDefinition {
 public:
  LatePayment()
      : SignDefinition({.key = "late_payment",
                        .weight_halves = 3,
                        .archetype = "slow_payer",
                        .tie_rank = 2,
                        .red_parts_ways = false,
                        .reads = {}}) {}

  Finding Evaluate(const SignInput& input) const override {
    return Measure(input.client, input.context);
  }

  void Act(const Finding& finding, const Economics& economics, const Context&,
           ActionPlan& plan) const override {
    PlanLatePayment(finding, economics, plan);
  }
};

}  // namespace

namespace signals_internal {
std::unique_ptr<SignDefinition> MakeLatePayment() { return std::make_unique<LatePayment>(); }
}  // namespace signals_internal

}  // namespace addio
