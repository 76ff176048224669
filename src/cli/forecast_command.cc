#include "cli/forecast_command.h"

#include "predict/backtest.h"
#include "predict/features.h"
#include "predict/forecast.h"
#include "report/forecast_report.h"
#include "store/store.h"

namespace addio::cli {
namespace {

// The payment book of `workspace` at `as_of`, from `visit`, which hands every client to
// the builder it is given; `settings` receives the workspace's (the book refers to them).
template <typename Visit>
Result<PaymentBook> FillBook(const Workspace& workspace, CivilDate as_of, Settings& settings,
                             Visit visit) {
  auto resolved = Settings::FromWorkspace(workspace);
  if (!resolved) return std::unexpected(resolved.error());
  settings = *resolved;
  PaymentBookBuilder builder(workspace, settings, as_of);
  if (const Status added = visit(builder); !added) return std::unexpected(added.error());
  return builder.Take();
}

// The payment book of the store (read client by client, never whole) or of the --ledger
// file, with its horizon at --as-of (today by default).
Result<PaymentBook> BookOf(const Common& common, const Source& source,
                           const std::string& as_of_text, Settings& settings) {
  if (source.ledger.empty()) {
    auto read = OpenStoreAsOf(common, as_of_text);
    if (!read) return std::unexpected(read.error());
    return FillBook(read->workspace, read->as_of, settings, [&](PaymentBookBuilder& builder) {
      return read->store->ForEachClient(
          [&builder](ClientLedger&& client) { return builder.Add(client); });
    });
  }
  auto ledger = LoadSource(common, source);
  if (!ledger) return std::unexpected(ledger.error());
  auto as_of = ResolveAsOf(common, as_of_text, ledger->workspace);
  if (!as_of) return std::unexpected(as_of.error());
  return FillBook(ledger->workspace, *as_of, settings, [&](PaymentBookBuilder& builder) {
    for (const ClientLedger& client : SplitByClient(*ledger)) {
      if (Status added = builder.Add(client); !added) return added;
    }
    return Status{};
  });
}

}  // namespace

int Forecast(const Common& common, const ForecastOptions& options) {
  Settings settings;
  auto book = BookOf(common, options.source, options.as_of, settings);
  if (!book) return ReportError(common, book.error());
  const FeatureTable table(*book, settings.grace_days);
  const addio::Forecast forecast = ForecastPayments(*book, table);
  WriteToStdout(options.format == "json"
                    ? RenderForecastJson(forecast, *book, common.lang, options.pretty)
                    : RenderForecastTable(forecast, *book, common.lang));
  return 0;
}

int Backtest(const Common& common, const BacktestOptions& options) {
  auto from = ParseDateOption(common, "--from", options.from);
  if (!from) return ReportError(common, from.error());
  auto to = ParseDateOption(common, "--to", options.to);
  if (!to) return ReportError(common, to.error());
  const auto step = ParseBacktestStep(options.step);
  if (!step) return 2;  // main.cc admits only month and week
  Settings settings;
  auto book = BookOf(common, options.source, options.as_of, settings);
  if (!book) return ReportError(common, book.error());
  const FeatureTable table(*book, settings.grace_days);
  auto backtest = RunBacktest(*book, table, *from, *to, *step);
  if (!backtest) return ReportError(common, backtest.error());
  WriteToStdout(options.format == "json" ? RenderBacktestJson(*backtest, options.pretty)
                                         : RenderBacktestTable(*backtest, common.lang));
  return 0;
}

}  // namespace addio::cli
