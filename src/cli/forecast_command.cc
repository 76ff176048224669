#include "cli/forecast_command.h"

#include "predict/backtest.h"
#include "predict/features.h"
#include "predict/forecast.h"
#include "report/forecast_report.h"
#include "store/store.h"

namespace addio::cli {
namespace {

// The payment book of the store (read client by client, never whole) or of the --ledger
// file, with its horizon at --as-of (today by default).
Result<PaymentBook> BookOf(const Common& common, const Source& source,
                           const std::string& as_of_text, Settings& settings) {
  if (source.ledger.empty()) {
    auto store = OpenStoreOf(common, OpenMode::kMustExist);
    if (!store) return std::unexpected(store.error());
    auto workspace = (*store)->LoadWorkspace();
    if (!workspace) return std::unexpected(workspace.error());
    auto as_of = ResolveAsOf(common, as_of_text, *workspace);
    if (!as_of) return std::unexpected(as_of.error());
    auto resolved = Settings::FromWorkspace(*workspace);
    if (!resolved) return std::unexpected(resolved.error());
    settings = *resolved;
    PaymentBookBuilder builder(*workspace, settings, *as_of);
    const Status added =
        (*store)->ForEachClient([&builder](ClientLedger&& client) { return builder.Add(client); });
    if (!added) return std::unexpected(added.error());
    return builder.Take();
  }
  auto ledger = LoadSource(common, source);
  if (!ledger) return std::unexpected(ledger.error());
  auto as_of = ResolveAsOf(common, as_of_text, ledger->workspace);
  if (!as_of) return std::unexpected(as_of.error());
  auto resolved = Settings::FromWorkspace(ledger->workspace);
  if (!resolved) return std::unexpected(resolved.error());
  settings = *resolved;
  PaymentBookBuilder builder(ledger->workspace, settings, *as_of);
  for (const ClientLedger& client : SplitByClient(*ledger)) {
    const Status added = builder.Add(client);
    if (!added) return std::unexpected(added.error());
  }
  return builder.Take();
}

Result<CivilDate> ParseDateOption(const Common& common, const std::string& option,
                                  const std::string& text) {
  auto date = CivilDate::Parse(text);
  if (!date) {
    return std::unexpected(
        Error{ErrorCode::kInvalidArgument,
              Msg("cli.error.option", option, Say(common, date.error().message))});
  }
  return *date;
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
