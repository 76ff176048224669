#include "api/credited.h"

#include "ledger/allocation.h"

namespace addio::api_internal {

CreditedAmounts CreditedByInvoice(const ClientLedger& client, const Workspace& workspace,
                                  CivilDate as_of) {
  CreditedAmounts out;
  if (client.credit_notes.empty()) return out;
  // Without payments the allocation only applies the credit notes: the same caps and dates
  // as every rule that reads the net amounts.
  const AllocationResult allocation =
      AllocatePayments(client.invoices, {}, client.credit_notes, workspace, as_of);
  for (size_t i = 0; i < client.invoices.size(); ++i) {
    const Money& credited = allocation.settlements[i].credited;
    if (!credited.is_positive()) continue;
    auto converted = Convert(credited, workspace.currency, workspace);
    out.insert_or_assign(client.invoices[i].id, converted ? *converted : credited);
  }
  return out;
}

Money CreditedOn(const CreditedAmounts& credited, const std::string& invoice, Currency currency) {
  const auto it = credited.find(invoice);
  return it != credited.end() ? it->second : Money::Zero(currency);
}

}  // namespace addio::api_internal
