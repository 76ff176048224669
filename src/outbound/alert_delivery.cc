#include "outbound/alert_delivery.h"

#include <cstdlib>
#include <functional>

#include "outbound/mail.h"
#include "report/alerts_report.h"

namespace addio {
namespace {

// What one delivery channel needs: its name and how to send one alert.
struct DeliveryChannel {
  const char* name;
  std::function<DeliveryResult(const Alert&)> send;
};

std::string WebhookBody(const AlertReport& report, const Alert& alert, Lang lang) {
  AlertReport one;
  one.since = report.since;
  one.as_of = report.as_of;
  one.alerts.push_back(alert);
  return RenderAlertsJson(one, lang, /*pretty=*/false);
}

}  // namespace

Result<std::vector<AlertDelivered>> DeliverAlerts(Store& store, const Workspace& workspace,
                                                  const AlertReport& report, Lang lang, Instant now,
                                                  const RetryPolicy& retry) {
  const AlertDelivery& to = workspace.alerts;
  if (to.webhook.empty() && to.email.empty()) {
    return Fail(ErrorCode::kInvalidArgument, Msg("alerts.no_delivery"));
  }
  std::vector<DeliveryChannel> channels;
  if (!to.webhook.empty()) {
    const char* secret = std::getenv(to.secret_env.c_str());
    if (to.secret_env.empty() || secret == nullptr) {
      return Fail(ErrorCode::kInvalidArgument, Msg("alerts.secret_unset", to.secret_env));
    }
    channels.push_back({"webhook", [&, key = std::string(secret)](const Alert& alert) {
                          return PostWebhook(
                              {to.webhook, key, alert.id, WebhookBody(report, alert, lang), now},
                              retry);
                        }});
  }
  std::string password;
  if (!to.email.empty()) {
    if (workspace.smtp.host.empty()) {
      return Fail(ErrorCode::kInvalidArgument, Msg("dunning.no_server"));
    }
    auto read = MailPassword(workspace.smtp);
    if (!read) return std::unexpected(read.error());
    password = *read;
    channels.push_back({"email", [&](const Alert& alert) {
                          MailMessage message;
                          message.from = workspace.smtp.from;
                          message.to = to.email;
                          message.subject = Msg("alerts.mail_subject", alert.name).In(lang);
                          message.text = alert.text.In(lang) + "\n";
                          message.message_id =
                              StableMessageId("addio-alert", alert.id, workspace.smtp.from);
                          message.date = now;
                          return SendMail(workspace.smtp, password, message);
                        }});
  }

  std::vector<AlertDelivered> out;
  for (const Alert& alert : report.alerts) {
    for (const DeliveryChannel& channel : channels) {
      AlertDelivered delivered;
      delivered.alert = alert.id;
      delivered.channel = channel.name;
      const std::vector<std::string> keys = {"alert:" + alert.id + ":" + channel.name};
      auto claimed = store.ClaimOutbox(keys, now, alert.client);
      if (!claimed) return std::unexpected(claimed.error());
      delivered.claimed = *claimed;
      if (delivered.claimed) {
        const DeliveryResult result = channel.send(alert);
        delivered.delivery = result.delivery;
        delivered.detail = result.detail;
        Status recorded;
        if (result.delivery == Delivery::kDelivered) {
          recorded = store.SettleOutbox(keys, now, result.detail);
        } else if (result.delivery == Delivery::kNotSent) {
          recorded = store.ReleaseOutbox(keys);
        }
        if (!recorded) return std::unexpected(recorded.error());
      }
      out.push_back(std::move(delivered));
    }
  }
  return out;
}

}  // namespace addio
