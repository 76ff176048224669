#include "act/dunning.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "act/ladder.h"
#include "ledger/client_ledger.h"
#include "ledger/snapshot.h"
#include "verdict/assessment.h"

namespace addio {
namespace {

std::string OutboxKey(const std::string& invoice, int after_days) {
  return kDunningOutboxPrefix + invoice + ":" + std::to_string(after_days);
}

// What the outbox holds for one invoice: the latest step recorded and its entry.
struct Recorded {
  int after_days = -1;
  const OutboxEntry* entry = nullptr;
};

// The outbox entries by invoice, each at its highest recorded step.
std::map<std::string, Recorded> RecordedSteps(const std::vector<OutboxEntry>& outbox) {
  std::map<std::string, Recorded> out;
  const std::string_view prefix = kDunningOutboxPrefix;
  for (const OutboxEntry& entry : outbox) {
    if (!entry.key.starts_with(prefix)) continue;
    const size_t colon = entry.key.rfind(':');
    if (colon <= prefix.size()) continue;
    const std::string invoice = entry.key.substr(prefix.size(), colon - prefix.size());
    const int days = std::atoi(entry.key.c_str() + colon + 1);
    Recorded& recorded = out[invoice];
    if (days > recorded.after_days) recorded = {days, &entry};
  }
  return out;
}

// The index of the last step of `steps` that `days_late` has reached and that is sent by
// mail (`by_mail`) or not; -1 when there is none.
int StepReached(const std::vector<DunningStep>& steps, int days_late, bool by_mail) {
  int reached = -1;
  for (size_t i = 0; i < steps.size(); ++i) {
    if (steps[i].after_days <= days_late && IsSentByMail(steps[i]) == by_mail) {
      reached = static_cast<int>(i);
    }
  }
  return reached;
}

Lang LetterLang(const Client& client, Lang unknown) {
  if (client.country.empty()) return unknown;
  return client.country == "IT" || client.country == "SM" || client.country == "VA" ? Lang::kIt
                                                                                    : Lang::kEn;
}

// One overdue invoice with the steps its lateness reached: the last letter, and the last
// step for the freelancer (stopping work does not replace the letters before it: a
// client who never had a formal notice still gets one).
struct Overdue {
  DunningInvoice invoice;
  int mail_step = -1;
  int manual_step = -1;
};

// The client's dunned invoices as of `as_of`, by due date then id.
std::vector<Overdue> OverdueInvoices(const ClientLedger& client, const Workspace& workspace,
                                     CivilDate as_of, const std::vector<DunningStep>& steps) {
  const ClientSnapshot snapshot(client, workspace, as_of);
  std::vector<Overdue> out;
  for (size_t i = 0; i < client.invoices.size(); ++i) {
    const Invoice& invoice = client.invoices[i];
    const int days_late = DaysBetween(invoice.due, as_of);
    if (!snapshot.Exists(i) || invoice.status != InvoiceStatus::kIssued || invoice.disputed ||
        snapshot.IsVoid(i) || days_late <= 0 || !snapshot.settlement(i).open.is_positive()) {
      continue;
    }
    const int mail_step = StepReached(steps, days_late, true);
    const int manual_step = StepReached(steps, days_late, false);
    if (mail_step < 0 && manual_step < 0) continue;
    out.push_back({{invoice.id, invoice.due, days_late, snapshot.settlement(i).open},
                   mail_step,
                   manual_step});
  }
  std::sort(out.begin(), out.end(), [](const Overdue& a, const Overdue& b) {
    return a.invoice.due != b.invoice.due ? a.invoice.due < b.invoice.due
                                          : a.invoice.id < b.invoice.id;
  });
  return out;
}

// The items of one client: the due letter (or the address it lacks), the manual step, and
// the steps already recorded.
void PlanClient(const Workspace& workspace, const ClientLedger& client,
                const std::string& archetype, CivilDate as_of,
                const std::map<std::string, Recorded>& recorded, Lang unknown_lang,
                std::vector<DunningItem>& out) {
  const LadderChoice ladder = LadderFor(workspace, archetype);
  const std::vector<Overdue> overdue = OverdueInvoices(client, workspace, as_of, ladder.steps);
  if (overdue.empty()) return;

  auto item_at = [&](int step, DunningState state) {
    DunningItem item;
    item.client = client.client.id;
    item.name = client.client.name;
    item.archetype = archetype;
    item.ladder = ladder.source;
    item.address = BillingAddress(client.client);
    item.lang = LetterLang(client.client, unknown_lang);
    item.step = ladder.steps[static_cast<size_t>(step)];
    item.step_number = step + 1;
    item.steps = static_cast<int>(ladder.steps.size());
    item.state = state;
    return item;
  };

  int letter_step = -1, manual_step = -1;
  // The invoices recorded before, by message: one claim records every invoice of a letter
  // at the same step, moment and address.
  using Recording = std::tuple<int, int64_t, std::string, OutboxState>;
  std::map<Recording, std::vector<DunningInvoice>> done;
  std::vector<DunningInvoice> to_send, manual;
  for (const Overdue& o : overdue) {
    if (o.manual_step >= 0) {
      manual.push_back(o.invoice);
      manual_step = std::max(manual_step, o.manual_step);
    }
    if (o.mail_step < 0) continue;
    const DunningStep& step = ladder.steps[static_cast<size_t>(o.mail_step)];
    const auto found = recorded.find(o.invoice.id);
    if (found != recorded.end() && found->second.after_days >= step.after_days) {
      const OutboxEntry& entry = *found->second.entry;
      done[{found->second.after_days, entry.claimed_at.unix_seconds(), entry.detail, entry.state}]
          .push_back(o.invoice);
      continue;
    }
    to_send.push_back(o.invoice);
    letter_step = std::max(letter_step, o.mail_step);
  }

  if (letter_step >= 0) {
    DunningItem item =
        item_at(letter_step, BillingAddress(client.client).empty() ? DunningState::kNoAddress
                                                                   : DunningState::kDue);
    item.invoices = to_send;
    for (const DunningInvoice& invoice : to_send) {
      item.keys.push_back(OutboxKey(invoice.id, item.step.after_days));
    }
    out.push_back(std::move(item));
  }
  if (manual_step >= 0) {
    DunningItem item = item_at(manual_step, DunningState::kManual);
    item.invoices = manual;
    out.push_back(std::move(item));
  }
  for (auto& [recording, invoices] : done) {
    const auto& [after_days, claimed_at, detail, state] = recording;
    // The ladder's step at that many days, or the step the invoice is at now when the
    // ladder changed since (the client changed type).
    int step = 0;
    for (size_t i = 0; i < ladder.steps.size(); ++i) {
      if (ladder.steps[i].after_days <= after_days) step = static_cast<int>(i);
    }
    DunningItem item = item_at(
        step, state == OutboxState::kSent ? DunningState::kSent : DunningState::kUnconfirmed);
    item.step.after_days = after_days;
    item.invoices = std::move(invoices);
    for (const DunningInvoice& invoice : item.invoices) {
      item.keys.push_back(OutboxKey(invoice.id, after_days));
    }
    item.outbox_detail = detail;
    out.push_back(std::move(item));
  }
}

}  // namespace

const char* DunningStateKey(DunningState state) {
  switch (state) {
    case DunningState::kDue:
      return "due";
    case DunningState::kNoAddress:
      return "no_address";
    case DunningState::kManual:
      return "manual";
    case DunningState::kSent:
      return "sent";
    case DunningState::kUnconfirmed:
      return "unconfirmed";
  }
  return "due";
}

std::string BillingAddress(const Client& client) {
  if (!client.billing_email.empty()) return client.billing_email;
  return client.emails.empty() ? std::string() : client.emails.front();
}

Result<DunningPlan> PlanDunning(const Ledger& ledger, CivilDate as_of,
                                const std::vector<OutboxEntry>& outbox, Lang unknown_lang) {
  if (Status names = CheckLadderNames(ledger.workspace); !names) {
    return std::unexpected(names.error());
  }
  auto assessment = Assess(ledger, as_of);
  if (!assessment) return std::unexpected(assessment.error());
  std::map<std::string, std::string> types;
  for (const ClientAssessment& client : assessment->clients) {
    types[client.client] = ArchetypeKey(client.archetype);
  }
  const std::map<std::string, Recorded> recorded = RecordedSteps(outbox);
  DunningPlan plan;
  plan.as_of = as_of;
  plan.assessment = std::make_shared<const Assessment>(std::move(*assessment));
  for (const ClientLedger& client : SplitByClient(ledger)) {
    PlanClient(ledger.workspace, client, types[client.client.id], as_of, recorded, unknown_lang,
               plan.items);
  }
  return plan;
}

}  // namespace addio
