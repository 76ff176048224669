// `addio alerts` (DESIGN.md section 12): budgets burning and what turned worse between
// --since and --as-of, listed; with --deliver, sent to the workspace's webhook or address
// (cli/dunning_command.h DeliverAlertsCommand).
#pragma once

#include <string>

#include "cli/commands.h"

namespace addio::cli {

struct AlertsOptions {
  Source source;
  std::string as_of;  // empty: today in the workspace time zone
  std::string since;  // empty: seven days before as_of
  std::string format = "table";
  bool pretty = false;
  bool deliver = false;
};
int Alerts(const Common& common, const AlertsOptions& options);

}  // namespace addio::cli
