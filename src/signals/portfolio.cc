// Portfolio statistics: each client's effective rate, and the reference rate of a client
// as the hours-weighted median of the others. With 100 000 clients the median cannot be
// recomputed per client, so BuildPortfolio ranks the known rates once with running
// totals of minutes, and the median without one client is a binary search.
#include <algorithm>
#include <cmath>

#include "core/parallel.h"
#include "signals/rate.h"
#include "signals/signals.h"
#include "signals/window.h"

namespace addio {
namespace {

using signals_internal::EarnedRate;

// Hours as whole minutes, so that "half of the total" is compared exactly.
int64_t Weight(const ClientRate& rate) { return std::llround(rate.hours * 60.0); }

bool RankedBefore(const ClientRate& a, const ClientRate& b) {
  if (a.effective_rate->minor() != b.effective_rate->minor()) {
    return a.effective_rate->minor() < b.effective_rate->minor();
  }
  return a.client < b.client;
}

// The running totals of minutes along `ranked`.
std::vector<int64_t> Accumulate(const std::vector<ClientRate>& rates,
                                const std::vector<size_t>& ranked) {
  std::vector<int64_t> cumulative;
  cumulative.reserve(ranked.size());
  int64_t total = 0;
  for (size_t index : ranked) {
    total += Weight(rates[index]);
    cumulative.push_back(total);
  }
  return cumulative;
}

void Rank(const std::vector<ClientRate>& rates, std::vector<size_t>& ranked,
          std::vector<int64_t>& cumulative) {
  ranked.clear();
  for (size_t i = 0; i < rates.size(); ++i) {
    if (rates[i].effective_rate) ranked.push_back(i);
  }
  std::sort(ranked.begin(), ranked.end(),
            [&rates](size_t a, size_t b) { return RankedBefore(rates[a], rates[b]); });
  cumulative = Accumulate(rates, ranked);
}

bool ByClient(const ClientRate& a, const ClientRate& b) { return a.client < b.client; }

// The index of `client` in `rates` (by client id).
std::optional<size_t> FindClient(const std::vector<ClientRate>& rates, const std::string& client) {
  const auto it = std::lower_bound(
      rates.begin(), rates.end(), client,
      [](const ClientRate& rate, const std::string& id) { return rate.client < id; });
  if (it != rates.end() && it->client == client) return static_cast<size_t>(it - rates.begin());
  return std::nullopt;
}

std::optional<Money> TargetRate(const Context& context) {
  const Workspace& workspace = *context.workspace;
  if (!workspace.target_hourly_rate) return std::nullopt;
  return signals_internal::ToWorkspace(*workspace.target_hourly_rate, context);
}

// One client's entry: its id, hours and effective rate over `window`.
ClientRate RateOf(const ClientSnapshot& client, const Context& context,
                  const signals_internal::Window& window) {
  const signals_internal::EarnedRate earned =
      signals_internal::ComputeEarnedRate(client, context, window);
  return {client.client().id, earned.hours(), earned.effective_rate};
}

}  // namespace

namespace signals_internal {

Reference FindReference(const RateRanking& ranking, const std::string& client,
                        const Context& context) {
  const size_t n = ranking.Ranked();
  const size_t self = ranking.RankOf(client).value_or(n);
  const int64_t others = static_cast<int64_t>(n) - (self < n ? 1 : 0);
  if (others < context.settings.underpaying_min_reference_clients || others <= 0) {
    return {TargetRate(context), 0};
  }
  const auto through = [&ranking](size_t rank) { return ranking.MinutesThrough(rank); };
  const int64_t own = self < n ? through(self) - (self > 0 ? through(self - 1) : 0) : 0;
  const int64_t total = through(n - 1) - own;
  // The smallest rank whose running total, without the client, reaches half the total.
  auto reaches_half = [&](size_t i) {
    const int64_t running = through(i) - (i >= self ? own : 0);
    return 2 * running >= total;
  };
  size_t lo = 0, hi = n;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (reaches_half(mid)) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  // The client's own rank can only be hit when it is first and the others weigh nothing.
  if (lo == self) ++lo;
  if (lo >= n) return {TargetRate(context), 0};
  return {Money(ranking.RateAt(lo), context.workspace->currency), others};
}

}  // namespace signals_internal

std::optional<Money> RateRanking::ReferenceRate(const std::string& client,
                                                const Context& context) const {
  return signals_internal::FindReference(*this, client, context).rate;
}

RateReference RateRanking::Reference(const std::string& client, const Context& context) const {
  return signals_internal::FindReference(*this, client, context);
}

int64_t Portfolio::RateAt(size_t rank) const { return rates[ranked[rank]].effective_rate->minor(); }

std::optional<size_t> Portfolio::RankOf(const std::string& client) const {
  const std::optional<size_t> i = FindClient(rates, client);
  if (!i || !rates[*i].effective_rate) return std::nullopt;
  const auto it = std::lower_bound(ranked.begin(), ranked.end(), *i, [this](size_t a, size_t b) {
    return RankedBefore(rates[a], rates[b]);
  });
  if (it == ranked.end() || *it != *i) return std::nullopt;
  return static_cast<size_t>(it - ranked.begin());
}

ClientRate MeasureRate(const ClientSnapshot& client, const Context& context) {
  return RateOf(client, context, signals_internal::MakeWindow(context));
}

Portfolio PortfolioOf(std::vector<ClientRate> rates) {
  Portfolio portfolio;
  portfolio.rates = std::move(rates);
  if (!std::ranges::is_sorted(portfolio.rates, ByClient)) {
    std::ranges::stable_sort(portfolio.rates, ByClient);
  }
  Rank(portfolio.rates, portfolio.ranked, portfolio.cumulative_minutes);
  return portfolio;
}

Portfolio BuildPortfolio(const std::vector<ClientSnapshot>& clients, const Context& context) {
  Portfolio portfolio;
  portfolio.rates.resize(clients.size());
  const signals_internal::Window window = signals_internal::MakeWindow(context);

  // Each index fills its own entry of `rates`: the same result on any number of threads.
  constexpr size_t kMinChunk = 256;
  ParallelFor(clients.size(), kMinChunk,
              [&](size_t i) { portfolio.rates[i] = RateOf(clients[i], context, window); });
  return PortfolioOf(std::move(portfolio.rates));
}

}  // namespace addio
