// The read endpoints over the assessment (portfolio, one client, history, charts) and the
// client list, and the helpers every service file shares.
#include "api/service.h"

#include <charconv>
#include <nlohmann/json.hpp>

#include "api/charts.h"
#include "api/json_util.h"
#include "api/service_internal.h"
#include "ledger/client_ledger.h"
#include "verdict/assessment.h"

namespace addio {
namespace api_internal {

Result<Lang> ParseLangParam(const std::string& text) {
  if (text.empty() || text == "en") return Lang::kEn;
  if (text == "it") return Lang::kIt;
  return Fail(ErrorCode::kInvalidArgument, Msg("api.error.lang", text));
}

CivilDate Today(const Clock& clock, const Workspace& workspace) {
  auto zone = TimeZone::Find(workspace.timezone);
  return addio::Today(clock, zone ? *zone : TimeZone::Utc());
}

Result<CivilDate> ParseAsOf(const std::string& text, const Workspace& workspace,
                            const Clock& clock) {
  if (text.empty()) return Today(clock, workspace);
  auto date = CivilDate::Parse(text);
  if (!date) {
    return Fail(ErrorCode::kInvalidArgument, Msg("api.error.as_of", text));
  }
  return date;
}

Result<int> ParseMonths(const std::string& text) {
  if (text.empty()) return 12;
  int months = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), months);
  if (ec != std::errc() || end != text.data() + text.size() || months < 1 || months > 600) {
    return Fail(ErrorCode::kInvalidArgument, Msg("api.error.months", text));
  }
  return months;
}

}  // namespace api_internal

namespace {

using api_internal::JsonBody;

// What every assessment endpoint starts from: the language, the whole ledger and the date.
struct Loaded {
  Lang lang = Lang::kEn;
  Ledger ledger;
  CivilDate as_of;
};

Result<Loaded> LoadForRead(const StoreFactory& open_store, const Clock& clock,
                           const ApiQuery& query) {
  Loaded loaded;
  auto lang = api_internal::ParseLangParam(query.lang);
  if (!lang) return std::unexpected(lang.error());
  loaded.lang = *lang;
  auto store = open_store();
  if (!store) return std::unexpected(store.error());
  auto ledger = (*store)->Load();
  if (!ledger) return std::unexpected(ledger.error());
  loaded.ledger = std::move(*ledger);
  auto as_of = api_internal::ParseAsOf(query.as_of, loaded.ledger.workspace, clock);
  if (!as_of) return std::unexpected(as_of.error());
  loaded.as_of = *as_of;
  return loaded;
}

Error UnknownClient(const std::string& id) {
  return Error{ErrorCode::kNotFound, Msg("common.no_client", id)};
}

// Assess's kNotFound for `only_client`, in the API's words.
Error Localized(const Error& error, const std::string& id) {
  return error.code == ErrorCode::kNotFound && !id.empty() ? UnknownClient(id) : error;
}

bool HasClient(const Ledger& ledger, const std::string& id) {
  for (const Client& client : ledger.clients) {
    if (client.id == id) return true;
  }
  return false;
}

}  // namespace

ApiService::ApiService(StoreFactory open_store, const Clock& clock)
    : open_store_(std::move(open_store)), clock_(clock) {}

Result<ApiBody> ApiService::GetClients(const ApiQuery& query) {
  auto lang = api_internal::ParseLangParam(query.lang);
  if (!lang) return std::unexpected(lang.error());
  auto store = open_store_();
  if (!store) return std::unexpected(store.error());
  auto workspace = (*store)->LoadWorkspace();
  if (!workspace) return std::unexpected(workspace.error());
  auto as_of = api_internal::ParseAsOf(query.as_of, *workspace, clock_);
  if (!as_of) return std::unexpected(as_of.error());
  auto summaries = (*store)->ClientSummaries(*as_of);
  if (!summaries) return std::unexpected(summaries.error());

  api_internal::Json out;
  out["as_of"] = as_of->ToString();
  out["currency"] = std::string(workspace->currency.code());
  api_internal::Json clients = api_internal::Json::array();
  for (const ClientSummary& s : *summaries) {
    api_internal::Json client;
    client["id"] = s.id;
    client["name"] = s.name;
    client["country"] = s.country;
    client["invoices"] = s.invoices;
    api_internal::Json& balance = client["balance"];
    balance["invoiced"] = s.balance.invoiced.ToString();
    balance["paid"] = s.balance.paid.ToString();
    balance["open"] = s.balance.open.ToString();
    balance["overdue"] = s.balance.overdue.ToString();
    balance["credit"] = s.balance.credit.ToString();
    clients.push_back(std::move(client));
  }
  out["clients"] = std::move(clients);
  return JsonBody(api_internal::Dump(out));
}

Result<ApiBody> ApiService::GetAssessment(const ApiQuery& query) {
  auto loaded = LoadForRead(open_store_, clock_, query);
  if (!loaded) return std::unexpected(loaded.error());
  auto assessment = Assess(loaded->ledger, loaded->as_of);
  if (!assessment) return std::unexpected(assessment.error());
  return JsonBody(RenderAssessment(*assessment, {Format::kJson, loaded->lang, false}));
}

Result<ApiBody> ApiService::GetClientAssessment(const std::string& id, const ApiQuery& query) {
  auto loaded = LoadForRead(open_store_, clock_, query);
  if (!loaded) return std::unexpected(loaded.error());
  if (!HasClient(loaded->ledger, id)) return std::unexpected(UnknownClient(id));
  auto assessment = Assess(loaded->ledger, loaded->as_of, id);
  if (!assessment) return std::unexpected(Localized(assessment.error(), id));
  if (assessment->clients.empty()) return std::unexpected(UnknownClient(id));
  return JsonBody(RenderExplain(*assessment, assessment->clients.front(),
                                {Format::kJson, loaded->lang, false}));
}

Result<ApiBody> ApiService::GetHistory(const std::string& id, const ApiQuery& query) {
  auto loaded = LoadForRead(open_store_, clock_, query);
  if (!loaded) return std::unexpected(loaded.error());
  auto months = api_internal::ParseMonths(query.months);
  if (!months) return std::unexpected(months.error());
  std::string name;
  for (const Client& client : loaded->ledger.clients) {
    if (client.id == id) name = client.name;
  }
  if (!HasClient(loaded->ledger, id)) return std::unexpected(UnknownClient(id));
  auto points = History(loaded->ledger, id, loaded->as_of, *months);
  if (!points) return std::unexpected(Localized(points.error(), id));
  return JsonBody(RenderHistory(id, name, *points, {Format::kJson, loaded->lang, false}));
}

Result<ApiBody> ApiService::GetCharts(const std::string& id, const ApiQuery& query) {
  auto loaded = LoadForRead(open_store_, clock_, query);
  if (!loaded) return std::unexpected(loaded.error());
  auto months = api_internal::ParseMonths(query.months);
  if (!months) return std::unexpected(months.error());
  if (!HasClient(loaded->ledger, id)) return std::unexpected(UnknownClient(id));
  // The whole portfolio: the rate chart compares the client with every other one.
  auto assessment = Assess(loaded->ledger, loaded->as_of);
  if (!assessment) return std::unexpected(assessment.error());
  auto history = History(loaded->ledger, id, loaded->as_of, *months);
  if (!history) return std::unexpected(Localized(history.error(), id));
  for (const ClientLedger& client : SplitByClient(loaded->ledger)) {
    if (client.client.id != id) continue;
    auto charts = ComputeCharts(client, loaded->ledger.workspace, *assessment, *history);
    if (!charts) return std::unexpected(Localized(charts.error(), id));
    return JsonBody(ChartsJson(*charts));
  }
  return std::unexpected(UnknownClient(id));
}

}  // namespace addio
