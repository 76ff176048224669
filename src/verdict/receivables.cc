#include "verdict/receivables.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "ledger/allocation.h"
#include "ledger/snapshot.h"

namespace addio {
namespace {

Result<Money> ToWorkspace(const Money& amount, const Workspace& workspace) {
  if (amount.currency() == workspace.currency) return amount;
  return Convert(amount, workspace.currency, workspace);
}

BucketAmounts ZeroBuckets(Currency currency) {
  BucketAmounts buckets;
  buckets.fill(Money::Zero(currency));
  return buckets;
}

}  // namespace

const char* AgingBucketKey(AgingBucket bucket) {
  switch (bucket) {
    case AgingBucket::kCurrent:
      return "current";
    case AgingBucket::k1To30:
      return "1_30";
    case AgingBucket::k31To60:
      return "31_60";
    case AgingBucket::k61To90:
      return "61_90";
    case AgingBucket::kOver90:
      return "over_90";
  }
  return "current";
}

AgingBucket BucketFor(int days_past_due) {
  if (days_past_due <= 0) return AgingBucket::kCurrent;
  if (days_past_due <= 30) return AgingBucket::k1To30;
  if (days_past_due <= 60) return AgingBucket::k31To60;
  if (days_past_due <= 90) return AgingBucket::k61To90;
  return AgingBucket::kOver90;
}

Result<ReceivablesSummary> SummarizeReceivables(const ClientLedger& client,
                                                const Workspace& workspace,
                                                const Settings& settings, CivilDate as_of) {
  const Currency currency = workspace.currency;
  const CivilDate window_start = as_of.AddDays(-settings.window_days);  // excluded
  auto in_window = [&](CivilDate d) { return window_start < d && d <= as_of; };

  ReceivablesSummary out;
  out.client = client.client.id;
  out.name = client.client.name;
  out.open = out.overdue = Money::Zero(currency);

  const ClientSnapshot snapshot(client, workspace, as_of);
  out.credit = snapshot.credit();

  Money invoiced = Money::Zero(currency);
  int64_t pays_days = 0;
  int pays_count = 0;
  double delay_weighted = 0;  // Σ amount (minor units) × days
  double delay_weight = 0;    // Σ amount (minor units)

  for (size_t i = 0; i < client.invoices.size(); ++i) {
    if (!snapshot.Exists(i)) continue;
    const Invoice& invoice = client.invoices[i];
    const InvoiceSettlement& settlement = snapshot.settlement(i);
    if (snapshot.IsVoid(i)) continue;
    auto amount = ToWorkspace(snapshot.NetAmount(i), workspace);
    if (!amount) return std::unexpected(amount.error());
    // Sales are sales even when later written off: DSO measures the whole book.
    if (in_window(invoice.issued)) invoiced += *amount;
    if (invoice.status == InvoiceStatus::kWrittenOff) continue;

    if (settlement.open.is_positive()) {
      auto open = ToWorkspace(settlement.open, workspace);
      if (!open) return std::unexpected(open.error());
      out.open += *open;
      ++out.open_invoices;
      if (invoice.due < as_of) {
        out.overdue += *open;
        ++out.overdue_invoices;
      }
    }
    if (settlement.settled && in_window(*settlement.settled)) {
      pays_days += DaysBetween(invoice.issued, *settlement.settled);
      ++pays_count;
    }
    if (in_window(invoice.due)) {
      std::optional<int> delay;
      if (settlement.settled) {
        delay = std::max(0, DaysBetween(invoice.due, *settlement.settled));
      } else if (invoice.due < as_of) {
        delay = DaysBetween(invoice.due, as_of);  // still open: aged to as_of
      }
      if (delay) {
        const double weight = static_cast<double>(amount->minor());
        delay_weighted += weight * *delay;
        delay_weight += weight;
      }
    }
  }

  if (pays_count > 0) {
    out.usually_pays_in_days = static_cast<double>(pays_days) / pays_count;
  }
  if (delay_weight > 0) out.average_delay_days = delay_weighted / delay_weight;
  if (invoiced.is_positive()) {
    out.dso_days = out.open.ToDouble() / invoiced.ToDouble() * settings.window_days;
  }
  for (const Payment& payment : client.payments) {
    if (payment.date <= as_of && (!out.last_payment || *out.last_payment < payment.date)) {
      out.last_payment = payment.date;
    }
  }
  return out;
}

AgingBuilder::AgingBuilder(const Workspace& workspace, CivilDate as_of) : workspace_(workspace) {
  const Currency currency = workspace.currency;
  report_.as_of = as_of;
  report_.currency = currency;
  report_.totals = ZeroBuckets(currency);
  report_.total = report_.written_off = Money::Zero(currency);
}

Status AgingBuilder::Add(const ClientLedger& client) {
  const Currency currency = workspace_.currency;
  const CivilDate as_of = report_.as_of;
  AgingRow row;
  row.client = client.client.id;
  row.name = client.client.name;
  row.buckets = ZeroBuckets(currency);
  row.total = row.written_off = Money::Zero(currency);
  std::vector<WrittenOffItem> written_off;

  const ClientSnapshot snapshot(client, workspace_, as_of);
  for (size_t i = 0; i < client.invoices.size(); ++i) {
    if (!snapshot.Exists(i)) continue;
    const Invoice& invoice = client.invoices[i];
    const Money& open_in_currency = snapshot.settlement(i).open;
    if (snapshot.IsVoid(i) || !open_in_currency.is_positive()) continue;
    auto open = ToWorkspace(open_in_currency, workspace_);
    if (!open) return std::unexpected(open.error());
    if (invoice.status == InvoiceStatus::kWrittenOff) {
      row.written_off += *open;
      written_off.push_back({client.client.id, invoice.id, invoice.due, *open});
      continue;
    }
    const auto bucket = static_cast<size_t>(BucketFor(DaysBetween(invoice.due, as_of)));
    row.buckets[bucket] += *open;
    row.total += *open;
  }
  if (row.total.is_zero() && row.written_off.is_zero()) return {};

  for (size_t b = 0; b < report_.totals.size(); ++b) report_.totals[b] += row.buckets[b];
  report_.total += row.total;
  report_.written_off += row.written_off;
  std::sort(written_off.begin(), written_off.end(),
            [](const WrittenOffItem& a, const WrittenOffItem& b) {
              return std::tie(a.due, a.invoice) < std::tie(b.due, b.invoice);
            });
  for (WrittenOffItem& item : written_off) report_.written_off_items.push_back(std::move(item));
  report_.clients.push_back(std::move(row));
  return {};
}

Result<AgingReport> AgeReceivables(const std::vector<ClientLedger>& clients,
                                   const Workspace& workspace, CivilDate as_of) {
  AgingBuilder builder(workspace, as_of);
  for (const ClientLedger& client : clients) {
    if (Status added = builder.Add(client); !added) return std::unexpected(added.error());
  }
  return builder.Take();
}

Result<Statement> BuildStatement(const ClientLedger& client, const Workspace& workspace,
                                 CivilDate as_of, std::optional<CivilDate> payments_from) {
  const Currency currency = workspace.currency;
  Statement out;
  out.client = client.client.id;
  out.name = client.client.name;
  out.as_of = as_of;
  out.payments_from = payments_from;
  out.currency = currency;
  out.total_open = Money::Zero(currency);

  const ClientSnapshot snapshot(client, workspace, as_of);
  out.credit = snapshot.credit();

  // payment id -> (invoice due, invoice id, amount) for every part the payment paid.
  std::map<std::string, std::vector<std::tuple<CivilDate, std::string, Money>>> applications;
  for (size_t i = 0; i < client.invoices.size(); ++i) {
    if (!snapshot.Exists(i)) continue;
    const Invoice& invoice = client.invoices[i];
    const InvoiceSettlement& settlement = snapshot.settlement(i);
    for (const AllocationPart& part : settlement.parts) {
      if (part.payment.empty()) continue;  // credit consumed at issue
      auto amount = ToWorkspace(part.amount, workspace);
      if (!amount) return std::unexpected(amount.error());
      applications[part.payment].emplace_back(invoice.due, invoice.id, *amount);
    }
    if (invoice.status != InvoiceStatus::kIssued || !settlement.open.is_positive()) continue;

    StatementItem item;
    item.invoice = invoice.id;
    item.issued = invoice.issued;
    item.due = invoice.due;
    auto amount = ToWorkspace(snapshot.NetAmount(i), workspace);
    auto paid = ToWorkspace(settlement.paid, workspace);
    auto open = ToWorkspace(settlement.open, workspace);
    if (!amount) return std::unexpected(amount.error());
    if (!paid) return std::unexpected(paid.error());
    if (!open) return std::unexpected(open.error());
    item.amount = *amount;
    item.paid = *paid;
    item.open = *open;
    item.days_past_due = DaysBetween(invoice.due, as_of);
    out.total_open += item.open;
    out.open_items.push_back(std::move(item));
  }
  std::sort(out.open_items.begin(), out.open_items.end(),
            [](const StatementItem& a, const StatementItem& b) {
              return std::tie(a.due, a.issued, a.invoice) < std::tie(b.due, b.issued, b.invoice);
            });

  for (const Payment& payment : client.payments) {
    if (payment.date > as_of || (payments_from && payment.date < *payments_from)) continue;
    StatementPayment line;
    line.payment = payment.id;
    line.date = payment.date;
    auto amount = ToWorkspace(payment.amount, workspace);
    if (!amount) return std::unexpected(amount.error());
    line.amount = *amount;
    line.unapplied = *amount;
    if (auto it = applications.find(payment.id); it != applications.end()) {
      std::sort(it->second.begin(), it->second.end(), [](const auto& a, const auto& b) {
        return std::tie(std::get<0>(a), std::get<1>(a)) < std::tie(std::get<0>(b), std::get<1>(b));
      });
      for (const auto& [due, invoice, applied] : it->second) {
        line.applied.push_back({invoice, applied});
        line.unapplied -= applied;
      }
      // Conversions round each part separately; a cent of difference is not credit.
      if (line.unapplied.is_negative()) line.unapplied = Money::Zero(currency);
    }
    out.payments.push_back(std::move(line));
  }
  std::sort(out.payments.begin(), out.payments.end(),
            [](const StatementPayment& a, const StatementPayment& b) {
              return std::tie(a.date, a.payment) < std::tie(b.date, b.payment);
            });

  for (const CreditNote& note : client.credit_notes) {
    if (note.issued > as_of || (payments_from && note.issued < *payments_from)) continue;
    auto amount = ToWorkspace(note.amount, workspace);
    if (!amount) return std::unexpected(amount.error());
    out.credit_notes.push_back({note.id, note.invoice, note.issued, *amount, note.reason});
  }  // already by date, then id (ClientLedger order)

  out.balance = out.total_open - out.credit;
  return out;
}

}  // namespace addio
