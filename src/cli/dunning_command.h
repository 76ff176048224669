// `addio dunning` (DESIGN.md section 12): what the dunning ladders ask for today, per
// client and step, with the rule and the letter (act/dunning.h); `--send` sends the due
// letters by e-mail, each step of each invoice once (outbound/dunning_send.h);
// `--release KEY` lets an unconfirmed step be sent again.
// `addio alerts --deliver` delivers the alerts (outbound/alert_delivery.h).
#pragma once

#include <string>
#include <vector>

#include "cli/alerts_command.h"
#include "cli/commands.h"

namespace addio::cli {

struct DunningOptions {
  Source source;
  std::string as_of;  // empty: today in the workspace time zone
  std::string format = "table";
  bool pretty = false;
  bool send = false;
  std::vector<std::string> release;  // outbox keys to release; nothing else is done
};
int Dunning(const Common& common, const DunningOptions& options);

// `addio alerts --deliver`: the alerts of `options` delivered to the workspace's webhook
// and/or address, each once.
int DeliverAlertsCommand(const Common& common, const AlertsOptions& options);

}  // namespace addio::cli
