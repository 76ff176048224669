// `addio alerts` (DESIGN.md section 12): budgets burning and what turned worse between
// --since and --as-of, listed (delivery comes with `--deliver`, not built yet).
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
};
int Alerts(const Common& common, const AlertsOptions& options);

}  // namespace addio::cli
