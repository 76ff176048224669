#include "outbound/dunning_send.h"

#include "outbound/mail.h"
#include "report/dunning_report.h"

namespace addio {
namespace {

MailMessage MessageOf(const DunningItem& item, const Letter& letter, const MailServer& server,
                      Instant now) {
  MailMessage message;
  message.from = server.from;
  message.to = item.address;
  message.to_name = item.name;
  message.subject = letter.subject;
  message.text = FormatLetter(letter, LetterFormat::kText);
  message.html = FormatLetter(letter, LetterFormat::kHtml);
  std::string keys;
  for (const std::string& key : item.keys) keys += key + "\n";
  // The same for the same step of the same invoices: a repeat (there should be none)
  // would show as one message in the client's mailbox.
  message.message_id = StableMessageId("addio-dunning", keys, server.from);
  message.date = now;
  return message;
}

// Records the message as an outbound e-mail contact of the client.
Status RecordContact(Store& store, const DunningItem& item, Instant now, const std::string& id) {
  Ledger contact;
  Contact c;
  c.id = id;
  c.client = item.client;
  c.at = now;
  c.channel = Channel::kEmail;
  c.direction = Direction::kOutbound;
  contact.contacts.push_back(c);
  LedgerSource source;
  source.importers["contact"].insert("dunning");
  auto report = store.Import(contact, source, /*dry_run=*/false);
  if (!report) return std::unexpected(report.error());
  if (!report->ok()) {
    return Fail(ErrorCode::kValidation, Msg("dunning.contact_rejected", id, item.client));
  }
  return {};
}

}  // namespace

std::string DunningContactId(const std::string& client, CivilDate as_of, int after_days) {
  return "dunning-" + client + "-" + as_of.ToString() + "-" + std::to_string(after_days);
}

Result<std::vector<DunningSent>> SendDunning(Store& store, const Ledger& ledger,
                                             const DunningPlan& plan, Instant now) {
  const MailServer& server = ledger.workspace.smtp;
  std::vector<DunningSent> out;
  bool any_due = false;
  for (const DunningItem& item : plan.items) any_due |= item.state == DunningState::kDue;
  if (!any_due) return out;
  if (server.host.empty()) return Fail(ErrorCode::kInvalidArgument, Msg("dunning.no_server"));
  auto password = MailPassword(server);
  if (!password) return std::unexpected(password.error());

  const DunningLetters letters(ledger, plan);
  for (const DunningItem& item : plan.items) {
    if (item.state != DunningState::kDue) continue;
    DunningSent sent;
    sent.client = item.client;
    sent.name = item.name;
    sent.address = item.address;
    sent.step = item.step;
    for (const DunningInvoice& invoice : item.invoices) sent.invoices.push_back(invoice.id);
    // Composed before the claim: a letter that cannot be written claims nothing.
    auto letter = letters.For(item);
    if (!letter) return std::unexpected(letter.error());
    // The outbox detail: where the letter goes.
    const std::string& claim_note = item.address;
    auto claimed = store.ClaimOutbox(item.keys, now, claim_note);
    if (!claimed) return std::unexpected(claimed.error());
    sent.claimed = *claimed;
    if (sent.claimed) {
      const DeliveryResult result =
          SendMail(server, *password, MessageOf(item, *letter, server, now));
      sent.delivery = result.delivery;
      sent.detail = result.detail;
      Status recorded;
      switch (result.delivery) {
        case Delivery::kDelivered:
          // Settled first: whatever happens next, the outbox says it went.
          recorded = store.SettleOutbox(item.keys, now, claim_note);
          if (!recorded) return std::unexpected(recorded.error());
          sent.contact = DunningContactId(item.client, plan.as_of, item.step.after_days);
          recorded = RecordContact(store, item, now, sent.contact);
          break;
        case Delivery::kNotSent:
          recorded = store.ReleaseOutbox(item.keys);
          break;
        case Delivery::kUncertain:
          break;
      }
      if (!recorded) return std::unexpected(recorded.error());
    }
    out.push_back(std::move(sent));
  }
  return out;
}

}  // namespace addio
