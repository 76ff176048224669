// non_payment: the client does not pay at all (DESIGN.md section 4). Looks at every
// invoice issued by as_of, not only the window: the unpaid amount of each overdue one
// (days past due = as_of - due, no grace) by age, 1-30, 31-60, 61-90 and 90+ days.
// Written-off invoices are counted as written off (what they left unpaid, for those
// issued in the window), never as unpaid. Red: an invoice non_payment.red_days or more
// past due that received nothing, or anything written off. Amber: anything unpaid
// non_payment.amber_days or more past due. Unknown: no invoice ever fell due.
#include <algorithm>
#include <array>

#include "signals/act.h"
#include "signals/sign.h"
#include "signals/signals.h"
#include "signals/text.h"
#include "signals/window.h"

namespace addio {
namespace {

using signals_internal::Count;
using signals_internal::FormatMoney;
using signals_internal::Lang;
using signals_internal::Say;
using signals_internal::ToWorkspace;

constexpr Lang kEn = Lang::kEn;
constexpr Lang kIt = Lang::kIt;

// The age buckets of DESIGN.md: the first day past due of each.
constexpr std::array<int, 4> kBucketStart = {1, 31, 61, 91};
constexpr std::array<const char*, 4> kBucketName = {"overdue_1_30", "overdue_31_60",
                                                    "overdue_61_90", "overdue_90_plus"};

// An overdue or written-off invoice: what it left unpaid, and how long past due.
struct Record {
  Money open;        // workspace currency
  int32_t past_due;  // -1 for a written-off invoice
  bool nothing;      // past non_payment.red_days with no payment at all
};

Evidence MakeEvidence(const Record& r) {
  if (r.past_due < 0) {
    return signals_internal::Proof(
        r.open, std::nullopt, Say("Written off", "Stralciata come inesigibile"), "written_off");
  }
  const std::string d = std::to_string(r.past_due);
  return signals_internal::Proof(r.open, static_cast<double>(r.past_due),
                                 r.nothing
                                     ? Say(d + " days past due, nothing received",
                                           "Scaduta da " + d + " giorni, nessun pagamento ricevuto")
                                     : Say(d + " days past due", "Scaduta da " + d + " giorni"),
                                 r.nothing ? "no_payment" : "overdue");
}

}  // namespace

namespace {

Finding Measure(const ClientSnapshot& snapshot, const Context& context) {
  const ClientLedger& client = snapshot.records();
  const Settings& s = context.settings;
  const signals_internal::Window window = signals_internal::MakeWindow(context);
  const std::string days = std::to_string(window.days);
  const Money zero = signals_internal::ZeroMoney(context);
  Finding finding;

  int64_t ever_due = 0, overdue = 0, no_payment = 0, unconverted = 0;
  std::optional<int32_t> oldest;
  const Invoice* oldest_invoice = nullptr;
  std::array<Money, 4> buckets = {zero, zero, zero, zero};
  Money overdue_amount = zero, amber_amount = zero, no_payment_amount = zero, written_off = zero;
  signals_internal::EvidenceList<Record> evidence;
  for (size_t i = 0; i < client.invoices.size(); ++i) {
    const Invoice& invoice = client.invoices[i];
    const InvoiceSettlement& settlement = snapshot.settlement(i);
    if (!snapshot.Exists(i) || invoice.status == InvoiceStatus::kVoid ||
        invoice.due > context.as_of) {
      continue;
    }
    ++ever_due;
    const std::optional<Money> open = ToWorkspace(settlement.open, context);
    if (!open) {
      ++unconverted;
      continue;
    }
    if (invoice.status == InvoiceStatus::kWrittenOff) {
      if (!window.Contains(invoice.issued) || !open->is_positive()) continue;
      written_off += *open;
      evidence.Add(invoice.issued, "invoice", invoice.id, {*open, -1, false});
      continue;
    }
    const int32_t past_due = DaysBetween(invoice.due, context.as_of);
    if (!open->is_positive() || past_due < 1) continue;
    ++overdue;
    overdue_amount += *open;
    size_t bucket = 0;
    while (bucket + 1 < kBucketStart.size() && past_due >= kBucketStart[bucket + 1]) ++bucket;
    buckets[bucket] += *open;
    if (past_due >= s.non_payment_amber_days) amber_amount += *open;
    const bool nothing = settlement.paid.is_zero() && past_due >= s.non_payment_red_days;
    if (nothing) {
      ++no_payment;
      no_payment_amount += *open;
    }
    if (!oldest || past_due > *oldest) {
      oldest = past_due;
      oldest_invoice = &invoice;
    }
    evidence.Add(invoice.due, "invoice", invoice.id, {*open, past_due, nothing});
  }

  finding.metrics = {
      Metric::Count("due_invoices", ever_due),
      Metric::Count("overdue_invoices", overdue),
      Metric::Amount("overdue_amount", overdue_amount),
  };
  for (size_t b = 0; b < buckets.size(); ++b) {
    finding.metrics.push_back(Metric::Amount(kBucketName[b], buckets[b]));
  }
  finding.metrics.push_back(Metric::Count("unpaid_60_no_payment", no_payment));
  finding.metrics.push_back(Metric::Amount("written_off", written_off));
  finding.metrics.push_back(oldest ? Metric::Count("oldest_days_past_due", *oldest)
                                   : Metric::Unknown("oldest_days_past_due"));
  finding.metrics.push_back(Metric::Count("unconverted_invoices", unconverted));
  const std::string red_days = std::to_string(s.non_payment_red_days);
  // The metric's name says 60 days; the condition only speaks when a setting moved it.
  const Text red_days_condition =
      s.non_payment_red_days == 60
          ? Text{}
          : Say("counting invoices " + red_days + " or more days past due",
                "contando le fatture scadute da " + red_days + " giorni o più");
  finding.thresholds = {
      {"unpaid_60_no_payment", "non_payment.red_days", 1, true, Level::kRed, false,
       red_days_condition},
      {"written_off", "", 0, true, Level::kRed, true},
      {"oldest_days_past_due", "non_payment.amber_days",
       static_cast<double>(s.non_payment_amber_days), true, Level::kAmber},
  };
  evidence.MoveInto(finding, MakeEvidence);

  if (ever_due == 0) {
    finding.level = Level::kUnknown;
    finding.reasons.push_back(
        Say("No invoice has fallen due yet.", "Nessuna fattura è ancora scaduta."));
    return finding;
  }
  finding.level = no_payment > 0 || written_off.is_positive() ? Level::kRed
                  : amber_amount.is_positive()                ? Level::kAmber
                                                              : Level::kGreen;
  if (overdue == 0) {
    finding.reasons.push_back(Say("Nothing is overdue: every invoice due has been paid.",
                                  "Nessun importo scaduto: tutte le fatture scadute sono pagate."));
  } else {
    const std::string o = std::to_string(*oldest), id = oldest_invoice->id;
    finding.reasons.push_back(
        overdue == 1
            ? Say(FormatMoney(overdue_amount, kEn) + " is overdue on invoice " + id + ", " + o +
                      " days past due.",
                  FormatMoney(overdue_amount, kIt) + " scaduti sulla fattura " + id +
                      ", scaduta da " + o + " giorni.")
            : Say(FormatMoney(overdue_amount, kEn) + " is overdue on " + std::to_string(overdue) +
                      " invoices; the oldest, " + id + ", is " + o + " days past due.",
                  FormatMoney(overdue_amount, kIt) + " scaduti su " + std::to_string(overdue) +
                      " fatture; la più vecchia, " + id + ", è scaduta da " + o + " giorni."));
  }
  if (amber_amount.is_positive()) {
    const std::string a = std::to_string(s.non_payment_amber_days);
    finding.reasons.push_back(Say(FormatMoney(amber_amount, kEn) + " has been unpaid for " + a +
                                      " days or more past the due date.",
                                  FormatMoney(amber_amount, kIt) + " non pagati da " + a +
                                      " giorni o più dopo la scadenza."));
  }
  if (no_payment > 0) {
    finding.reasons.push_back(
        Say(Count(no_payment, "invoice", "invoices") + " " + red_days + " or more days past due " +
                (no_payment == 1 ? "has" : "have") + " received no payment at all (" +
                FormatMoney(no_payment_amount, kEn) + ").",
            (no_payment == 1
                 ? std::string("1 fattura scaduta da ") + red_days + " giorni o più non ha ricevuto"
                 : std::to_string(no_payment) + " fatture scadute da " + red_days +
                       " giorni o più non hanno ricevuto") +
                " alcun pagamento (" + FormatMoney(no_payment_amount, kIt) + ")."));
  }
  if (written_off.is_positive()) {
    finding.reasons.push_back(
        Say(FormatMoney(written_off, kEn) + " was written off in the last " + days + " days.",
            "Negli ultimi " + days + " giorni sono stati stralciati " +
                FormatMoney(written_off, kIt) + "."));
  }
  if (unconverted > 0) {
    finding.reasons.push_back(Say(
        Count(unconverted, "invoice", "invoices") +
            " in another currency left out: the workspace has no exchange rate for that currency.",
        (unconverted == 1 ? std::string("1 fattura in un'altra valuta esclusa")
                          : std::to_string(unconverted) + " fatture in un'altra valuta escluse") +
            ": manca il tasso di cambio nello spazio di lavoro."));
  }
  return finding;
}

using signals_internal::Fig;
using signals_internal::IsRed;
using signals_internal::MoneyFig;
using signals_internal::NumberFig;
using signals_internal::PercentFig;

void PlanNonPayment(const Finding& f, const Economics& e, const Context& context,
                    ActionPlan& plan) {
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

class NonPayment final : public SignDefinition {
 public:
  NonPayment()
      : SignDefinition({.key = "non_payment",
                        .weight_halves = 6,
                        .archetype = "non_payer",
                        .tie_rank = 0,
                        .red_parts_ways = true,
                        .reads = {}}) {}

  Finding Evaluate(const SignInput& input) const override {
    return Measure(input.client, input.context);
  }

  // What is overdue and what was written off.
  void Price(const Finding& finding, const std::optional<Money>&, const Context& context,
             Economics& economics) const override {
    const Currency currency = context.workspace->currency;
    if (const auto overdue = MetricMoney(finding, "overdue_amount", currency)) {
      economics.overdue_amount = *overdue;
    }
    if (const auto lost = MetricMoney(finding, "written_off", currency))
      economics.written_off = *lost;
  }

  void Act(const Finding& finding, const Economics& economics, const Context& context,
           ActionPlan& plan) const override {
    PlanNonPayment(finding, economics, context, plan);
  }
};

}  // namespace

namespace signals_internal {
std::unique_ptr<SignDefinition> MakeNonPayment() { return std::make_unique<NonPayment>(); }
}  // namespace signals_internal

}  // namespace addio
