#include "report/charts.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "core/catalogue.h"
#include "ledger/allocation.h"
#include "ledger/snapshot.h"
#include "signals/metrics.h"
#include "signals/signals.h"

namespace addio {
namespace {

std::vector<InvoiceDelay> InvoiceDelays(const ClientLedger& client, const Workspace& workspace,
                                        const Context& context, CivilDate window_start) {
  const CivilDate as_of = context.as_of;
  const ClientSnapshot snapshot(client, workspace, as_of);
  std::vector<InvoiceDelay> delays;
  for (size_t i = 0; i < client.invoices.size(); ++i) {
    const Invoice& invoice = client.invoices[i];
    if (invoice.due > as_of || invoice.issued > as_of || snapshot.IsVoid(i)) continue;
    const InvoiceSettlement& settlement = snapshot.settlement(i);
    InvoiceDelay delay;
    delay.invoice = invoice.id;
    delay.issued = invoice.issued;
    delay.due = invoice.due;
    const Money& net = snapshot.NetAmount(i);
    auto converted = Convert(net, workspace.currency, workspace);
    delay.amount = converted ? *converted : net;
    delay.settled = settlement.settled;
    delay.open = !settlement.settled.has_value();
    delay.days_late = snapshot.DaysLate(i);
    delay.late = delay.days_late > context.settings.grace_days;
    delay.in_window = invoice.due >= window_start;
    delay.status = invoice.status;
    delays.push_back(std::move(delay));
  }
  std::stable_sort(delays.begin(), delays.end(), [](const InvoiceDelay& a, const InvoiceDelay& b) {
    return a.due != b.due ? a.due < b.due : a.invoice < b.invoice;
  });
  return delays;
}

ContactHeatmap Heatmap(const ClientLedger& client, const Workspace& workspace,
                       const Context& context, CivilDate window_start,
                       const ClientAssessment& assessed) {
  ContactHeatmap heatmap;
  heatmap.timezone = context.zone.name();
  heatmap.working_hours = workspace.working_hours;
  const std::set<CivilDate> holidays(workspace.holidays.begin(), workspace.holidays.end());
  for (const Contact& contact : client.contacts) {
    if (contact.direction != Direction::kInbound) continue;
    const LocalDateTime local = context.zone.ToLocal(contact.at);
    if (local.date < window_start || local.date > context.as_of) continue;
    const int weekday = static_cast<int>(local.date.weekday());
    ++heatmap.counts[weekday][local.seconds_of_day / 3600];
    ++heatmap.total;
    if (holidays.contains(local.date)) ++heatmap.on_holidays;
  }
  heatmap.after_hours =
      static_cast<int>(Read(assessed.signs, metrics::kAfterHoursContacts).value_or(0));
  return heatmap;
}

RateComparison Rates(const Assessment& assessment, const ClientAssessment& self) {
  RateComparison rate;
  rate.effective_rate = self.economics.effective_rate;
  rate.reference_rate = Read(self.signs, metrics::kReferenceRate);
  rate.target_hourly_rate = assessment.target_hourly_rate;
  rate.rate_ratio = Read(self.signs, metrics::kRateRatio);
  rate.hours = self.economics.hours;
  for (const ClientAssessment& other : assessment.clients) {
    if (!other.economics.effective_rate) continue;
    rate.clients.push_back({other.client, other.name, *other.economics.effective_rate,
                            other.economics.hours, other.client == self.client});
  }
  std::stable_sort(rate.clients.begin(), rate.clients.end(),
                   [](const ClientRatePoint& a, const ClientRatePoint& b) {
                     if (a.effective_rate.wide_minor() != b.effective_rate.wide_minor()) {
                       return a.effective_rate.wide_minor() > b.effective_rate.wide_minor();
                     }
                     return a.client < b.client;
                   });
  return rate;
}

std::vector<BurnUp> BurnUps(const ClientLedger& client, const Context& context) {
  std::map<std::string_view, const Project*> projects;
  for (const Project& project : client.projects) projects[project.id] = &project;
  // Unpaid extras: out of scope without an accepted change order.
  std::set<std::string_view> extras;
  for (const Request& request : client.requests) {
    if (!request.in_scope && request.change_order != ChangeOrder::kAccepted) {
      extras.insert(request.id);
    }
  }
  // Minutes per project and local day: all work, and the unpaid-extra part.
  std::map<std::string_view, std::map<CivilDate, std::pair<int64_t, int64_t>>> days;
  for (const WorkEntry& work : client.work) {
    if (work.project.empty() || !projects.contains(work.project)) continue;
    const CivilDate date = context.zone.ToLocal(work.start).date;
    if (date > context.as_of) continue;
    auto& [worked, extra] = days[work.project][date];
    worked += work.minutes;
    const bool hourly = projects[work.project]->pricing == Pricing::kHourly;
    if (extras.contains(work.request) && (!hourly || !work.billable)) extra += work.minutes;
  }
  std::vector<BurnUp> burn_ups;
  for (const Project& project : client.projects) {
    if (project.start && *project.start > context.as_of) continue;
    BurnUp burn_up;
    burn_up.agreed_hours = AgreedHours(project, client, context);
    const auto it = days.find(project.id);
    if (it == days.end() && !burn_up.agreed_hours) continue;
    burn_up.project = project.id;
    burn_up.name = project.name;
    burn_up.pricing = project.pricing;
    burn_up.start = project.start;
    burn_up.end = project.end;
    int64_t worked = 0, extra = 0;
    if (it != days.end()) {
      for (const auto& [date, minutes] : it->second) {
        worked += minutes.first;
        extra += minutes.second;
        burn_up.points.push_back(
            {date, static_cast<double>(worked) / 60.0, static_cast<double>(extra) / 60.0});
      }
    }
    burn_up.worked_hours = static_cast<double>(worked) / 60.0;
    burn_up.extra_hours = static_cast<double>(extra) / 60.0;
    burn_ups.push_back(std::move(burn_up));
  }
  return burn_ups;
}

}  // namespace

Result<ClientCharts> ComputeCharts(const ClientLedger& client, const Workspace& workspace,
                                   const Assessment& assessment,
                                   const std::vector<HistoryPoint>& history) {
  const ClientAssessment* self = nullptr;
  for (const ClientAssessment& candidate : assessment.clients) {
    if (candidate.client == client.client.id) self = &candidate;
  }
  if (self == nullptr) {
    return Fail(ErrorCode::kNotFound, Msg("common.no_client", client.client.id));
  }
  auto context = MakeContext(workspace, assessment.as_of);
  if (!context) return std::unexpected(context.error());

  ClientCharts charts;
  charts.client = client.client.id;
  charts.name = client.client.name;
  charts.as_of = assessment.as_of;
  charts.window_start = assessment.as_of.AddDays(1 - context->settings.window_days);
  charts.currency = workspace.currency;
  charts.grace_days = context->settings.grace_days;
  charts.invoices = InvoiceDelays(client, workspace, *context, charts.window_start);
  charts.contacts = Heatmap(client, workspace, *context, charts.window_start, *self);
  charts.rate = Rates(assessment, *self);
  charts.projects = BurnUps(client, *context);
  charts.score_history = history;
  return charts;
}

}  // namespace addio
