#include "report/dunning_report.h"

#include <algorithm>
#include <map>

#include "ledger/client_ledger.h"
#include "report/i18n.h"
#include "report/json_writer.h"
#include "report/report_internal.h"
#include "verdict/assessment.h"

namespace addio {
namespace {

constexpr DunningState kSectionOrder[] = {DunningState::kDue, DunningState::kNoAddress,
                                          DunningState::kManual, DunningState::kUnconfirmed,
                                          DunningState::kSent};

bool HasLetter(const DunningItem& item) {
  return item.step.action != DunningAction::kStopWork &&
         (item.state == DunningState::kDue || item.state == DunningState::kNoAddress);
}

std::string TypeName(const std::string& archetype, Lang lang) {
  const std::optional<Archetype> type = ParseArchetype(archetype);
  return type ? ArchetypeName(*type, lang) : archetype;
}

int MostDaysLate(const DunningItem& item) {
  int most = 0;
  for (const DunningInvoice& invoice : item.invoices) most = std::max(most, invoice.days_late);
  return most;
}

std::string StepLine(const DunningItem& item, Lang lang) {
  return Render("dunning.step", lang,
                {Arg(item.step_number), Arg(item.steps),
                 Arg::Key(std::string("dunning.action.") + Name(item.step.action))});
}

std::string InvoiceLine(const DunningInvoice& invoice, Lang lang) {
  return Render("dunning.invoice", lang,
                {Arg(invoice.days_late), Arg(invoice.id), Arg::Amount(invoice.open)});
}

std::string SectionHint(const DunningItem& item, Lang lang) {
  switch (item.state) {
    case DunningState::kNoAddress:
      return Tr("dunning.hint.no_address", lang);
    case DunningState::kManual:
      return Tr("dunning.hint.manual", lang);
    case DunningState::kUnconfirmed:
      return Render("dunning.hint.unconfirmed", lang, {Arg(item.keys.front())});
    case DunningState::kSent:
      return Render("dunning.hint.sent", lang, {Arg(item.outbox_detail)});
    case DunningState::kDue:
      return Render("dunning.hint.to", lang, {Arg(item.address)});
  }
  return {};
}

}  // namespace

DunningLetters::DunningLetters(const Ledger& ledger, const DunningPlan& plan)
    : ledger_(ledger), plan_(plan), clients_(SplitByClient(ledger)) {}

Result<Letter> DunningLetters::For(const DunningItem& item) const {
  const auto records = std::lower_bound(
      clients_.begin(), clients_.end(), item.client,
      [](const ClientLedger& c, const std::string& id) { return c.client.id < id; });
  const std::vector<ClientAssessment>& assessed = plan_.assessment->clients;
  const auto client = std::lower_bound(
      assessed.begin(), assessed.end(), item.client,
      [](const ClientAssessment& c, const std::string& id) { return c.client < id; });
  if (records == clients_.end() || records->client.id != item.client || client == assessed.end() ||
      client->client != item.client) {
    return Fail(ErrorCode::kNotFound, Msg("common.no_client", item.client));
  }
  LetterOptions options;
  options.kind = item.step.action == DunningAction::kFormalNotice ? LetterKind::kFormalNotice
                                                                  : LetterKind::kReminder;
  options.lang = item.lang;
  return ComposeClientLetter(ledger_.workspace, *records, *plan_.assessment, *client, options);
}

Message DunningWhy(const DunningItem& item) {
  const char* key = item.ladder.empty()             ? "dunning.why.builtin"
                    : item.ladder == item.archetype ? "dunning.why.own"
                                                    : "dunning.why.default";
  return Msg(key, MostDaysLate(item), Arg::Key("archetype." + item.archetype),
             item.step.after_days);
}

Result<std::string> RenderDunningTable(const Ledger& ledger, const DunningPlan& plan, Lang lang) {
  std::string out = Render("dunning.title", lang, {Arg::Date(plan.as_of)}) + "\n";
  if (plan.items.empty()) return out + "\n" + Tr("dunning.none", lang) + "\n";
  const DunningLetters letters(ledger, plan);
  int due = 0;
  for (DunningState state : kSectionOrder) {
    std::vector<const DunningItem*> items;
    for (const DunningItem& item : plan.items) {
      if (item.state == state) items.push_back(&item);
    }
    if (items.empty()) continue;
    if (state == DunningState::kDue) due = static_cast<int>(items.size());
    out += "\n" +
           Render(std::string("dunning.section.") + DunningStateKey(state), lang,
                  {Arg(items.size())}) +
           "\n";
    for (const DunningItem* item : items) {
      out += "  " + item->name + " (" + TypeName(item->archetype, lang) + ") — " +
             StepLine(*item, lang) + "\n";
      for (const DunningInvoice& invoice : item->invoices) {
        out += "      " + InvoiceLine(invoice, lang) + "\n";
      }
      if (state != DunningState::kSent) out += "      " + DunningWhy(*item).In(lang) + "\n";
      out += "      " + SectionHint(*item, lang) + "\n";
      if (HasLetter(*item)) {
        auto letter = letters.For(*item);
        if (!letter) return std::unexpected(letter.error());
        out += "      " +
               Render("dunning.letter_line", lang,
                      {Arg::Key(item->lang == Lang::kIt ? "dunning.lang.it" : "dunning.lang.en"),
                       Arg(letter->subject)}) +
               "\n";
      }
    }
  }
  if (due > 0) out += "\n" + Render("dunning.send_hint", lang, {Arg(due)}) + "\n";
  return out;
}

Result<std::string> RenderDunningJson(const Ledger& ledger, const DunningPlan& plan, Lang lang,
                                      bool pretty) {
  const DunningLetters letters(ledger, plan);
  JsonWriter json(pretty);
  json.BeginObject();
  json.Key("as_of");
  json.String(plan.as_of.ToString());
  json.Key("items");
  json.BeginArray();
  for (const DunningItem& item : plan.items) {
    json.BeginObject();
    json.Key("client");
    json.String(item.client);
    json.Key("name");
    json.String(item.name);
    json.Key("archetype");
    json.String(item.archetype);
    json.Key("ladder");
    json.String(item.ladder);
    json.Key("address");
    json.String(item.address);
    json.Key("lang");
    json.String(item.lang == Lang::kIt ? "it" : "en");
    json.Key("state");
    json.String(DunningStateKey(item.state));
    json.Key("step");
    json.BeginObject();
    json.Key("number");
    json.Int(item.step_number);
    json.Key("of");
    json.Int(item.steps);
    json.Key("after_days");
    json.Int(item.step.after_days);
    json.Key("action");
    json.String(Name(item.step.action));
    json.Key("channel");
    json.String(Name(item.step.channel));
    json.EndObject();
    json.Key("why");
    json.String(DunningWhy(item).In(lang));
    json.Key("invoices");
    json.BeginArray();
    for (const DunningInvoice& invoice : item.invoices) {
      json.BeginObject();
      json.Key("id");
      json.String(invoice.id);
      json.Key("due");
      json.String(invoice.due.ToString());
      json.Key("days_late");
      json.Int(invoice.days_late);
      json.Key("open");
      json.String(invoice.open.ToString());
      json.Key("currency");
      json.String(invoice.open.currency().code());
      json.EndObject();
    }
    json.EndArray();
    json.Key("keys");
    json.BeginArray();
    for (const std::string& key : item.keys) json.String(key);
    json.EndArray();
    json.Key("outbox");
    json.String(item.outbox_detail);
    json.Key("letter");
    if (HasLetter(item)) {
      auto letter = letters.For(item);
      if (!letter) return std::unexpected(letter.error());
      json.BeginObject();
      json.Key("subject");
      json.String(letter->subject);
      json.Key("text");
      json.String(FormatLetter(*letter, LetterFormat::kText));
      json.EndObject();
    } else {
      json.Null();
    }
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  return json.Take();
}

std::string RenderDunningHistory(const std::vector<OutboxEntry>& outbox,
                                 const std::vector<std::string>& invoices, const TimeZone& zone,
                                 Lang lang) {
  // One message claims the keys of all its invoices at once, with one detail: group them.
  struct Sent {
    std::string step, detail;
    OutboxState state;
    std::vector<std::string> invoices;
  };
  std::map<std::pair<int64_t, std::string>, Sent> messages;
  const std::string_view prefix = kDunningOutboxPrefix;
  for (const OutboxEntry& entry : outbox) {
    const size_t colon = entry.key.rfind(':');
    if (!entry.key.starts_with(prefix) || colon <= prefix.size()) continue;
    const std::string invoice = entry.key.substr(prefix.size(), colon - prefix.size());
    if (std::find(invoices.begin(), invoices.end(), invoice) == invoices.end()) continue;
    Sent& message = messages[{entry.claimed_at.unix_seconds(), entry.detail}];
    message.step = entry.key.substr(colon + 1);
    message.detail = entry.detail;
    message.state = entry.state;
    message.invoices.push_back(invoice);
  }
  if (messages.empty()) return {};
  std::string out = "\n" + Tr("dunning.history.title", lang) + "\n";
  for (const auto& [at, message] : messages) {
    std::string list;
    for (const std::string& id : message.invoices) list += (list.empty() ? "" : ", ") + id;
    out += "  " +
           Render(message.state == OutboxState::kSent ? "dunning.history.sent"
                                                      : "dunning.history.unconfirmed",
                  lang,
                  {Arg::Date(zone.ToLocal(Instant::FromUnixSeconds(at.first)).date),
                   Arg(message.step), Arg(list), Arg(message.detail)}) +
           "\n";
  }
  return out;
}

}  // namespace addio
