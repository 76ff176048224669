#include "verdict/stored_assessment.h"

#include <algorithm>
#include <iterator>
#include <limits>
#include <memory>
#include <string_view>
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
  // A rate beyond int64 minor units (only from sums near the ledger bounds) is kept at
  // the int64 limit: the ranking it serves stays right.
  if (rate.effective_rate) {
    const MinorUnits minor = rate.effective_rate->wide_minor();
    out.rate_minor = static_cast<int64_t>(std::clamp<MinorUnits>(
        minor, std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max()));
  }
  return out;
}

ClientRate FromStored(const StoredRate& rate, Currency currency) {
  ClientRate out{.client = rate.client, .hours = rate.hours};
  if (rate.rate_minor) out.effective_rate = Money(*rate.rate_minor, currency);
  return out;
}

// The kept statistics as they lie: a client's reference rate reads a few entries of the
// table, whatever the number of clients.
class KeptRanking final : public RateRanking {
 public:
  explicit KeptRanking(RatesTable table) : table_(std::move(table)) {}
  size_t Ranked() const override { return table_.ranked(); }
  int64_t RateAt(size_t rank) const override {
    const std::optional<int64_t> rate = table_.Rate(table_.EntryAt(rank));
    if (!rate) throw RatesUnreadable("a ranked client has no kept rate");  // only in place
    return *rate;
  }
  int64_t MinutesThrough(size_t rank) const override { return table_.MinutesThrough(rank); }
  std::optional<size_t> RankOf(const std::string& client) const override {
    const std::optional<size_t> entry = table_.Find(client);
    return entry ? table_.RankOf(*entry) : std::nullopt;
  }

 private:
  RatesTable table_;
};

// Keeps `portfolio` as the statistics for context.as_of, measured after the writes up to
// `seen` (KeptRates::seen).
Status Keep(Store& store, const Context& context, const Portfolio& portfolio, int64_t seen) {
  std::vector<StoredRate> rates;
  rates.reserve(portfolio.rates.size());
  for (const ClientRate& rate : portfolio.rates) rates.push_back(ToStored(rate));
  return store.SaveRates(
      context.as_of, RatesTable::Make(rates, portfolio.ranked, portfolio.cumulative_minutes), seen);
}

// Measures and keeps every client's entry in one pass over the store, client by client.
Result<Portfolio> MeasureAll(Store& store, const Context& context, int64_t seen) {
  auto measured = MeasureStoredRates(store, context);
  if (!measured) return std::unexpected(measured.error());
  Portfolio portfolio = PortfolioOf(std::move(*measured));
  if (Status kept = Keep(store, context, portfolio, seen); !kept) {
    return std::unexpected(kept.error());
  }
  return portfolio;
}

// Measures each client of `ids` (by client id) from its own records: their entries, by
// client id (a client no longer stored has none).
Result<std::vector<ClientRate>> MeasureEach(Store& store, const Context& context,
                                            const std::vector<std::string>& ids) {
  std::vector<ClientRate> measured;
  for (const std::string& id : ids) {
    auto records = store.LoadClient(id);
    if (!records) return std::unexpected(records.error());
    if (!*records) continue;
    const ClientSnapshot snapshot(**records, *context.workspace, context.as_of);
    measured.push_back(MeasureRate(snapshot, context));
  }
  return measured;
}

// `kept` with the entries of the clients of `stale` replaced by `measured` (all three by
// client id; a stale client without a measured entry is dropped).
std::vector<ClientRate> Refreshed(std::vector<ClientRate> kept,
                                  const std::vector<std::string>& stale,
                                  std::vector<ClientRate> measured) {
  std::erase_if(kept, [&stale](const ClientRate& rate) {
    return std::binary_search(stale.begin(), stale.end(), rate.client);
  });
  std::vector<ClientRate> merged;
  merged.reserve(kept.size() + measured.size());
  std::ranges::merge(std::make_move_iterator(kept.begin()), std::make_move_iterator(kept.end()),
                     std::make_move_iterator(measured.begin()),
                     std::make_move_iterator(measured.end()), std::back_inserter(merged),
                     [](const ClientRate& a, const ClientRate& b) { return a.client < b.client; });
  return merged;
}

// The kept entries of `rates` with those of its stale clients measured again, saved.
Result<Portfolio> MeasureStale(Store& store, const Context& context, const KeptRates& rates) {
  const Currency currency = context.workspace->currency;
  const RatesTable& table = *rates.table;
  std::vector<ClientRate> entries;
  entries.reserve(table.size());
  for (size_t i = 0; i < table.size(); ++i) entries.push_back(FromStored(table.Entry(i), currency));
  auto measured = MeasureEach(store, context, rates.stale);
  if (!measured) return std::unexpected(measured.error());
  Portfolio portfolio =
      PortfolioOf(Refreshed(std::move(entries), rates.stale, std::move(*measured)));
  if (Status saved = Keep(store, context, portfolio, rates.seen); !saved) {
    return std::unexpected(saved.error());
  }
  return portfolio;
}

// The statistics for `assessed`'s assessment (every client's when `assessed` is empty).
// The reference rate of a client leaves its own entry out, so when only the assessed
// client is stale nothing is measured: its entry, old or missing, is never read. Then
// (`in_place`) the kept table is read where it lies, only the entries the lookups need:
// the ranking must be dropped before the store is written to.
Result<std::shared_ptr<const RateRanking>> KeptPortfolio(Store& store, const Context& context,
                                                         std::string_view assessed, bool in_place) {
  auto kept = in_place ? store.LoadRatesForLookups(context.as_of) : store.LoadRates(context.as_of);
  if (!kept) return std::unexpected(kept.error());
  const auto only_assessed_stale = [&assessed](const KeptRates& rates) {
    return rates.stale.empty() || (rates.stale.size() == 1 && rates.stale.front() == assessed);
  };
  if (in_place && kept->table && !only_assessed_stale(*kept)) {
    kept = store.LoadRates(context.as_of);  // entries to measure again: every one is read
    if (!kept) return std::unexpected(kept.error());
  }
  KeptRates& rates = *kept;
  Result<Portfolio> portfolio;
  if (!rates.table || rates.stale.size() > kMeasureOneByOneUpTo) {
    portfolio = MeasureAll(store, context, rates.seen);
  } else if (only_assessed_stale(rates)) {
    return std::make_shared<const KeptRanking>(std::move(*rates.table));
  } else {
    portfolio = MeasureStale(store, context, rates);
  }
  if (!portfolio) return std::unexpected(portfolio.error());
  return std::make_shared<const Portfolio>(std::move(*portfolio));
}

}  // namespace

Result<std::shared_ptr<const RateRanking>> StoredPortfolio(Store& store, const Context& context) {
  return KeptPortfolio(store, context, "", false);
}

Result<Assessment> AssessStoredClient(Store& store, const std::string& id, CivilDate as_of) {
  auto workspace = store.LoadWorkspace();
  if (!workspace) return std::unexpected(workspace.error());
  auto client = store.LoadClient(id);
  if (!client) return std::unexpected(client.error());
  if (!*client) return std::unexpected(UnknownClient(id));
  auto held = store.HeldRecordTypes();
  if (!held) return std::unexpected(held.error());
  const auto assess = [&](bool in_place) {
    return AssessOne(**client, *workspace, *held, as_of,
                     [&store, &id, in_place](const Context& context) {
                       return KeptPortfolio(store, context, id, in_place);
                     });
  };
  try {
    return assess(true);
  } catch (const RatesUnreadable&) {
    return assess(false);  // read whole, the table is checked, or measured again
  }
}

}  // namespace addio
