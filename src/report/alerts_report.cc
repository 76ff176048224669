#include "report/alerts_report.h"

#include <optional>
#include <vector>

#include "report/json_writer.h"
#include "report/report_internal.h"

namespace addio {
namespace {

void OptionalDate(JsonWriter& json, const std::optional<CivilDate>& date) {
  if (date) {
    json.String(date->ToString());
  } else {
    json.Null();
  }
}

void WriteDetails(JsonWriter& json, const Alert& alert) {
  switch (alert.kind) {
    case AlertKind::kBudget:
      json.Key("project");
      json.String(alert.budget->project);
      json.Key("project_name");
      json.String(alert.budget->project_name);
      json.Key("threshold");
      json.Int(alert.budget->threshold);
      json.Key("used_hours");
      json.Number(alert.budget->used_hours);
      json.Key("budget_hours");
      json.Number(alert.budget->budget_hours);
      json.Key("runs_out");
      OptionalDate(json, alert.budget->runs_out);
      json.Key("ran_out");
      OptionalDate(json, alert.budget->ran_out);
      return;
    case AlertKind::kSign:
      json.Key("sign");
      json.String(alert.sign);
      json.Key("before");
      json.String(LevelKey(alert.before));
      json.Key("now");
      json.String(LevelKey(alert.now));
      return;
    case AlertKind::kVerdict:
      json.Key("before");
      json.String(VerdictKey(*alert.was));
      json.Key("now");
      json.String(VerdictKey(*alert.is));
      return;
    case AlertKind::kLateRisk:
      json.Key("invoice");
      json.String(alert.invoice);
      json.Key("due");
      OptionalDate(json, alert.due);
      json.Key("p_late");
      json.Number(alert.p_late);
      return;
  }
}

}  // namespace

std::string RenderAlertsTable(const AlertReport& report, Lang lang) {
  std::string out =
      Render("alert.title", lang, {Arg(report.since.ToString()), Arg(report.as_of.ToString())}) +
      "\n\n";
  if (report.alerts.empty()) return out + Tr("alert.none", lang) + "\n";
  std::vector<std::vector<std::string>> rows = {{Tr("alert.column.kind", lang),
                                                 Tr("alert.column.client", lang),
                                                 Tr("alert.column.what", lang)}};
  for (const Alert& alert : report.alerts) {
    rows.push_back({Tr(std::string("alert.kind.") + AlertKindKey(alert.kind), lang),
                    Shortened(alert.name, 28), alert.text.In(lang)});
  }
  std::vector<size_t> widths(3, 0);
  for (const auto& row : rows) {
    for (size_t i = 0; i < 2; ++i) widths[i] = std::max(widths[i], DisplayWidth(row[i]));
  }
  for (const auto& row : rows) {
    out += PadRight(row[0], widths[0]) + "  " + PadRight(row[1], widths[1]) + "  " + row[2] + "\n";
  }
  return out;
}

std::string RenderAlertsJson(const AlertReport& report, Lang lang, bool pretty) {
  JsonWriter json(pretty);
  json.BeginObject();
  json.Key("since");
  json.String(report.since.ToString());
  json.Key("as_of");
  json.String(report.as_of.ToString());
  json.Key("alerts");
  json.BeginArray();
  for (const Alert& alert : report.alerts) {
    json.BeginObject();
    json.Key("id");
    json.String(alert.id);
    json.Key("kind");
    json.String(AlertKindKey(alert.kind));
    json.Key("client");
    json.String(alert.client);
    json.Key("name");
    json.String(alert.name);
    json.Key("text");
    json.String(alert.text.In(lang));
    WriteDetails(json, alert);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  return json.Take();
}

}  // namespace addio
