// What an import changes, decided from the stored and the incoming records alone, so that
// every backend (SQLite, PostgreSQL) merges and validates the same way and only differs in
// how it reads and writes. Internal to src/store/.
#pragma once

#include <optional>
#include <vector>

#include "ledger/records.h"
#include "ledger/validate.h"
#include "store/store.h"

namespace addio::store_internal {

// Records of one type to write, pointing into the incoming ledger: `added` in the order of
// SQLite's primary key (client, then id; clients by id), so that inserts walk each tree in
// order; `updated` by id.
template <typename T>
struct RecordChanges {
  std::vector<const T*> added;
  std::vector<const T*> updated;
  // Whether an updated record's date or instant (the one Store::Extent spans) changed.
  bool moved = false;
};

// The point of a record in the span Store::Extent measures: a business date, or an
// instant. Clients and projects have none; a contract's is its signing, else its sending.
inline std::optional<CivilDate> ExtentDate(const Contract& c) {
  return c.signed_on ? c.signed_on : c.sent;
}
inline std::optional<CivilDate> ExtentDate(const Invoice& i) { return i.issued; }
inline std::optional<CivilDate> ExtentDate(const Payment& p) { return p.date; }
inline std::optional<CivilDate> ExtentDate(const RateChange& r) { return r.at; }
inline std::optional<CivilDate> ExtentDate(const CreditNote& n) { return n.issued; }
inline Instant ExtentInstant(const Request& r) { return r.at; }
inline Instant ExtentInstant(const WorkEntry& w) { return w.start; }
inline Instant ExtentInstant(const Contact& c) { return c.at; }

// Whether two versions of one record have the same point in the span.
template <typename T>
bool SameExtentPoint(const T& a, const T& b) {
  if constexpr (requires { ExtentDate(a); }) {
    return ExtentDate(a) == ExtentDate(b);
  } else if constexpr (requires { ExtentInstant(a); }) {
    return ExtentInstant(a) == ExtentInstant(b);
  } else {
    return true;
  }
}

struct Changes {
  Workspace workspace;  // the merged workspace
  RecordChanges<Client> clients;
  RecordChanges<Contract> contracts;
  RecordChanges<Project> projects;
  RecordChanges<Request> requests;
  RecordChanges<WorkEntry> work;
  RecordChanges<Contact> contacts;
  RecordChanges<Invoice> invoices;
  RecordChanges<Payment> payments;
  RecordChanges<RateChange> rate_changes;
  RecordChanges<CreditNote> credit_notes;
};

struct ImportPlan {
  ImportReport report;
  bool write_workspace = false;
  Changes changes;  // REQUIRES: the incoming ledger outlives it
};

// Compares `incoming` with `stored` record by record, merges them, and validates the
// merged ledger (incoming records first, so `source` indexes them unchanged). The plan
// points into `incoming`.
// `workspace_stored` says whether `stored.workspace` was read from the store or is the
// default of an empty one. The incoming workspace replaces the stored one, except that
// stored settings the incoming workspace does not name are kept, and that an incoming
// Workspace{} (a source without workspace) keeps the stored workspace.
ImportPlan PlanImport(const Ledger& stored, bool workspace_stored, const Ledger& incoming,
                      const LedgerSource& source);

// What an import does to the stored unmatched bank credits. Points into the incoming
// credits, which must outlive it.
struct UnmatchedPlan {
  std::vector<const UnmatchedCredit*> added;    // sorted by id
  std::vector<const UnmatchedCredit*> updated;  // sorted by id
  std::vector<std::string> removed;             // stored ids now paid by a payment, sorted
};

// Compares the incoming unmatched credits with the stored ones: a credit whose id is a
// payment (stored or incoming) is counted unchanged and not written; stored credits whose
// id is an incoming payment are removed. Fills report.unmatched and
// report.resolved_unmatched, and adds an error to report.diagnostics for an empty id, an
// amount that is not positive, or an id given twice.
UnmatchedPlan PlanUnmatched(const std::vector<UnmatchedCredit>& stored,
                            const std::vector<Payment>& stored_payments, const Ledger& incoming,
                            const std::vector<UnmatchedCredit>& unmatched, ImportReport& report);

}  // namespace addio::store_internal
