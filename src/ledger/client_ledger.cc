#include "ledger/client_ledger.h"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <functional>
#include <iterator>
#include <optional>
#include <span>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "core/parallel.h"
#include "ledger/format_fields.h"
#include "ledger/id_index.h"

namespace addio {
namespace {

using format_internal::ForEachRecordType;
using format_internal::RecordTraits;

// The date a contract is first known by: sent, else signed, else start. Contracts with
// none of them sort first.
std::optional<CivilDate> ContractDate(const Contract& c) {
  if (c.sent) return c.sent;
  if (c.signed_on) return c.signed_on;
  return c.start;
}

// Sorts `records` by `less`. Records usually come in order already (an export, a
// generated ledger, the store's client-by-client reads): checking costs one pass, where
// sorting moves records hundreds of bytes long.
template <typename T, typename Less>
void SortIfNeeded(std::vector<T>& records, Less less) {
  if (!std::is_sorted(records.begin(), records.end(), less)) {
    std::sort(records.begin(), records.end(), less);
  }
}

template <typename T, typename Key>
void SortBy(std::vector<T>& records, Key key) {
  SortIfNeeded(records, [&](const T& a, const T& b) {
    return std::tie(key(a), a.id) < std::tie(key(b), b.id);
  });
}

}  // namespace

void SortRecords(ClientLedger& c) {
  SortIfNeeded(c.contracts, [](const Contract& a, const Contract& b) {
    return std::make_tuple(ContractDate(a), std::string_view(a.id)) <
           std::make_tuple(ContractDate(b), std::string_view(b.id));
  });
  SortBy(c.projects, [](const Project& p) -> const std::optional<CivilDate>& { return p.start; });
  SortBy(c.requests, [](const Request& r) -> const Instant& { return r.at; });
  SortBy(c.work, [](const WorkEntry& w) -> const Instant& { return w.start; });
  SortBy(c.contacts, [](const Contact& m) -> const Instant& { return m.at; });
  SortIfNeeded(c.invoices, [](const Invoice& a, const Invoice& b) {
    return std::tie(a.issued, a.due, a.id) < std::tie(b.issued, b.due, b.id);
  });
  SortBy(c.payments, [](const Payment& p) -> const CivilDate& { return p.date; });
  SortBy(c.rate_changes, [](const RateChange& r) -> const CivilDate& { return r.at; });
  SortBy(c.credit_notes, [](const CreditNote& n) -> const CivilDate& { return n.issued; });
}

namespace {

// A client's id, for an IdIndex of the clients.
struct ClientIdOf {
  std::string_view operator()(const Client* c) const { return c->id; }
};
using ClientIndex = IdIndex<const Client*, ClientIdOf>;

// Calls visit(record, client) for every record whose client is in `index`, with the
// record's index and its client's. Records come grouped by client, mostly: one lookup a
// run of them.
template <typename T, typename Visit>
void ForEachOwned(const std::vector<T>& records, const ClientIndex& index, Visit visit) {
  std::string_view last_client;
  std::optional<uint32_t> last;
  for (size_t i = 0; i < records.size(); ++i) {
    const std::string& client = records[i].client;
    if (i == 0 || client != last_client) {
      last = index.Find(client);
      last_client = client;
    }
    if (last) visit(static_cast<uint32_t>(i), *last);
  }
}

// `records` grouped by client (a counting sort of their indexes, stable).
template <typename T>
RecordGroups GroupByClient(const std::vector<T>& records, const ClientIndex& index,
                           size_t clients) {
  RecordGroups groups;
  groups.first.assign(clients + 1, 0);
  ForEachOwned(records, index, [&](uint32_t, uint32_t client) { ++groups.first[client + 1]; });
  for (size_t c = 0; c < clients; ++c) groups.first[c + 1] += groups.first[c];
  groups.order.resize(groups.first.back());
  std::vector<uint32_t> next(groups.first.begin(), groups.first.end() - 1);
  ForEachOwned(records, index,
               [&](uint32_t record, uint32_t client) { groups.order[next[client]++] = record; });
  return groups;
}

// Appends client i's records of one type to `out`, each through `take` (a copy or a move).
template <typename Records, typename T, typename Take>
void Gather(Records& records, const RecordGroups& groups, size_t i, std::vector<T>& out,
            Take take) {
  const uint32_t begin = groups.first[i], end = groups.first[i + 1];
  out.reserve(end - begin);
  for (uint32_t k = begin; k < end; ++k) out.push_back(take(records[groups.order[k]]));
}

// Moves `records` back into client i's places in `to`, in order. REQUIRES: as many records
// as the group has.
template <typename T>
void Scatter(std::vector<T>&& records, const RecordGroups& groups, size_t i, std::vector<T>& to) {
  const uint32_t begin = groups.first[i];
  assert(records.size() == groups.first[i + 1] - begin);
  for (size_t k = 0; k < records.size(); ++k) to[groups.order[begin + k]] = std::move(records[k]);
}

// Each record type's vector in a ClientLedger, as RecordTraits<R>::kMember is in a Ledger.
template <typename R>
constexpr std::vector<R> ClientLedger::*kClientMember = nullptr;
template <>
constexpr auto kClientMember<Contract> = &ClientLedger::contracts;
template <>
constexpr auto kClientMember<Project> = &ClientLedger::projects;
template <>
constexpr auto kClientMember<Request> = &ClientLedger::requests;
template <>
constexpr auto kClientMember<WorkEntry> = &ClientLedger::work;
template <>
constexpr auto kClientMember<Contact> = &ClientLedger::contacts;
template <>
constexpr auto kClientMember<Invoice> = &ClientLedger::invoices;
template <>
constexpr auto kClientMember<Payment> = &ClientLedger::payments;
template <>
constexpr auto kClientMember<RateChange> = &ClientLedger::rate_changes;
template <>
constexpr auto kClientMember<CreditNote> = &ClientLedger::credit_notes;

// R's place in ClientGroups::groups_: its index in the format, less the clients'.
static_assert(RecordTraits<Client>::kIndex == 0);
template <typename R>
constexpr size_t kGroupOf = RecordTraits<R>::kIndex - 1;

// Calls f(std::type_identity<R>{}) for each record type R a client owns (all but Client).
template <typename F>
void ForEachOwnedType(F&& f) {
  ForEachRecordType([&]<typename R>(std::type_identity<R> type) {
    if constexpr (!std::is_same_v<R, Client>) f(type);
  });
}

// Client i's records (client `client` of `ledger`), each through `take` (a copy or a move),
// sorted.
template <typename L, typename Take>
ClientLedger GatherClient(L& ledger, uint32_t client, std::span<const RecordGroups> groups,
                          size_t i, Take take) {
  ClientLedger out{.client = take(ledger.clients[client])};
  ForEachOwnedType([&]<typename R>(std::type_identity<R>) {
    Gather(ledger.*RecordTraits<R>::kMember, groups[kGroupOf<R>], i, out.*kClientMember<R>, take);
  });
  SortRecords(out);
  return out;
}

}  // namespace

ClientGroups::ClientGroups(Ledger& ledger) : ClientGroups(std::as_const(ledger)) {
  movable_ = &ledger;
}

ClientGroups::ClientGroups(const Ledger& ledger) : ledger_(&ledger) {
  static_assert(format_internal::kRecordTypes == kOwnedTypes + 1);
  std::vector<const Client*> by_id;
  by_id.reserve(ledger.clients.size());
  for (const Client& client : ledger.clients) by_id.push_back(&client);
  std::stable_sort(by_id.begin(), by_id.end(),
                   [](const Client* a, const Client* b) { return a->id < b->id; });
  // A repeated id keeps its first client (the sort was stable).
  by_id.erase(std::unique(by_id.begin(), by_id.end(),
                          [](const Client* a, const Client* b) { return a->id == b->id; }),
              by_id.end());
  clients_.reserve(by_id.size());
  for (const Client* client : by_id) {
    clients_.push_back(static_cast<uint32_t>(client - ledger.clients.data()));
  }
  const ClientIndex index(by_id);
  const size_t n = clients_.size();
  // One task per record type on every core, the largest types first: the other core goes
  // through the smaller ones meanwhile.
  std::vector<std::pair<size_t, std::function<void()>>> tasks;  // records, task
  ForEachOwnedType([&]<typename R>(std::type_identity<R>) {
    const std::vector<R>& records = ledger.*RecordTraits<R>::kMember;
    tasks.emplace_back(records.size(), [this, &records, &index, n] {
      groups_[kGroupOf<R>] = GroupByClient(records, index, n);
    });
  });
  std::ranges::stable_sort(tasks, std::greater{}, [](const auto& task) { return task.first; });
  ParallelFor(tasks.size(), TasksPerThread(ledger.records(), tasks.size()),
              [&](size_t t) { tasks[t].second(); });
}

ClientLedger ClientGroups::Copy(size_t i) const {
  return GatherClient(
      *ledger_, clients_[i], groups_, i, [](const auto& record) -> const auto& { return record; });
}

ClientLedger ClientGroups::Take(size_t i) {
  assert(movable_ != nullptr);
  return GatherClient(
      *movable_, clients_[i], groups_, i, [](auto& record) -> auto&& { return std::move(record); });
}

void ClientGroups::Return(size_t i, ClientLedger&& records) {
  assert(movable_ != nullptr);
  Ledger& ledger = *movable_;
  ledger.clients[clients_[i]] = std::move(records.client);
  ForEachOwnedType([&]<typename R>(std::type_identity<R>) {
    Scatter(std::move(records.*kClientMember<R>), groups_[kGroupOf<R>], i,
            ledger.*RecordTraits<R>::kMember);
  });
}

std::vector<ClientLedger> SplitByClient(const Ledger& ledger) {
  const ClientGroups groups(ledger);
  std::vector<ClientLedger> out(groups.size());
  constexpr size_t kClientsPerChunk = 64;
  ParallelFor(out.size(), kClientsPerChunk, [&](size_t i) { out[i] = groups.Copy(i); });
  return out;
}

}  // namespace addio
