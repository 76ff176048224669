// Letters: the facts behind them, the parts several letters share, and the entry points.
// The wording of each kind is in letters/payment_letters.cc and
// letters/relationship_letters.cc; the formats in letters/letter_text.cc.
#include "report/letters.h"

#include <algorithm>
#include <cctype>

#include "report/letters/letter_internal.h"
#include "report/report_internal.h"
#include "signals/wording.h"

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
  if (lang == Lang::kIt) return (fiscal_code ? "C.F. " : "P. IVA ") + tax_id;
  return (fiscal_code ? "Tax code " : "VAT no. ") + tax_id;
}

// "2.15 + 8.00 = 10.15%": the reference rate, the margin and the rate they make.
std::string RateSum(const InterestLine& line, Lang lang) {
  const auto points = [lang](int bp) { return FormatNumber(bp / 100.0, 2, LangCode(lang)); };
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
  if (facts.it()) letter.recipient.push_back("Spett.le");
  letter.recipient.push_back(client.name);
  if (!client.tax_id.empty()) letter.recipient.push_back(TaxLine(client.tax_id, lang));
  letter.date_line =
      (facts.options.place.empty() ? "" : facts.options.place + ", ") + LongDate(facts.as_of, lang);
  letter.subject = std::move(subject);
  if (facts.it()) {
    // Italian business letters address the firm; "vi" follows in either case.
    letter.salutation = company ? "Gentili Signori," : "Spettabile " + client.name + ",";
    letter.closing = formal ? "Distinti saluti" : "Cordiali saluti";
  } else {
    letter.salutation = company ? "Dear Sir or Madam," : "Dear " + client.name + ",";
    letter.closing = !formal ? "Kind regards," : company ? "Yours faithfully," : "Yours sincerely,";
  }
  letter.signature = facts.workspace->name;
  return letter;
}

Result<LetterTable> InvoiceTable(const Facts& facts, const std::vector<OpenItem>& items) {
  const Lang lang = facts.options.lang;
  LetterTable table;
  table.header = facts.it() ? std::vector<std::string>{"Fattura", "Emessa il",  "Scadenza",
                                                       "Importo", "Da saldare", "Giorni di ritardo"}
                            : std::vector<std::string>{"Invoice", "Issued",    "Due",
                                                       "Amount",  "Still due", "Days late"};
  table.numeric = {false, false, false, true, true, true};
  std::vector<Money> open;
  for (const OpenItem& item : items) {
    table.rows.push_back({item.invoice->id, ShortDate(item.invoice->issued, lang),
                          ShortDate(item.invoice->due, lang), Amount(item.invoice->amount, lang),
                          Amount(item.open, lang),
                          item.days_late > 0 ? std::to_string(item.days_late) : "–"});
    open.push_back(item.open);
  }
  auto total = Sum(open, *facts.workspace);
  if (!total) return std::unexpected(total.error());
  table.total = {facts.it() ? "Totale" : "Total", "", "", "", Amount(*total, lang), ""};
  return table;
}

LetterTable InterestTable(const Facts& facts,
                          const std::vector<const InvoiceLateInterest*>& claims) {
  const Lang lang = facts.options.lang;
  LetterTable table;
  table.header = facts.it()
                     ? std::vector<std::string>{"Fattura", "Dal",         "Al",       "Giorni",
                                                "Su",      "Tasso annuo", "Interessi"}
                     : std::vector<std::string>{"Invoice", "From",        "To",      "Days",
                                                "On",      "Annual rate", "Interest"};
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

std::string InterestLaw(const Facts& facts) {
  return facts.it() ? "D.Lgs. 231/2002" : "Legislative Decree 231/2002 (EU Directive 2011/7/EU)";
}

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
  const bool it = options.lang == Lang::kIt;
  const std::vector<ClientLedger> clients = SplitByClient(ledger);
  const auto found = std::find_if(clients.begin(), clients.end(),
                                  [&](const ClientLedger& c) { return c.client.id == client_id; });
  if (found == clients.end()) {
    return Fail(ErrorCode::kNotFound,
                (it ? "nessun cliente con id " : "no client with id ") + client_id);
  }
  auto assessment = Assess(ledger, as_of, client_id);
  if (!assessment) return std::unexpected(assessment.error());
  auto rules = RulesForWorkspace(Jurisdiction::kItalyEu, assessment->settings, ledger.workspace);
  if (!rules) return std::unexpected(rules.error());
  const ClientSnapshot snapshot(*found, ledger.workspace, as_of);
  auto interest = ComputeClientLateInterest(snapshot, *rules);
  if (!interest) return std::unexpected(interest.error());

  letters::Facts facts;
  facts.workspace = &ledger.workspace;
  facts.client = &*found;
  facts.assessment = &*assessment;
  facts.assessed = &assessment->clients.front();
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
    facts.open.push_back(
        {&invoice, settlement.paid, settlement.open, DaysBetween(invoice.due, as_of)});
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
  return Fail(ErrorCode::kInternal, "unknown letter kind");
}

Result<std::string> RenderLetter(const Ledger& ledger, const std::string& client, CivilDate as_of,
                                 const LetterOptions& options) {
  auto letter = ComposeLetter(ledger, client, as_of, options);
  if (!letter) return std::unexpected(letter.error());
  return FormatLetter(*letter, options.format);
}

}  // namespace addio
