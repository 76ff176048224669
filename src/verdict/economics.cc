// What a client really costs (DESIGN.md section 5): the hidden costs of late money,
// underpaid hours, unbilled extras and write-offs, set against the revenue. Money stays
// exact: money-days are summed in minor units and divided once, so the total does not
// depend on how many invoices it is made of.
#include <cmath>
#include <cstdint>

#include "ledger/allocation.h"
#include "verdict/assessment.h"
#include "verdict/late_interest.h"
#include "verdict/metrics.h"

namespace addio {
namespace {

// A yearly rate as parts per million, the exact factor money is multiplied by.
int64_t PartsPerMillion(double rate) { return std::llround(rate * 1'000'000); }
constexpr int64_t kDaysPerYearPpm = int64_t{365} * 1'000'000;

// Hours as an exact decimal with 4 places (0.0001 h is a third of a second).
Decimal HoursDecimal(double hours) { return Decimal{std::llround(hours * 10'000), 4}; }

// Money × days past due for one invoice, in the workspace currency: each payment part
// counts from the due date to its own date, and what is still open counts to `as_of`.
// A part that cannot be converted (missing FX rate, reported by validation) is skipped.
Money MoneyDaysPastDue(const Invoice& invoice, const InvoiceSettlement& settlement,
                       const Workspace& workspace, CivilDate as_of) {
  Money total = Money::Zero(workspace.currency);
  const auto add = [&](const Money& amount, int32_t days) {
    if (days <= 0 || amount.is_zero()) return;
    const Result<Money> converted = Convert(amount, workspace.currency, workspace);
    if (converted) total += converted->MulDiv(days, 1);
  };
  for (const AllocationPart& part : settlement.parts) {
    add(part.amount, DaysBetween(invoice.due, part.date));
  }
  if (settlement.open.is_positive()) add(settlement.open, DaysBetween(invoice.due, as_of));
  return total;
}

// Money × days late summed over the late invoices (with grace) due in the window.
Money LateMoneyDays(const ClientLedger& client, const Context& context) {
  const Workspace& workspace = *context.workspace;
  const Settings& settings = context.settings;
  const CivilDate as_of = context.as_of;
  const CivilDate window_start = as_of.AddDays(-settings.window_days);  // exclusive
  Money total = Money::Zero(workspace.currency);
  const AllocationResult allocation =
      AllocatePayments(client.invoices, client.payments, workspace, as_of);
  for (size_t i = 0; i < client.invoices.size() && i < allocation.settlements.size(); ++i) {
    const Invoice& invoice = client.invoices[i];
    // Void invoices are not owed; written-off ones are already a loss in written_off.
    if (invoice.status != InvoiceStatus::kIssued || invoice.due >= as_of) continue;
    const InvoiceSettlement& settlement = allocation.settlements[i];
    if (invoice.due <= window_start) continue;
    const int32_t days_late = settlement.settled ? DaysBetween(invoice.due, *settlement.settled)
                                                 : DaysBetween(invoice.due, as_of);
    if (days_late > settings.grace_days) {
      total += MoneyDaysPastDue(invoice, settlement, workspace, as_of);
    }
  }
  return total;
}

}  // namespace

Economics ComputeEconomics(const ClientLedger& client, const std::array<Finding, 6>& signs,
                           const Context& context) {
  const Currency currency = context.workspace->currency;
  const Money zero = Money::Zero(currency);
  const Finding& underpaying = SignOf(signs, Sign::kUnderpaying);
  const Finding& scope_creep = SignOf(signs, Sign::kScopeCreep);
  const Finding& non_payment = SignOf(signs, Sign::kNonPayment);

  Economics e;
  e.hours = MetricNumber(underpaying, "hours").value_or(0);
  e.effective_rate = MetricMoney(underpaying, "effective_rate", currency);
  e.overdue_amount = MetricMoney(non_payment, "overdue_amount", currency).value_or(zero);
  e.written_off = MetricMoney(non_payment, "written_off", currency).value_or(zero);
  // underpaying's revenue is net of write-offs (what the hours really earned); here the
  // write-offs are added back so that they are subtracted once, as a hidden cost, and
  // revenue − hidden_cost = net_value holds on the page.
  e.revenue = MetricMoney(underpaying, "revenue", currency).value_or(zero) + e.written_off;

  const std::optional<Money> reference = MetricMoney(underpaying, "reference_rate", currency);
  e.underpay_gap = zero;
  if (reference && e.effective_rate && *reference > *e.effective_rate) {
    e.underpay_gap = (*reference - *e.effective_rate).Mul(HoursDecimal(e.hours));
  }
  e.unbilled_extras = zero;
  const double extra_hours = MetricNumber(scope_creep, "extra_hours").value_or(0);
  if (reference && extra_hours > 0) e.unbilled_extras = reference->Mul(HoursDecimal(extra_hours));

  e.late_cost = LateMoneyDays(client, context)
                    .MulDiv(PartsPerMillion(context.settings.cost_of_capital), kDaysPerYearPpm);

  // The statutory claim is computed as the receivables report computes it (dated
  // reference rates, day by day), so that assess and the statement agree to the cent.
  e.statutory_interest = zero;
  const Result<LateInterestRules> rules =
      RulesForWorkspace(Jurisdiction::kItalyEu, context.settings, *context.workspace);
  if (rules) {
    const Result<ClientLateInterest> claim =
        ComputeClientLateInterest(client, *context.workspace, *rules, context.as_of);
    if (claim && claim->total.currency() == currency) {
      e.statutory_interest = claim->total;
      e.statutory_invoices = static_cast<int>(claim->invoices.size());
    }
  }

  e.hidden_cost =
      e.overdue_amount + e.late_cost + e.underpay_gap + e.unbilled_extras + e.written_off;
  e.net_value = e.revenue - e.hidden_cost;
  return e;
}

std::optional<double> MetricNumber(const Finding& finding, std::string_view name) {
  const Metric* metric = finding.FindMetric(name);
  if (metric == nullptr) return std::nullopt;
  if (metric->kind == Metric::Kind::kNumber) return metric->number;
  if (metric->kind == Metric::Kind::kCount) return static_cast<double>(metric->count);
  return std::nullopt;
}

std::optional<Money> MetricMoney(const Finding& finding, std::string_view name, Currency currency) {
  const Metric* metric = finding.FindMetric(name);
  if (metric == nullptr || metric->kind != Metric::Kind::kMoney) return std::nullopt;
  if (!(metric->money.currency() == currency)) return std::nullopt;
  return metric->money;
}

}  // namespace addio
