#include "ledger/snapshot.h"

namespace addio {

ClientSnapshot::ClientSnapshot(const ClientLedger& records, const Workspace& workspace,
                               CivilDate as_of)
    : records_(&records),
      workspace_(&workspace),
      as_of_(as_of),
      allocation_(AllocatePayments(records.invoices, records.payments, records.credit_notes,
                                   workspace, as_of)) {}

int32_t ClientSnapshot::DaysLate(size_t invoice) const {
  const Invoice& record = records_->invoices[invoice];
  const std::optional<CivilDate>& settled = allocation_.settlements[invoice].settled;
  return DaysBetween(record.due, settled ? *settled : as_of_);
}

}  // namespace addio
