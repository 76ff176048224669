// The alerts of alerts/alerts.h as a person reads them (an aligned table) and as programs
// read them (JSON), in English or Italian.
#pragma once

#include <string>

#include "alerts/alerts.h"
#include "core/catalogue.h"

namespace addio {

// A title with the period, then one line per alert: kind, client, what happened.
std::string RenderAlertsTable(const AlertReport& report, Lang lang);

// {"since", "as_of", "alerts": [{"id", "kind", "client", "name", "text", and per kind:
//  budget {"project", "project_name", "threshold", "used_hours", "budget_hours",
//  "runs_out", "ran_out"}, sign {"sign", "before", "now"}, verdict {"before", "now"},
//  late_risk {"invoice", "due", "p_late"}}]}. Dates YYYY-MM-DD or null.
std::string RenderAlertsJson(const AlertReport& report, Lang lang, bool pretty);

}  // namespace addio
