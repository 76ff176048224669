#include "cli/alerts_command.h"

#include "alerts/alerts.h"
#include "cli/dunning_command.h"
#include "report/alerts_report.h"

namespace addio::cli {

int Alerts(const Common& common, const AlertsOptions& options) {
  if (options.deliver) return DeliverAlertsCommand(common, options);
  auto ledger = LoadSource(common, options.source);
  if (!ledger) return ReportError(common, ledger.error());
  auto as_of = ResolveAsOf(common, options.as_of, ledger->workspace);
  if (!as_of) return ReportError(common, as_of.error());
  CivilDate since = as_of->AddDays(-kDefaultAlertDays);
  if (!options.since.empty()) {
    auto parsed = ParseDateOption(common, "--since", options.since);
    if (!parsed) return ReportError(common, parsed.error());
    since = *parsed;
  }
  auto report = FindAlerts(*ledger, since, *as_of);
  if (!report) return ReportError(common, report.error());
  WriteToStdout(options.format == "json" ? RenderAlertsJson(*report, common.lang, options.pretty)
                                         : RenderAlertsTable(*report, common.lang));
  return 0;
}

}  // namespace addio::cli
