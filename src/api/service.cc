// The read endpoints over the assessment (portfolio, one client, history, charts) and the
// client list, and the helpers every service file shares.
#include "api/service.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "api/charts.h"
#include "api/credited.h"
#include "api/json_util.h"
#include "api/keeping_store.h"
#include "api/service_internal.h"
#include "api/web_assets.h"
#include "core/ids.h"
#include "ledger/client_ledger.h"
#include "ledger/workspace_zone.h"
#include "verdict/assessment.h"
#include "verdict/stored_assessment.h"

namespace addio {
namespace api_internal {

Result<Lang> ParseLangParam(const std::string& text) {
  if (text.empty() || text == "en") return Lang::kEn;
  if (text == "it") return Lang::kIt;
  return Fail(ErrorCode::kInvalidArgument, Msg("api.error.lang", text));
}

CivilDate Today(const Clock& clock, const Workspace& workspace) {
  return addio::Today(clock, ZoneOf(workspace));
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

Result<size_t> ParseCount(const std::string& text, size_t fallback, size_t low, size_t high,
                          const char* error) {
  if (text.empty()) return fallback;
  size_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < low || value > high) {
    return Fail(ErrorCode::kInvalidArgument, Msg(error, text));
  }
  return value;
}

Result<int> ParseMonths(const std::string& text) {
  auto months = ParseCount(text, 12, 1, 600, "api.error.months");
  if (!months) return std::unexpected(months.error());
  return static_cast<int>(*months);
}

namespace {

template <typename T>
void CopyOf(const std::vector<T>& records, const std::string& id, std::vector<T>& out) {
  for (const T& record : records) {
    if (record.client == id) out.push_back(record);
  }
}

}  // namespace

std::string CacheKey(std::string_view endpoint, std::initializer_list<std::string_view> parts) {
  std::string key(endpoint);
  for (const std::string_view part : parts) {
    key += ' ';
    key += std::to_string(part.size());
    key += ':';
    key += part;
  }
  return key;
}

std::optional<ClientLedger> ClientLedgerOf(const Ledger& ledger, const std::string& id) {
  Ledger one;
  for (const Client& client : ledger.clients) {
    if (client.id != id) continue;
    one.clients.push_back(client);  // the first of a duplicated id, as SplitByClient keeps
    break;
  }
  if (one.clients.empty()) return std::nullopt;
  CopyOf(ledger.contracts, id, one.contracts);
  CopyOf(ledger.projects, id, one.projects);
  CopyOf(ledger.requests, id, one.requests);
  CopyOf(ledger.work, id, one.work);
  CopyOf(ledger.contacts, id, one.contacts);
  CopyOf(ledger.invoices, id, one.invoices);
  CopyOf(ledger.payments, id, one.payments);
  CopyOf(ledger.rate_changes, id, one.rate_changes);
  CopyOf(ledger.credit_notes, id, one.credit_notes);
  std::vector<ClientLedger> split = SplitByClient(one);
  return std::move(split.front());
}

}  // namespace api_internal

namespace {

using api_internal::JsonBody;

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

// What a value kept in the cache costs, roughly: the strings and vectors it owns. Only
// the rendered answers count against the byte budget; objects are bounded by number.
size_t AnswerBytes(const ApiBody& body) {
  return sizeof(ApiBody) + body.text.size() + body.content_type.size() + body.filename.size() +
         body.cache_key.size() + body.etag.size();
}

// The answer's validator: a hash of the bytes. Not a defence against anyone; it only has to
// change when the bytes do.
std::string Etag(std::string_view text) {
  char out[24];
  std::snprintf(out, sizeof(out), "\"%016llx\"", static_cast<unsigned long long>(StableHash(text)));
  return out;
}

// The ledger of the current version and the portfolio assessments of two dates (today
// and one other, as the dashboard asks): each is hundreds of MB at 10 000 clients; the
// workspace and the portfolio statistics of two dates (a few MB at 100 000 clients).
constexpr size_t kObjectsKept = 10;

}  // namespace

ApiService::ApiService(StoreFactory open_store, const Clock& clock, size_t cache_bytes)
    : open_store_(std::move(open_store)),
      clock_(clock),
      version_(open_store_),
      answers_(ResponseCache::Limits{cache_bytes, 1u << 20}),
      objects_(ResponseCache::Limits{SIZE_MAX, kObjectsKept}) {}

Result<ApiService::Snapshot> ApiService::Current() {
  auto version = version_.Current();
  if (!version) return std::unexpected(version.error());
  auto ledger = objects_.Get<Ledger>(
      *version, "ledger",
      [this]() -> Result<std::shared_ptr<const Ledger>> {
        auto store = open_store_();
        if (!store) return std::unexpected(store.error());
        auto loaded = (*store)->Load();
        if (!loaded) return std::unexpected(loaded.error());
        return std::make_shared<const Ledger>(std::move(*loaded));
      },
      [](const Ledger&) { return size_t{0}; });
  if (!ledger) return std::unexpected(ledger.error());
  return Snapshot{*version, std::move(*ledger)};
}

Result<ApiService::LedgerRead> ApiService::ReadLedgerAsOf(const ApiQuery& query) {
  auto lang = api_internal::ParseLangParam(query.lang);
  if (!lang) return std::unexpected(lang.error());
  auto snapshot = Current();
  if (!snapshot) return std::unexpected(snapshot.error());
  auto as_of = api_internal::ParseAsOf(query.as_of, snapshot->ledger->workspace, clock_);
  if (!as_of) return std::unexpected(as_of.error());
  return LedgerRead{*lang, std::move(*snapshot), *as_of};
}

Result<std::shared_ptr<const Assessment>> ApiService::PortfolioAssessment(const Snapshot& snapshot,
                                                                          CivilDate as_of) {
  return objects_.Get<Assessment>(
      snapshot.version, api_internal::CacheKey("portfolio", {as_of.ToString()}),
      [&]() -> Result<std::shared_ptr<const Assessment>> {
        auto assessment = Assess(*snapshot.ledger, as_of);
        if (!assessment) return std::unexpected(assessment.error());
        return std::make_shared<const Assessment>(std::move(*assessment));
      },
      [](const Assessment&) { return size_t{0}; });
}

Result<std::shared_ptr<const Workspace>> ApiService::StoredWorkspace(uint64_t version) {
  return objects_.Get<Workspace>(
      version, "workspace",
      [this]() -> Result<std::shared_ptr<const Workspace>> {
        auto store = open_store_();
        if (!store) return std::unexpected(store.error());
        auto workspace = (*store)->LoadWorkspace();
        if (!workspace) return std::unexpected(workspace.error());
        return std::make_shared<const Workspace>(std::move(*workspace));
      },
      [](const Workspace&) { return size_t{0}; });
}

Result<ApiService::DatedRead> ApiService::ReadAsOf(const std::string& as_of_text) {
  auto version = version_.Current();
  if (!version) return std::unexpected(version.error());
  auto workspace = StoredWorkspace(*version);
  if (!workspace) return std::unexpected(workspace.error());
  auto as_of = api_internal::ParseAsOf(as_of_text, **workspace, clock_);
  if (!as_of) return std::unexpected(as_of.error());
  return DatedRead{*version, std::move(*workspace), *as_of};
}

Result<std::unique_ptr<Store>> ApiService::OpenKeeping() {
  auto store = open_store_();
  if (!store) return std::unexpected(store.error());
  return std::make_unique<KeepingStore>(std::move(*store), version_);
}

Result<std::shared_ptr<const RateRanking>> ApiService::Statistics(uint64_t version, Store& store,
                                                                  const Context& context) {
  return objects_.Get<RateRanking>(
      version, api_internal::CacheKey("statistics", {context.as_of.ToString()}),
      [&] { return StoredPortfolio(store, context); },
      [](const RateRanking&) { return size_t{0}; });
}

Result<ApiAnswer> ApiService::Cached(uint64_t version, const std::string& key,
                                     const std::function<Result<ApiBody>()>& render) {
  return answers_.Get<ApiBody>(
      version, key,
      [&]() -> Result<ApiAnswer> {
        auto body = render();
        if (!body) return std::unexpected(body.error());
        body->version = version;
        body->cache_key = key;
        body->etag = Etag(body->text);
        return std::make_shared<const ApiBody>(std::move(*body));
      },
      AnswerBytes);
}

Result<std::shared_ptr<const std::string>> ApiService::Gzipped(const ApiBody& answer) {
  if (answer.cache_key.empty()) {
    return std::make_shared<const std::string>(Gzip(answer.text, 6));
  }
  return answers_.Get<std::string>(
      answer.version, api_internal::CacheKey("gzip", {answer.cache_key}),
      [&]() -> Result<std::shared_ptr<const std::string>> {
        return std::make_shared<const std::string>(Gzip(answer.text, 6));
      },
      [](const std::string& gzip) { return sizeof(std::string) + gzip.size(); });
}

ApiService::CacheStats ApiService::cache_stats() const {
  return {answers_.stats(), objects_.stats()};
}

Result<ApiAnswer> ApiService::GetClients(const ApiQuery& query) {
  auto lang = api_internal::ParseLangParam(query.lang);
  if (!lang) return std::unexpected(lang.error());
  auto read = ReadAsOf(query.as_of);
  if (!read) return std::unexpected(read.error());
  const DatedRead& at = *read;
  const std::string key = api_internal::CacheKey("clients", {at.as_of.ToString()});
  return Cached(at.version, key, [&]() -> Result<ApiBody> {
    auto store = open_store_();
    if (!store) return std::unexpected(store.error());
    auto summaries = (*store)->ClientSummaries(at.as_of);  // client by client
    if (!summaries) return std::unexpected(summaries.error());
    api_internal::Json out;
    out["as_of"] = at.as_of.ToString();
    out["currency"] = std::string(at.workspace->currency.code());
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
  });
}

Result<ApiAnswer> ApiService::GetAssessment(const ApiQuery& query) {
  auto read = ReadLedgerAsOf(query);
  if (!read) return std::unexpected(read.error());
  const LedgerRead& at = *read;
  const std::string key =
      api_internal::CacheKey("assessment", {at.as_of.ToString(), LangKey(at.lang)});
  return Cached(at.snapshot.version, key, [&]() -> Result<ApiBody> {
    auto assessment = PortfolioAssessment(at.snapshot, at.as_of);
    if (!assessment) return std::unexpected(assessment.error());
    return JsonBody(RenderAssessment(**assessment, {Format::kJson, at.lang, false}));
  });
}

// One client's assessment without the whole ledger: its own records, and the portfolio
// statistics the store keeps, held in memory for every client of this version.
Result<ApiAnswer> ApiService::GetClientAssessment(const std::string& id, const ApiQuery& query) {
  auto lang = api_internal::ParseLangParam(query.lang);
  if (!lang) return std::unexpected(lang.error());
  auto read = ReadAsOf(query.as_of);
  if (!read) return std::unexpected(read.error());
  const DatedRead& at = *read;
  const std::string key =
      api_internal::CacheKey("client_assessment", {id, at.as_of.ToString(), LangKey(*lang)});
  return Cached(at.version, key, [&]() -> Result<ApiBody> {
    auto store = OpenKeeping();
    if (!store) return std::unexpected(store.error());
    auto client = (*store)->LoadClient(id);
    if (!client) return std::unexpected(client.error());
    if (!*client) return std::unexpected(UnknownClient(id));
    auto held = (*store)->HeldRecordTypes();
    if (!held) return std::unexpected(held.error());
    auto assessment =
        AssessOne(**client, *at.workspace, *held, at.as_of,
                  [&](const Context& context) { return Statistics(at.version, **store, context); });
    if (!assessment) return std::unexpected(Localized(assessment.error(), id));
    return JsonBody(
        RenderExplain(*assessment, assessment->clients.front(), {Format::kJson, *lang, false}));
  });
}

Result<ApiAnswer> ApiService::GetHistory(const std::string& id, const ApiQuery& query) {
  auto read = ReadLedgerAsOf(query);
  if (!read) return std::unexpected(read.error());
  const Lang lang = read->lang;
  const Ledger& ledger = *read->snapshot.ledger;
  const CivilDate as_of = read->as_of;
  auto months = api_internal::ParseMonths(query.months);
  if (!months) return std::unexpected(months.error());
  const std::string key = api_internal::CacheKey(
      "history", {id, as_of.ToString(), LangKey(lang), std::to_string(*months)});
  return Cached(read->snapshot.version, key, [&]() -> Result<ApiBody> {
    const auto client = std::find_if(ledger.clients.begin(), ledger.clients.end(),
                                     [&id](const Client& c) { return c.id == id; });
    if (client == ledger.clients.end()) return std::unexpected(UnknownClient(id));
    auto points = History(ledger, id, as_of, *months);
    if (!points) return std::unexpected(Localized(points.error(), id));
    return JsonBody(RenderHistory(id, client->name, *points, {Format::kJson, lang, false}));
  });
}

Result<ApiAnswer> ApiService::GetCharts(const std::string& id, const ApiQuery& query) {
  // The language is checked, though the charts hold no words.
  auto read = ReadLedgerAsOf(query);
  if (!read) return std::unexpected(read.error());
  const Snapshot& snapshot = read->snapshot;
  const Ledger& ledger = *snapshot.ledger;
  const CivilDate as_of = read->as_of;
  auto months = api_internal::ParseMonths(query.months);
  if (!months) return std::unexpected(months.error());
  const std::string key =
      api_internal::CacheKey("charts", {id, as_of.ToString(), std::to_string(*months)});
  return Cached(snapshot.version, key, [&]() -> Result<ApiBody> {
    if (!HasClient(ledger, id)) return std::unexpected(UnknownClient(id));
    // The whole portfolio: the rate chart compares the client with every other one.
    auto assessment = PortfolioAssessment(snapshot, as_of);
    if (!assessment) return std::unexpected(assessment.error());
    auto history = History(ledger, id, as_of, *months);
    if (!history) return std::unexpected(Localized(history.error(), id));
    auto client = api_internal::ClientLedgerOf(ledger, id);
    if (!client) return std::unexpected(UnknownClient(id));
    auto charts = ComputeCharts(*client, ledger.workspace, **assessment, *history);
    if (!charts) return std::unexpected(Localized(charts.error(), id));
    return JsonBody(
        ChartsJson(*charts, api_internal::CreditedByInvoice(*client, ledger.workspace, as_of)));
  });
}

}  // namespace addio
