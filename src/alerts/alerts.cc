#include "alerts/alerts.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "ledger/client_ledger.h"
#include "ledger/workspace_zone.h"
#include "predict/features.h"
#include "predict/forecast.h"
#include "predict/payment_book.h"

namespace addio {
namespace {

int LevelRank(Level level) {
  switch (level) {
    case Level::kAmber:
      return 1;
    case Level::kRed:
      return 2;
    case Level::kGreen:
    case Level::kUnknown:
      return 0;
  }
  return 0;
}

int VerdictRank(Verdict verdict) {
  switch (verdict) {
    case Verdict::kWatch:
      return 1;
    case Verdict::kRenegotiate:
      return 2;
    case Verdict::kPartWays:
      return 3;
    case Verdict::kKeep:
    case Verdict::kInsufficientData:
      return 0;
  }
  return 0;
}

// One work entry of a project: its local day and hours.
struct Hours {
  CivilDate day;
  double hours;
};

// How far `project` has burnt its budget by `as_of`; nullopt below the first threshold.
std::optional<BudgetBurn> BurnOf(const Project& project, const std::vector<Hours>& work,
                                 CivilDate as_of) {
  BudgetBurn burn;
  burn.project = project.id;
  burn.project_name = project.name;
  burn.budget_hours = *project.budget_hours;
  double recent = 0;
  const CivilDate pace_from = as_of.AddDays(-kPaceDays);
  for (const Hours& entry : work) {  // in day order
    if (entry.day > as_of) break;
    burn.used_hours += entry.hours;
    if (entry.day > pace_from) recent += entry.hours;
    if (!burn.ran_out && burn.used_hours >= burn.budget_hours) burn.ran_out = entry.day;
  }
  for (int threshold : kBudgetThresholds) {
    if (burn.used_hours * 100 >= threshold * burn.budget_hours) burn.threshold = threshold;
  }
  if (burn.threshold == 0) return std::nullopt;
  const double pace = recent / kPaceDays;  // hours a day
  if (!burn.ran_out && pace > 0) {
    const double days = std::ceil((burn.budget_hours - burn.used_hours) / pace);
    burn.runs_out = as_of.AddDays(static_cast<int>(std::min(days, 3650.0)));
  }
  return burn;
}

Message BurnText(const BudgetBurn& burn, const std::string& client_name) {
  Message detail = burn.ran_out    ? Msg("alert.budget.ran_out", Arg::Date(*burn.ran_out))
                   : burn.runs_out ? Msg("alert.budget.runs_out", Arg::Date(*burn.runs_out))
                                   : Msg("alert.budget.no_pace", kPaceDays / 7);
  return Msg("alert.budget", client_name, burn.project_name, burn.threshold,
             Arg::Num(burn.used_hours, 1), Arg::Num(burn.budget_hours, 1), Arg::Of(detail));
}

void AddBudgetAlerts(const ClientLedger& client, const TimeZone& zone, CivilDate since,
                     CivilDate as_of, std::vector<Alert>& out) {
  for (const Project& project : client.projects) {
    const bool budgeted =
        project.pricing != Pricing::kHourly && project.budget_hours && *project.budget_hours > 0;
    if (!budgeted || (project.start && *project.start > as_of) ||
        (project.end && *project.end < since)) {
      continue;
    }
    std::vector<Hours> work;
    for (const WorkEntry& entry : client.work) {  // by start
      if (entry.project == project.id) {
        work.push_back({zone.ToLocal(entry.start).date, entry.minutes / 60.0});
      }
    }
    const std::optional<BudgetBurn> burn = BurnOf(project, work, as_of);
    if (!burn) continue;
    Alert alert;
    alert.kind = AlertKind::kBudget;
    alert.id = "budget:" + project.id + ":" + std::to_string(burn->threshold);
    alert.client = client.client.id;
    alert.name = client.client.name;
    alert.text = BurnText(*burn, client.client.name);
    alert.budget = burn;
    out.push_back(std::move(alert));
  }
}

void AddChangeAlerts(const ClientAssessment* before, const ClientAssessment& now,
                     std::vector<Alert>& sign_alerts, std::vector<Alert>& verdict_alerts) {
  for (size_t i = 0; i < now.signs.size(); ++i) {
    const Finding& finding = now.signs[i];
    const Level was = before ? before->signs[i].level : Level::kUnknown;
    if (LevelRank(finding.level) == 0 || LevelRank(finding.level) <= LevelRank(was)) continue;
    Alert alert;
    alert.kind = AlertKind::kSign;
    alert.sign = finding.sign->key();
    alert.id = "sign:" + now.client + ":" + alert.sign + ":" + LevelKey(finding.level);
    alert.client = now.client;
    alert.name = now.name;
    alert.before = was;
    alert.now = finding.level;
    alert.text = Msg("alert.sign", now.name, Arg::Key("sign." + alert.sign),
                     Arg::Key(std::string("level.") + LevelKey(finding.level)),
                     Arg::Key(std::string("level.") + LevelKey(was)));
    sign_alerts.push_back(std::move(alert));
  }
  const Verdict was = before ? before->verdict : Verdict::kInsufficientData;
  if (VerdictRank(now.verdict) > VerdictRank(was)) {
    Alert alert;
    alert.kind = AlertKind::kVerdict;
    alert.id = "verdict:" + now.client + ":" + VerdictKey(now.verdict);
    alert.client = now.client;
    alert.name = now.name;
    alert.was = was;
    alert.is = now.verdict;
    alert.text = Msg("alert.verdict", now.name, Arg::Key(std::string("verdict.") + VerdictKey(was)),
                     Arg::Key(std::string("verdict.") + VerdictKey(now.verdict)));
    verdict_alerts.push_back(std::move(alert));
  }
}

Status AddLateRiskAlerts(const std::vector<ClientLedger>& clients, const Workspace& workspace,
                         const Settings& settings, CivilDate since, CivilDate as_of,
                         std::vector<Alert>& out) {
  PaymentBookBuilder builder(workspace, settings, as_of);
  for (const ClientLedger& client : clients) {
    if (Status added = builder.Add(client); !added) return added;
  }
  const PaymentBook book = builder.Take();
  const FeatureTable table(book, settings.grace_days);
  const PaymentModel now = TrainPaymentModel(book, table, as_of);
  const PaymentModel then = TrainPaymentModel(book, table, since);
  for (size_t i = 0; i < book.invoices.size(); ++i) {
    const BookInvoice& invoice = book.invoices[i];
    if (invoice.written_off || !OpenAt(invoice, as_of) ||
        DaysBetween(invoice.due, as_of) > settings.grace_days) {
      continue;  // not open, or already late: the dunning ladder's business
    }
    const InvoicePrediction p = PredictInvoice(now, book, table, i, as_of);
    if (p.band != Band::kHigh) continue;
    if (OpenAt(invoice, since) && PredictInvoice(then, book, table, i, since).band == Band::kHigh) {
      continue;  // it was already high
    }
    const BookClient& client = book.clients[invoice.client];
    Alert alert;
    alert.kind = AlertKind::kLateRisk;
    alert.id = "late_risk:" + invoice.id;
    alert.client = client.id;
    alert.name = client.name;
    alert.invoice = invoice.id;
    alert.p_late = p.p_late;
    alert.due = invoice.due;
    alert.text = Msg("alert.late_risk", client.name, invoice.id, Arg::Date(invoice.due),
                     Arg::Percent(p.p_late));
    out.push_back(std::move(alert));
  }
  return {};
}

}  // namespace

const char* AlertKindKey(AlertKind kind) {
  switch (kind) {
    case AlertKind::kBudget:
      return "budget";
    case AlertKind::kSign:
      return "sign";
    case AlertKind::kVerdict:
      return "verdict";
    case AlertKind::kLateRisk:
      return "late_risk";
  }
  return "budget";
}

Result<AlertReport> FindAlerts(const Ledger& ledger, CivilDate since, CivilDate as_of) {
  if (since >= as_of) {
    return std::unexpected(Error{ErrorCode::kInvalidArgument,
                                 Msg("alert.error.since", since.ToString(), as_of.ToString())});
  }
  auto settings = Settings::FromWorkspace(ledger.workspace);
  if (!settings) return std::unexpected(settings.error());
  auto before = Assess(ledger, since);
  if (!before) return std::unexpected(before.error());
  auto now = Assess(ledger, as_of);
  if (!now) return std::unexpected(now.error());

  AlertReport report{since, as_of, {}};
  const std::vector<ClientLedger> clients = SplitByClient(ledger);
  const TimeZone zone = ZoneOf(ledger.workspace);
  for (const ClientLedger& client : clients) {
    AddBudgetAlerts(client, zone, since, as_of, report.alerts);
  }
  std::map<std::string, const ClientAssessment*> was;
  for (const ClientAssessment& client : before->clients) was[client.client] = &client;
  std::vector<Alert> signs, verdicts;
  for (const ClientAssessment& client : now->clients) {
    const auto found = was.find(client.client);
    AddChangeAlerts(found == was.end() ? nullptr : found->second, client, signs, verdicts);
  }
  std::move(signs.begin(), signs.end(), std::back_inserter(report.alerts));
  std::move(verdicts.begin(), verdicts.end(), std::back_inserter(report.alerts));
  if (Status risk =
          AddLateRiskAlerts(clients, ledger.workspace, *settings, since, as_of, report.alerts);
      !risk) {
    return std::unexpected(risk.error());
  }
  std::stable_sort(report.alerts.begin(), report.alerts.end(), [](const Alert& a, const Alert& b) {
    return std::tie(a.kind, a.client) < std::tie(b.kind, b.client);
  });
  return report;
}

}  // namespace addio
