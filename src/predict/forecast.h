// Payment prediction and the cash forecast (DESIGN.md section 11): for every invoice open
// at `as_of`, the probability that it will be paid late, the day it is expected to be
// paid and its band, learned only from what was known at `as_of`; the baseline beside
// it; and the money expected in over the next 13 weeks.
//
// The model (docs/prediction.md). Training examples are the invoices that were open at
// each of the 52 weekly snapshots before `as_of`, seen with the features of that snapshot
// (predict/features.h) and labelled with what `as_of` knows of how they ended. A logistic
// regression learns p_late from the examples whose lateness was not yet decided at their
// snapshot and is decided at `as_of`; a median (least absolute deviations) regression
// learns the delay (settled − due, in days) from those paid by `as_of`: the expected date
// is the due date plus that delay, at the earliest the day after `as_of`. An invoice
// already more than grace_days past due is late for certain (p_late 1); one more than 90
// days past due is doubtful: no expected date, and its money is left out of the weeks.
// With too few examples, or too few of either outcome, the forecast falls back to the
// baseline and says why.
//
// The baseline: p_late is the client's share of late invoices so far, the expected date
// its due date plus the client's mean delay so far (the portfolio's when the client has
// no settled invoice), and never earlier than the day after `as_of`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/time.h"
#include "predict/features.h"
#include "predict/payment_book.h"
#include "predict/regression.h"

namespace addio {

inline constexpr int kTrainingSnapshots = 52;           // weekly, before as_of
inline constexpr size_t kMaxTrainingExamples = 200000;  // beyond: every n-th, in book order
inline constexpr int kDoubtfulDays = 90;                // past due: no longer expected
inline constexpr int kForecastWeeks = 13;
// The least examples a fit needs, and the least of each outcome for p_late.
inline constexpr int kMinExamples = 100;
inline constexpr int kMinOfEachOutcome = 10;

enum class Band { kLow, kMedium, kHigh };
// low below 0.5, medium below 0.75, high from 0.75.
Band BandOf(double p_late);
const char* BandKey(Band band);  // "low", "medium", "high"

enum class PredictionMethod { kModel, kBaseline };
const char* MethodKey(PredictionMethod method);  // "model", "baseline"

struct PaymentModel {
  PredictionMethod method = PredictionMethod::kBaseline;
  // When method is kBaseline: the catalogue key saying why ("forecast.fallback.*").
  std::string fallback;
  int late_examples = 0;   // examples the p_late fit saw
  int late_outcomes = 0;   // of which paid late
  int delay_examples = 0;  // examples the expected-date fit saw
  Weights late_weights{};
  Weights delay_weights{};
};

// Fits the model on what was known at `as_of` (REQUIRES: as_of <= book.horizon).
PaymentModel TrainPaymentModel(const PaymentBook& book, const FeatureTable& table, CivilDate as_of);

// Whether an invoice was still unpaid at the end of `at` (issued by then, not yet
// settled). Written-off invoices count as unpaid: they never were.
bool OpenAt(const BookInvoice& invoice, CivilDate at);

struct InvoicePrediction {
  size_t index = 0;       // into book.invoices
  int days_past_due = 0;  // as_of − due; negative while not yet due
  double p_late = 0;
  std::optional<CivilDate> expected_date;  // nullopt when doubtful
  Band band = Band::kLow;
  double baseline_p_late = 0;
  CivilDate baseline_expected_date;
};

// The prediction for book.invoices[index] at `as_of`.
InvoicePrediction PredictInvoice(const PaymentModel& model, const PaymentBook& book,
                                 const FeatureTable& table, size_t index, CivilDate as_of);

struct CashWeek {
  CivilDate week_start;  // a Monday
  Money expected_in;
  int invoices = 0;
};

struct Forecast {
  CivilDate as_of;
  Currency currency;
  int grace_days = 0;
  PaymentModel model;
  // Open invoices (written-off ones are not receivables), most likely late first (then
  // due, client, invoice).
  std::vector<InvoicePrediction> invoices;
  std::vector<CashWeek> weeks;  // kForecastWeeks, from the Monday of as_of + 1
  Money later;                  // expected after the last week
  Money doubtful;               // more than kDoubtfulDays past due
  Money open;                   // every open amount: Σ weeks + later + doubtful
};

// The forecast at the book's horizon: open amounts are the book's.
Forecast ForecastPayments(const PaymentBook& book, const FeatureTable& table);

}  // namespace addio
