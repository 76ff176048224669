// The payment forecast and the back-test of predict/ as a person reads them (an aligned
// table) and as programs and the API read them (JSON), in English or Italian. Renderers
// only lay out what they are given; the same input gives the same bytes.
#pragma once

#include <string>

#include "core/catalogue.h"
#include "predict/backtest.h"
#include "predict/forecast.h"

namespace addio {

// The open invoices, most likely late first, then the expected cash in per week.
std::string RenderForecastTable(const Forecast& forecast, const PaymentBook& book, Lang lang);

// {"as_of", "currency", "grace_days", "method": "model"|"baseline", "fallback": sentence
//  or null, "training": {"late_examples", "late_outcomes", "date_examples"},
//  "invoices": [{"invoice", "client", "name", "issued", "due", "open_amount",
//  "days_past_due", "p_late", "expected_date" (null when doubtful), "band",
//  "usually_pays_in_days" (null when unknown), "baseline": {"p_late", "expected_date"}}],
//  "weeks": [{"week_start", "expected_in", "invoices"}], "later", "doubtful", "open"}.
// Money as decimal strings in the workspace currency; probabilities rounded to 4 places.
std::string RenderForecastJson(const Forecast& forecast, const PaymentBook& book, Lang lang,
                               bool pretty);

// One line per step and one for every step pooled, model beside baseline (AUC, Brier
// score, mean error of the expected date), then the calibration by band.
std::string RenderBacktestTable(const Backtest& backtest, Lang lang);

// {"from", "to", "horizon", "step", "grace_days", "steps": [result], "overall": result}
// with result = {"as_of", "invoices", "late", "method", "model": card, "baseline": card}
// and card = {"auc", "brier", "mae_days", "dated", "calibration": [{"band", "invoices",
// "mean_p_late", "late_share"}]}; a figure with nothing to measure is null.
std::string RenderBacktestJson(const Backtest& backtest, bool pretty);

}  // namespace addio
