// Looking ahead: GET /api/v1/forecast (DESIGN.md section 11), every open invoice's chance
// of a late payment, its expected payment date and band, the baseline beside it, and the
// cash expected in over 13 weeks (the JSON of `addio forecast --format json`); and
// GET /api/v1/alerts (section 12), what turned worse and the budgets burning (the JSON of
// `addio alerts --format json`).
#include "alerts/alerts.h"
#include "api/service.h"
#include "api/service_internal.h"
#include "predict/features.h"
#include "predict/forecast.h"
#include "predict/payment_book.h"
#include "report/alerts_report.h"
#include "report/forecast_report.h"
#include "signals/settings.h"

namespace addio {

Result<ApiAnswer> ApiService::GetForecast(const ApiQuery& query) {
  auto lang = api_internal::ParseLangParam(query.lang);
  if (!lang) return std::unexpected(lang.error());
  auto read = ReadAsOf(query.as_of);
  if (!read) return std::unexpected(read.error());
  const DatedRead& at = *read;
  const Workspace& workspace = *at.workspace;
  const std::string key = api_internal::CacheKey("forecast", {at.as_of.ToString(), LangKey(*lang)});
  return Cached(at.version, key, [&]() -> Result<ApiBody> {
    auto settings = Settings::FromWorkspace(workspace);
    if (!settings) return std::unexpected(settings.error());
    auto store = open_store_();
    if (!store) return std::unexpected(store.error());
    // Client by client: the whole ledger is never held, only each invoice's outline.
    PaymentBookBuilder builder(workspace, *settings, at.as_of);
    const Status visited =
        (*store)->ForEachClient([&builder](ClientLedger&& client) { return builder.Add(client); });
    if (!visited) return std::unexpected(visited.error());
    const PaymentBook book = builder.Take();
    const FeatureTable table(book, settings->grace_days);
    return api_internal::JsonBody(
        RenderForecastJson(ForecastPayments(book, table), book, *lang, false));
  });
}

Result<ApiAnswer> ApiService::GetAlerts(const ApiQuery& query) {
  auto read = ReadLedgerAsOf(query);
  if (!read) return std::unexpected(read.error());
  const Lang lang = read->lang;
  const Ledger& ledger = *read->snapshot.ledger;
  const CivilDate as_of = read->as_of;
  CivilDate since = as_of.AddDays(-kDefaultAlertDays);
  if (!query.since.empty()) {
    auto parsed = CivilDate::Parse(query.since);
    if (!parsed) return Fail(ErrorCode::kInvalidArgument, Msg("api.error.since", query.since));
    since = *parsed;
  }
  const std::string key =
      api_internal::CacheKey("alerts", {since.ToString(), as_of.ToString(), LangKey(lang)});
  return Cached(read->snapshot.version, key, [&]() -> Result<ApiBody> {
    auto report = FindAlerts(ledger, since, as_of);
    if (!report) return std::unexpected(report.error());
    return api_internal::JsonBody(RenderAlertsJson(*report, lang, false));
  });
}

}  // namespace addio
