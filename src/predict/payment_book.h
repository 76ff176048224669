// The payment history that prediction (DESIGN.md section 11) learns from: every invoice
// of the portfolio with the day it was settled, as the allocation of payments
// (ledger/allocation.h) gives it as of the book's horizon. Allocation only looks back,
// so a settlement on or before any earlier date D is exactly what an allocation as of D
// would give: one book serves every date up to its horizon, which is what lets a
// back-test ask "what was known then" without rebuilding anything.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/result.h"
#include "core/time.h"
#include "ledger/client_ledger.h"
#include "signals/settings.h"

namespace addio {

struct BookInvoice {
  int client = 0;  // index into PaymentBook::clients
  std::string id;
  CivilDate issued;
  CivilDate due;
  double amount = 0;  // net amount, workspace currency, in minor units (for ratios)
  Money open;         // still owed at the horizon, workspace currency
  bool disputed = false;
  bool written_off = false;          // never settled; not a receivable any more
  std::optional<CivilDate> settled;  // the day it was paid in full, on or before the horizon
};

struct BookClient {
  std::string id;
  std::string name;
  // "Usually pays in N days" at the horizon (verdict/receivables.h).
  std::optional<double> usually_pays_in_days;
};

struct PaymentBook {
  CivilDate horizon;
  Currency currency;
  std::vector<BookClient> clients;    // in the order added
  std::vector<BookInvoice> invoices;  // by client, then issued, then due, then id
};

// Builds the book client by client, so that a pass over the store (Store::ForEachClient)
// never holds the whole ledger. Invoices issued after the horizon do not exist yet; void
// invoices (by status, or brought to zero by credit notes) are left out. `workspace` and
// `settings` must outlive the builder.
class PaymentBookBuilder {
 public:
  PaymentBookBuilder(const Workspace& workspace, const Settings& settings, CivilDate horizon);
  // Errors: kValidation for an FX rate that is needed and missing.
  Status Add(const ClientLedger& client);
  PaymentBook Take() { return std::move(book_); }

 private:
  const Workspace& workspace_;
  const Settings& settings_;
  PaymentBook book_;
};

}  // namespace addio
