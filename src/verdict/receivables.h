// Receivables (DESIGN.md section 5b): what invoicing tools answer every day and the six
// signs do not — how a client usually pays, what is open and how old it is, and the
// statement one sends a client. Built from the payment allocation (ledger/allocation.h)
// of each ClientLedger as of a date; report/receivables_report.h renders the results.
//
// Common rules. An invoice exists from its issue date: invoices issued after `as_of` are
// ignored, and so are payments dated after it. Void invoices never count. Written-off
// invoices are no longer receivables: they are left out of open amounts, behaviour
// figures and aging buckets, and the aging lists them separately. Every amount of a
// summary, an aging report or a statement is in the workspace currency (other currencies
// converted with the workspace FX table); an FX rate that is needed and missing is a
// kValidation error naming the currency.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/result.h"
#include "core/time.h"
#include "ledger/client_ledger.h"
#include "ledger/records.h"
#include "signals/settings.h"

namespace addio {

// How one client pays, as of a date, over the window (as_of − window_days, as_of].
struct ReceivablesSummary {
  std::string client;
  std::string name;
  // Mean of (settled − issued) in days over the invoices settled in the window; nullopt
  // when none was.
  std::optional<double> usually_pays_in_days;
  // Amount-weighted mean delay in days over the invoices due in the window: settled − due
  // for settled ones (0 when paid on time or early: a delay is never negative), and
  // as_of − due for those still open past due, aged to as_of. Invoices not yet due are
  // left out. nullopt when no invoice counts.
  std::optional<double> average_delay_days;
  // Days sales outstanding: open receivables at as_of ÷ invoiced in the window (issued in
  // it, not void) × window_days. nullopt when nothing was invoiced in the window.
  std::optional<double> dso_days;
  std::optional<CivilDate> last_payment;  // the latest payment dated on or before as_of
  Money open;                             // still owed on every invoice issued by as_of, due or not
  Money overdue;                          // the part of `open` past due (due < as_of)
  Money credit;                           // money received and not yet allocated to any invoice
  int open_invoices = 0;
  int overdue_invoices = 0;
};

// The summary of one client. Errors: kValidation for a missing FX rate.
Result<ReceivablesSummary> SummarizeReceivables(const ClientLedger& client,
                                                const Workspace& workspace,
                                                const Settings& settings, CivilDate as_of);

// Days past due (as_of − due) in five buckets. Due today is still current.
enum class AgingBucket { kCurrent, k1To30, k31To60, k61To90, kOver90 };
inline constexpr int kAgingBuckets = 5;
// "current", "1_30", "31_60", "61_90", "over_90".
const char* AgingBucketKey(AgingBucket bucket);
// The bucket of an invoice `days_past_due` days past due (<= 0 is current; 91+ is
// kOver90).
AgingBucket BucketFor(int days_past_due);

using BucketAmounts = std::array<Money, kAgingBuckets>;  // indexed by AgingBucket

// An invoice written off with money still unpaid, listed apart from the buckets.
struct WrittenOffItem {
  std::string client;
  std::string invoice;
  CivilDate due;
  Money unpaid;  // amount less what was paid on it
};

struct AgingRow {
  std::string client;
  std::string name;
  BucketAmounts buckets;
  Money total;        // Σ buckets
  Money written_off;  // unpaid on this client's written-off invoices
};

struct AgingReport {
  CivilDate as_of;
  Currency currency;
  std::vector<AgingRow>
      clients;  // in input order; clients with nothing open or written off are left out
  BucketAmounts totals;
  Money total;
  Money written_off;
  std::vector<WrittenOffItem> written_off_items;  // by client, then due, then invoice
};

// Portfolio aging as of `as_of`. Works for any date, past ones included: allocation is
// redone as of that date. Errors: kValidation for a missing FX rate.
Result<AgingReport> AgeReceivables(const std::vector<ClientLedger>& clients,
                                   const Workspace& workspace, CivilDate as_of);

// The same, client by client, so that a pass over the store (Store::ForEachClient) never
// holds the whole ledger: Add every client in order, then Take the report, which is
// AgeReceivables's for the clients added. `workspace` must outlive the builder.
class AgingBuilder {
 public:
  AgingBuilder(const Workspace& workspace, CivilDate as_of);
  // Errors: kValidation for a missing FX rate (the report is then incomplete).
  Status Add(const ClientLedger& client);
  AgingReport Take() { return std::move(report_); }

 private:
  const Workspace& workspace_;
  AgingReport report_;
};

// An invoice still (partly) open on a statement.
struct StatementItem {
  std::string invoice;
  CivilDate issued;
  CivilDate due;
  Money amount;  // net of the credit notes issued by as_of
  Money paid;    // by as_of
  Money open;
  int days_past_due = 0;  // as_of − due; zero or negative while not yet due
};

// Where part of a payment went.
struct PaymentApplication {
  std::string invoice;
  Money amount;
};

struct StatementPayment {
  std::string payment;
  CivilDate date;
  Money amount;
  std::vector<PaymentApplication> applied;  // by the invoice's due date, then id
  Money unapplied;  // what went to credit (amount − Σ applied); later invoices may use it
};

// A credit note on a statement: it lowers an invoice and is never a payment.
struct StatementCreditNote {
  std::string credit_note;
  std::string invoice;
  CivilDate date;
  Money amount;  // workspace currency
  std::string reason;
};

struct Statement {
  std::string client;
  std::string name;
  CivilDate as_of;
  std::optional<CivilDate> payments_from;  // the first day of `payments`, when limited
  Currency currency;
  std::vector<StatementItem> open_items;   // by due, then issued, then invoice
  std::vector<StatementPayment> payments;  // by date, then id
  // Credit notes issued by as_of (from payments_from, when limited), by date then id.
  std::vector<StatementCreditNote> credit_notes;
  Money total_open;  // Σ open_items.open
  Money credit;      // unallocated money as of as_of
  Money balance;     // total_open − credit: what the client owes (negative: what it is owed)
};

// The statement of `client` as of `as_of`: open items (issued by as_of, neither void nor
// written off) and the payments received, all of them or only those dated on or after
// `payments_from`. Errors: kValidation for a missing FX rate.
Result<Statement> BuildStatement(const ClientLedger& client, const Workspace& workspace,
                                 CivilDate as_of,
                                 std::optional<CivilDate> payments_from = std::nullopt);

}  // namespace addio
