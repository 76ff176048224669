// What prediction knows about an invoice at a date (DESIGN.md section 11): numbers read
// only from the invoices settled on or before that date — the client's history of delays,
// shrunk towards the portfolio's when it is short — and from the invoice itself. Nothing
// settled after the date is ever read, which is what keeps the future out of a forecast
// and of every back-test step.
//
// A delay is settled − due in days, clipped to [-30, 90] so that one invoice paid a year
// late does not swamp a client's mean. An invoice is late when it was settled more than
// grace_days after its due date.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <vector>

#include "predict/payment_book.h"

namespace addio {

// The model's inputs, in this order (docs/prediction.md explains each):
//  0 constant 1
//  1 logit of the client's late share
//  2 the client's mean delay ÷ 30
//  3 logit of the late share on the client's invoices as disputed as this one
//  4 the mean delay on those ÷ 30
//  5 recent trend: mean of the last three delays − mean delay, ÷ 30
//  6 disputed (0 or 1)
//  7 log(amount ÷ the client's mean amount)
//  8 days until due ÷ 30 (negative once past due)
//  9 log(1 + invoices the client has settled)
// 10 days past due beyond grace ÷ 30
// 11 payment terms (due − issued) ÷ 30
// 12 the mean delay of the client's invoices paid later than this one is already past due
//    (those an invoice still open resembles), shrunk towards the portfolio's, ÷ 30
inline constexpr int kFeatureCount = 13;
using Features = std::array<double, kFeatureCount>;

// How many of the portfolio's invoices a client's own history weighs as: a client with
// two settled invoices counts half its own, half the portfolio's.
inline constexpr double kShrinkInvoices = 2.0;

// Not safe to share between threads: Of caches the portfolio's delays per date.
class FeatureTable {
 public:
  // `book` must outlive the table.
  FeatureTable(const PaymentBook& book, int grace_days);

  // The inputs of book.invoices[invoice] seen at `at` (REQUIRES: at <= book.horizon).
  Features Of(size_t invoice, CivilDate at) const;

  // The baseline's view at `at`: the client's share of settled invoices that were late
  // and its mean delay, or the portfolio's when the client has settled none (0 and 0 when
  // nothing was ever settled).
  struct Baseline {
    double late_share = 0;
    double mean_delay = 0;
  };
  Baseline BaselineOf(int client, CivilDate at) const;

  // Whether an invoice settled on `settled` and due on `due` was late.
  bool IsLate(CivilDate due, CivilDate settled) const {
    return DaysBetween(due, settled) > grace_days_;
  }
  int grace_days() const { return grace_days_; }

 private:
  // Prefix sums over settled invoices in settlement order: entry i sums the first i.
  struct History {
    std::vector<int32_t> day;  // settlement day of each invoice, ascending
    std::vector<double> delay;
    std::vector<double> late_sum{0}, delay_sum{0}, amount_sum{0};
    std::vector<double> disputed_count{0}, disputed_late{0}, disputed_delay{0};
    size_t SettledBy(CivilDate at) const;  // how many were settled on or before `at`
  };
  void Append(History& history, const BookInvoice& invoice) const;

  // The portfolio's settled delays at a date, by clipped delay: count and sum of the
  // delays above each value, for the conditional mean of feature 12.
  struct Tail {
    std::array<double, 122> count{}, sum{};  // index d + 30: delays > d
  };
  const Tail& PortfolioTail(CivilDate at) const;
  double TailMean(const History& own, size_t n, CivilDate at, int elapsed, double prior) const;

  const PaymentBook& book_;
  int grace_days_;
  std::vector<History> clients_;
  History portfolio_;
  mutable std::map<int32_t, Tail> tails_;  // by day; Of is called for a few dates at a time
};

}  // namespace addio
