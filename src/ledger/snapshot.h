// The as-of snapshot of one client (DESIGN.md section 1, "One snapshot per client"): its
// records, and what they mean on `as_of` — which invoices exist yet, how the payments
// received by then were allocated to them, when each was settled and how late. It is
// built once per client per assessment (or per command) and read by every sign,
// economics, receivables, late interest, letters and charts: nobody allocates payments
// again, and every reader agrees on what is paid and how late.
#pragma once

#include <optional>
#include <vector>

#include "core/money.h"
#include "core/time.h"
#include "ledger/allocation.h"
#include "ledger/client_ledger.h"
#include "ledger/records.h"

namespace addio {

class ClientSnapshot {
 public:
  // Allocates the client's payments dated on or before `as_of` to its invoices issued on
  // or before it, net of the credit notes issued by then (ledger/allocation.h). `records` and
  // `workspace` must outlive the snapshot.
  ClientSnapshot(const ClientLedger& records, const Workspace& workspace, CivilDate as_of);

  const ClientLedger& records() const { return *records_; }
  const Client& client() const { return records_->client; }
  const Workspace& workspace() const { return *workspace_; }
  CivilDate as_of() const { return as_of_; }

  // settlement(i) belongs to records().invoices[i]. An invoice issued after as_of does not
  // exist yet: Exists(i) is false and its settlement is empty (nothing paid, fully open),
  // so readers skip it.
  bool Exists(size_t invoice) const { return records_->invoices[invoice].issued <= as_of_; }
  const InvoiceSettlement& settlement(size_t invoice) const {
    return allocation_.settlements[invoice];
  }
  // The invoice's amount less the credit notes issued by as_of, in its currency: the
  // amount every rule reads (revenue, open and overdue amounts, lateness).
  const Money& NetAmount(size_t invoice) const { return allocation_.settlements[invoice].net; }
  // True for an invoice with status void, or one credit notes brought to a net amount of
  // zero by as_of: it is owed by nobody and earns nothing.
  bool IsVoid(size_t invoice) const {
    return records_->invoices[invoice].status == InvoiceStatus::kVoid ||
           allocation_.settlements[invoice].voided.has_value();
  }
  // Settled date − due while settled, as_of − due while open; may be negative (paid early).
  int32_t DaysLate(size_t invoice) const;
  // Money received and not allocated to any invoice by as_of, in the workspace currency.
  const Money& credit() const { return allocation_.credit; }

 private:
  const ClientLedger* records_;
  const Workspace* workspace_;
  CivilDate as_of_;
  AllocationResult allocation_;
};

}  // namespace addio
