// The as-of snapshot the engine reads: one client's records, each vector sorted by
// time (then id), built once from a Ledger. Signals never see SQL or files, only this.
#pragma once

#include <vector>

#include "ledger/records.h"

namespace addio {

struct ClientLedger {
  Client client;
  std::vector<Contract> contracts;       // by sent/signed/start date, then id
  std::vector<Project> projects;         // by start, then id
  std::vector<Request> requests;         // by at
  std::vector<WorkEntry> work;           // by start
  std::vector<Contact> contacts;         // by at
  std::vector<Invoice> invoices;         // by issued, then due, then id
  std::vector<Payment> payments;         // by date, then id
  std::vector<RateChange> rate_changes;  // by at
  std::vector<CreditNote> credit_notes;  // by issued, then id
};

// Splits a ledger into one ClientLedger per client, in client id order. Records whose
// client does not exist are dropped (validation reports them).
std::vector<ClientLedger> SplitByClient(const Ledger& ledger);
// The same, moving the records out of `ledger` instead of copying them: for a caller
// that no longer needs the ledger's records. `ledger` is left with its workspace only.
std::vector<ClientLedger> SplitByClientMoving(Ledger& ledger);

// Sorts each vector of `client` as the comments above say (time, then id): what
// SplitByClient does to each client it makes. The order does not depend on the order the
// records came in, as long as ids are unique.
void SortRecords(ClientLedger& client);

}  // namespace addio
