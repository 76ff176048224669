// Bank credits to payments. The statement readers (camt.cc, ofx.cc) turn each incoming
// credit of a statement into a BankCredit; this file decides which invoice it pays, from
// the records already stored and those read in the same import:
//   1. by reference: an invoice number written in the remittance information
//      ("Fattura n. 12", "INV-2025-007", "saldo 2025/3");
//   2. else by payer and amount: the payer's name is a known client (ClientResolver, never
//      creating one) and exactly one of that client's open invoices still owes exactly the
//      credited amount (with several, the one due first, and the review says so).
// A matched credit becomes a Payment of that invoice's client naming the invoice; any other
// becomes an UnmatchedCredit and a review line, kept by the store until
// `addio match PAYMENT INVOICE`. Nothing is dropped or guessed silently.
//
// Idempotence: a credit keeps its id (the bank's reference, else a content hash) whether it
// is matched or not, and a credit whose id is already a stored payment is given back as
// that payment, unchanged, without matching it again.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/result.h"
#include "core/time.h"
#include "ingest/client_resolver.h"
#include "ingest/ingest.h"
#include "ledger/records.h"
#include "ledger/validate.h"

namespace addio {

// One incoming credit as a statement gives it, before matching.
struct BankCredit {
  std::string id;         // stable: "camt-<AcctSvcrRef>", "ofx-<FITID>", else a content hash
  CivilDate date;         // booking date, else value date
  Money amount;           // > 0
  std::string payer;      // the debtor's name; may be empty
  std::string reference;  // remittance information, parts joined by ' '; may be empty
  RecordLocation where;   // file and line (or element path) of the entry
};

enum class MatchKind {
  kAlreadyBooked,     // the id is a stored payment: given back unchanged
  kByReference,       // an invoice number in the remittance information
  kByPayerAndAmount,  // a known client's open invoice of exactly this amount
  kUnmatched,         // neither: kept for review
};

struct MatchOutcome {
  MatchKind kind = MatchKind::kUnmatched;
  Payment payment;            // set unless kUnmatched
  UnmatchedCredit unmatched;  // set for kUnmatched
  Message review;             // a sentence for the review list; may be empty
};

// Matches credits one at a time against the open invoices of a stored ledger and of the
// records read in the same import. Each match lowers its invoice's open amount, so two
// credits never settle the same amount twice. Not thread-safe.
class CreditMatcher {
 public:
  // `existing`: the stored records; `incoming`: invoices, payments and clients read in the
  // same import (may be empty). Both must outlive the matcher. `mapping_file`, when not
  // empty, is the resolver's TOML of client renames (see ClientResolver::LoadMapping);
  // an unreadable one is reported by mapping_error().
  CreditMatcher(const Ledger& existing, const Ledger& incoming,
                const std::string& mapping_file = "");

  // The resolver keeps a reference to clients_: not copyable, not movable.
  CreditMatcher(const CreditMatcher&) = delete;
  CreditMatcher& operator=(const CreditMatcher&) = delete;

  // Where `credit` goes. Credits should be given in date order (MatchCredits does).
  MatchOutcome Match(const BankCredit& credit);

  // The error of loading the mapping file, if any.
  const std::optional<Error>& mapping_error() const { return mapping_error_; }

 private:
  struct OpenInvoice {
    Invoice invoice;
    Money open;  // what it still owes, in its currency
  };
  // Invoices (indexes into open_) whose number `reference` names as a whole word.
  std::vector<size_t> InvoicesNamedIn(std::string_view reference) const;
  // A Payment of open_[index]'s client naming it; lowers its open amount.
  MatchOutcome Book(const BankCredit& credit, size_t index, MatchKind kind, Message review);
  MatchOutcome Unmatched(const BankCredit& credit, const Message& why) const;

  Ledger clients_;  // existing and incoming clients: the resolver's view
  ClientResolver resolver_;
  std::optional<Error> mapping_error_;
  Workspace workspace_;                               // FX rates
  std::map<std::string, Payment> payments_by_id_;     // stored, incoming and booked here
  std::vector<OpenInvoice> open_;                     // every invoice but the void ones
  std::vector<std::pair<std::string, size_t>> keys_;  // upper-case number -> open_ index
};

// Matches `credits` (in date order, then id) with a CreditMatcher over
// `context.existing` and the records already in `result.ledger`, and appends to `result`:
// a Payment (and its location) per matched credit, an UnmatchedCredit per other one, a
// review line for each unmatched or uncertain match, and the preview rows. The same credit
// given twice (a statement and a notification of one day) is read once; two different
// credits under one id are both kept, the second as "<id>-2", with a warning.
void MatchCredits(std::vector<BankCredit> credits, const IngestContext& context,
                  IngestResult& result);

// Parses a decimal amount as statements write it: an optional sign, digits, and '.' (or
// a single ',') before the decimals. Decimals beyond the currency's are accepted only
// when they are zeros ("8.850" EUR is 8.85; "8.855" is an error, never a rounding).
// Error kInvalidArgument saying what was expected.
Result<Money> ParseStatementAmount(std::string_view text, Currency currency);

}  // namespace addio
