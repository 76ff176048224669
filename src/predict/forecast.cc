#include "predict/forecast.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace addio {
namespace {

constexpr int kMaxDaysToPay = 365;
constexpr int kMaxTrainingDays = 180;  // delay targets are clipped to ± this

// An example of the p_late fit, the expected-date fit, or both.
struct Example {
  size_t index;
  CivilDate snapshot;
  std::optional<double> late;   // 1 or 0 when the fit of p_late can use it
  std::optional<double> delay;  // the delay it was paid with (settled − due), when paid by as_of
};

// What `as_of` knows of how book.invoices[index], open at `snapshot`, ended.
Example Label(const BookInvoice& invoice, size_t index, CivilDate snapshot, CivilDate as_of,
              const FeatureTable& table) {
  Example example{index, snapshot, std::nullopt, std::nullopt};
  const bool paid = invoice.settled && *invoice.settled <= as_of;
  if (paid) {
    example.delay =
        std::clamp(DaysBetween(invoice.due, *invoice.settled), -kMaxTrainingDays, kMaxTrainingDays);
  }
  const int grace = table.grace_days();
  const bool undecided_then = DaysBetween(invoice.due, snapshot) <= grace;
  if (undecided_then) {
    if (paid) {
      example.late = table.IsLate(invoice.due, *invoice.settled) ? 1 : 0;
    } else if (DaysBetween(invoice.due, as_of) > grace) {
      example.late = 1;
    }
  }
  return example;
}

// Every example the snapshots before `as_of` give, calling `take` for each in book order.
template <typename Take>
void ForEachExample(const PaymentBook& book, const FeatureTable& table, CivilDate as_of,
                    Take take) {
  for (size_t i = 0; i < book.invoices.size(); ++i) {
    const BookInvoice& invoice = book.invoices[i];
    for (int k = 1; k <= kTrainingSnapshots; ++k) {
      const CivilDate snapshot = as_of.AddDays(-7 * k);
      if (snapshot < invoice.issued) break;
      if (!OpenAt(invoice, snapshot)) continue;
      const Example example = Label(invoice, i, snapshot, as_of, table);
      if (example.late || example.delay) take(example);
    }
  }
}

std::string FallbackReason(const PaymentModel& model) {
  if (model.late_examples < kMinExamples || model.delay_examples < kMinExamples) {
    return "forecast.fallback.few_invoices";
  }
  if (model.late_outcomes < kMinOfEachOutcome) return "forecast.fallback.few_late";
  if (model.late_examples - model.late_outcomes < kMinOfEachOutcome) {
    return "forecast.fallback.few_on_time";
  }
  return "";
}

CivilDate MondayOnOrBefore(CivilDate day) { return day.AddDays(-static_cast<int>(day.weekday())); }

}  // namespace

Band BandOf(double p_late) {
  if (p_late >= 0.75) return Band::kHigh;
  if (p_late >= 0.5) return Band::kMedium;
  return Band::kLow;
}

const char* BandKey(Band band) {
  switch (band) {
    case Band::kLow:
      return "low";
    case Band::kMedium:
      return "medium";
    case Band::kHigh:
      return "high";
  }
  return "low";
}

const char* MethodKey(PredictionMethod method) {
  return method == PredictionMethod::kModel ? "model" : "baseline";
}

bool OpenAt(const BookInvoice& invoice, CivilDate at) {
  return invoice.issued <= at && !(invoice.settled && *invoice.settled <= at);
}

PaymentModel TrainPaymentModel(const PaymentBook& book, const FeatureTable& table,
                               CivilDate as_of) {
  size_t available = 0;
  ForEachExample(book, table, as_of, [&available](const Example&) { ++available; });
  const size_t stride =
      std::max<size_t>(1, (available + kMaxTrainingExamples - 1) / kMaxTrainingExamples);
  std::vector<Features> late_x, delay_x;
  std::vector<double> late_y, delay_y;
  size_t seen = 0;
  ForEachExample(book, table, as_of, [&](const Example& example) {
    if (seen++ % stride != 0) return;
    const Features x = table.Of(example.index, example.snapshot);
    if (example.late) {
      late_x.push_back(x);
      late_y.push_back(*example.late);
    }
    if (example.delay) {
      delay_x.push_back(x);
      delay_y.push_back(*example.delay);
    }
  });

  PaymentModel model;
  model.late_examples = static_cast<int>(late_x.size());
  model.delay_examples = static_cast<int>(delay_x.size());
  for (double y : late_y) model.late_outcomes += y > 0;
  model.fallback = FallbackReason(model);
  if (!model.fallback.empty()) return model;
  model.method = PredictionMethod::kModel;
  model.late_weights = FitLogistic(late_x, late_y);
  model.delay_weights = FitMedian(delay_x, delay_y);
  return model;
}

InvoicePrediction PredictInvoice(const PaymentModel& model, const PaymentBook& book,
                                 const FeatureTable& table, size_t index, CivilDate as_of) {
  const BookInvoice& invoice = book.invoices[index];
  InvoicePrediction out;
  out.index = index;
  out.days_past_due = DaysBetween(invoice.due, as_of);

  const FeatureTable::Baseline baseline = table.BaselineOf(invoice.client, as_of);
  out.baseline_p_late = baseline.late_share;
  out.baseline_expected_date = std::max(
      as_of.AddDays(1), invoice.due.AddDays(static_cast<int>(std::lround(baseline.mean_delay))));

  const bool decided_late = out.days_past_due > table.grace_days();
  if (model.method == PredictionMethod::kModel) {
    const Features x = table.Of(index, as_of);
    out.p_late = decided_late ? 1.0 : Sigmoid(Dot(x, model.late_weights));
    const long delay = std::lround(Dot(x, model.delay_weights));
    out.expected_date = std::clamp(invoice.due.AddDays(static_cast<int>(delay)), as_of.AddDays(1),
                                   as_of.AddDays(kMaxDaysToPay));
  } else {
    out.p_late = decided_late ? 1.0 : out.baseline_p_late;
    out.expected_date = out.baseline_expected_date;
  }
  if (out.days_past_due > kDoubtfulDays) out.expected_date.reset();
  out.band = BandOf(out.p_late);
  return out;
}

Forecast ForecastPayments(const PaymentBook& book, const FeatureTable& table) {
  Forecast forecast;
  forecast.as_of = book.horizon;
  forecast.currency = book.currency;
  forecast.grace_days = table.grace_days();
  forecast.model = TrainPaymentModel(book, table, book.horizon);
  forecast.later = forecast.doubtful = forecast.open = Money::Zero(book.currency);

  const CivilDate first_week = MondayOnOrBefore(book.horizon.AddDays(1));
  for (int w = 0; w < kForecastWeeks; ++w) {
    forecast.weeks.push_back({first_week.AddDays(7 * w), Money::Zero(book.currency), 0});
  }
  for (size_t i = 0; i < book.invoices.size(); ++i) {
    const BookInvoice& invoice = book.invoices[i];
    if (invoice.written_off || !invoice.open.is_positive() || !OpenAt(invoice, book.horizon)) {
      continue;
    }
    const InvoicePrediction prediction =
        PredictInvoice(forecast.model, book, table, i, book.horizon);
    forecast.open += invoice.open;
    if (!prediction.expected_date) {
      forecast.doubtful += invoice.open;
    } else {
      const int week = DaysBetween(first_week, *prediction.expected_date) / 7;
      if (week < kForecastWeeks) {
        forecast.weeks[week].expected_in += invoice.open;
        ++forecast.weeks[week].invoices;
      } else {
        forecast.later += invoice.open;
      }
    }
    forecast.invoices.push_back(prediction);
  }
  const auto rank = [&book](const InvoicePrediction& p) {
    const BookInvoice& invoice = book.invoices[p.index];
    return std::make_tuple(-p.p_late, invoice.due, std::cref(book.clients[invoice.client].id),
                           std::cref(invoice.id));
  };
  std::sort(forecast.invoices.begin(), forecast.invoices.end(),
            [&rank](const InvoicePrediction& a, const InvoicePrediction& b) {
              return rank(a) < rank(b);
            });
  return forecast;
}

}  // namespace addio
