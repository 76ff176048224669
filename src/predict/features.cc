#include "predict/features.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace addio {
namespace {

constexpr double kMinDelay = -30, kMaxDelay = 90;

double ClippedDelay(const BookInvoice& invoice) {
  return std::clamp<double>(DaysBetween(invoice.due, *invoice.settled), kMinDelay, kMaxDelay);
}

// log(p / (1 − p)) with p kept within [0.01, 0.99].
double Logit(double p) {
  p = std::clamp(p, 0.01, 0.99);
  return std::log(p / (1 - p));
}

// (own + kShrinkInvoices × prior) ÷ (count + kShrinkInvoices).
double Shrunk(double own_sum, double count, double prior) {
  return (own_sum + kShrinkInvoices * prior) / (count + kShrinkInvoices);
}

}  // namespace

size_t FeatureTable::History::SettledBy(CivilDate at) const {
  return std::upper_bound(day.begin(), day.end(), at.days_since_epoch()) - day.begin();
}

void FeatureTable::Append(History& history, const BookInvoice& invoice) const {
  const double delay = ClippedDelay(invoice);
  const double late = IsLate(invoice.due, *invoice.settled) ? 1 : 0;
  history.day.push_back(invoice.settled->days_since_epoch());
  history.delay.push_back(delay);
  history.late_sum.push_back(history.late_sum.back() + late);
  history.delay_sum.push_back(history.delay_sum.back() + delay);
  history.amount_sum.push_back(history.amount_sum.back() + invoice.amount);
  const double d = invoice.disputed ? 1 : 0;
  history.disputed_count.push_back(history.disputed_count.back() + d);
  history.disputed_late.push_back(history.disputed_late.back() + d * late);
  history.disputed_delay.push_back(history.disputed_delay.back() + d * delay);
}

FeatureTable::FeatureTable(const PaymentBook& book, int grace_days)
    : book_(book), grace_days_(grace_days), clients_(book.clients.size()) {
  // Settled invoices in settlement order (then book order), per client and overall.
  std::vector<size_t> order;
  for (size_t i = 0; i < book.invoices.size(); ++i) {
    if (book.invoices[i].settled) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&book](size_t a, size_t b) {
    return *book.invoices[a].settled < *book.invoices[b].settled;
  });
  for (size_t i : order) {
    const BookInvoice& invoice = book.invoices[i];
    Append(clients_[invoice.client], invoice);
    Append(portfolio_, invoice);
  }
}

const FeatureTable::Tail& FeatureTable::PortfolioTail(CivilDate at) const {
  const auto found = tails_.find(at.days_since_epoch());
  if (found != tails_.end()) return found->second;
  if (tails_.size() > 1024) tails_.clear();  // a bound for long back-tests
  Tail tail;
  const size_t n = portfolio_.SettledBy(at);
  std::array<double, 122> count{}, sum{};  // by delay + 30
  for (size_t i = 0; i < n; ++i) {
    const int bin = static_cast<int>(portfolio_.delay[i] - kMinDelay);
    count[bin] += 1;
    sum[bin] += portfolio_.delay[i];
  }
  // tail.count[d + 30] = how many delays exceed d: the bins above d, summed from the top.
  for (int bin = 120; bin >= 0; --bin) {
    tail.count[bin] = tail.count[bin + 1] + count[bin + 1];
    tail.sum[bin] = tail.sum[bin + 1] + sum[bin + 1];
  }
  return tails_.emplace(at.days_since_epoch(), tail).first->second;
}

// The mean delay over the client's first `n` settled invoices paid more than `elapsed`
// days after due, shrunk towards the portfolio's same mean (itself `prior` when the
// portfolio has none); `elapsed` is clipped to the delays' range.
double FeatureTable::TailMean(const History& own, size_t n, CivilDate at, int elapsed,
                              double prior) const {
  const int above = std::clamp<int>(elapsed, kMinDelay, kMaxDelay);
  const Tail& tail = PortfolioTail(at);
  const int bin = above - static_cast<int>(kMinDelay);
  const double portfolio = tail.count[bin] > 0 ? tail.sum[bin] / tail.count[bin] : prior;
  double count = 0, sum = 0;
  for (size_t i = 0; i < n; ++i) {
    if (own.delay[i] > above) {
      count += 1;
      sum += own.delay[i];
    }
  }
  return Shrunk(sum, count, portfolio);
}

FeatureTable::Baseline FeatureTable::BaselineOf(int client, CivilDate at) const {
  for (const History* history : {&clients_[client], &portfolio_}) {
    const size_t n = history->SettledBy(at);
    if (n > 0) return {history->late_sum[n] / n, history->delay_sum[n] / n};
  }
  return {};
}

Features FeatureTable::Of(size_t index, CivilDate at) const {
  const BookInvoice& invoice = book_.invoices[index];
  const History& own = clients_[invoice.client];

  const size_t all = portfolio_.SettledBy(at);
  const double portfolio_share = all ? portfolio_.late_sum[all] / all : 0.5;
  const double portfolio_delay = all ? portfolio_.delay_sum[all] / all : 0;

  const size_t n = own.SettledBy(at);
  const double share = Shrunk(own.late_sum[n], n, portfolio_share);
  const double delay = Shrunk(own.delay_sum[n], n, portfolio_delay);

  // The same on the invoices as disputed as this one.
  double alike = own.disputed_count[n], alike_late = own.disputed_late[n],
         alike_delay = own.disputed_delay[n];
  if (!invoice.disputed) {
    alike = n - alike;
    alike_late = own.late_sum[n] - alike_late;
    alike_delay = own.delay_sum[n] - alike_delay;
  }
  const double alike_share = Shrunk(alike_late, alike, share);
  const double alike_mean = Shrunk(alike_delay, alike, delay);

  const size_t recent = std::min<size_t>(n, 3);
  const double recent_sum =
      std::accumulate(own.delay.begin() + (n - recent), own.delay.begin() + n, 0.0);
  const double trend = Shrunk(recent_sum, recent, delay) - delay;

  const double amount_ratio = n > 0 && invoice.amount > 0 && own.amount_sum[n] > 0
                                  ? std::log(invoice.amount / (own.amount_sum[n] / n))
                                  : 0;
  const int past_due = DaysBetween(invoice.due, at);
  return {1.0,
          Logit(share),
          delay / 30,
          Logit(alike_share),
          alike_mean / 30,
          trend / 30,
          invoice.disputed ? 1.0 : 0.0,
          amount_ratio,
          -past_due / 30.0,
          std::log1p(static_cast<double>(n)),
          std::max(0, past_due - grace_days_) / 30.0,
          DaysBetween(invoice.issued, invoice.due) / 30.0,
          TailMean(own, n, at, past_due, std::max<double>(past_due, delay)) / 30};
}

}  // namespace addio
