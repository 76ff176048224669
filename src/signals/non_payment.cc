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
#include "signals/metrics.h"
#include "signals/screen.h"
#include "signals/sign.h"
#include "signals/signals.h"
#include "signals/window.h"

namespace addio {
namespace {

using signals_internal::ToWorkspace;

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
    return signals_internal::Proof(r.open, std::nullopt,
                                   Msg("signs.non_payment.evidence.written_off"), "written_off");
  }
  return signals_internal::Proof(r.open, static_cast<double>(r.past_due),
                                 Msg(r.nothing ? "signs.non_payment.evidence.nothing_received"
                                               : "signs.non_payment.evidence.past_due",
                                     int64_t{r.past_due}),
                                 r.nothing ? "no_payment" : "overdue");
}

}  // namespace

namespace {

Finding Measure(const ClientSnapshot& snapshot, const Context& context) {
  const ClientLedger& client = snapshot.records();
  const Settings& s = context.settings;
  const signals_internal::Window window = signals_internal::MakeWindow(context);
  const int64_t days = window.days;
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
    if (!snapshot.Exists(i) || snapshot.IsVoid(i) || invoice.due > context.as_of) {
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
      MakeMetric(metrics::kOverdueAmount, overdue_amount),
  };
  for (size_t b = 0; b < buckets.size(); ++b) {
    finding.metrics.push_back(Metric::Amount(kBucketName[b], buckets[b]));
  }
  finding.metrics.push_back(MakeMetric(metrics::kUnpaidNoPayment, no_payment));
  finding.metrics.push_back(MakeMetric(metrics::kWrittenOff, written_off));
  finding.metrics.push_back(oldest ? Metric::Count("oldest_days_past_due", *oldest)
                                   : Metric::Unknown("oldest_days_past_due"));
  finding.metrics.push_back(Metric::Count("unconverted_invoices", unconverted));
  const int64_t red_days = s.non_payment_red_days;
  // The metric's name says 60 days; the condition only speaks when a setting moved it.
  const Message red_days_condition =
      red_days == 60 ? Message{} : Msg("signs.non_payment.if.red_days", red_days);
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
    finding.reasons.push_back(Msg("signs.non_payment.reason.nothing_due"));
    return finding;
  }
  finding.level = no_payment > 0 || written_off.is_positive() ? Level::kRed
                  : amber_amount.is_positive()                ? Level::kAmber
                                                              : Level::kGreen;
  if (overdue == 0) {
    finding.reasons.push_back(Msg("signs.non_payment.reason.nothing_overdue"));
  } else {
    const int64_t o = *oldest;
    const std::string& id = oldest_invoice->id;
    finding.reasons.push_back(overdue == 1 ? Msg("signs.non_payment.reason.overdue_one",
                                                 Arg::Amount(overdue_amount), id, o)
                                           : Msg("signs.non_payment.reason.overdue_many",
                                                 Arg::Amount(overdue_amount), overdue, id, o));
  }
  if (amber_amount.is_positive()) {
    finding.reasons.push_back(Msg("signs.non_payment.reason.unpaid_long", Arg::Amount(amber_amount),
                                  int64_t{s.non_payment_amber_days}));
  }
  if (no_payment > 0) {
    finding.reasons.push_back(Msg("signs.non_payment.reason.no_payment", no_payment, red_days,
                                  Arg::Amount(no_payment_amount)));
  }
  if (written_off.is_positive()) {
    finding.reasons.push_back(
        Msg("signs.non_payment.reason.written_off", Arg::Amount(written_off), days));
  }
  if (unconverted > 0) {
    finding.reasons.push_back(Msg("signs.reason.unconverted", unconverted));
  }
  return finding;
}

using signals_internal::IsRed;

void PlanNonPayment(const Finding& f, const Economics& e, const Context& context,
                    ActionPlan& plan) {
  const Arg overdue = Arg::Amount(e.overdue_amount);
  const int64_t stale = Read(f, metrics::kUnpaidNoPayment).value_or(0);
  const int64_t red_days = context.settings.non_payment_red_days;
  if (IsRed(f)) {
    if (e.overdue_amount.is_positive()) {
      plan.Add("formal_notice", 100, f.sign, Msg("signs.non_payment.act.formal_notice", overdue));
      plan.Add("stop_work", 95, f.sign, Msg("signs.non_payment.act.stop_work", overdue));
    }
    if (stale > 0) {
      plan.Add("collection", 85, f.sign, Msg("signs.non_payment.act.collection", stale, red_days));
    }
    if (e.written_off.is_positive()) {
      plan.Add("require_deposit", 70, f.sign,
               Msg("signs.non_payment.act.deposit_after_write_off", Arg::Amount(e.written_off)));
    }
    return;
  }
  plan.Add("formal_notice", 60, f.sign, Msg("signs.non_payment.act.formal_reminder", overdue));
  plan.Add("require_deposit", 45, f.sign, Msg("signs.non_payment.act.require_deposit"));
}

class NonPayment final : public SignDefinition {
 public:
  NonPayment()
      : SignDefinition({.key = "non_payment",
                        .weight_halves = 6,
                        .archetype = "non_payer",
                        .tie_rank = 0,
                        .red_parts_ways = true,
                        .reads = {},
                        .needs = {{"invoice"}, {"payment"}}}) {}

  Finding Evaluate(const SignInput& input) const override {
    return Measure(input.client, input.context);
  }

  // What is overdue and what was written off.
  void Price(const Finding& finding, const std::optional<Money>&, const Context& context,
             Economics& economics) const override {
    const Currency currency = context.workspace->currency;
    if (const auto overdue = MetricMoney(finding, metrics::kOverdueAmount.name, currency)) {
      economics.overdue_amount = *overdue;
    }
    if (const auto lost = MetricMoney(finding, metrics::kWrittenOff.name, currency))
      economics.written_off = *lost;
  }

  void Act(const Finding& finding, const Economics& economics, const Context& context,
           ActionPlan& plan) const override {
    PlanNonPayment(finding, economics, context, plan);
  }

  std::vector<SettingSpec> DeclareSettings() const override;
  ScreeningPrediction Screen(const IntakeAnswers& answers) const override;
};

std::vector<SettingSpec> NonPayment::DeclareSettings() const {
  return {
      {"non_payment.red_days", &Settings::non_payment_red_days, 60, 1, 1e6},
      {"non_payment.amber_days", &Settings::non_payment_amber_days, 31, 1, 1e6},
  };
}

// payment_reputation bad: red; unknown with accepts_deposit false: amber.
ScreeningPrediction NonPayment::Screen(const IntakeAnswers& answers) const {
  switch (answers.payment_reputation) {
    case PaymentReputation::kBad:
      return {Level::kRed, {Msg("screening.non_payment.bad")}};
    case PaymentReputation::kUnknown:
      if (!answers.accepts_deposit) {
        return {Level::kAmber, {Msg("screening.non_payment.unknown_no_deposit")}};
      }
      return {Level::kGreen, {Msg("screening.non_payment.unknown_deposit")}};
    case PaymentReputation::kGood:
      break;
  }
  return {Level::kGreen, {Msg("screening.non_payment.good")}};
}

}  // namespace

namespace signals_internal {
std::unique_ptr<SignDefinition> MakeNonPayment() { return std::make_unique<NonPayment>(); }
}  // namespace signals_internal

}  // namespace addio
