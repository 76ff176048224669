// late_payment: the client pays late, as a habit rather than an exception (DESIGN.md
// section 4). For each non-void invoice due in the window, the settled date is the day
// the allocated payments (the client's snapshot, payments after as_of ignored) reach its
// amount; days_late = settled - due, or as_of - due while unsettled. It is late beyond
// grace_days. A habit is enough late ones among the latest invoices, or a high late
// share over enough invoices; lateness that is no habit stays green as an exception.
#include <algorithm>
#include <tuple>

#include "signals/act.h"
#include "signals/metrics.h"
#include "signals/screen.h"
#include "signals/sign.h"
#include "signals/signals.h"
#include "signals/window.h"

namespace addio {
namespace {

using signals_internal::LocalDate;
using signals_internal::Proof;
using signals_internal::ToWorkspace;

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
  const int64_t n = d->days_late;
  const double days = static_cast<double>(d->days_late);
  if (d->late && d->settled) {
    return Proof(d->unpaid_at_due, days, Msg("signs.late_payment.evidence.paid_late", n), "late");
  }
  if (d->late) {
    return Proof(d->unpaid_at_due, days, Msg("signs.late_payment.evidence.unpaid_late", n), "open");
  }
  return Proof(d->amount, days,
               Msg(d->settled ? "signs.late_payment.evidence.on_time"
                              : "signs.late_payment.evidence.in_grace"),
               "on_time");
}

void AddThresholds(Finding& finding, const Settings& s) {
  const int64_t due_habit = s.late_payment_habit_min_due;
  const int64_t due_red = s.late_payment_red_min_invoices;
  finding.thresholds = {
      {"late_in_last_5", "late_payment.habit_recent_late",
       static_cast<double>(s.late_payment_habit_recent_late), true, Level::kAmber},
      {"late_share", "late_payment.habit_share", s.late_payment_habit_share, true, Level::kAmber,
       false, Msg("signs.late_payment.if.min_due", due_habit)},
      {"median_days_late", "late_payment.red_median_days", s.late_payment_red_median_days, true,
       Level::kRed, true, Msg("signs.late_payment.if.habit")},
      {"late_share", "late_payment.red_share", s.late_payment_red_share, true, Level::kRed, false,
       Msg("signs.late_payment.if.min_due", due_red)},
  };
}

}  // namespace

namespace {

Finding Measure(const ClientSnapshot& snapshot, const Context& context) {
  const ClientLedger& client = snapshot.records();
  const Settings& s = context.settings;
  const signals_internal::Window window = signals_internal::MakeWindow(context);
  const int64_t days = window.days;
  Finding finding;

  std::vector<DueInvoice> due;
  for (size_t i = 0; i < client.invoices.size(); ++i) {
    const Invoice& invoice = client.invoices[i];
    if (!snapshot.Exists(i) || snapshot.IsVoid(i) || !window.Contains(invoice.due)) {
      continue;
    }
    const InvoiceSettlement& settlement = snapshot.settlement(i);
    DueInvoice d{&invoice, 0, settlement.settled.has_value(), false, std::nullopt, std::nullopt};
    d.days_late = snapshot.DaysLate(i);
    d.late = d.days_late > s.grace_days;
    d.amount = ToWorkspace(snapshot.NetAmount(i), context);
    Money unpaid = snapshot.NetAmount(i);
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
      MakeMetric(metrics::kDueInvoices, n),
      MakeMetric(metrics::kLateInvoices, late),
      number("late_share", share),
      MakeMetric(metrics::kMedianDaysLate, median),
      number("average_days_delinquent", delinquent),
      Metric::Count("late_in_last_5", late_recent),
      Metric::Count("open_late_invoices", open_late),
      Metric::Amount("late_amount_days", late_amount_days),
  };
  AddThresholds(finding, s);
  evidence.MoveInto(finding, MakeEvidence);

  if (n == 0) {
    finding.level = Level::kUnknown;
    finding.reasons.push_back(Msg("signs.late_payment.reason.none_due", days));
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

  if (late == 0) {
    const int64_t paid = n - open_in_grace;
    finding.reasons.push_back(Msg("signs.late_payment.reason.paid_on_time", paid,
                                  Arg::Of(Msg("signs.late_payment.of_total", n))));
    if (open_in_grace > 0) {
      finding.reasons.push_back(
          Msg("signs.late_payment.reason.in_grace", open_in_grace, int64_t{s.grace_days}));
    }
    return finding;
  }
  const Arg median_days = Arg::Num(*median, 1);
  if (n == 1) {
    finding.reasons.push_back(Msg("signs.late_payment.reason.only_late", days, median_days));
  } else if (late == n) {
    finding.reasons.push_back(Msg("signs.late_payment.reason.all_late", n, days, median_days));
  } else {
    finding.reasons.push_back(Msg("signs.late_payment.reason.some_late", late, n, days,
                                  Arg::Percent(*share), median_days));
  }
  const int64_t recent = std::min<int64_t>(n, s.late_payment_recent_invoices);
  if (recent >= 2 && recent < n) {
    finding.reasons.push_back(Msg("signs.late_payment.reason.recent_late", late_recent, recent));
  }
  if (open_late > 0) {
    finding.reasons.push_back(Msg("signs.late_payment.reason.open_late", open_late));
  }
  finding.reasons.push_back(
      Msg(habit ? "signs.late_payment.reason.habit" : "signs.late_payment.reason.exception"));
  return finding;
}

using signals_internal::IsRed;

void PlanLatePayment(const Finding& f, const Economics& e, ActionPlan& plan) {
  const bool red = IsRed(f);
  const int64_t late = Read(f, metrics::kLateInvoices).value_or(0);
  const int64_t due = Read(f, metrics::kDueInvoices).value_or(0);
  const std::optional<double> median = Read(f, metrics::kMedianDaysLate);
  if (e.statutory_invoices > 0 && e.statutory_interest.is_positive()) {
    plan.Add("claim_late_interest", red ? 68 : 38, f.sign,
             Msg("signs.late_payment.act.claim_late_interest", int64_t{e.statutory_invoices},
                 Arg::Amount(e.statutory_interest)));
  }
  plan.Add("automatic_reminders", red ? 50 : 42, f.sign,
           Msg("signs.late_payment.act.automatic_reminders", late, due,
               Arg::Of(median ? Msg("signs.late_payment.act.typically", Arg::Fixed(*median, 0))
                              : Message{})));
  plan.Add("shorten_terms", red ? 60 : 36, f.sign, Msg("signs.late_payment.act.shorten_terms"));
  if (red) {
    plan.Add("require_deposit", 66, f.sign, Msg("signs.late_payment.act.require_deposit"));
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
                        .reads = {},
                        .needs = {{"invoice"}, {"payment"}}}) {}

  Finding Evaluate(const SignInput& input) const override {
    return Measure(input.client, input.context);
  }

  void Act(const Finding& finding, const Economics& economics, const Context&,
           ActionPlan& plan) const override {
    PlanLatePayment(finding, economics, plan);
  }

  std::vector<SettingSpec> DeclareSettings() const override;
  ScreeningPrediction Screen(const IntakeAnswers& answers) const override;
};

std::vector<SettingSpec> LatePayment::DeclareSettings() const {
  return {
      {"late_payment.recent_invoices", &Settings::late_payment_recent_invoices, 5, 1, 1e6},
      {"late_payment.habit_recent_late", &Settings::late_payment_habit_recent_late, 3, 1, 1e6},
      {"late_payment.habit_share", &Settings::late_payment_habit_share, 0.5, 0, 1},
      {"late_payment.habit_min_due", &Settings::late_payment_habit_min_due, 3, 1, 1e6},
      {"late_payment.red_median_days", &Settings::late_payment_red_median_days, 30, 0, 1e6},
      {"late_payment.red_share", &Settings::late_payment_red_share, 0.8, 0, 1},
      {"late_payment.red_min_invoices", &Settings::late_payment_red_min_invoices, 5, 1, 1e6},
  };
}

// payment_terms_days > 60: red, > 30: amber; accepts_deposit false: amber.
ScreeningPrediction LatePayment::Screen(const IntakeAnswers& answers) const {
  ScreeningPrediction p;
  const int days = answers.payment_terms_days;
  if (days > 60) {
    p.level = Level::kRed;
    p.reasons.push_back(Msg("screening.late_payment.long_terms", days));
  } else if (days > 30) {
    p.level = Level::kAmber;
    p.reasons.push_back(Msg("screening.late_payment.beyond_usual", days));
  }
  if (!answers.accepts_deposit) {
    signals_internal::Raise(p.level, Level::kAmber);
    p.reasons.push_back(Msg("screening.late_payment.no_deposit"));
  }
  if (p.reasons.empty()) {
    p.reasons.push_back(days == 0 ? Msg("screening.late_payment.on_receipt")
                                  : Msg("screening.late_payment.with_deposit", days));
  }
  return p;
}

}  // namespace

namespace signals_internal {
std::unique_ptr<SignDefinition> MakeLatePayment() { return std::make_unique<LatePayment>(); }
}  // namespace signals_internal

}  // namespace addio
