// Back-testing the prediction (DESIGN.md section 11): at each step between two dates,
// the invoices open then are predicted with only what was known then (a model trained
// at that step), and judged by what the book's horizon knows of how they ended. Model
// and baseline are scored side by side on the same invoices.
//
// An invoice's outcome is late when it was settled more than grace_days after its due
// date, or is still unpaid at the horizon more than grace_days after it; an invoice
// unpaid at the horizon and not yet that far past due has no outcome yet and is left
// out. The error of the expected date counts the invoices settled by the horizon for
// which both model and baseline gave a date.
#pragma once

#include <array>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "predict/forecast.h"

namespace addio {

enum class BacktestStep { kMonth, kWeek };
// "month" (every month's last day from `from` to `to`) or "week" (from, from + 7, ...).
std::optional<BacktestStep> ParseBacktestStep(std::string_view name);

struct BandCalibration {
  int invoices = 0;
  double mean_p_late = 0;  // NaN when the band is empty
  double late_share = 0;   // the share that was late; NaN when empty
};

struct ScoreCard {
  double auc = 0;       // NaN when every outcome is the same
  double brier = 0;     // mean of (p_late − outcome)²; NaN with no invoice
  double mae_days = 0;  // mean |expected − settled| in days; NaN with no dated invoice
  int dated = 0;        // invoices the date error counts
  std::array<BandCalibration, 3> bands{};  // indexed by Band
};

struct BacktestResult {
  CivilDate as_of;   // the step, or the last one for the overall line
  int invoices = 0;  // open at the step with a known outcome
  int late = 0;
  PredictionMethod method = PredictionMethod::kModel;  // the overall line: kModel if any step was
  ScoreCard model, baseline;
};

struct Backtest {
  CivilDate from, to, horizon;
  BacktestStep step = BacktestStep::kMonth;
  int grace_days = 0;
  std::vector<BacktestResult> steps;
  BacktestResult overall;  // every step's invoices pooled
};

// Errors: kInvalidArgument when `from` is after `to`, or `to` is not before the book's
// horizon (what happened after a step must be known).
Result<Backtest> RunBacktest(const PaymentBook& book, const FeatureTable& table, CivilDate from,
                             CivilDate to, BacktestStep step);

}  // namespace addio
