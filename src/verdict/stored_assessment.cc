#include "verdict/stored_assessment.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "ledger/snapshot.h"
#include "store/store.h"
#include "verdict/assessment_stream.h"

namespace addio {
namespace {

// With more clients than this to measure, one read of the whole store beats one read per
// client.
constexpr size_t kMeasureOneByOneUpTo = 2000;

StoredRate ToStored(const ClientRate& rate) {
  StoredRate out{.client = rate.client, .hours = rate.hours};
  if (rate.effective_rate) out.rate_minor = rate.effective_rate->minor();
  return out;
}

ClientRate FromStored(const StoredRate& rate, Currency currency) {
  ClientRate out{.client = rate.client, .hours = rate.hours};
  if (rate.rate_minor) out.effective_rate = Money(*rate.rate_minor, currency);
  return out;
}

// Measures and saves every client's entry in one pass over the store, client by client.
Result<Portfolio> MeasureAll(Store& store, const Context& context) {
  auto measured = MeasureStoredRates(store, context);
  if (!measured) return std::unexpected(measured.error());
  std::vector<StoredRate> rates;
  rates.reserve(measured->size());
  for (const ClientRate& rate : *measured) rates.push_back(ToStored(rate));
  if (Status saved = store.SaveRates(context.as_of, rates); !saved) {
    return std::unexpected(saved.error());
  }
  return PortfolioOf(std::move(*measured));
}

}  // namespace

Result<Portfolio> StoredPortfolio(Store& store, const Context& context) {
  auto kept = store.LoadRates(context.as_of);
  if (!kept) return std::unexpected(kept.error());
  auto clients = store.Clients();
  if (!clients) return std::unexpected(clients.error());
  std::vector<std::string> missing;
  {
    size_t k = 0;  // both lists are in client id order
    for (const Client& client : *clients) {
      while (k < kept->size() && (*kept)[k].client < client.id) ++k;
      if (k == kept->size() || (*kept)[k].client != client.id) missing.push_back(client.id);
    }
  }
  if (missing.size() > kMeasureOneByOneUpTo) return MeasureAll(store, context);

  const Currency currency = context.workspace->currency;
  std::vector<ClientRate> rates;
  rates.reserve(clients->size());
  for (const StoredRate& rate : *kept) rates.push_back(FromStored(rate, currency));
  std::vector<StoredRate> measured;
  for (const std::string& id : missing) {
    auto records = store.LoadClient(id);
    if (!records) return std::unexpected(records.error());
    if (!*records) continue;  // gone since Clients() was read: not possible today
    const ClientSnapshot snapshot(**records, *context.workspace, context.as_of);
    rates.push_back(MeasureRate(snapshot, context));
    measured.push_back(ToStored(rates.back()));
  }
  if (!measured.empty()) {
    if (Status saved = store.SaveRates(context.as_of, measured); !saved) {
      return std::unexpected(saved.error());
    }
  }
  return PortfolioOf(std::move(rates));
}

Result<Assessment> AssessStoredClient(Store& store, const std::string& id, CivilDate as_of) {
  auto workspace = store.LoadWorkspace();
  if (!workspace) return std::unexpected(workspace.error());
  auto client = store.LoadClient(id);
  if (!client) return std::unexpected(client.error());
  if (!*client) return std::unexpected(UnknownClient(id));
  return AssessOne(**client, *workspace, as_of,
                   [&store](const Context& context) { return StoredPortfolio(store, context); });
}

}  // namespace addio
