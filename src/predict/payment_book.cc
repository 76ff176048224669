#include "predict/payment_book.h"

#include "ledger/allocation.h"
#include "verdict/receivables.h"

namespace addio {
namespace {

Result<Money> ToWorkspace(const Money& amount, const Workspace& workspace) {
  if (amount.currency() == workspace.currency) return amount;
  return Convert(amount, workspace.currency, workspace);
}

}  // namespace

PaymentBookBuilder::PaymentBookBuilder(const Workspace& workspace, const Settings& settings,
                                       CivilDate horizon)
    : workspace_(workspace), settings_(settings) {
  book_.horizon = horizon;
  book_.currency = workspace.currency;
}

Status PaymentBookBuilder::Add(const ClientLedger& client) {
  auto summary = SummarizeReceivables(client, workspace_, settings_, book_.horizon);
  if (!summary) return std::unexpected(summary.error());
  const int index = static_cast<int>(book_.clients.size());
  book_.clients.push_back({client.client.id, client.client.name, summary->usually_pays_in_days});

  const AllocationResult allocation = AllocatePayments(
      client.invoices, client.payments, client.credit_notes, workspace_, book_.horizon);
  for (size_t i = 0; i < client.invoices.size(); ++i) {
    const Invoice& invoice = client.invoices[i];
    const InvoiceSettlement& settlement = allocation.settlements[i];
    if (invoice.issued > book_.horizon || invoice.status == InvoiceStatus::kVoid ||
        settlement.voided || !settlement.net.is_positive()) {
      continue;
    }
    auto net = ToWorkspace(settlement.net, workspace_);
    if (!net) return std::unexpected(net.error());
    auto open = ToWorkspace(settlement.open, workspace_);
    if (!open) return std::unexpected(open.error());
    BookInvoice entry;
    entry.client = index;
    entry.id = invoice.id;
    entry.issued = invoice.issued;
    entry.due = invoice.due;
    entry.amount = static_cast<double>(net->minor());
    entry.open = *open;
    entry.disputed = invoice.disputed;
    entry.written_off = invoice.status == InvoiceStatus::kWrittenOff;
    if (!entry.written_off) entry.settled = settlement.settled;
    book_.invoices.push_back(std::move(entry));
  }
  return {};
}

}  // namespace addio
