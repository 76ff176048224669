// `addio forecast` and `addio backtest` (DESIGN.md section 11): who will pay late and
// when the money of the invoices open today will arrive, and how well that prediction
// did in the past.
#pragma once

#include <string>

#include "cli/commands.h"

namespace addio::cli {

struct ForecastOptions {
  Source source;
  std::string as_of;  // empty: today in the workspace time zone
  std::string format = "table";
  bool pretty = false;
};
int Forecast(const Common& common, const ForecastOptions& options);

struct BacktestOptions {
  Source source;
  std::string from, to;  // the steps' range, YYYY-MM-DD (required)
  std::string step = "month";
  std::string as_of;  // the day outcomes are read on; empty: today
  std::string format = "table";
  bool pretty = false;
};
int Backtest(const Common& common, const BacktestOptions& options);

}  // namespace addio::cli
