// Internal to api/: what credit notes took off each invoice of one client (DESIGN.md
// section 2, credit notes). The engine reports invoices at their net amount; the API shows
// beside it what was credited, so that a reader sees the invoice as issued and as it stands.
#pragma once

#include <map>
#include <string>

#include "core/money.h"
#include "core/time.h"
#include "ledger/client_ledger.h"
#include "ledger/records.h"

namespace addio::api_internal {

// Invoice id -> the amount the credit notes issued by `as_of` took off it, as the payment
// allocation counts it (never more than the invoice's amount; a credit note on an invoice
// not issued by `as_of` takes nothing). In the workspace currency, or the invoice's own
// when the FX table has no rate for it (as the charts show the invoice itself). Invoices
// nothing was credited on are absent.
using CreditedAmounts = std::map<std::string, Money>;
CreditedAmounts CreditedByInvoice(const ClientLedger& client, const Workspace& workspace,
                                  CivilDate as_of);

// The credited amount of `invoice`, zero in `currency` when none.
Money CreditedOn(const CreditedAmounts& credited, const std::string& invoice, Currency currency);

}  // namespace addio::api_internal
