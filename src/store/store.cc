#include "store/store.h"

#include <algorithm>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/text.h"
#include "ledger/allocation.h"
#include "ledger/bounds.h"
#include "ledger/snapshot.h"
#include "store/import_plan.h"

namespace addio {

const ImportCounts& ImportReport::For(std::string_view type) const {
  for (const ImportCounts& counts : records) {
    if (counts.type == type) return counts;
  }
  throw InternalError(Msg("store.unknown_record_type", type));
}

size_t ImportReport::added() const {
  size_t sum = 0;
  for (const ImportCounts& counts : records) sum += counts.added;
  return sum;
}

size_t ImportReport::updated() const {
  size_t sum = 0;
  for (const ImportCounts& counts : records) sum += counts.updated;
  return sum;
}

size_t ImportReport::unchanged() const {
  size_t sum = 0;
  for (const ImportCounts& counts : records) sum += counts.unchanged;
  return sum;
}

namespace {

// `cause` (a ledger.* error of converting money) said of client `id`: the entry
// store.client_<cause without its namespace>, or `cause` alone when there is none.
Message ForClient(const std::string& id, const Message& cause) {
  Message out{"store.client_" + cause.key.substr(cause.key.find('.') + 1), {Arg(id)}};
  if (!HasEntry(out.key)) return cause;
  out.args.insert(out.args.end(), cause.args.begin(), cause.args.end());
  return out;
}

}  // namespace

Result<ClientBalance> ComputeBalance(const ClientLedger& client, const Workspace& workspace,
                                     CivilDate as_of) {
  const Currency currency = workspace.currency;
  ClientBalance balance{Money::Zero(currency), Money::Zero(currency), Money::Zero(currency),
                        Money::Zero(currency), Money::Zero(currency)};
  const ClientSnapshot snapshot(client, workspace, as_of);
  for (size_t i = 0; i < client.invoices.size(); ++i) {
    const Invoice& invoice = client.invoices[i];
    if (snapshot.IsVoid(i) || !snapshot.Exists(i)) continue;
    auto amount = Convert(snapshot.NetAmount(i), currency, workspace);
    if (!amount) return std::unexpected(amount.error());
    balance.invoiced += *amount;
    if (invoice.status != InvoiceStatus::kIssued) continue;
    auto open = Convert(snapshot.settlement(i).open, currency, workspace);
    if (!open) return std::unexpected(open.error());
    balance.open += *open;
    if (invoice.due < as_of) balance.overdue += *open;
  }
  for (const Payment& payment : client.payments) {
    if (payment.date > as_of) continue;
    auto amount = Convert(payment.amount, currency, workspace);
    if (!amount) return std::unexpected(amount.error());
    balance.paid += *amount;
  }
  balance.credit = snapshot.credit();
  return balance;
}

Result<ClientSummary> SummarizeClient(const ClientLedger& client, const Workspace& workspace,
                                      CivilDate as_of) {
  auto balance = ComputeBalance(client, workspace, as_of);
  if (!balance) {
    return Fail(balance.error().code, ForClient(client.client.id, balance.error().message));
  }
  size_t invoices =
      std::count_if(client.invoices.begin(), client.invoices.end(), [&](const Invoice& invoice) {
        return invoice.status != InvoiceStatus::kVoid && invoice.issued <= as_of;
      });
  if (!client.credit_notes.empty()) {  // credited down to zero: void from then on
    const ClientSnapshot snapshot(client, workspace, as_of);
    for (size_t i = 0; i < client.invoices.size(); ++i) {
      if (snapshot.Exists(i) && client.invoices[i].status != InvoiceStatus::kVoid &&
          snapshot.IsVoid(i)) {
        --invoices;
      }
    }
  }
  return ClientSummary{client.client.id, client.client.name, client.client.country, invoices,
                       *balance};
}

Result<std::vector<ClientSummary>> SummarizeClients(const Ledger& ledger, CivilDate as_of) {
  std::vector<ClientSummary> out;
  for (const ClientLedger& client : SplitByClient(ledger)) {
    auto summary = SummarizeClient(client, ledger.workspace, as_of);
    if (!summary) return std::unexpected(summary.error());
    out.push_back(std::move(*summary));
  }
  return out;
}

Status Store::ForEachClient(const ClientVisitor& visit) {
  // Big enough that a batch costs little next to its reading, small enough to hold.
  constexpr size_t kClientsPerBatch = 64;
  auto batches = ReadInBatches(1);
  if (!batches) return std::unexpected(batches.error());
  for (;;) {
    auto range = (*batches)->Next(kClientsPerBatch);
    if (!range) return std::unexpected(range.error());
    if (!*range) return {};
    auto clients = (*batches)->Read(**range);
    if (!clients) return std::unexpected(clients.error());
    for (ClientLedger& client : *clients) {
      if (Status visited = visit(std::move(client)); !visited) return visited;
    }
  }
}

Result<ClientBalance> Store::Balance(const std::string& id, CivilDate as_of) {
  auto client = LoadClient(id);
  if (!client) return std::unexpected(client.error());
  if (!*client) return Fail(ErrorCode::kNotFound, Msg("common.no_client", id));
  auto workspace = LoadWorkspace();
  if (!workspace) return std::unexpected(workspace.error());
  return ComputeBalance(**client, *workspace, as_of);
}

Result<std::vector<ClientSummary>> Store::ClientSummaries(CivilDate as_of) {
  auto workspace = LoadWorkspace();
  if (!workspace) return std::unexpected(workspace.error());
  std::vector<ClientSummary> out;
  const Status visited = ForEachClient([&](ClientLedger&& client) -> Status {
    auto summary = SummarizeClient(client, *workspace, as_of);
    if (!summary) return std::unexpected(summary.error());
    out.push_back(std::move(*summary));
    return {};
  });
  if (!visited) return std::unexpected(visited.error());
  return out;
}

namespace store_internal {
namespace {

// Sorts `incoming` against `stored` into counts and the records to write. Returns the
// stored records that `incoming` does not name (they stay as they are). An id repeated in
// `incoming` (an error validation reports, so nothing is written) is counted each time.
template <typename T>
std::vector<const T*> Compare(const std::vector<T>& stored, const std::vector<T>& incoming,
                              ImportCounts& counts, RecordChanges<T>& changes) {
  std::unordered_map<std::string_view, size_t> stored_by_id;
  stored_by_id.reserve(stored.size());
  for (size_t i = 0; i < stored.size(); ++i) stored_by_id.emplace(stored[i].id, i);
  std::vector<bool> named(stored.size(), false);
  for (const T& record : incoming) {
    // A duplicated incoming id is an error that validation reports, so nothing is written.
    auto it = stored_by_id.empty() ? stored_by_id.end() : stored_by_id.find(record.id);
    if (it == stored_by_id.end()) {
      changes.added.push_back(&record);
      continue;
    }
    named[it->second] = true;
    if (!(stored[it->second] == record)) {
      changes.updated.push_back(&record);
      if (!SameExtentPoint(stored[it->second], record)) changes.moved = true;
    }
  }
  // New records in the order of SQLite's key (client, then id: schema 12), so that inserts
  // walk each table's tree in order; changed ones by id, as the report lists them.
  auto by_key = [](const T* a, const T* b) {
    if constexpr (requires { a->client; }) {
      if (a->client != b->client) return a->client < b->client;
    }
    return a->id < b->id;
  };
  auto by_id = [](const T* a, const T* b) { return a->id < b->id; };
  if (!std::is_sorted(changes.added.begin(), changes.added.end(), by_key)) {
    std::sort(changes.added.begin(), changes.added.end(), by_key);
  }
  if (!std::is_sorted(changes.updated.begin(), changes.updated.end(), by_id)) {
    std::sort(changes.updated.begin(), changes.updated.end(), by_id);
  }
  counts.added = changes.added.size();
  counts.updated = changes.updated.size();
  counts.unchanged = incoming.size() - counts.added - counts.updated;
  for (const T* record : changes.updated) counts.updated_ids.push_back(record->id);
  std::vector<const T*> kept;
  for (size_t i = 0; i < stored.size(); ++i) {
    if (!named[i]) kept.push_back(&stored[i]);
  }
  return kept;
}

// The ownership rule (DESIGN.md section 2): an incoming record whose id is stored with
// another client is an error naming both clients, where the record was read and its type.
// `stored` holds at least the stored records with the incoming ids (the neighbourhood
// read by id), so this never needs the whole store.
template <typename T>
void CheckOwners(const char* type, const std::vector<T>& stored, const std::vector<T>& incoming,
                 const LedgerSource& source, Diagnostics& out) {
  if constexpr (requires(const T& r) { r.client; }) {
    if (stored.empty() || incoming.empty()) return;
    std::unordered_map<std::string_view, const std::string*> owner;
    owner.reserve(stored.size());
    for (const T& record : stored) owner.emplace(record.id, &record.client);
    for (size_t i = 0; i < incoming.size(); ++i) {
      const T& record = incoming[i];
      const auto it = owner.find(record.id);
      if (it == owner.end() || *it->second == record.client) continue;
      Diagnostic d;
      if (const std::optional<RecordLocation> where = source.Find(type, i)) {
        d.file = where->file;
        d.line = where->line;
        if (!where->path.empty()) d.path = where->path + ".client";
      }
      d.record_type = type;
      d.record_id = record.id;
      d.field = "client";
      d.message = Msg("store.owner_conflict", Arg::Key(RecordTypeKey(type)), record.id, *it->second,
                      record.client);
      out.Add(std::move(d));
    }
  }
}

}  // namespace

ImportPlan PlanImport(const Ledger& stored, bool workspace_stored, const Ledger& incoming,
                      const LedgerSource& source) {
  ImportPlan plan;
  ImportReport& report = plan.report;

  report.workspace.type = "workspace";
  Workspace merged_workspace = incoming.workspace;
  if (workspace_stored) {
    if (incoming.workspace == Workspace{}) merged_workspace = stored.workspace;
    for (const auto& [name, value] : stored.workspace.settings) {
      merged_workspace.settings.emplace(name, value);  // the incoming value wins
    }
  }
  if (!workspace_stored) {
    ++report.workspace.added;
    plan.write_workspace = true;
  } else if (merged_workspace == stored.workspace) {
    ++report.workspace.unchanged;
  } else {
    ++report.workspace.updated;
    plan.write_workspace = true;
  }
  plan.changes.workspace = merged_workspace;

  // The merged ledger is the incoming one when every stored record is named again (a
  // first import, a re-import): then it is validated in place, without a copy.
  report.records.reserve(std::size(kRecordTypes));
  bool needs_copy = false;
  auto compare = [&](const char* type, auto member, auto& changes) {
    report.records.push_back(ImportCounts{.type = type});
    auto kept = Compare(stored.*member, incoming.*member, report.records.back(), changes);
    needs_copy |= !kept.empty();
    return kept;
  };
  auto kept_clients = compare("client", &Ledger::clients, plan.changes.clients);
  auto kept_contracts = compare("contract", &Ledger::contracts, plan.changes.contracts);
  auto kept_projects = compare("project", &Ledger::projects, plan.changes.projects);
  auto kept_requests = compare("request", &Ledger::requests, plan.changes.requests);
  auto kept_work = compare("work", &Ledger::work, plan.changes.work);
  auto kept_contacts = compare("contact", &Ledger::contacts, plan.changes.contacts);
  auto kept_invoices = compare("invoice", &Ledger::invoices, plan.changes.invoices);
  auto kept_payments = compare("payment", &Ledger::payments, plan.changes.payments);
  auto kept_rate_changes = compare("rate_change", &Ledger::rate_changes, plan.changes.rate_changes);
  auto kept_credit_notes = compare("credit_note", &Ledger::credit_notes, plan.changes.credit_notes);

  CheckOwners("contract", stored.contracts, incoming.contracts, source, report.diagnostics);
  CheckOwners("project", stored.projects, incoming.projects, source, report.diagnostics);
  CheckOwners("request", stored.requests, incoming.requests, source, report.diagnostics);
  CheckOwners("work", stored.work, incoming.work, source, report.diagnostics);
  CheckOwners("contact", stored.contacts, incoming.contacts, source, report.diagnostics);
  CheckOwners("invoice", stored.invoices, incoming.invoices, source, report.diagnostics);
  CheckOwners("payment", stored.payments, incoming.payments, source, report.diagnostics);
  CheckOwners("rate_change", stored.rate_changes, incoming.rate_changes, source,
              report.diagnostics);
  CheckOwners("credit_note", stored.credit_notes, incoming.credit_notes, source,
              report.diagnostics);

  if (!needs_copy && merged_workspace == incoming.workspace) {
    Validate(incoming, source, report.diagnostics);
    return plan;
  }
  Ledger merged = incoming;
  merged.workspace = merged_workspace;
  auto append = [](auto& to, const auto& kept) {
    for (const auto* record : kept) to.push_back(*record);
  };
  append(merged.clients, kept_clients);
  append(merged.contracts, kept_contracts);
  append(merged.projects, kept_projects);
  append(merged.requests, kept_requests);
  append(merged.work, kept_work);
  append(merged.contacts, kept_contacts);
  append(merged.invoices, kept_invoices);
  append(merged.payments, kept_payments);
  append(merged.rate_changes, kept_rate_changes);
  append(merged.credit_notes, kept_credit_notes);
  Validate(merged, source, report.diagnostics);
  return plan;
}

UnmatchedPlan PlanUnmatched(const std::vector<UnmatchedCredit>& stored,
                            const std::vector<Payment>& stored_payments, const Ledger& incoming,
                            const std::vector<UnmatchedCredit>& unmatched, ImportReport& report) {
  UnmatchedPlan plan;
  report.unmatched = ImportCounts{.type = "unmatched_credit"};
  if (stored.empty() && unmatched.empty()) return plan;  // nothing to compare, nothing resolved
  std::unordered_set<std::string_view> payment_ids;
  for (const Payment& payment : stored_payments) payment_ids.insert(payment.id);
  std::unordered_set<std::string_view> incoming_payment_ids;
  for (const Payment& payment : incoming.payments) {
    payment_ids.insert(payment.id);
    incoming_payment_ids.insert(payment.id);
  }
  std::unordered_map<std::string_view, const UnmatchedCredit*> stored_by_id;
  for (const UnmatchedCredit& credit : stored) {
    stored_by_id.emplace(credit.id, &credit);
    if (incoming_payment_ids.count(credit.id) > 0) plan.removed.push_back(credit.id);
  }
  std::unordered_set<std::string_view> seen;
  for (const UnmatchedCredit& credit : unmatched) {
    auto error = [&](const std::string& field, Message message) {
      report.diagnostics.Add(
          {Severity::kError, credit.source, 0, "", "unmatched_credit", credit.id, field, message});
    };
    if (credit.id.empty()) {
      error("id", Msg("store.credit_needs_id"));
      continue;
    }
    if (!seen.insert(credit.id).second) {
      error("id", Msg("store.credit_id_twice"));
      continue;
    }
    if (!credit.amount.is_positive()) {
      error("amount", Msg("store.credit_not_positive", credit.amount.ToString()));
      continue;
    }
    if (!bounds::WithinAmountBound(credit.amount)) {
      error("amount", Msg("ledger.amount_too_large", credit.amount.ToString(),
                          std::string(credit.amount.currency().code()), bounds::kMaxAmountUnits));
      continue;
    }
    // The bank's words are text as any record's: UTF-8, no NUL, at most 64 KiB.
    bool text_ok = true;
    const std::pair<const char*, const std::string*> texts[] = {{"payer", &credit.payer},
                                                                {"reference", &credit.reference}};
    for (const auto& [field, text] : texts) {
      if (text->size() > bounds::kMaxTextBytes) {
        error(field, Msg("ledger.text_too_long", text->size(), bounds::kMaxTextBytes));
      } else if (text->find('\0') != std::string::npos) {
        error(field, Msg("ledger.text_has_nul"));
      } else if (const size_t bad = FirstInvalidUtf8(*text); bad != std::string::npos) {
        error(field, Msg("ledger.text_not_utf8", bad));
      } else {
        continue;
      }
      text_ok = false;
    }
    if (!text_ok) continue;
    if (payment_ids.count(credit.id) > 0) {
      ++report.unmatched.unchanged;  // matched already: its payment is what counts
      continue;
    }
    auto it = stored_by_id.find(credit.id);
    if (it == stored_by_id.end()) {
      plan.added.push_back(&credit);
    } else if (!(*it->second == credit)) {
      plan.updated.push_back(&credit);
      report.unmatched.updated_ids.push_back(credit.id);
    } else {
      ++report.unmatched.unchanged;
    }
  }
  auto by_id = [](const UnmatchedCredit* a, const UnmatchedCredit* b) { return a->id < b->id; };
  std::sort(plan.added.begin(), plan.added.end(), by_id);
  std::sort(plan.updated.begin(), plan.updated.end(), by_id);
  std::sort(plan.removed.begin(), plan.removed.end());
  std::sort(report.unmatched.updated_ids.begin(), report.unmatched.updated_ids.end());
  report.unmatched.added = plan.added.size();
  report.unmatched.updated = plan.updated.size();
  report.resolved_unmatched = plan.removed;
  return plan;
}

}  // namespace store_internal
}  // namespace addio
