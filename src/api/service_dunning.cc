// The dunning endpoints (DESIGN.md section 12): what the ladders ask for as of a date,
// and sending the due letters once the dashboard's user has confirmed.
#include <nlohmann/json.hpp>

#include "act/dunning.h"
#include "api/json_util.h"
#include "api/service.h"
#include "api/service_internal.h"
#include "outbound/dunning_send.h"
#include "report/dunning_report.h"

namespace addio {

Result<ApiAnswer> ApiService::GetDunning(const ApiQuery& query) {
  auto read = ReadLedgerAsOf(query);
  if (!read) return std::unexpected(read.error());
  const Lang lang = read->lang;
  const Ledger& ledger = *read->snapshot.ledger;
  const CivilDate as_of = read->as_of;
  const std::string key = api_internal::CacheKey("dunning", {as_of.ToString(), LangKey(lang)});
  // Every change of the outbox is a commit, which changes the data version: a cached
  // answer never outlives what was sent.
  return Cached(read->snapshot.version, key, [&]() -> Result<ApiBody> {
    auto store = open_store_();
    if (!store) return std::unexpected(store.error());
    auto outbox = (*store)->Outbox(kDunningOutboxPrefix);
    if (!outbox) return std::unexpected(outbox.error());
    auto plan = PlanDunning(ledger, as_of, *outbox, lang);
    if (!plan) return std::unexpected(plan.error());
    auto json = RenderDunningJson(ledger, *plan, lang, false);
    if (!json) return std::unexpected(json.error());
    return api_internal::JsonBody(std::move(*json));
  });
}

Result<ApiBody> ApiService::PostDunningSend(std::string_view, const ApiQuery& query) {
  auto lang = api_internal::ParseLangParam(query.lang);
  if (!lang) return std::unexpected(lang.error());
  std::lock_guard lock(write_mutex_);
  auto store = open_store_();
  if (!store) return std::unexpected(store.error());
  auto ledger = (*store)->Load();
  if (!ledger) return std::unexpected(ledger.error());
  auto as_of = api_internal::ParseAsOf(query.as_of, ledger->workspace, clock_);
  if (!as_of) return std::unexpected(as_of.error());
  auto outbox = (*store)->Outbox(kDunningOutboxPrefix);
  if (!outbox) return std::unexpected(outbox.error());
  auto plan = PlanDunning(*ledger, *as_of, *outbox, *lang);
  if (!plan) return std::unexpected(plan.error());
  auto sent = SendDunning(**store, *ledger, *plan, clock_.Now());
  if (!sent) return std::unexpected(sent.error());
  nlohmann::json out;
  out["as_of"] = as_of->ToString();
  out["sent"] = nlohmann::json::array();
  for (const DunningSent& one : *sent) {
    const char* delivery = !one.claimed                           ? "taken"
                           : one.delivery == Delivery::kDelivered ? "delivered"
                           : one.delivery == Delivery::kNotSent   ? "not_sent"
                                                                  : "uncertain";
    out["sent"].push_back({{"client", one.client},
                           {"name", one.name},
                           {"address", one.address},
                           {"action", Name(one.step.action)},
                           {"after_days", one.step.after_days},
                           {"invoices", one.invoices},
                           {"delivery", delivery},
                           {"detail", one.detail}});
  }
  return api_internal::JsonBody(api_internal::Dump(out));
}

}  // namespace addio
