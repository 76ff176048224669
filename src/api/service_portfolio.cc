// The paged portfolio: every client's line (verdict/portfolio_lines.h) read from the store
// once per data version and date, ordered once per column, and each page rendered once.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "api/service.h"
#include "api/service_internal.h"
#include "report/report.h"
#include "signals/settings.h"
#include "signals/sign.h"
#include "verdict/portfolio_lines.h"

namespace addio {
namespace {

// The most lines one page holds.
constexpr size_t kMaxPerPage = 500;
constexpr size_t kDefaultPerPage = 50;

Error BadParam(const char* key, const std::string& text) {
  return Error{ErrorCode::kInvalidArgument, Msg(key, text)};
}

Result<LineFilter> ParseFilter(const ApiQuery& query) {
  LineFilter filter{.text = query.q, .sign = query.sign};
  if (!query.verdict.empty()) {
    filter.verdict = ParseVerdict(query.verdict);
    if (!filter.verdict) return std::unexpected(BadParam("api.error.verdict", query.verdict));
  }
  if (!query.sign.empty() && SignNamed(query.sign) == nullptr) {
    return std::unexpected(BadParam("api.error.sign", query.sign));
  }
  return filter;
}

}  // namespace

Result<std::shared_ptr<const std::vector<PortfolioLine>>> ApiService::Lines(
    uint64_t version, const Workspace& workspace, CivilDate as_of) {
  return objects_.Get<std::vector<PortfolioLine>>(
      version, api_internal::CacheKey("lines", {as_of.ToString()}),
      [&]() -> Result<std::shared_ptr<const std::vector<PortfolioLine>>> {
        auto store = OpenKeeping();
        if (!store) return std::unexpected(store.error());
        auto lines = StoredLines(**store, workspace, as_of);
        if (!lines) return std::unexpected(lines.error());
        return std::make_shared<const std::vector<PortfolioLine>>(std::move(*lines));
      },
      [](const std::vector<PortfolioLine>&) { return size_t{0}; });
}

Result<std::shared_ptr<const std::vector<uint32_t>>> ApiService::LineOrdering(
    uint64_t version, CivilDate as_of, const std::vector<PortfolioLine>& lines,
    const LineOrder& order) {
  return objects_.Get<std::vector<uint32_t>>(
      version, api_internal::CacheKey("line_order", {as_of.ToString(), LineOrderKey(order)}),
      [&]() -> Result<std::shared_ptr<const std::vector<uint32_t>>> {
        return std::make_shared<const std::vector<uint32_t>>(OrderLines(lines, order));
      },
      [](const std::vector<uint32_t>&) { return size_t{0}; });
}

void ApiService::WarmPortfolio() {
  auto version = version_.Current();
  if (!version) return;
  auto workspace = StoredWorkspace(*version);
  if (!workspace) return;
  auto store = open_store_();
  if (!store) return;
  auto extent = (*store)->Extent();
  if (!extent) return;
  const CivilDate as_of =
      api_internal::DefaultAsOf(api_internal::Today(clock_, **workspace),
                                api_internal::RecordSpan(**workspace, *extent).second);
  // An error is the first request's to report.
  if (auto lines = Lines(*version, **workspace, as_of); lines) {
    (void)LineOrdering(*version, as_of, **lines, LineOrder{});
  }
}

Result<ApiAnswer> ApiService::GetPortfolio(const ApiQuery& query) {
  auto lang = api_internal::ParseLangParam(query.lang);
  if (!lang) return std::unexpected(lang.error());
  const std::optional<LineOrder> order =
      query.sort.empty() ? std::optional<LineOrder>(LineOrder{}) : ParseLineOrder(query.sort);
  if (!order) return std::unexpected(BadParam("api.error.sort", query.sort));
  auto page = api_internal::ParseCount(query.page, 1, 1, SIZE_MAX / kMaxPerPage, "api.error.page");
  if (!page) return std::unexpected(page.error());
  auto per_page = api_internal::ParseCount(query.per_page, kDefaultPerPage, 1, kMaxPerPage,
                                           "api.error.per_page");
  if (!per_page) return std::unexpected(per_page.error());
  auto filter = ParseFilter(query);
  if (!filter) return std::unexpected(filter.error());

  auto read = ReadAsOf(query.as_of);
  if (!read) return std::unexpected(read.error());
  const DatedRead& at = *read;
  const Workspace& workspace = *at.workspace;
  const std::string key = api_internal::CacheKey(
      "portfolio",
      {at.as_of.ToString(), LangKey(*lang), LineOrderKey(*order), std::to_string(*page),
       std::to_string(*per_page), query.verdict, query.sign, query.q});
  return Cached(at.version, key, [&]() -> Result<ApiBody> {
    auto settings = Settings::FromWorkspace(workspace);
    if (!settings) return std::unexpected(settings.error());
    auto lines = Lines(at.version, workspace, at.as_of);
    if (!lines) return std::unexpected(lines.error());
    auto ordering = LineOrdering(at.version, at.as_of, **lines, *order);
    if (!ordering) return std::unexpected(ordering.error());
    const PortfolioPage out{.as_of = at.as_of,
                            .window_days = settings->window_days,
                            .currency = workspace.currency,
                            .clients_total = (*lines)->size(),
                            .totals = TotalLines(**lines, workspace.currency),
                            .order = *order,
                            .page = *page,
                            .per_page = *per_page,
                            .lines = SelectPage(**lines, **ordering, *filter, *page, *per_page)};
    return api_internal::JsonBody(RenderPortfolioPage(out, *lang));
  });
}

}  // namespace addio
