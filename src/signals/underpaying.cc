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
#include "signals/metrics.h"
#include "signals/rate.h"
#include "signals/screen.h"
#include "signals/sign.h"
#include "signals/signals.h"
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
  for (size_t i = 0; i < client.invoices.size(); ++i) {
    const Invoice& invoice = client.invoices[i];
    if (!window.Contains(invoice.issued) || snapshot.IsVoid(i)) continue;
    // Revenue is net of the credit notes issued by as_of.
    const std::optional<Money> amount = ToWorkspace(snapshot.NetAmount(i), context);
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

using signals_internal::Hours;

void AddThresholds(Finding& finding, const Settings& settings) {
  const Message with_refusal = Msg("signs.underpaying.if.refused_raise");
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
  const Money* net = nullptr;  // the invoice's amount net of credit notes
};

Evidence MakeEvidence(const Record& r) {
  if (r.change != nullptr) {
    return signals_internal::Proof(r.change->to, std::nullopt,
                                   Msg("signs.underpaying.evidence.refused_raise"),
                                   "refused_raise");
  }
  const bool lost = r.invoice->status == InvoiceStatus::kWrittenOff;
  return signals_internal::Proof(
      r.net != nullptr ? *r.net : r.invoice->amount, std::nullopt,
      Msg(lost ? "signs.underpaying.evidence.written_off" : "signs.underpaying.evidence.invoiced"),
      lost ? "written_off" : "invoiced");
}

}  // namespace

namespace {

Finding Measure(const ClientSnapshot& snapshot, const RateRanking& portfolio,
                const Context& context) {
  const ClientLedger& client = snapshot.records();
  const Settings& settings = context.settings;
  const signals_internal::Window window = signals_internal::MakeWindow(context);
  const signals_internal::EarnedRate earned =
      signals_internal::ComputeEarnedRate(snapshot, context, window);
  const signals_internal::Reference reference =
      signals_internal::FindReference(portfolio, client.client.id, context);
  const int64_t days = window.days;

  Finding finding;
  signals_internal::EvidenceList<Record> evidence;
  int64_t refused_raises = 0;
  for (const RateChange& change : client.rate_changes) {
    if (change.outcome != RateOutcome::kRefused || !window.Contains(change.at)) continue;
    ++refused_raises;
    evidence.Add(change.at, "rate_change", change.id, {nullptr, &change});
  }
  for (size_t i = 0; i < client.invoices.size(); ++i) {
    const Invoice& invoice = client.invoices[i];
    if (!window.Contains(invoice.issued) || snapshot.IsVoid(i)) continue;
    evidence.Add(invoice.issued, "invoice", invoice.id,
                 {&invoice, nullptr, &snapshot.NetAmount(i)});
  }

  std::optional<double> ratio;
  if (earned.effective_rate && reference.rate && reference.rate->is_positive()) {
    ratio = static_cast<double>(earned.effective_rate->minor()) /
            static_cast<double>(reference.rate->minor());
  }
  const double hours = earned.hours();
  finding.metrics = {
      MakeMetric(metrics::kHours, hours),
      Metric::Number("work_hours", static_cast<double>(earned.work_minutes) / 60.0),
      Metric::Number("contact_hours", static_cast<double>(earned.contact_minutes) / 60.0),
      MakeMetric(metrics::kRevenue, earned.revenue),
      Metric::Amount("written_off", earned.written_off),
      MakeMetric(metrics::kEffectiveRate, earned.effective_rate),
      MakeMetric(metrics::kReferenceRate, reference.rate),
      Metric::Count("reference_clients", reference.clients),
      MakeMetric(metrics::kRateRatio, ratio),
      MakeMetric(metrics::kRefusedRaises, refused_raises),
      Metric::Count("unconverted_invoices", static_cast<int64_t>(earned.unconverted.size())),
  };
  AddThresholds(finding, settings);
  evidence.MoveInto(finding, MakeEvidence);

  if (!earned.effective_rate && earned.minutes() == 0) {
    finding.level = Level::kUnknown;
    finding.reasons.push_back(
        Msg("signs.underpaying.reason.no_time", days, Arg::Num(settings.underpaying_min_hours, 1)));
  } else if (!earned.effective_rate) {
    finding.level = Level::kUnknown;
    finding.reasons.push_back(Msg("signs.underpaying.reason.too_few_hours", Hours(hours), days,
                                  Arg::Num(settings.underpaying_min_hours, 1)));
  } else if (!ratio) {
    finding.level = Level::kUnknown;
    finding.reasons.push_back(Msg("signs.underpaying.reason.no_reference", Hours(hours),
                                  Arg::Amount(earned.revenue),
                                  Arg::Amount(*earned.effective_rate)));
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
    finding.reasons.push_back(Msg("signs.underpaying.reason.rate",
                                  Arg::Amount(*earned.effective_rate), Arg::Amount(earned.revenue),
                                  Hours(hours), Arg::Percent(*ratio),
                                  Arg::Amount(*reference.rate)));
    finding.reasons.push_back(
        reference.clients > 0
            ? Msg("signs.underpaying.reason.reference_median", int64_t{reference.clients})
            : Msg("signs.underpaying.reason.reference_target"));
  }
  if (refused_raises > 0) {
    finding.reasons.push_back(Msg("signs.underpaying.reason.refused_raises", refused_raises, days));
  }
  if (earned.contact_minutes > 0 && earned.effective_rate) {
    const double contact_hours = static_cast<double>(earned.contact_minutes) / 60.0;
    finding.reasons.push_back(Msg("signs.underpaying.reason.contact_hours", Hours(contact_hours)));
  }
  if (earned.written_off.is_positive()) {
    finding.reasons.push_back(
        Msg("signs.underpaying.reason.written_off", Arg::Amount(earned.written_off)));
  }
  if (!earned.unconverted.empty()) {
    finding.reasons.push_back(
        Msg("signs.reason.unconverted", static_cast<int64_t>(earned.unconverted.size())));
  }
  return finding;
}

using signals_internal::IsRed;

void PlanUnderpaying(const Finding& f, const Economics& e, const Context& context,
                     ActionPlan& plan) {
  const bool red = IsRed(f);
  const Currency currency = context.workspace->currency;
  const std::optional<Money> reference = MetricMoney(f, metrics::kReferenceRate.name, currency);
  const std::optional<double> ratio = Read(f, metrics::kRateRatio);
  const bool refused = Read(f, metrics::kRefusedRaises).value_or(0) > 0;
  const Message refused_too = refused ? Msg("signs.underpaying.act.already_refused") : Message{};
  if (e.effective_rate && reference) {
    plan.Add("raise_rate", red ? 75 : 44, f.sign,
             Msg("signs.underpaying.act.raise_rate", Arg::Amount(*e.effective_rate),
                 Arg::Amount(*reference),
                 Arg::Of(ratio ? Msg("signs.underpaying.act.percent", Arg::Fixed(*ratio * 100, 0))
                               : Message{}),
                 Arg::Of(refused_too)));
  } else {
    plan.Add("raise_rate", red ? 75 : 44, f.sign,
             Msg("signs.underpaying.act.raise_rate_unknown", Arg::Of(refused_too)));
  }
  if (red) {
    plan.Add("set_minimum_fee", 52, f.sign, Msg("signs.underpaying.act.set_minimum_fee"));
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
                        .reads = {},
                        .needs = {{"invoice"}, {"work", "contact"}}}) {}

  Finding Evaluate(const SignInput& input) const override {
    return Measure(input.client, input.portfolio, input.context);
  }

  // hours, effective rate and revenue (net of write-offs: verdict/ adds them back so that
  // they are subtracted once, in hidden_cost), and the gap to the reference rate.
  void Price(const Finding& finding, const std::optional<Money>& reference_rate,
             const Context& context, Economics& economics) const override {
    const Currency currency = context.workspace->currency;
    economics.hours = Read(finding, metrics::kHours).value_or(0);
    economics.effective_rate = MetricMoney(finding, metrics::kEffectiveRate.name, currency);
    if (const auto revenue = MetricMoney(finding, metrics::kRevenue.name, currency))
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

  std::vector<SettingSpec> DeclareSettings() const override;
  ScreeningPrediction Screen(const IntakeAnswers& answers) const override;
};

std::vector<SettingSpec> Underpaying::DeclareSettings() const {
  return {
      {"underpaying.min_hours", &Settings::underpaying_min_hours, 10, 0, 1e6},
      {"underpaying.min_reference_clients", &Settings::underpaying_min_reference_clients, 2, 1,
       1e6},
      {"underpaying.red_ratio", &Settings::underpaying_red_ratio, 0.60, 0, 1000},
      {"underpaying.amber_ratio", &Settings::underpaying_amber_ratio, 0.80, 0, 1000},
  };
}

// budget_ratio < 0.6: red, < 0.85: amber.
ScreeningPrediction Underpaying::Screen(const IntakeAnswers& answers) const {
  const double ratio = answers.budget_ratio;
  const Arg percent = signals_internal::PercentNumber(ratio);
  const Arg article = signals_internal::ArticleBeforePercent("il", ratio);
  if (ratio < 0.6) {
    return {Level::kRed, {Msg("screening.underpaying.far_below", percent, article)}};
  }
  if (ratio < 0.85) {
    return {Level::kAmber, {Msg("screening.underpaying.below", percent, article)}};
  }
  return {Level::kGreen, {Msg("screening.underpaying.covers", percent, article)}};
}

}  // namespace

namespace signals_internal {
std::unique_ptr<SignDefinition> MakeUnderpaying() { return std::make_unique<Underpaying>(); }
}  // namespace signals_internal

}  // namespace addio
