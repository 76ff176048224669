// `addio alerts --deliver`: each alert (alerts/alerts.h) delivered once to where the
// workspace says (ledger AlertDelivery): a webhook, signed (outbound/webhook.h), and/or an
// e-mail address through the workspace's mail server. Once per alert id and channel,
// through the outbox of store.h as for dunning: the key "alert:<id>:<channel>" is claimed
// before sending, settled when delivered, released when certainly not delivered (the
// next run tries again), and left claimed when the outcome is unknown. The webhook body
// is the alerts JSON of report/alerts_report.h holding that one alert.
#pragma once

#include <string>
#include <vector>

#include "alerts/alerts.h"
#include "core/catalogue.h"
#include "core/result.h"
#include "outbound/delivery.h"
#include "outbound/webhook.h"
#include "store/store.h"

namespace addio {

struct AlertDelivered {
  std::string alert;     // the alert's id
  std::string channel;   // "webhook" or "email"
  bool claimed = false;  // false: delivered (or attempted) by an earlier run; nothing done
  Delivery delivery = Delivery::kNotSent;
  std::string detail;
};

// Delivers the alerts of `report` not yet delivered, in `lang`, at `now`. Errors, before
// anything is claimed: kInvalidArgument when the workspace names no webhook and no
// address, when the webhook's secret variable is not set, or when an address is given
// and no mail server is (or its password cannot be read); kStore when the database
// refuses.
Result<std::vector<AlertDelivered>> DeliverAlerts(Store& store, const Workspace& workspace,
                                                  const AlertReport& report, Lang lang, Instant now,
                                                  const RetryPolicy& retry);

}  // namespace addio
