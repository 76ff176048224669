// Letters: the facts behind them, the parts several letters share, and the entry points.
// The wording of each kind is in letters/payment_letters.cc and
// letters/relationship_letters.cc; the formats in letters/letter_text.cc.
#include "report/letters.h"

#include <algorithm>
#include <cctype>

#include "report/letters/letter_internal.h"
#include "report/report_internal.h"

namespace addio {
namespace letters {

std::vector<OpenItem> Facts::Overdue() const {
  std::vector<OpenItem> out;
  for (const OpenItem& item : open) {
    if (item.invoice->due < as_of) out.push_back(item);
  }
  return out;
}

const InvoiceLateInterest* Facts::InterestOn(const std::string& id) const {
  for (const InvoiceLateInterest& claim : interest.invoices) {
    if (claim.invoice == id) return &claim;
  }
  return nullptr;
}

namespace {

// How a tax id is introduced: "P. IVA IT01234567890", "C.F. RSSMRA80A01H501U",
// "VAT no. DE284719365".
std::string TaxLine(const std::string& tax_id, Lang lang) {
  const bool fiscal_code = tax_id.size() == 16 &&
                           std::isalpha(static_cast<unsigned char>(tax_id[0])) &&
                           std::isdigit(static_cast<unsigned char>(tax_id[6]));
  return Render(fiscal_code ? "letter.tax.fiscal_code" : "letter.tax.vat", lang, {tax_id});
}

// The closing words: formal letters close differently to companies and to people.
std::string Closing(const Facts& facts, bool company, bool formal) {
  if (!formal) return facts.Text("letter.closing.informal");
  return facts.Text(company ? "letter.closing.formal_company" : "letter.closing.formal_person");
}

// The lines of `text`, split at each newline.
std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  for (size_t start = 0;;) {
    const size_t end = text.find('\n', start);
    out.push_back(text.substr(start, end - start));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

// "2.15 + 8.00 = 10.15%": the reference rate, the margin and the rate they make.
std::string RateSum(const InterestLine& line, Lang lang) {
  const auto points = [lang](int bp) { return FormatFixed(bp / 100.0, 2, lang); };
  return points(line.reference_rate_bp) + " + " +
         points(line.annual_rate_bp - line.reference_rate_bp) + " = " +
         RatePercent(line.annual_rate_bp, lang);
}

}  // namespace

Letter Frame(const Facts& facts, std::string subject, bool formal) {
  const Client& client = facts.client->client;
  const bool company = client.kind == ClientKind::kCompany;
  const Lang lang = facts.options.lang;
  Letter letter;
  letter.kind = facts.options.kind;
  letter.lang = lang;
  if (!facts.workspace->name.empty()) letter.sender.push_back(facts.workspace->name);
  if (!facts.workspace->owner_emails.empty()) {
    letter.sender.push_back(facts.workspace->owner_emails.front());
  }
  // Italian letters put a form of address above the name ("Spett.le").
  letter.recipient = Lines(facts.Text("letter.recipient", {client.name}));
  if (!client.tax_id.empty()) letter.recipient.push_back(TaxLine(client.tax_id, lang));
  letter.date_line =
      (facts.options.place.empty() ? "" : facts.options.place + ", ") + LongDate(facts.as_of, lang);
  letter.subject = std::move(subject);
  // Italian business letters address the firm; "vi" follows in either case.
  letter.salutation = company ? facts.Text("letter.salutation.company")
                              : facts.Text("letter.salutation.person", {client.name});
  letter.closing = Closing(facts, company, formal);
  letter.signature = facts.workspace->name;
  return letter;
}

Result<LetterTable> InvoiceTable(const Facts& facts, const std::vector<OpenItem>& items) {
  const Lang lang = facts.options.lang;
  LetterTable table;
  for (const char* column : {"invoice", "issued", "due", "amount", "still_due", "days_late"}) {
    table.header.push_back(facts.Text(std::string("letter.col.") + column));
  }
  table.numeric = {false, false, false, true, true, true};
  std::vector<Money> open;
  for (const OpenItem& item : items) {
    table.rows.push_back({item.invoice->id, ShortDate(item.invoice->issued, lang),
                          ShortDate(item.invoice->due, lang), Amount(item.net, lang),
                          Amount(item.open, lang),
                          item.days_late > 0 ? std::to_string(item.days_late) : "–"});
    open.push_back(item.open);
  }
  auto total = Sum(open, *facts.workspace);
  if (!total) return std::unexpected(total.error());
  table.total = {facts.Text("letter.total"), "", "", "", Amount(*total, lang), ""};
  return table;
}

LetterTable InterestTable(const Facts& facts,
                          const std::vector<const InvoiceLateInterest*>& claims) {
  const Lang lang = facts.options.lang;
  LetterTable table;
  for (const char* column : {"invoice", "from", "to", "days", "on", "annual_rate", "interest"}) {
    table.header.push_back(facts.Text(std::string("letter.col.") + column));
  }
  table.numeric = {false, false, false, true, true, true, true};
  for (const InvoiceLateInterest* claim : claims) {
    for (const InterestLine& line : claim->lines) {
      table.rows.push_back({claim->invoice, ShortDate(line.from, lang), ShortDate(line.to, lang),
                            std::to_string(line.days), Amount(line.base, lang), RateSum(line, lang),
                            Amount(line.interest, lang)});
    }
  }
  return table;
}

std::string InterestLaw(const Facts& facts) { return facts.Text("letter.interest_law"); }

}  // namespace letters

const char* LetterKindKey(LetterKind kind) {
  switch (kind) {
    case LetterKind::kReminder:
      return "reminder";
    case LetterKind::kFormalNotice:
      return "formal-notice";
    case LetterKind::kRateIncrease:
      return "rate-increase";
    case LetterKind::kChangeOrder:
      return "change-order";
    case LetterKind::kOfficeHours:
      return "office-hours";
    case LetterKind::kTermination:
      return "termination";
  }
  return "reminder";
}

std::optional<LetterKind> ParseLetterKind(std::string_view key) {
  std::string normalized(key);
  std::replace(normalized.begin(), normalized.end(), '_', '-');
  for (LetterKind kind : kAllLetterKinds) {
    if (normalized == LetterKindKey(kind)) return kind;
  }
  return std::nullopt;
}

std::optional<LetterFormat> ParseLetterFormat(std::string_view name) {
  if (name == "txt" || name == "text") return LetterFormat::kText;
  if (name == "md" || name == "markdown") return LetterFormat::kMarkdown;
  if (name == "html") return LetterFormat::kHtml;
  return std::nullopt;
}

Result<Letter> ComposeLetter(const Ledger& ledger, const std::string& client_id, CivilDate as_of,
                             const LetterOptions& options) {
  const std::vector<ClientLedger> clients = SplitByClient(ledger);
  const auto found = std::find_if(clients.begin(), clients.end(),
                                  [&](const ClientLedger& c) { return c.client.id == client_id; });
  if (found == clients.end()) {
    return Fail(ErrorCode::kNotFound, Msg("common.no_client", client_id));
  }
  auto assessment = Assess(ledger, as_of, client_id);
  if (!assessment) return std::unexpected(assessment.error());
  return ComposeClientLetter(ledger.workspace, *found, *assessment, assessment->clients.front(),
                             options);
}

Result<Letter> ComposeClientLetter(const Workspace& workspace, const ClientLedger& records,
                                   const Assessment& assessment, const ClientAssessment& assessed,
                                   const LetterOptions& options) {
  const CivilDate as_of = assessment.as_of;
  const ClientLedger* found = &records;
  auto rules = RulesForWorkspace(Jurisdiction::kItalyEu, assessment.settings, workspace);
  if (!rules) return std::unexpected(rules.error());
  const ClientSnapshot snapshot(*found, workspace, as_of);
  auto interest = ComputeClientLateInterest(snapshot, *rules);
  if (!interest) return std::unexpected(interest.error());

  letters::Facts facts;
  facts.workspace = &workspace;
  facts.client = found;
  facts.assessment = &assessment;
  facts.assessed = &assessed;
  facts.as_of = as_of;
  facts.options = options;
  facts.rules = *rules;
  facts.interest = *interest;
  for (size_t i = 0; i < found->invoices.size(); ++i) {
    const Invoice& invoice = found->invoices[i];
    const InvoiceSettlement& settlement = snapshot.settlement(i);
    if (!snapshot.Exists(i) || invoice.status != InvoiceStatus::kIssued ||
        !settlement.open.is_positive()) {
      continue;
    }
    facts.open.push_back({&invoice, settlement.paid, settlement.open, settlement.net,
                          DaysBetween(invoice.due, as_of)});
  }
  std::sort(facts.open.begin(), facts.open.end(),
            [](const letters::OpenItem& a, const letters::OpenItem& b) {
              return a.invoice->due != b.invoice->due ? a.invoice->due < b.invoice->due
                                                      : a.invoice->id < b.invoice->id;
            });

  switch (options.kind) {
    case LetterKind::kReminder:
      return letters::Reminder(facts);
    case LetterKind::kFormalNotice:
      return letters::FormalNotice(facts);
    case LetterKind::kRateIncrease:
      return letters::RateIncrease(facts);
    case LetterKind::kChangeOrder:
      return letters::ChangeOrder(facts);
    case LetterKind::kOfficeHours:
      return letters::OfficeHours(facts);
    case LetterKind::kTermination:
      return letters::Termination(facts);
  }
  return Fail(ErrorCode::kInternal, Msg("letter.error.unknown_kind"));
}

Result<std::string> RenderLetter(const Ledger& ledger, const std::string& client, CivilDate as_of,
                                 const LetterOptions& options) {
  auto letter = ComposeLetter(ledger, client, as_of, options);
  if (!letter) return std::unexpected(letter.error());
  return FormatLetter(*letter, options.format);
}

}  // namespace addio
