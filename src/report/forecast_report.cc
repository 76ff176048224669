#include "report/forecast_report.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "report/json_writer.h"
#include "report/report_internal.h"

namespace addio {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// Rows aligned on display width: the first `text_columns` columns to the left, the
// others (numbers) to the right; a blank line after the header row.
std::string Aligned(const Rows& rows, size_t text_columns) {
  std::vector<size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], DisplayWidth(row[i]));
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      if (i > 0) line += "  ";
      line += i < text_columns ? PadRight(row[i], widths[i]) : PadLeft(row[i], widths[i]);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::string Percent(double p, Lang lang) { return FormatFixed(100 * p, 0, lang) + "%"; }

// A figure to `decimals` places, or "–" when there was nothing to measure.
std::string Figure(double value, int decimals, Lang lang) {
  return std::isfinite(value) ? FormatFixed(value, decimals, lang) : "–";
}

std::string BandLabel(Band band, Lang lang) {
  return Tr(std::string("forecast.band.") + BandKey(band), lang);
}

std::string MethodLine(const Forecast& forecast, Lang lang) {
  const PaymentModel& model = forecast.model;
  if (model.method == PredictionMethod::kBaseline) {
    return Render("forecast.method.baseline", lang, {Arg(Tr(model.fallback, lang))});
  }
  return Render("forecast.method.model", lang,
                {Arg(model.late_examples), Arg(model.late_outcomes), Arg(kTrainingSnapshots)});
}

void WriteNullableNumber(JsonWriter& json, double value) {
  if (std::isfinite(value)) {
    json.Number(value);
  } else {
    json.Null();
  }
}

void WriteCard(JsonWriter& json, const ScoreCard& card) {
  json.BeginObject();
  json.Key("auc");
  WriteNullableNumber(json, card.auc);
  json.Key("brier");
  WriteNullableNumber(json, card.brier);
  json.Key("mae_days");
  WriteNullableNumber(json, card.mae_days);
  json.Key("dated");
  json.Int(card.dated);
  json.Key("calibration");
  json.BeginArray();
  for (int b = 0; b < 3; ++b) {
    json.BeginObject();
    json.Key("band");
    json.String(BandKey(static_cast<Band>(b)));
    json.Key("invoices");
    json.Int(card.bands[b].invoices);
    json.Key("mean_p_late");
    WriteNullableNumber(json, card.bands[b].mean_p_late);
    json.Key("late_share");
    WriteNullableNumber(json, card.bands[b].late_share);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
}

void WriteResult(JsonWriter& json, const BacktestResult& result) {
  json.BeginObject();
  json.Key("as_of");
  json.String(result.as_of.ToString());
  json.Key("invoices");
  json.Int(result.invoices);
  json.Key("late");
  json.Int(result.late);
  json.Key("method");
  json.String(MethodKey(result.method));
  json.Key("model");
  WriteCard(json, result.model);
  json.Key("baseline");
  WriteCard(json, result.baseline);
  json.EndObject();
}

std::vector<std::string> BacktestRow(std::string label, const BacktestResult& r, Lang lang) {
  return {std::move(label),
          std::to_string(r.invoices),
          std::to_string(r.late),
          Figure(r.model.auc, 3, lang),
          Figure(r.baseline.auc, 3, lang),
          Figure(r.model.brier, 3, lang),
          Figure(r.baseline.brier, 3, lang),
          Figure(r.model.mae_days, 1, lang),
          Figure(r.baseline.mae_days, 1, lang),
          r.method == PredictionMethod::kModel ? "" : Tr("backtest.baseline_only", lang)};
}

}  // namespace

std::string RenderForecastTable(const Forecast& forecast, const PaymentBook& book, Lang lang) {
  std::string out = Render("forecast.title", lang, {Arg(forecast.as_of.ToString())}) + "\n";
  out += MethodLine(forecast, lang) + "\n";
  out += Render("forecast.late_means", lang, {Arg(forecast.grace_days)}) + "\n\n";

  if (forecast.invoices.empty()) {
    out += Tr("forecast.nothing_open", lang) + "\n";
  } else {
    Rows rows = {{Tr("forecast.column.invoice", lang), Tr("forecast.column.client", lang),
                  Tr("forecast.column.band", lang), Tr("forecast.column.due", lang),
                  Tr("forecast.column.open", lang), Tr("forecast.column.past_due", lang),
                  Tr("forecast.column.p_late", lang), Tr("forecast.column.expected", lang),
                  Tr("forecast.column.usually", lang), Tr("forecast.column.baseline", lang)}};
    for (const InvoicePrediction& p : forecast.invoices) {
      const BookInvoice& invoice = book.invoices[p.index];
      const BookClient& client = book.clients[invoice.client];
      rows.push_back(
          {invoice.id, Shortened(client.name, 28), BandLabel(p.band, lang), invoice.due.ToString(),
           FormatAmountBare(invoice.open, lang),
           p.days_past_due > 0 ? std::to_string(p.days_past_due) : "", Percent(p.p_late, lang),
           p.expected_date ? p.expected_date->ToString() : Tr("forecast.doubtful_short", lang),
           client.usually_pays_in_days
               ? Render("forecast.days", lang,
                        {Arg(static_cast<int>(std::lround(*client.usually_pays_in_days)))})
               : "",
           Percent(p.baseline_p_late, lang) + " · " + p.baseline_expected_date.ToString()});
    }
    out += Aligned(rows, 3);
  }

  out += "\n" +
         Render("forecast.weeks_title", lang,
                {Arg(kForecastWeeks), Arg(std::string(forecast.currency.code()))}) +
         "\n";
  Rows weeks = {{Tr("forecast.column.week", lang), Tr("forecast.column.expected_in", lang),
                 Tr("forecast.column.invoices", lang)}};
  for (const CashWeek& week : forecast.weeks) {
    weeks.push_back({week.week_start.ToString(), FormatAmountBare(week.expected_in, lang),
                     std::to_string(week.invoices)});
  }
  weeks.push_back({Tr("forecast.later", lang), FormatAmountBare(forecast.later, lang), ""});
  weeks.push_back({Render("forecast.doubtful", lang, {Arg(kDoubtfulDays)}),
                   FormatAmountBare(forecast.doubtful, lang), ""});
  weeks.push_back({Tr("forecast.total_open", lang), FormatAmountBare(forecast.open, lang), ""});
  out += Aligned(weeks, 1);
  return out;
}

std::string RenderForecastJson(const Forecast& forecast, const PaymentBook& book, Lang lang,
                               bool pretty) {
  JsonWriter json(pretty);
  json.BeginObject();
  json.Key("as_of");
  json.String(forecast.as_of.ToString());
  json.Key("currency");
  json.String(forecast.currency.code());
  json.Key("grace_days");
  json.Int(forecast.grace_days);
  json.Key("method");
  json.String(MethodKey(forecast.model.method));
  json.Key("fallback");
  if (forecast.model.method == PredictionMethod::kBaseline) {
    json.String(Tr(forecast.model.fallback, lang));
  } else {
    json.Null();
  }
  json.Key("training");
  json.BeginObject();
  json.Key("late_examples");
  json.Int(forecast.model.late_examples);
  json.Key("late_outcomes");
  json.Int(forecast.model.late_outcomes);
  json.Key("date_examples");
  json.Int(forecast.model.delay_examples);
  json.EndObject();
  json.Key("invoices");
  json.BeginArray();
  for (const InvoicePrediction& p : forecast.invoices) {
    const BookInvoice& invoice = book.invoices[p.index];
    const BookClient& client = book.clients[invoice.client];
    json.BeginObject();
    json.Key("invoice");
    json.String(invoice.id);
    json.Key("client");
    json.String(client.id);
    json.Key("name");
    json.String(client.name);
    json.Key("issued");
    json.String(invoice.issued.ToString());
    json.Key("due");
    json.String(invoice.due.ToString());
    json.Key("open_amount");
    json.String(invoice.open.ToString());
    json.Key("days_past_due");
    json.Int(p.days_past_due);
    json.Key("p_late");
    json.Number(p.p_late);
    json.Key("expected_date");
    if (p.expected_date) {
      json.String(p.expected_date->ToString());
    } else {
      json.Null();
    }
    json.Key("band");
    json.String(BandKey(p.band));
    json.Key("usually_pays_in_days");
    if (client.usually_pays_in_days) {
      json.Number(*client.usually_pays_in_days);
    } else {
      json.Null();
    }
    json.Key("baseline");
    json.BeginObject();
    json.Key("p_late");
    json.Number(p.baseline_p_late);
    json.Key("expected_date");
    json.String(p.baseline_expected_date.ToString());
    json.EndObject();
    json.EndObject();
  }
  json.EndArray();
  json.Key("weeks");
  json.BeginArray();
  for (const CashWeek& week : forecast.weeks) {
    json.BeginObject();
    json.Key("week_start");
    json.String(week.week_start.ToString());
    json.Key("expected_in");
    json.String(week.expected_in.ToString());
    json.Key("invoices");
    json.Int(week.invoices);
    json.EndObject();
  }
  json.EndArray();
  json.Key("later");
  json.String(forecast.later.ToString());
  json.Key("doubtful");
  json.String(forecast.doubtful.ToString());
  json.Key("open");
  json.String(forecast.open.ToString());
  json.EndObject();
  return json.Take();
}

std::string RenderBacktestTable(const Backtest& backtest, Lang lang) {
  std::string out =
      Render(backtest.step == BacktestStep::kMonth ? "backtest.title.month" : "backtest.title.week",
             lang,
             {Arg(backtest.from.ToString()), Arg(backtest.to.ToString()),
              Arg(backtest.horizon.ToString())}) +
      "\n";
  out += Render("forecast.late_means", lang, {Arg(backtest.grace_days)}) + "\n\n";
  Rows rows = {{Tr("backtest.column.as_of", lang), Tr("backtest.column.invoices", lang),
                Tr("backtest.column.late", lang), Tr("backtest.column.auc_model", lang),
                Tr("backtest.column.auc_baseline", lang), Tr("backtest.column.brier_model", lang),
                Tr("backtest.column.brier_baseline", lang), Tr("backtest.column.mae_model", lang),
                Tr("backtest.column.mae_baseline", lang), ""}};
  for (const BacktestResult& step : backtest.steps) {
    rows.push_back(BacktestRow(step.as_of.ToString(), step, lang));
  }
  rows.push_back(BacktestRow(Tr("backtest.all_steps", lang), backtest.overall, lang));
  out += Aligned(rows, 1);

  out += "\n" + Tr("backtest.calibration_title", lang) + "\n";
  Rows bands = {
      {Tr("forecast.column.band", lang), Tr("backtest.column.invoices_model", lang),
       Tr("backtest.column.predicted_model", lang), Tr("backtest.column.late_model", lang),
       Tr("backtest.column.invoices_baseline", lang),
       Tr("backtest.column.predicted_baseline", lang), Tr("backtest.column.late_baseline", lang)}};
  const auto share = [lang](double value) {
    return std::isfinite(value) ? Percent(value, lang) : std::string("–");
  };
  for (int b = 0; b < 3; ++b) {
    const BandCalibration& m = backtest.overall.model.bands[b];
    const BandCalibration& base = backtest.overall.baseline.bands[b];
    bands.push_back({BandLabel(static_cast<Band>(b), lang), std::to_string(m.invoices),
                     share(m.mean_p_late), share(m.late_share), std::to_string(base.invoices),
                     share(base.mean_p_late), share(base.late_share)});
  }
  out += Aligned(bands, 1);
  out += "\n" + Tr("backtest.legend", lang) + "\n";
  return out;
}

std::string RenderBacktestJson(const Backtest& backtest, bool pretty) {
  JsonWriter json(pretty);
  json.BeginObject();
  json.Key("from");
  json.String(backtest.from.ToString());
  json.Key("to");
  json.String(backtest.to.ToString());
  json.Key("horizon");
  json.String(backtest.horizon.ToString());
  json.Key("step");
  json.String(backtest.step == BacktestStep::kMonth ? "month" : "week");
  json.Key("grace_days");
  json.Int(backtest.grace_days);
  json.Key("steps");
  json.BeginArray();
  for (const BacktestResult& step : backtest.steps) WriteResult(json, step);
  json.EndArray();
  json.Key("overall");
  WriteResult(json, backtest.overall);
  json.EndObject();
  return json.Take();
}

}  // namespace addio
