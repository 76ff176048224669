#include "api/charts.h"

#include <nlohmann/json.hpp>

#include "api/json_util.h"

namespace addio {
namespace {

using api_internal::DateJson;
using api_internal::Json;
using api_internal::MoneyJson;
using api_internal::NumberJson;

}  // namespace

std::string ChartsJson(const ClientCharts& charts, const api_internal::CreditedAmounts& credited) {
  Json out;
  out["client"] = charts.client;
  out["name"] = charts.name;
  out["as_of"] = charts.as_of.ToString();
  out["window_start"] = charts.window_start.ToString();
  out["currency"] = std::string(charts.currency.code());
  out["grace_days"] = charts.grace_days;

  Json invoices = Json::array();
  for (const InvoiceDelay& d : charts.invoices) {
    Json item;
    item["invoice"] = d.invoice;
    item["issued"] = d.issued.ToString();
    item["due"] = d.due.ToString();
    item["amount"] = d.amount.ToString();
    item["credited"] =
        api_internal::CreditedOn(credited, d.invoice, d.amount.currency()).ToString();
    item["net"] = d.amount.ToString();
    item["settled"] = DateJson(d.settled);
    item["days_late"] = d.days_late;
    item["open"] = d.open;
    item["late"] = d.late;
    item["in_window"] = d.in_window;
    item["status"] = Name(d.status);
    invoices.push_back(std::move(item));
  }
  out["invoices"] = std::move(invoices);

  const ContactHeatmap& h = charts.contacts;
  Json contacts;
  contacts["timezone"] = h.timezone;
  Json counts = Json::array();
  for (const auto& row : h.counts) counts.push_back(row);
  contacts["counts"] = std::move(counts);
  contacts["total"] = h.total;
  contacts["after_hours"] = h.after_hours;
  contacts["working_hours"] = api_internal::WorkingHoursJson(h.working_hours);
  contacts["holidays_in_window"] = h.on_holidays;
  out["contacts"] = std::move(contacts);

  const RateComparison& r = charts.rate;
  Json rate;
  rate["effective_rate"] = MoneyJson(r.effective_rate);
  rate["reference_rate"] = MoneyJson(r.reference_rate);
  rate["target_hourly_rate"] = MoneyJson(r.target_hourly_rate);
  rate["rate_ratio"] = NumberJson(r.rate_ratio);
  rate["hours"] = NumberJson(r.hours);
  Json clients = Json::array();
  for (const ClientRatePoint& point : r.clients) {
    Json item;
    item["client"] = point.client;
    item["name"] = point.name;
    item["effective_rate"] = point.effective_rate.ToString();
    item["hours"] = NumberJson(point.hours);
    item["is_self"] = point.is_self;
    clients.push_back(std::move(item));
  }
  rate["clients"] = std::move(clients);
  out["rate"] = std::move(rate);

  Json projects = Json::array();
  for (const BurnUp& b : charts.projects) {
    Json item;
    item["project"] = b.project;
    item["name"] = b.name;
    item["pricing"] = Name(b.pricing);
    item["agreed_hours"] = NumberJson(b.agreed_hours);
    item["start"] = DateJson(b.start);
    item["end"] = DateJson(b.end);
    item["worked_hours"] = NumberJson(b.worked_hours);
    item["extra_hours"] = NumberJson(b.extra_hours);
    Json points = Json::array();
    for (const BurnUpPoint& p : b.points) {
      Json point;
      point["date"] = p.date.ToString();
      point["worked_hours"] = NumberJson(p.worked_hours);
      point["extra_hours"] = NumberJson(p.extra_hours);
      points.push_back(std::move(point));
    }
    item["points"] = std::move(points);
    projects.push_back(std::move(item));
  }
  out["projects"] = std::move(projects);

  Json history = Json::array();
  for (const HistoryPoint& p : charts.score_history) {
    Json point;
    point["date"] = p.date.ToString();
    point["score"] = p.score;
    point["verdict"] = VerdictKey(p.verdict);
    history.push_back(std::move(point));
  }
  out["score_history"] = std::move(history);
  return api_internal::Dump(out);
}

}  // namespace addio
