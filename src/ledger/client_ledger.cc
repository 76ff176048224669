#include "ledger/client_ledger.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <iterator>
#include <optional>
#include <string_view>
#include <tuple>
#include <type_traits>

#include "core/parallel.h"
#include "ledger/id_index.h"

namespace addio {
namespace {

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

// A ClientLedger's id: its client's.
struct ClientIdOf {
  std::string_view operator()(const ClientLedger& c) const { return c.client.id; }
};
using ClientIndex = IdIndex<ClientLedger, ClientIdOf>;

// Appends each record to the ClientLedger of its client, moved out of `records` when they
// are an rvalue, and then frees `records`; drops records of unknown clients. Each client's
// vector is reserved at its final size first: none grows (a growing vector leaves behind
// the blocks it outgrew, and every new byte is a page the kernel must zero), and the
// source's memory is free for the record types distributed after it.
template <typename Records, typename T>
void Distribute(Records&& records, const ClientIndex& index, std::vector<ClientLedger>& out,
                std::vector<T> ClientLedger::*member) {
  constexpr uint32_t kUnknown = UINT32_MAX;
  // Each record's client (its index in `out`), found once. Records come grouped by client,
  // mostly: one lookup a run.
  std::vector<uint32_t> owner(records.size(), kUnknown);
  std::vector<uint32_t> count(out.size(), 0);
  std::string_view last_client;
  std::optional<uint32_t> last;
  for (size_t i = 0; i < records.size(); ++i) {
    const std::string& client = records[i].client;
    if (i == 0 || client != last_client) {
      last = index.Find(client);
      last_client = client;
    }
    if (!last) continue;
    owner[i] = *last;
    ++count[*last];
  }
  for (size_t c = 0; c < out.size(); ++c) {
    if (count[c] > 0) (out[c].*member).reserve((out[c].*member).size() + count[c]);
  }
  for (size_t i = 0; i < records.size(); ++i) {
    if (owner[i] == kUnknown) continue;
    if constexpr (std::is_rvalue_reference_v<Records&&>) {
      (out[owner[i]].*member).push_back(std::move(records[i]));
    } else {
      (out[owner[i]].*member).push_back(records[i]);
    }
  }
  if constexpr (std::is_rvalue_reference_v<Records&&>) records = {};
}

template <typename L>
std::vector<ClientLedger> Split(L&& ledger) {
  constexpr bool kMove = std::is_rvalue_reference_v<L&&>;
  std::vector<std::conditional_t<kMove, Client*, const Client*>> clients;
  clients.reserve(ledger.clients.size());
  for (auto& client : ledger.clients) clients.push_back(&client);
  std::stable_sort(clients.begin(), clients.end(),
                   [](const Client* a, const Client* b) { return a->id < b->id; });

  std::vector<ClientLedger> out;
  out.reserve(clients.size());
  for (auto* client : clients) {
    // A duplicated id keeps its first record (the sort was stable); validation reports
    // the duplicate.
    if (!out.empty() && out.back().client.id == client->id) continue;
    if constexpr (kMove) {
      out.push_back(ClientLedger{.client = std::move(*client)});
    } else {
      out.push_back(ClientLedger{.client = *client});
    }
  }
  const ClientIndex index(out);
  // Each record type fills its own vector of every client, and each client is sorted on
  // its own: both run on every core. The largest types first (in generated and real
  // ledgers alike: time entries, then messages): while one core distributes them, the
  // other goes through the rest, each reusing what the one before it freed.
  const std::function<void()> distribute[] = {
      [&] { Distribute(std::forward<L>(ledger).work, index, out, &ClientLedger::work); },
      [&] { Distribute(std::forward<L>(ledger).contacts, index, out, &ClientLedger::contacts); },
      [&] { Distribute(std::forward<L>(ledger).requests, index, out, &ClientLedger::requests); },
      [&] { Distribute(std::forward<L>(ledger).invoices, index, out, &ClientLedger::invoices); },
      [&] { Distribute(std::forward<L>(ledger).payments, index, out, &ClientLedger::payments); },
      [&] { Distribute(std::forward<L>(ledger).projects, index, out, &ClientLedger::projects); },
      [&] { Distribute(std::forward<L>(ledger).contracts, index, out, &ClientLedger::contracts); },
      [&] {
        Distribute(std::forward<L>(ledger).rate_changes, index, out, &ClientLedger::rate_changes);
      },
      [&] {
        Distribute(std::forward<L>(ledger).credit_notes, index, out, &ClientLedger::credit_notes);
      },
  };
  ParallelFor(std::size(distribute), TasksPerThread(ledger.records(), std::size(distribute)),
              [&](size_t i) { distribute[i](); });
  // The moved-from clients go now rather than with the ledger (Distribute freed the rest).
  if constexpr (kMove) ledger.clients = {};
  constexpr size_t kClientsPerChunk = 64;
  ParallelFor(out.size(), kClientsPerChunk, [&out](size_t i) { SortRecords(out[i]); });
  return out;
}

}  // namespace

std::vector<ClientLedger> SplitByClient(const Ledger& ledger) { return Split(ledger); }

std::vector<ClientLedger> SplitByClientMoving(Ledger& ledger) { return Split(std::move(ledger)); }

}  // namespace addio
