#include "predict/backtest.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace addio {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// One judged prediction.
struct Judged {
  double model_p, baseline_p;
  double outcome;                                  // 1 late, 0 on time
  std::optional<int> model_error, baseline_error;  // days, when both dated and settled
};

std::vector<CivilDate> Steps(CivilDate from, CivilDate to, BacktestStep step) {
  std::vector<CivilDate> steps;
  if (step == BacktestStep::kWeek) {
    for (CivilDate day = from; day <= to; day = day.AddDays(7)) steps.push_back(day);
    return steps;
  }
  for (CivilDate end = from.EndOfMonth(); end <= to; end = end.AddDays(1).EndOfMonth()) {
    steps.push_back(end);
  }
  return steps;
}

// The area under the ROC curve: the chance that a late invoice scores above an on-time
// one, ties counting half (Mann–Whitney with mid-ranks).
double Auc(const std::vector<Judged>& judged, double Judged::*score) {
  std::vector<std::pair<double, double>> ranked;  // (score, outcome)
  for (const Judged& j : judged) ranked.emplace_back(j.*score, j.outcome);
  std::sort(ranked.begin(), ranked.end());
  double late = 0, rank_sum = 0;
  for (size_t i = 0; i < ranked.size();) {
    size_t end = i;
    while (end < ranked.size() && ranked[end].first == ranked[i].first) ++end;
    const double mid_rank = (i + 1 + end) / 2.0;  // ranks i+1..end, averaged
    for (size_t k = i; k < end; ++k) {
      if (ranked[k].second > 0) {
        late += 1;
        rank_sum += mid_rank;
      }
    }
    i = end;
  }
  const double on_time = ranked.size() - late;
  if (late == 0 || on_time == 0) return kNaN;
  return (rank_sum - late * (late + 1) / 2) / (late * on_time);
}

ScoreCard Score(const std::vector<Judged>& judged, double Judged::*p,
                std::optional<int> Judged::*error) {
  ScoreCard card;
  card.auc = Auc(judged, p);
  double squares = 0, errors = 0;
  std::array<double, 3> p_sum{}, late_sum{};
  for (const Judged& j : judged) {
    squares += (j.*p - j.outcome) * (j.*p - j.outcome);
    if (j.*error) {
      errors += std::abs(*(j.*error));
      ++card.dated;
    }
    const int band = static_cast<int>(BandOf(j.*p));
    ++card.bands[band].invoices;
    p_sum[band] += j.*p;
    late_sum[band] += j.outcome;
  }
  card.brier = judged.empty() ? kNaN : squares / judged.size();
  card.mae_days = card.dated == 0 ? kNaN : errors / card.dated;
  for (int b = 0; b < 3; ++b) {
    const int n = card.bands[b].invoices;
    card.bands[b].mean_p_late = n ? p_sum[b] / n : kNaN;
    card.bands[b].late_share = n ? late_sum[b] / n : kNaN;
  }
  return card;
}

BacktestResult Summarize(CivilDate as_of, PredictionMethod method,
                         const std::vector<Judged>& judged) {
  BacktestResult result;
  result.as_of = as_of;
  result.method = method;
  result.invoices = static_cast<int>(judged.size());
  for (const Judged& j : judged) result.late += j.outcome > 0;
  result.model = Score(judged, &Judged::model_p, &Judged::model_error);
  result.baseline = Score(judged, &Judged::baseline_p, &Judged::baseline_error);
  return result;
}

// The invoices open at `step` with a known outcome, predicted as of `step`.
std::vector<Judged> JudgeStep(const PaymentBook& book, const FeatureTable& table,
                              const PaymentModel& model, CivilDate step) {
  std::vector<Judged> judged;
  const int grace = table.grace_days();
  for (size_t i = 0; i < book.invoices.size(); ++i) {
    const BookInvoice& invoice = book.invoices[i];
    if (!OpenAt(invoice, step)) continue;
    double outcome;
    if (invoice.settled) {
      outcome = table.IsLate(invoice.due, *invoice.settled) ? 1 : 0;
    } else if (DaysBetween(invoice.due, book.horizon) > grace) {
      outcome = 1;
    } else {
      continue;
    }
    const InvoicePrediction p = PredictInvoice(model, book, table, i, step);
    Judged j{p.p_late, p.baseline_p_late, outcome, std::nullopt, std::nullopt};
    if (invoice.settled && p.expected_date) {
      j.model_error = DaysBetween(*invoice.settled, *p.expected_date);
      j.baseline_error = DaysBetween(*invoice.settled, p.baseline_expected_date);
    }
    judged.push_back(j);
  }
  return judged;
}

}  // namespace

std::optional<BacktestStep> ParseBacktestStep(std::string_view name) {
  if (name == "month") return BacktestStep::kMonth;
  if (name == "week") return BacktestStep::kWeek;
  return std::nullopt;
}

Result<Backtest> RunBacktest(const PaymentBook& book, const FeatureTable& table, CivilDate from,
                             CivilDate to, BacktestStep step) {
  if (from > to) {
    return std::unexpected(Error{ErrorCode::kInvalidArgument,
                                 Msg("backtest.error.order", from.ToString(), to.ToString())});
  }
  if (to >= book.horizon) {
    return std::unexpected(
        Error{ErrorCode::kInvalidArgument,
              Msg("backtest.error.horizon", to.ToString(), book.horizon.ToString())});
  }
  Backtest backtest;
  backtest.from = from;
  backtest.to = to;
  backtest.horizon = book.horizon;
  backtest.step = step;
  backtest.grace_days = table.grace_days();
  std::vector<Judged> pooled;
  PredictionMethod overall = PredictionMethod::kBaseline;
  CivilDate last = to;
  for (CivilDate day : Steps(from, to, step)) {
    const PaymentModel model = TrainPaymentModel(book, table, day);
    const std::vector<Judged> judged = JudgeStep(book, table, model, day);
    backtest.steps.push_back(Summarize(day, model.method, judged));
    pooled.insert(pooled.end(), judged.begin(), judged.end());
    if (model.method == PredictionMethod::kModel) overall = PredictionMethod::kModel;
    last = day;
  }
  backtest.overall = Summarize(last, overall, pooled);
  return backtest;
}

}  // namespace addio
