// What a client really costs (DESIGN.md section 5): the hidden costs of late money,
// underpaid hours, unbilled extras and write-offs, set against the revenue. Money stays
// exact: money-days are summed in minor units and divided once, so the total does not
// depend on how many invoices it is made of.
#include <cmath>
#include <cstdint>

#include "ledger/allocation.h"
#include "ledger/snapshot.h"
#include "verdict/assessment.h"
#include "verdict/late_interest.h"

namespace addio {
namespace {

// A yearly rate as parts per million, the exact factor money is multiplied by.
int64_t PartsPerMillion(double rate) { return std::llround(rate * 1'000'000); }
constexpr int64_t kDaysPerYearPpm = int64_t{365} * 1'000'000;

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
Money LateMoneyDays(const ClientSnapshot& snapshot, const Context& context) {
  const ClientLedger& client = snapshot.records();
  const Workspace& workspace = *context.workspace;
  const CivilDate as_of = context.as_of;
  const CivilDate window_start = as_of.AddDays(-context.settings.window_days);  // exclusive
  Money total = Money::Zero(workspace.currency);
  for (size_t i = 0; i < client.invoices.size(); ++i) {
    const Invoice& invoice = client.invoices[i];
    // Void invoices are not owed; written-off ones are already a loss in written_off.
    if (!snapshot.Exists(i) || invoice.status != InvoiceStatus::kIssued || snapshot.IsVoid(i) ||
        invoice.due >= as_of || invoice.due <= window_start) {
      continue;
    }
    if (snapshot.DaysLate(i) > context.settings.grace_days) {
      total += MoneyDaysPastDue(invoice, snapshot.settlement(i), workspace, as_of);
    }
  }
  return total;
}

}  // namespace

Economics ComputeEconomics(const ClientSnapshot& client, const Findings& signs,
                           const std::optional<Money>& reference_rate, const Context& context) {
  const Currency currency = context.workspace->currency;
  const Money zero = Money::Zero(currency);
  Economics e;
  e.revenue = e.overdue_amount = e.late_cost = e.underpay_gap = e.unbilled_extras = e.written_off =
      zero;
  const std::vector<const SignDefinition*>& registered = AllSigns();
  for (size_t i = 0; i < registered.size() && i < signs.size(); ++i) {
    registered[i]->Price(signs[i], reference_rate, context, e);
  }
  // The signs give revenue net of write-offs (what the hours really earned); here the
  // write-offs are added back so that they are subtracted once, as a hidden cost, and
  // revenue − hidden_cost = net_value holds on the page.
  e.revenue += e.written_off;

  e.statutory_interest = zero;
  // Without any payment on record every invoice would look unpaid (DESIGN.md section 4b):
  // lateness costs nothing until payments are recorded.
  if (context.held.Has("payment")) {
    e.late_cost = LateMoneyDays(client, context)
                      .MulDiv(PartsPerMillion(context.settings.cost_of_capital), kDaysPerYearPpm);
    // The statutory claim is computed as the receivables report computes it (dated
    // reference rates, day by day), so that assess and the statement agree to the cent.
    const Result<LateInterestRules> rules =
        RulesForWorkspace(Jurisdiction::kItalyEu, context.settings, *context.workspace);
    if (rules) {
      const Result<ClientLateInterest> claim = ComputeClientLateInterest(client, *rules);
      if (claim && claim->total.currency() == currency) {
        e.statutory_interest = claim->total;
        e.statutory_invoices = static_cast<int>(claim->invoices.size());
      }
    }
  }

  e.hidden_cost =
      e.overdue_amount + e.late_cost + e.underpay_gap + e.unbilled_extras + e.written_off;
  e.net_value = e.revenue - e.hidden_cost;
  return e;
}

}  // namespace addio
