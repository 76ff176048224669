// underpaying: the client pays less than your other clients (DESIGN.md section 4).
// hours = work minutes / 60 + minutes of contacts not logged as work / 60, over the
// window. revenue = invoices issued in the window, not void, in the workspace currency,
// less what written-off invoices left unpaid. effective_rate = revenue / hours (unknown
// under underpaying.min_hours). rate_ratio = effective_rate / reference_rate, the
// reference being the hours-weighted median of the other clients (Portfolio) or the
// target rate. Red: rate_ratio < red_ratio, or < amber_ratio with a refused raise.
// Amber: rate_ratio < amber_ratio, or a refused raise with rate_ratio < 1.
#include <algorithm>

#include "signals/act.h"
#include "signals/rate.h"
#include "signals/sign.h"
#include "signals/signals.h"
#include "signals/text.h"
#include "signals/window.h"

namespace addio {
namespace signals_internal {

EarnedRate ComputeEarnedRate(const ClientSnapshot& snapshot, const Context& context,
                             const Window& window) {
  const ClientLedger& client = snapshot.records();
  EarnedRate earned;
  earned.invoiced = earned.written_off = earned.revenue = ZeroMoney(context);
  for (const WorkEntry& work : client.work) {
    if (window.Contains(work.start)) earned.work_minutes += work.minutes;
  }
  for (const Contact& contact : client.contacts) {
    if (!contact.logged && window.Contains(contact.at)) earned.contact_minutes += contact.minutes;
  }

  bool any_written_off = false;
  for (const Invoice& invoice : client.invoices) {
    if (invoice.status == InvoiceStatus::kVoid || !window.Contains(invoice.issued)) continue;
    const std::optional<Money> amount = ToWorkspace(invoice.amount, context);
    if (!amount) {
      earned.unconverted.push_back(invoice.id);
      continue;
    }
    earned.invoiced += *amount;
    any_written_off = any_written_off || invoice.status == InvoiceStatus::kWrittenOff;
  }
  if (any_written_off) {
    // What a written-off invoice had received before as_of stays revenue; the rest is lost.
    for (size_t i = 0; i < client.invoices.size(); ++i) {
      const Invoice& invoice = client.invoices[i];
      if (!snapshot.Exists(i) || invoice.status != InvoiceStatus::kWrittenOff ||
          !window.Contains(invoice.issued)) {
        continue;
      }
      if (const auto open = ToWorkspace(snapshot.settlement(i).open, context)) {
        earned.written_off += *open;
      }
    }
  }
  earned.revenue = earned.invoiced - earned.written_off;
  const int64_t minutes = earned.minutes();
  if (minutes > 0 && earned.hours() >= context.settings.underpaying_min_hours) {
    earned.effective_rate = earned.revenue.MulDiv(60, minutes);
  }
  return earned;
}

}  // namespace signals_internal

namespace {

using signals_internal::Count;
using signals_internal::FormatMoney;
using signals_internal::Hours;
using signals_internal::Lang;
using signals_internal::Num;
using signals_internal::Percent;
using signals_internal::Say;

constexpr Lang kEn = Lang::kEn;
constexpr Lang kIt = Lang::kIt;

void AddThresholds(Finding& finding, const Settings& settings) {
  const Text with_refusal =
      Say("with a refused rate increase", "con un aumento di tariffa rifiutato");
  finding.thresholds = {
      {"hours", "underpaying.min_hours", settings.underpaying_min_hours, false, Level::kUnknown},
      {"rate_ratio", "underpaying.red_ratio", settings.underpaying_red_ratio, false, Level::kRed},
      {"rate_ratio", "underpaying.amber_ratio", settings.underpaying_amber_ratio, false,
       Level::kRed, false, with_refusal},
      {"rate_ratio", "underpaying.amber_ratio", settings.underpaying_amber_ratio, false,
       Level::kAmber},
      {"rate_ratio", "", 1.0, false, Level::kAmber, false, with_refusal},
  };
}

// The record behind one piece of evidence: an invoice in the window or a refused raise.
struct Record {
  const Invoice* invoice;
  const RateChange* change;
};

Evidence MakeEvidence(const Record& r) {
  if (r.change != nullptr) {
    return signals_internal::Proof(r.change->to, std::nullopt,
                                   Say("Rate increase refused", "Aumento di tariffa rifiutato"),
                                   "refused_raise");
  }
  const bool lost = r.invoice->status == InvoiceStatus::kWrittenOff;
  return signals_internal::Proof(
      r.invoice->amount, std::nullopt,
      lost ? Say("Invoiced, then written off", "Fatturata, poi stralciata")
           : Say("Invoiced in the window", "Fatturata nel periodo"),
      lost ? "written_off" : "invoiced");
}

}  // namespace

namespace {

Finding Measure(const ClientSnapshot& snapshot, const Portfolio& portfolio,
                const Context& context) {
  const ClientLedger& client = snapshot.records();
  const Settings& settings = context.settings;
  const signals_internal::Window window = signals_internal::MakeWindow(context);
  const signals_internal::EarnedRate earned =
      signals_internal::ComputeEarnedRate(snapshot, context, window);
  const signals_internal::Reference reference =
      signals_internal::FindReference(portfolio, client.client.id, context);
  const std::string days = std::to_string(window.days);

  Finding finding;
  signals_internal::EvidenceList<Record> evidence;
  int64_t refused_raises = 0;
  for (const RateChange& change : client.rate_changes) {
    if (change.outcome != RateOutcome::kRefused || !window.Contains(change.at)) continue;
    ++refused_raises;
    evidence.Add(change.at, "rate_change", change.id, {nullptr, &change});
  }
  for (const Invoice& invoice : client.invoices) {
    if (invoice.status == InvoiceStatus::kVoid || !window.Contains(invoice.issued)) continue;
    evidence.Add(invoice.issued, "invoice", invoice.id, {&invoice, nullptr});
  }

  std::optional<double> ratio;
  if (earned.effective_rate && reference.rate && reference.rate->is_positive()) {
    ratio = static_cast<double>(earned.effective_rate->minor()) /
            static_cast<double>(reference.rate->minor());
  }
  const double hours = earned.hours();
  finding.metrics = {
      Metric::Number("hours", hours),
      Metric::Number("work_hours", static_cast<double>(earned.work_minutes) / 60.0),
      Metric::Number("contact_hours", static_cast<double>(earned.contact_minutes) / 60.0),
      Metric::Amount("revenue", earned.revenue),
      Metric::Amount("written_off", earned.written_off),
      earned.effective_rate ? Metric::Amount("effective_rate", *earned.effective_rate)
                            : Metric::Unknown("effective_rate"),
      reference.rate ? Metric::Amount("reference_rate", *reference.rate)
                     : Metric::Unknown("reference_rate"),
      Metric::Count("reference_clients", reference.clients),
      ratio ? Metric::Number("rate_ratio", *ratio) : Metric::Unknown("rate_ratio"),
      Metric::Count("refused_raises", refused_raises),
      Metric::Count("unconverted_invoices", static_cast<int64_t>(earned.unconverted.size())),
  };
  AddThresholds(finding, settings);
  evidence.MoveInto(finding, MakeEvidence);

  if (!earned.effective_rate && earned.minutes() == 0) {
    finding.level = Level::kUnknown;
    finding.reasons.push_back(Say(
        "No working time was recorded in the last " + days + " days; at least " +
            Num(settings.underpaying_min_hours, 1, kEn) + " hours are needed to judge the rate.",
        "Negli ultimi " + days +
            " giorni non è stato registrato alcun tempo di lavoro; servono "
            "almeno " +
            Num(settings.underpaying_min_hours, 1, kIt) + " ore per giudicare la tariffa."));
  } else if (!earned.effective_rate) {
    finding.level = Level::kUnknown;
    const std::string min = Num(settings.underpaying_min_hours, 1, kEn);
    finding.reasons.push_back(
        Say("Only " + Hours(hours, kEn) + " hours were recorded in the last " + days +
                " days; at least " + min + " are needed to judge the rate.",
            "Negli ultimi " + days + " giorni sono state registrate solo " + Hours(hours, kIt) +
                " ore; ne servono almeno " + Num(settings.underpaying_min_hours, 1, kIt) +
                " per giudicare la tariffa."));
  } else if (!ratio) {
    finding.level = Level::kUnknown;
    finding.reasons.push_back(
        Say(Hours(hours, kEn) + " hours brought " + FormatMoney(earned.revenue, kEn) + ", " +
                FormatMoney(*earned.effective_rate, kEn) +
                " an hour, but there is no reference rate to compare it with: set a target hourly "
                "rate for the workspace.",
            Hours(hours, kIt) + " ore hanno reso " + FormatMoney(earned.revenue, kIt) + ", cioè " +
                FormatMoney(*earned.effective_rate, kIt) +
                " l'ora, ma manca una tariffa di riferimento con cui confrontarla: imposta una "
                "tariffa oraria obiettivo per lo spazio di lavoro."));
  } else {
    const bool refused = refused_raises > 0;
    if (*ratio < settings.underpaying_red_ratio ||
        (*ratio < settings.underpaying_amber_ratio && refused)) {
      finding.level = Level::kRed;
    } else if (*ratio < settings.underpaying_amber_ratio || (refused && *ratio < 1.0)) {
      finding.level = Level::kAmber;
    } else {
      finding.level = Level::kGreen;
    }
    const Money& rate = *earned.effective_rate;
    finding.reasons.push_back(
        Say("This client pays an effective " + FormatMoney(rate, kEn) + " an hour (" +
                FormatMoney(earned.revenue, kEn) + " for " + Hours(hours, kEn) + " hours), " +
                Percent(*ratio) + " of the reference rate of " + FormatMoney(*reference.rate, kEn) +
                ".",
            "Questo cliente paga una tariffa effettiva di " + FormatMoney(rate, kIt) + " l'ora (" +
                FormatMoney(earned.revenue, kIt) + " per " + Hours(hours, kIt) + " ore), il " +
                Percent(*ratio) + " della tariffa di riferimento di " +
                FormatMoney(*reference.rate, kIt) + "."));
    if (reference.clients > 0) {
      const std::string n = std::to_string(reference.clients);
      finding.reasons.push_back(Say(
          "The reference rate is the hours-weighted median of " + n + " other clients.",
          "La tariffa di riferimento è la mediana, pesata sulle ore, di altri " + n + " clienti."));
    } else {
      finding.reasons.push_back(
          Say("The reference rate is your target hourly rate.",
              "La tariffa di riferimento è la tua tariffa oraria obiettivo."));
    }
  }
  if (refused_raises > 0) {
    finding.reasons.push_back(
        Say("The client refused " + Count(refused_raises, "rate increase", "rate increases") +
                " in the last " + days + " days.",
            "Il cliente ha rifiutato " +
                Count(refused_raises, "aumento di tariffa", "aumenti di tariffa") +
                " negli ultimi " + days + " giorni."));
  }
  if (earned.contact_minutes > 0 && earned.effective_rate) {
    const double contact_hours = static_cast<double>(earned.contact_minutes) / 60.0;
    finding.reasons.push_back(Say("The hours include " + Hours(contact_hours, kEn) +
                                      " hours of calls and messages not logged as work.",
                                  "Le ore comprendono " + Hours(contact_hours, kIt) +
                                      " ore di telefonate e messaggi non registrati come lavoro."));
  }
  if (earned.written_off.is_positive()) {
    finding.reasons.push_back(
        Say(FormatMoney(earned.written_off, kEn) + " written off is not counted as revenue.",
            FormatMoney(earned.written_off, kIt) + " stralciati non sono contati come ricavi."));
  }
  if (!earned.unconverted.empty()) {
    const int64_t n = static_cast<int64_t>(earned.unconverted.size());
    finding.reasons.push_back(Say(
        Count(n, "invoice", "invoices") +
            " in another currency left out: the workspace has no exchange rate for that currency.",
        (n == 1 ? std::string("1 fattura in un'altra valuta esclusa")
                : std::to_string(n) + " fatture in un'altra valuta escluse") +
            ": manca il tasso di cambio nello spazio di lavoro."));
  }
  return finding;
}

using signals_internal::Fig;
using signals_internal::IsRed;
using signals_internal::MoneyFig;
using signals_internal::NumberFig;
using signals_internal::PercentFig;

void PlanUnderpaying(const Finding& f, const Economics& e, const Context& context,
                     ActionPlan& plan) {
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

class Underpaying final : public SignDefinition {
 public:
  Underpaying()
      : SignDefinition({.key = "underpaying",
                        .weight_halves = 3,
                        .archetype = "bargain_hunter",
                        .tie_rank = 3,
                        .red_parts_ways = false,
                        .reads = {}}) {}

  Finding Evaluate(const SignInput& input) const override {
    return Measure(input.client, input.portfolio, input.context);
  }

  // hours, effective rate and revenue (net of write-offs: verdict/ adds them back so that
  // they are subtracted once, in hidden_cost), and the gap to the reference rate.
  void Price(const Finding& finding, const std::optional<Money>& reference_rate,
             const Context& context, Economics& economics) const override {
    const Currency currency = context.workspace->currency;
    economics.hours = MetricNumber(finding, "hours").value_or(0);
    economics.effective_rate = MetricMoney(finding, "effective_rate", currency);
    if (const auto revenue = MetricMoney(finding, "revenue", currency))
      economics.revenue += *revenue;
    if (reference_rate && economics.effective_rate && *reference_rate > *economics.effective_rate) {
      economics.underpay_gap = (*reference_rate - *economics.effective_rate)
                                   .Mul(signals_internal::HoursDecimal(economics.hours));
    }
  }

  void Act(const Finding& finding, const Economics& economics, const Context& context,
           ActionPlan& plan) const override {
    PlanUnderpaying(finding, economics, context, plan);
  }
};

}  // namespace

namespace signals_internal {
std::unique_ptr<SignDefinition> MakeUnderpaying() { return std::make_unique<Underpaying>(); }
}  // namespace signals_internal

}  // namespace addio
