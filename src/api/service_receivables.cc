// The receivables endpoints (DESIGN.md section 5b): the portfolio aging with how each
// client pays, and a client's statement, as JSON or as the CSV of
// report/receivables_report.h.
#include <nlohmann/json.hpp>

#include "api/credited.h"
#include "api/json_util.h"
#include "api/service.h"
#include "api/service_internal.h"
#include "ledger/client_ledger.h"
#include "report/receivables_report.h"
#include "signals/settings.h"
#include "verdict/receivables.h"

namespace addio {
namespace {

using api_internal::DateJson;
using api_internal::Json;
using api_internal::JsonBody;
using api_internal::NumberJson;

// The format parameter: JSON (empty or "json") or CSV. Error kInvalidArgument otherwise.
Result<bool> ParseCsv(const std::string& format) {
  if (format == "csv") return true;
  if (!format.empty() && format != "json") {
    return Fail(ErrorCode::kInvalidArgument, Msg("api.error.format_json_csv", format));
  }
  return false;
}

Json BucketsJson(const BucketAmounts& buckets) {
  Json out;
  for (int i = 0; i < kAgingBuckets; ++i) {
    out[AgingBucketKey(static_cast<AgingBucket>(i))] = buckets[i].ToString();
  }
  return out;
}

Json PayerJson(const ReceivablesSummary& s) {
  Json out;
  out["client"] = s.client;
  out["name"] = s.name;
  out["usually_pays_in_days"] = NumberJson(s.usually_pays_in_days);
  out["average_delay_days"] = NumberJson(s.average_delay_days);
  out["dso_days"] = NumberJson(s.dso_days);
  out["last_payment"] = DateJson(s.last_payment);
  out["open"] = s.open.ToString();
  out["overdue"] = s.overdue.ToString();
  out["credit"] = s.credit.ToString();
  out["open_invoices"] = s.open_invoices;
  out["overdue_invoices"] = s.overdue_invoices;
  return out;
}

Json AgingJson(const AgingReport& aging, const std::vector<ReceivablesSummary>& payers) {
  Json out;
  out["as_of"] = aging.as_of.ToString();
  out["currency"] = std::string(aging.currency.code());
  Json clients = Json::array();
  for (const AgingRow& row : aging.clients) {
    Json item;
    item["client"] = row.client;
    item["name"] = row.name;
    item["buckets"] = BucketsJson(row.buckets);
    item["total"] = row.total.ToString();
    item["written_off"] = row.written_off.ToString();
    clients.push_back(std::move(item));
  }
  out["clients"] = std::move(clients);
  out["totals"] = BucketsJson(aging.totals);
  out["total"] = aging.total.ToString();
  out["written_off"] = aging.written_off.ToString();
  Json items = Json::array();
  for (const WrittenOffItem& w : aging.written_off_items) {
    Json item;
    item["client"] = w.client;
    item["invoice"] = w.invoice;
    item["due"] = w.due.ToString();
    item["unpaid"] = w.unpaid.ToString();
    items.push_back(std::move(item));
  }
  out["written_off_items"] = std::move(items);
  Json list = Json::array();
  for (const ReceivablesSummary& payer : payers) list.push_back(PayerJson(payer));
  out["payers"] = std::move(list);
  return out;
}

// `credited`: what credit notes took off each invoice (api/credited.h); an open item's
// `amount` is already net of it, `net` repeats it under its explicit name.
Json StatementJson(const Statement& s, const api_internal::CreditedAmounts& credited) {
  Json out;
  out["client"] = s.client;
  out["name"] = s.name;
  out["as_of"] = s.as_of.ToString();
  out["payments_from"] = DateJson(s.payments_from);
  out["currency"] = std::string(s.currency.code());
  Json items = Json::array();
  for (const StatementItem& i : s.open_items) {
    Json item;
    item["invoice"] = i.invoice;
    item["issued"] = i.issued.ToString();
    item["due"] = i.due.ToString();
    item["amount"] = i.amount.ToString();
    item["credited"] = api_internal::CreditedOn(credited, i.invoice, s.currency).ToString();
    item["net"] = i.amount.ToString();
    item["paid"] = i.paid.ToString();
    item["open"] = i.open.ToString();
    item["days_past_due"] = i.days_past_due;
    items.push_back(std::move(item));
  }
  out["open_items"] = std::move(items);
  Json payments = Json::array();
  for (const StatementPayment& p : s.payments) {
    Json payment;
    payment["payment"] = p.payment;
    payment["date"] = p.date.ToString();
    payment["amount"] = p.amount.ToString();
    Json applied = Json::array();
    for (const PaymentApplication& a : p.applied) {
      Json part;
      part["invoice"] = a.invoice;
      part["amount"] = a.amount.ToString();
      applied.push_back(std::move(part));
    }
    payment["applied"] = std::move(applied);
    payment["unapplied"] = p.unapplied.ToString();
    payments.push_back(std::move(payment));
  }
  out["payments"] = std::move(payments);
  if (!s.credit_notes.empty()) {  // a key of ledger 1.1: absent when there are none
    Json notes = Json::array();
    for (const StatementCreditNote& n : s.credit_notes) {
      Json note;
      note["credit_note"] = n.credit_note;
      note["invoice"] = n.invoice;
      note["date"] = n.date.ToString();
      note["amount"] = n.amount.ToString();
      note["reason"] = n.reason;
      notes.push_back(std::move(note));
    }
    out["credit_notes"] = std::move(notes);
  }
  out["total_open"] = s.total_open.ToString();
  out["credit"] = s.credit.ToString();
  out["balance"] = s.balance.ToString();
  return out;
}

ApiBody CsvBody(std::string text, std::string filename) {
  return ApiBody{"text/csv; charset=utf-8", std::move(text), std::move(filename)};
}

}  // namespace

Result<ApiAnswer> ApiService::GetAging(const ApiQuery& query) {
  auto lang = api_internal::ParseLangParam(query.lang);
  if (!lang) return std::unexpected(lang.error());
  auto csv = ParseCsv(query.format);
  if (!csv) return std::unexpected(csv.error());
  auto read = ReadAsOf(query.as_of);
  if (!read) return std::unexpected(read.error());
  const DatedRead& at = *read;
  const Workspace& workspace = *at.workspace;
  // The JSON does not depend on the language; the CSV's headers do.
  const std::string key = api_internal::CacheKey(
      "aging", {at.as_of.ToString(), *csv ? "csv" : "json", *csv ? LangKey(*lang) : ""});
  return Cached(at.version, key, [&]() -> Result<ApiBody> {
    auto settings = Settings::FromWorkspace(workspace);
    if (!settings) return std::unexpected(settings.error());
    auto store = open_store_();
    if (!store) return std::unexpected(store.error());
    // Client by client: the whole ledger is never held.
    AgingBuilder aging(workspace, at.as_of);
    std::vector<ReceivablesSummary> payers;
    const Status visited = (*store)->ForEachClient([&](ClientLedger&& client) -> Status {
      if (Status added = aging.Add(client); !added) return added;
      if (*csv) return {};
      auto summary = SummarizeReceivables(client, workspace, *settings, at.as_of);
      if (!summary) return std::unexpected(summary.error());
      payers.push_back(std::move(*summary));
      return {};
    });
    if (!visited) return std::unexpected(visited.error());
    if (*csv) {
      return CsvBody(RenderAging(aging.Take(), ReceivablesFormat::kCsv, *lang),
                     "aging-" + at.as_of.ToString() + ".csv");
    }
    return JsonBody(api_internal::Dump(AgingJson(aging.Take(), payers)));
  });
}

Result<ApiAnswer> ApiService::GetStatement(const std::string& id, const ApiQuery& query) {
  auto lang = api_internal::ParseLangParam(query.lang);
  if (!lang) return std::unexpected(lang.error());
  auto csv = ParseCsv(query.format);
  if (!csv) return std::unexpected(csv.error());
  auto read = ReadAsOf(query.as_of);
  if (!read) return std::unexpected(read.error());
  const DatedRead& at = *read;
  const Workspace& workspace = *at.workspace;
  std::optional<CivilDate> payments_from;
  if (!query.payments_from.empty()) {
    auto date = CivilDate::Parse(query.payments_from);
    if (!date) {
      return Fail(ErrorCode::kInvalidArgument, Msg("api.error.payments_from", query.payments_from));
    }
    payments_from = *date;
  }
  const std::string key = api_internal::CacheKey(
      "statement", {id, at.as_of.ToString(), payments_from ? payments_from->ToString() : "",
                    *csv ? "csv" : "json", *csv ? LangKey(*lang) : ""});
  return Cached(at.version, key, [&]() -> Result<ApiBody> {
    auto store = open_store_();
    if (!store) return std::unexpected(store.error());
    auto loaded = (*store)->LoadClient(id);
    if (!loaded) return std::unexpected(loaded.error());
    if (!*loaded) return Fail(ErrorCode::kNotFound, Msg("common.no_client", id));
    const ClientLedger& client = **loaded;
    auto statement = BuildStatement(client, workspace, at.as_of, payments_from);
    if (!statement) return std::unexpected(statement.error());
    if (*csv) {
      return CsvBody(RenderStatement(*statement, ReceivablesFormat::kCsv, *lang),
                     "statement-" + id + "-" + at.as_of.ToString() + ".csv");
    }
    return JsonBody(api_internal::Dump(
        StatementJson(*statement, api_internal::CreditedByInvoice(client, workspace, at.as_of))));
  });
}

}  // namespace addio
