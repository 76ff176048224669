#include "cli/dunning_command.h"

#include <cstdlib>

#include "act/dunning.h"
#include "alerts/alerts.h"
#include "outbound/alert_delivery.h"
#include "outbound/dunning_send.h"
#include "report/dunning_report.h"

namespace addio::cli {
namespace {

Message SentLine(const DunningSent& sent) {
  const Arg action = Arg::Key(std::string("dunning.action.") + Name(sent.step.action));
  std::string invoices;
  for (const std::string& id : sent.invoices) invoices += (invoices.empty() ? "" : ", ") + id;
  if (!sent.claimed) return Msg("dunning.sent.taken", action, sent.name, invoices);
  switch (sent.delivery) {
    case Delivery::kDelivered:
      return Msg("dunning.sent.delivered", action, sent.name, sent.address, invoices);
    case Delivery::kNotSent:
      return Msg("dunning.sent.not_sent", action, sent.name, sent.detail);
    case Delivery::kUncertain:
      return Msg("dunning.sent.uncertain", action, sent.name, sent.detail);
  }
  return {};
}

// The records, the outbox and the plan as of --as-of: from the store (opened once, kept
// for sending) or from --ledger, which has no outbox.
struct Planned {
  std::unique_ptr<Store> store;  // null for --ledger
  Ledger ledger;
  DunningPlan plan;
};

Result<Planned> PlanSource(const Common& common, const DunningOptions& options) {
  Planned out;
  CivilDate as_of;
  std::vector<OutboxEntry> outbox;
  if (options.source.ledger.empty()) {
    auto read = OpenStoreAsOf(common, options.as_of);
    if (!read) return std::unexpected(read.error());
    auto ledger = read->store->Load();
    if (!ledger) return std::unexpected(ledger.error());
    auto recorded = read->store->Outbox(kDunningOutboxPrefix);
    if (!recorded) return std::unexpected(recorded.error());
    out.store = std::move(read->store);
    out.ledger = std::move(*ledger);
    as_of = read->as_of;
    outbox = std::move(*recorded);
  } else {
    auto ledger = LoadSource(common, options.source);
    if (!ledger) return std::unexpected(ledger.error());
    auto resolved = ResolveAsOf(common, options.as_of, ledger->workspace);
    if (!resolved) return std::unexpected(resolved.error());
    out.ledger = std::move(*ledger);
    as_of = *resolved;
  }
  auto plan = PlanDunning(out.ledger, as_of, outbox, common.lang);
  if (!plan) return std::unexpected(plan.error());
  out.plan = std::move(*plan);
  return out;
}

int Send(const Common& common, const DunningOptions& options) {
  if (!options.source.ledger.empty()) {
    return ReportError(common, {ErrorCode::kInvalidArgument, Msg("cli.dunning.send_needs_store")});
  }
  auto planned = PlanSource(common, options);
  if (!planned) return ReportError(common, planned.error());
  auto sent = SendDunning(*planned->store, planned->ledger, planned->plan, common.clock->Now());
  if (!sent) return ReportError(common, sent.error());
  if (sent->empty()) PrintLine(common, Msg("dunning.sent.nothing"));
  bool all_delivered = true;
  for (const DunningSent& one : *sent) {
    PrintLine(common, SentLine(one));
    all_delivered &= !one.claimed || one.delivery == Delivery::kDelivered;
  }
  return all_delivered ? 0 : 1;
}

int Release(const Common& common, const std::vector<std::string>& keys) {
  auto store = OpenStoreOf(common, OpenMode::kMustExist);
  if (!store) return ReportError(common, store.error());
  if (Status released = (*store)->ReleaseOutbox(keys); !released) {
    return ReportError(common, released.error());
  }
  for (const std::string& key : keys) PrintLine(common, Msg("dunning.released", key));
  return 0;
}

// The retry policy of webhook deliveries; ADDIO_RETRY_FIRST_WAIT_MS shortens the first
// wait (tests use it; the default is a second).
RetryPolicy WebhookRetry() {
  RetryPolicy retry;
  if (const char* wait = std::getenv("ADDIO_RETRY_FIRST_WAIT_MS")) {
    retry.first_wait = std::chrono::milliseconds(std::max(0, std::atoi(wait)));
  }
  return retry;
}

}  // namespace

int Dunning(const Common& common, const DunningOptions& options) {
  if (!options.release.empty()) return Release(common, options.release);
  if (options.send) return Send(common, options);
  auto planned = PlanSource(common, options);
  if (!planned) return ReportError(common, planned.error());
  const Ledger& ledger = planned->ledger;
  const DunningPlan& plan = planned->plan;
  if (options.format == "json") {
    auto json = RenderDunningJson(ledger, plan, common.lang, options.pretty);
    if (!json) return ReportError(common, json.error());
    WriteToStdout(*json);
  } else {
    auto table = RenderDunningTable(ledger, plan, common.lang);
    if (!table) return ReportError(common, table.error());
    WriteToStdout(*table);
  }
  return 0;
}

int DeliverAlertsCommand(const Common& common, const AlertsOptions& options) {
  if (!options.source.ledger.empty()) {
    return ReportError(common,
                       {ErrorCode::kInvalidArgument, Msg("cli.alerts.deliver_needs_store")});
  }
  auto read = OpenStoreAsOf(common, options.as_of);
  if (!read) return ReportError(common, read.error());
  auto ledger = read->store->Load();
  if (!ledger) return ReportError(common, ledger.error());
  CivilDate since = read->as_of.AddDays(-kDefaultAlertDays);
  if (!options.since.empty()) {
    auto parsed = ParseDateOption(common, "--since", options.since);
    if (!parsed) return ReportError(common, parsed.error());
    since = *parsed;
  }
  auto report = FindAlerts(*ledger, since, read->as_of);
  if (!report) return ReportError(common, report.error());
  auto delivered = DeliverAlerts(*read->store, ledger->workspace, *report, common.lang,
                                 common.clock->Now(), WebhookRetry());
  if (!delivered) return ReportError(common, delivered.error());
  int new_ones = 0;
  bool all_delivered = true;
  for (const AlertDelivered& one : *delivered) {
    if (!one.claimed) continue;
    ++new_ones;
    all_delivered &= one.delivery == Delivery::kDelivered;
    const char* key = one.delivery == Delivery::kDelivered ? "alerts.delivered"
                      : one.delivery == Delivery::kNotSent ? "alerts.not_delivered"
                                                           : "alerts.uncertain";
    PrintLine(common, Msg(key, one.alert, one.channel, one.detail));
  }
  if (new_ones == 0) PrintLine(common, Msg("alerts.nothing_new", delivered->size()));
  return all_delivered ? 0 : 1;
}

}  // namespace addio::cli
