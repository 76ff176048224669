// underpaying: the client pays less than your other clients (DESIGN.md section 4).
// hours = work minutes / 60 + minutes of contacts not logged as work / 60, over the
// window. revenue = invoices issued in the window, not void, in the workspace currency,
// less what written-off invoices left unpaid. effective_rate = revenue / hours (unknown
// under underpaying.min_hours). rate_ratio = effective_rate / reference_rate, the
// reference being the hours-weighted median of the other clients (Portfolio) or the
// target rate. Red: rate_ratio < red_ratio, or < amber_ratio with a refused raise.
// Amber: rate_ratio < amber_ratio, or a refused raise with rate_ratio < 1.
#include <algorithm>

#include "ledger/allocation.h"
#include "signals/rate.h"
#include "signals/signals.h"
#include "signals/text.h"
#include "signals/window.h"

namespace addio {
namespace signals_internal {

EarnedRate ComputeEarnedRate(const ClientLedger& client, const Context& context,
                             const Window& window) {
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
    std::vector<Invoice> invoices;
    for (const Invoice& invoice : client.invoices) {
      if (invoice.issued <= context.as_of) invoices.push_back(invoice);
    }
    const AllocationResult allocation =
        AllocatePayments(invoices, client.payments, *context.workspace, context.as_of);
    for (size_t i = 0; i < invoices.size(); ++i) {
      const Invoice& invoice = invoices[i];
      if (invoice.status != InvoiceStatus::kWrittenOff || !window.Contains(invoice.issued)) {
        continue;
      }
      if (const auto open = ToWorkspace(allocation.settlements[i].open, context)) {
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

Finding EvaluateUnderpaying(const ClientLedger& client, const Portfolio& portfolio,
                            const Context& context) {
  const Settings& settings = context.settings;
  const signals_internal::Window window = signals_internal::MakeWindow(context);
  const signals_internal::EarnedRate earned =
      signals_internal::ComputeEarnedRate(client, context, window);
  const signals_internal::Reference reference =
      signals_internal::FindReference(portfolio, client.client.id, context);
  const std::string days = std::to_string(window.days);

  Finding finding;
  finding.sign = Sign::kUnderpaying;
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

}  // namespace addio
