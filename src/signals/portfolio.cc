// Portfolio statistics: each client's effective rate, and the reference rate of a client
// as the hours-weighted median of the others. With 100 000 clients the median cannot be
// recomputed per client, so BuildPortfolio ranks the known rates once with running
// totals of minutes, and the median without one client is a binary search.
#include <algorithm>
#include <cmath>
#include <exception>
#include <thread>

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

// Whether `ranked` is the ranking Rank gives for `rates`: every entry with a known rate,
// once, by rate then client id.
bool IsRanking(const std::vector<ClientRate>& rates, const std::vector<size_t>& ranked) {
  const auto known = std::ranges::count_if(
      rates, [](const ClientRate& rate) { return rate.effective_rate.has_value(); });
  if (ranked.size() != static_cast<size_t>(known)) return false;
  for (size_t k = 0; k < ranked.size(); ++k) {
    if (ranked[k] >= rates.size() || !rates[ranked[k]].effective_rate) return false;
    if (k > 0 && !RankedBefore(rates[ranked[k - 1]], rates[ranked[k]])) return false;
  }
  return true;
}

bool ByClient(const ClientRate& a, const ClientRate& b) { return a.client < b.client; }

// The index of `client` in `rates`: a binary search, as BuildPortfolio sorts by client id,
// then a scan for portfolios built by hand in another order.
std::optional<size_t> FindClient(const std::vector<ClientRate>& rates, const std::string& client) {
  const auto it = std::lower_bound(
      rates.begin(), rates.end(), client,
      [](const ClientRate& rate, const std::string& id) { return rate.client < id; });
  if (it != rates.end() && it->client == client) return static_cast<size_t>(it - rates.begin());
  for (size_t i = 0; i < rates.size(); ++i) {
    if (rates[i].client == client) return i;
  }
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

Reference FindReference(const Portfolio& portfolio, const std::string& client,
                        const Context& context) {
  const std::vector<ClientRate>& rates = portfolio.rates;
  std::vector<size_t> local_ranked;
  std::vector<int64_t> local_cumulative;
  const std::vector<size_t>* ranked = &portfolio.ranked;
  const std::vector<int64_t>* cumulative = &portfolio.cumulative_minutes;
  if (ranked->empty() || cumulative->size() != ranked->size()) {
    Rank(rates, local_ranked, local_cumulative);
    ranked = &local_ranked;
    cumulative = &local_cumulative;
  }
  const size_t n = ranked->size();

  // Where the client itself stands in the ranking, if it has a known rate.
  size_t self = n;
  if (const std::optional<size_t> i = FindClient(rates, client); i && rates[*i].effective_rate) {
    const auto it =
        std::lower_bound(ranked->begin(), ranked->end(), *i,
                         [&rates](size_t a, size_t b) { return RankedBefore(rates[a], rates[b]); });
    self = static_cast<size_t>(it - ranked->begin());
  }
  const int64_t others = static_cast<int64_t>(n) - (self < n ? 1 : 0);
  if (others < context.settings.underpaying_min_reference_clients || others <= 0) {
    return {TargetRate(context), 0};
  }
  const int64_t own = self < n ? Weight(rates[(*ranked)[self]]) : 0;
  const int64_t total = cumulative->back() - own;
  // The smallest rank whose running total, without the client, reaches half the total.
  auto reaches_half = [&](size_t i) {
    const int64_t running = (*cumulative)[i] - (i >= self ? own : 0);
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
  return {rates[(*ranked)[lo]].effective_rate, others};
}

}  // namespace signals_internal

std::optional<Money> Portfolio::ReferenceRate(const std::string& client,
                                              const Context& context) const {
  return signals_internal::FindReference(*this, client, context).rate;
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

Portfolio PortfolioOf(std::vector<ClientRate> rates, std::vector<size_t> ranked) {
  if (!std::ranges::is_sorted(rates, ByClient) || !IsRanking(rates, ranked)) {
    return PortfolioOf(std::move(rates));
  }
  Portfolio portfolio;
  portfolio.rates = std::move(rates);
  portfolio.ranked = std::move(ranked);
  portfolio.cumulative_minutes = Accumulate(portfolio.rates, portfolio.ranked);
  return portfolio;
}

Portfolio BuildPortfolio(const std::vector<ClientSnapshot>& clients, const Context& context) {
  Portfolio portfolio;
  portfolio.rates.resize(clients.size());
  const signals_internal::Window window = signals_internal::MakeWindow(context);

  auto compute = [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) portfolio.rates[i] = RateOf(clients[i], context, window);
  };
  // Each thread fills its own slice of `rates`, so the result is the same for any number
  // of threads; an exception in a thread is carried over and rethrown here.
  constexpr size_t kMinChunk = 256;
  const size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const size_t threads = std::min(cores, (clients.size() + kMinChunk - 1) / kMinChunk);
  if (threads <= 1) {
    compute(0, clients.size());
  } else {
    std::vector<std::thread> workers;
    std::vector<std::exception_ptr> errors(threads);
    const size_t chunk = (clients.size() + threads - 1) / threads;
    for (size_t t = 0; t < threads; ++t) {
      const size_t begin = t * chunk, end = std::min(clients.size(), begin + chunk);
      workers.emplace_back([&, t, begin, end] {
        try {
          compute(begin, end);
        } catch (...) {
          errors[t] = std::current_exception();
        }
      });
    }
    for (std::thread& worker : workers) worker.join();
    for (const std::exception_ptr& error : errors) {
      if (error) std::rethrow_exception(error);
    }
  }
  return PortfolioOf(std::move(portfolio.rates));
}

}  // namespace addio
