// Who paid what: payments allocated to invoices as accounts-receivable practice does
// (DESIGN.md section 2). Payments are taken in date order (then id). A payment naming an
// invoice pays it; a payment naming none, and the part of a payment beyond what its
// invoice still owes, go to the client's other open invoices issued on or before the
// payment date, oldest due first (then issued, then id). What is still left is client
// credit, which invoices issued later consume on their issue date. Amounts are compared
// in the invoice's currency (other currencies converted with the workspace FX table).
// Void invoices take nothing; written-off invoices take nothing after being written off
// (the ledger has no write-off date, so they take nothing at all beyond named payments).
//
// Credit notes (ledger 1.1) lower their invoice from their issue date (or the invoice's,
// when later): as of a date an invoice's *net* amount is its amount less the credit notes
// issued by then, and it owes net − paid. A credit note is never money received: it is no
// allocation part. When it lowers an invoice already paid beyond its new net amount, the
// money beyond it is taken back from the invoice's latest parts and becomes client credit
// on the credit note's date (consumed like any other credit). A net amount of zero makes
// the invoice void from that date. On one date, invoices are issued first, then credit
// notes apply, then payments.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/time.h"
#include "ledger/records.h"

namespace addio {

struct AllocationPart {
  std::string payment;  // payment id, or empty for credit consumed at issue
  CivilDate date;       // when the money reached the invoice
  Money amount;         // in the invoice's currency
};

struct InvoiceSettlement {
  Money paid;                         // sum of parts, invoice currency
  Money open;                         // net - paid, >= 0 (0 for a void invoice)
  std::optional<CivilDate> settled;   // the date paid reached the net amount (or a credit
                                      // note brought the net amount down to what was paid)
  std::vector<AllocationPart> parts;  // in date order
  Money net;                          // amount - credited: what the invoice is worth as of `as_of`
  Money credited;                     // credit notes issued by `as_of`, invoice currency
  std::optional<CivilDate> voided;    // the date credit notes brought net to zero, if they did
};

struct AllocationResult {
  // settlements[i] belongs to invoices[i] of the input.
  std::vector<InvoiceSettlement> settlements;
  Money credit;  // unallocated money left as of `as_of`, workspace currency
};

// Allocates the payments of ONE client to its invoices, ignoring payments dated after
// `as_of` (they have not happened yet) and treating invoices issued after `as_of` as not
// existing yet (a payment naming one is credit until then; they take nothing). A void
// invoice has open == 0. Pure and deterministic.
// REQUIRES: every invoice and payment belongs to the same client.
AllocationResult AllocatePayments(const std::vector<Invoice>& invoices,
                                  const std::vector<Payment>& payments, const Workspace& workspace,
                                  CivilDate as_of);

// The same with the client's credit notes: those issued after `as_of` have not happened
// yet; a credit note whose invoice is not among `invoices` (or not issued by `as_of`) does
// nothing. REQUIRES: every record belongs to the same client.
AllocationResult AllocatePayments(const std::vector<Invoice>& invoices,
                                  const std::vector<Payment>& payments,
                                  const std::vector<CreditNote>& credit_notes,
                                  const Workspace& workspace, CivilDate as_of);

// The value of `amount` in `to`, through the workspace FX table (rates are quoted in the
// workspace currency). Error kValidation when a needed rate is missing.
Result<Money> Convert(const Money& amount, Currency to, const Workspace& workspace);

}  // namespace addio
