#include "report/receivables_report.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include "ledger/csv.h"
#include "report/report_internal.h"

namespace addio {
namespace {

// ---- Words: every header and label of these documents is a catalogue entry
// render.receivables.<key> (src/report/i18n/<lang>/render.json). ----

std::string L(std::string_view key, Lang lang) {
  return Tr("render.receivables." + std::string(key), lang);
}

// ---- Numbers and dates. ----

// "1234.50" -> "1,234.50" (en) or "1.234,50" (it).
std::string Localize(const std::string& plain, Lang lang) {
  const std::string group = Tr("format.group", lang);
  const std::string decimal = Tr("format.decimal", lang);
  const size_t sign = !plain.empty() && plain[0] == '-' ? 1 : 0;
  const size_t point = std::min(plain.find('.'), plain.size());
  std::string out = plain.substr(0, sign);
  for (size_t i = sign; i < point; ++i) {
    if (i > sign && (point - i) % 3 == 0) out += group;
    out += plain[i];
  }
  if (point < plain.size()) out += decimal + plain.substr(point + 1);
  return out;
}

std::string Amount(const Money& money, Lang lang, bool human) {
  return human ? Localize(money.ToString(), lang) : money.ToString();
}

std::string WithCode(const Money& money, Lang lang) {
  return Localize(money.ToString(), lang) + " " + std::string(money.currency().code());
}

std::string Date(CivilDate date, Lang lang, bool human) {
  if (!human || lang == Lang::kEn) return date.ToString();
  char text[16];
  std::snprintf(text, sizeof text, "%02d/%02d/%04d", date.day(), date.month(), date.year());
  return text;
}

// Basis points as a percentage with two decimals: 1050 -> "10.50%" (human) or "10.50".
// `localized` without `human` gives the localized number with no sign: "10,50" in Italian.
std::string Percent(int bp, Lang lang, bool human, bool localized = false) {
  const int magnitude = bp < 0 ? -bp : bp;
  char text[32];
  std::snprintf(text, sizeof text, "%s%d.%02d", bp < 0 ? "-" : "", magnitude / 100,
                magnitude % 100);
  if (human) return Localize(text, lang) + "%";
  return localized ? Localize(text, lang) : std::string(text);
}

// ---- A document: a title, facts, tables, closing facts; laid out per format. ----

struct Table {
  std::string title;  // may be empty
  std::vector<std::string> headers;
  std::vector<bool> numeric;  // right-aligned columns
  std::vector<std::vector<std::string>> rows;
  std::vector<std::vector<std::string>> footer;  // total rows, may be empty
  std::string empty_text;                        // shown instead of an empty table
};

struct Document {
  Lang lang = Lang::kEn;
  std::string title;
  std::vector<std::pair<std::string, std::string>> facts;
  std::vector<Table> tables;
  std::vector<std::pair<std::string, std::string>> closing;
};

std::string RightTrim(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

// Text cells wider than this are shortened in terminal tables (a credit note's reason, a
// long name); the other formats keep them whole.
constexpr size_t kTextCellColumns = 60;

void TextTable(Table table, std::string& out) {
  if (!table.title.empty()) out += table.title + "\n\n";
  if (table.rows.empty()) {
    out += table.empty_text + "\n\n";
    return;
  }
  for (auto& row : table.rows) {
    for (size_t c = 0; c < row.size(); ++c) {
      if (!table.numeric[c]) row[c] = Shortened(row[c], kTextCellColumns);
    }
  }
  std::vector<size_t> widths(table.headers.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], DisplayWidth(row[c]));
  };
  measure(table.headers);
  for (const auto& row : table.rows) measure(row);
  for (const auto& row : table.footer) measure(row);
  auto line = [&](const std::vector<std::string>& row) {
    std::string text;
    for (size_t c = 0; c < row.size(); ++c) {
      if (c > 0) text += "  ";
      text += table.numeric[c] ? PadLeft(row[c], widths[c]) : PadRight(row[c], widths[c]);
    }
    out += RightTrim(std::move(text)) + "\n";
  };
  auto rule = [&] {
    std::string text;
    for (size_t c = 0; c < widths.size(); ++c)
      text += (c > 0 ? "  " : "") + std::string(widths[c], '-');
    out += text + "\n";
  };
  line(table.headers);
  rule();
  for (const auto& row : table.rows) line(row);
  if (!table.footer.empty()) {
    rule();
    for (const auto& row : table.footer) line(row);
  }
  out += "\n";
}

std::string RenderText(const Document& doc) {
  std::string out = doc.title + "\n" + std::string(DisplayWidth(doc.title), '=') + "\n";
  for (const auto& [key, value] : doc.facts) out += key + ": " + value + "\n";
  out += "\n";
  for (const Table& table : doc.tables) TextTable(table, out);
  for (const auto& [key, value] : doc.closing) out += key + ": " + value + "\n";
  return RightTrim(out.substr(0, out.find_last_not_of('\n') + 1)) + "\n";
}

std::string RenderMarkdown(const Document& doc) {
  std::string out = "# " + MarkdownEscape(doc.title) + "\n\n";
  for (const auto& [key, value] : doc.facts) {
    out += "- **" + MarkdownEscape(key) + ":** " + MarkdownEscape(value) + "\n";
  }
  for (const Table& table : doc.tables) {
    out += "\n";
    if (!table.title.empty()) out += "## " + MarkdownEscape(table.title) + "\n\n";
    if (table.rows.empty()) {
      out += MarkdownEscape(table.empty_text) + "\n";
      continue;
    }
    auto row = [&](const std::vector<std::string>& cells, bool strong) {
      out += "|";
      for (const std::string& cell : cells) {
        const bool emphasize = strong && !cell.empty();
        out += " " + std::string(emphasize ? "**" : "") + MarkdownEscape(cell) +
               (emphasize ? "**" : "") + " |";
      }
      out += "\n";
    };
    row(table.headers, false);
    out += "|";
    for (bool numeric : table.numeric) out += numeric ? " ---: |" : " --- |";
    out += "\n";
    for (const auto& cells : table.rows) row(cells, false);
    for (const auto& cells : table.footer) row(cells, true);
  }
  if (!doc.closing.empty()) out += "\n";
  for (const auto& [key, value] : doc.closing) {
    out += "- **" + MarkdownEscape(key) + ":** " + MarkdownEscape(value) + "\n";
  }
  return out;
}

void HtmlFacts(const std::vector<std::pair<std::string, std::string>>& facts, std::string& out) {
  if (facts.empty()) return;
  out += "<dl>\n";
  for (const auto& [key, value] : facts) {
    out += "<dt>" + HtmlEscape(key) + "</dt><dd>" + HtmlEscape(value) + "</dd>\n";
  }
  out += "</dl>\n";
}

std::string RenderHtml(const Document& doc) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + std::string(LangKey(doc.lang)) +
                    "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + HtmlEscape(doc.title) +
                    "</title>\n<style>\n"
                    "body{font-family:system-ui,sans-serif;margin:2rem;color:#222}\n"
                    "table{border-collapse:collapse;margin-bottom:1.5rem}\n"
                    "th,td{padding:.25rem .75rem;border-bottom:1px solid #ddd;text-align:left}\n"
                    ".num{text-align:right;font-variant-numeric:tabular-nums}\n"
                    "tfoot td{font-weight:bold;border-top:2px solid #888}\n"
                    "dt{font-weight:bold;float:left;clear:left;margin-right:.5rem}\n"
                    "dt::after{content:\":\"}\n"
                    "</style>\n</head>\n<body>\n<h1>" +
                    HtmlEscape(doc.title) + "</h1>\n";
  HtmlFacts(doc.facts, out);
  for (const Table& table : doc.tables) {
    if (!table.title.empty()) out += "<h2>" + HtmlEscape(table.title) + "</h2>\n";
    if (table.rows.empty()) {
      out += "<p>" + HtmlEscape(table.empty_text) + "</p>\n";
      continue;
    }
    auto row = [&](const std::vector<std::string>& cells, const char* tag) {
      out += "<tr>";
      for (size_t c = 0; c < cells.size(); ++c) {
        out += std::string("<") + tag + (table.numeric[c] ? " class=\"num\">" : ">") +
               HtmlEscape(cells[c]) + "</" + tag + ">";
      }
      out += "</tr>\n";
    };
    out += "<table>\n<thead>\n";
    row(table.headers, "th");
    out += "</thead>\n<tbody>\n";
    for (const auto& cells : table.rows) row(cells, "td");
    out += "</tbody>\n";
    if (!table.footer.empty()) {
      out += "<tfoot>\n";
      for (const auto& cells : table.footer) row(cells, "td");
      out += "</tfoot>\n";
    }
    out += "</table>\n";
  }
  HtmlFacts(doc.closing, out);
  out += "</body>\n</html>\n";
  return out;
}

// True for "-5.00", "1200": a number a spreadsheet reads as one, never as a formula.
bool IsPlainNumber(std::string_view s) {
  if (s.starts_with('-')) s.remove_prefix(1);
  const size_t dot = s.find('.');
  const auto digits = [](std::string_view part) {
    return !part.empty() && part.find_first_not_of("0123456789") == std::string_view::npos;
  };
  return dot == std::string_view::npos ? digits(s)
                                       : digits(s.substr(0, dot)) && digits(s.substr(dot + 1));
}

// A CSV cell: a text starting like a formula escaped (EscapeCsvFormula), quoted as needed.
std::string CsvField(const std::string& cell) {
  const std::string s = IsPlainNumber(cell) ? cell : EscapeCsvFormula(cell);
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string RenderCsv(const std::vector<std::string>& headers,
                      const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    for (size_t c = 0; c < cells.size(); ++c) out += (c > 0 ? "," : "") + CsvField(cells[c]);
    out += "\r\n";
  };
  line(headers);
  for (const auto& row : rows) line(row);
  return out;
}

std::string Render(const Document& doc, ReceivablesFormat format) {
  switch (format) {
    case ReceivablesFormat::kMarkdown:
      return RenderMarkdown(doc);
    case ReceivablesFormat::kHtml:
      return RenderHtml(doc);
    case ReceivablesFormat::kTable:
    case ReceivablesFormat::kCsv:
      break;
  }
  return RenderText(doc);
}

std::string ClientLabel(const std::string& name, const std::string& id) {
  return name.empty() || name == id ? id : name + " (" + id + ")";
}

// ---- The documents. ----

std::vector<std::string> BucketHeaders(Lang lang) {
  return {L("current", lang), L("days_1_30", lang), L("days_31_60", lang), L("days_61_90", lang),
          L("days_over_90", lang)};
}

}  // namespace

std::optional<ReceivablesFormat> ParseReceivablesFormat(std::string_view name) {
  if (name == "table") return ReceivablesFormat::kTable;
  if (name == "md" || name == "markdown") return ReceivablesFormat::kMarkdown;
  if (name == "html") return ReceivablesFormat::kHtml;
  if (name == "csv") return ReceivablesFormat::kCsv;
  return std::nullopt;
}

std::string RenderAging(const AgingReport& aging, ReceivablesFormat format, Lang lang) {
  const bool human = format != ReceivablesFormat::kCsv;
  auto amounts = [&](const BucketAmounts& buckets, const Money& total, const Money& written_off) {
    std::vector<std::string> cells;
    for (const Money& m : buckets) cells.push_back(Amount(m, lang, human));
    cells.push_back(Amount(total, lang, human));
    cells.push_back(Amount(written_off, lang, human));
    return cells;
  };
  std::vector<std::string> money_headers = BucketHeaders(lang);
  money_headers.push_back(L("total", lang));
  money_headers.push_back(L("written_off", lang));

  if (!human) {
    std::vector<std::string> headers = {L("client", lang), L("name", lang)};
    headers.insert(headers.end(), money_headers.begin(), money_headers.end());
    std::vector<std::vector<std::string>> rows;
    for (const AgingRow& row : aging.clients) {
      std::vector<std::string> cells = {row.client, row.name};
      for (std::string& cell : amounts(row.buckets, row.total, row.written_off)) {
        cells.push_back(std::move(cell));
      }
      rows.push_back(std::move(cells));
    }
    return RenderCsv(headers, rows);
  }

  Document doc;
  doc.lang = lang;
  doc.title = L("title_aging", lang);
  doc.facts = {{L("as_of", lang), Date(aging.as_of, lang, true)},
               {L("currency", lang), std::string(aging.currency.code())}};
  Table table;
  table.headers = {L("client", lang)};
  table.headers.insert(table.headers.end(), money_headers.begin(), money_headers.end());
  table.numeric.assign(table.headers.size(), true);
  table.numeric[0] = false;
  table.empty_text = L("no_receivables", lang);
  std::map<std::string, std::string> names;
  for (const AgingRow& row : aging.clients) {
    names[row.client] = ClientLabel(row.name, row.client);
    std::vector<std::string> cells = {names[row.client]};
    for (std::string& cell : amounts(row.buckets, row.total, row.written_off)) {
      cells.push_back(std::move(cell));
    }
    table.rows.push_back(std::move(cells));
  }
  if (!table.rows.empty()) {
    std::vector<std::string> cells = {L("total", lang)};
    for (std::string& cell : amounts(aging.totals, aging.total, aging.written_off)) {
      cells.push_back(std::move(cell));
    }
    table.footer.push_back(std::move(cells));
  }
  doc.tables.push_back(std::move(table));

  if (!aging.written_off_items.empty()) {
    Table written_off;
    written_off.title = L("written_off_invoices", lang);
    written_off.headers = {L("client", lang), L("invoice", lang), L("due", lang),
                           L("unpaid", lang)};
    written_off.numeric = {false, false, false, true};
    for (const WrittenOffItem& item : aging.written_off_items) {
      written_off.rows.push_back({names[item.client], item.invoice, Date(item.due, lang, true),
                                  Amount(item.unpaid, lang, true)});
    }
    written_off.footer.push_back({L("total", lang), "", "", Amount(aging.written_off, lang, true)});
    doc.tables.push_back(std::move(written_off));
  }
  return Render(doc, format);
}

std::string RenderStatement(const Statement& statement, ReceivablesFormat format, Lang lang) {
  const bool human = format != ReceivablesFormat::kCsv;
  auto applied_to = [&](const StatementPayment& payment, const std::string& separator) {
    std::string text;
    for (const PaymentApplication& a : payment.applied) {
      text += (text.empty() ? "" : separator) + a.invoice + " " + Amount(a.amount, lang, human);
    }
    if (payment.unapplied.is_positive()) {
      text += (text.empty() ? "" : separator) + L("to_credit", lang) + " " +
              Amount(payment.unapplied, lang, human);
    }
    return text;
  };

  if (!human) {
    const std::vector<std::string> headers = {
        L("kind", lang), L("reference", lang),     L("date", lang),
        L("due", lang),  L("amount", lang),        L("paid", lang),
        L("open", lang), L("days_past_due", lang), L("applied_to", lang)};
    std::vector<std::vector<std::string>> rows;
    for (const StatementItem& item : statement.open_items) {
      rows.push_back({L("kind_invoice", lang), item.invoice, item.issued.ToString(),
                      item.due.ToString(), item.amount.ToString(), item.paid.ToString(),
                      item.open.ToString(), std::to_string(std::max(0, item.days_past_due)), ""});
    }
    for (const StatementPayment& payment : statement.payments) {
      rows.push_back({L("kind_payment", lang), payment.payment, payment.date.ToString(), "",
                      payment.amount.ToString(), "", "", "", applied_to(payment, "; ")});
    }
    for (const StatementCreditNote& note : statement.credit_notes) {
      rows.push_back({L("kind_credit_note", lang), note.credit_note, note.date.ToString(), "",
                      note.amount.ToString(), "", "", "", note.invoice});
    }
    const std::string as_of = statement.as_of.ToString();
    rows.push_back(
        {L("kind_credit", lang), "", as_of, "", statement.credit.ToString(), "", "", "", ""});
    rows.push_back(
        {L("kind_balance", lang), "", as_of, "", statement.balance.ToString(), "", "", "", ""});
    return RenderCsv(headers, rows);
  }

  Document doc;
  doc.lang = lang;
  doc.title = L("title_statement", lang);
  doc.facts = {{L("client", lang), ClientLabel(statement.name, statement.client)},
               {L("as_of", lang), Date(statement.as_of, lang, true)},
               {L("currency", lang), std::string(statement.currency.code())}};
  if (statement.payments_from) {
    doc.facts.emplace_back(L("payments_from", lang), Date(*statement.payments_from, lang, true));
  }

  Table items;
  items.title = L("open_items", lang);
  items.headers = {L("invoice", lang),      L("issued", lang), L("due", lang),
                   L("amount", lang),       L("paid", lang),   L("open", lang),
                   L("days_past_due", lang)};
  items.numeric = {false, false, false, true, true, true, true};
  items.empty_text = L("no_open_items", lang);
  for (const StatementItem& item : statement.open_items) {
    items.rows.push_back({item.invoice, Date(item.issued, lang, true), Date(item.due, lang, true),
                          Amount(item.amount, lang, true), Amount(item.paid, lang, true),
                          Amount(item.open, lang, true),
                          std::to_string(std::max(0, item.days_past_due))});
  }
  if (!items.rows.empty()) {
    items.footer.push_back(
        {L("total_open", lang), "", "", "", "", Amount(statement.total_open, lang, true), ""});
  }
  doc.tables.push_back(std::move(items));

  Table payments;
  payments.title = L("payments_received", lang);
  payments.headers = {L("date", lang), L("payment", lang), L("amount", lang),
                      L("applied_to", lang)};
  payments.numeric = {false, false, true, false};
  payments.empty_text = L("no_payments", lang);
  for (const StatementPayment& payment : statement.payments) {
    payments.rows.push_back({Date(payment.date, lang, true), payment.payment,
                             Amount(payment.amount, lang, true), applied_to(payment, ", ")});
  }
  doc.tables.push_back(std::move(payments));

  if (!statement.credit_notes.empty()) {  // shown only when there are any
    Table notes;
    notes.title = L("credit_notes", lang);
    notes.headers = {L("date", lang), L("credit_note", lang), L("invoice", lang), L("amount", lang),
                     L("reason", lang)};
    notes.numeric = {false, false, false, true, false};
    for (const StatementCreditNote& note : statement.credit_notes) {
      notes.rows.push_back({Date(note.date, lang, true), note.credit_note, note.invoice,
                            Amount(note.amount, lang, true), note.reason});
    }
    doc.tables.push_back(std::move(notes));
  }

  doc.closing = {{L("total_open", lang), WithCode(statement.total_open, lang)},
                 {L("credit", lang), WithCode(statement.credit, lang)},
                 statement.balance.is_negative()
                     ? std::pair{L("balance_in_favour", lang), WithCode(-statement.balance, lang)}
                     : std::pair{L("balance", lang), WithCode(statement.balance, lang)}};
  return Render(doc, format);
}

std::string RenderLateInterest(const ClientLateInterest& claim, const LateInterestRules& rules,
                               ReceivablesFormat format, Lang lang) {
  const bool human = format != ReceivablesFormat::kCsv;
  const bool germany = rules.jurisdiction == Jurisdiction::kGermanyB2b;
  const std::string reference_label = L(germany ? "base_rate" : "reference_rate", lang);

  if (!human) {
    const std::string percent = " " + L("rate_percent", lang);
    const std::vector<std::string> headers = {
        L("kind", lang),           L("invoice", lang),
        L("from", lang),           L("to", lang),
        L("days", lang),           L("base", lang),
        reference_label + percent, L("annual_rate", lang) + percent,
        L("amount", lang),         L("currency", lang)};
    std::vector<std::vector<std::string>> rows;
    for (const InvoiceLateInterest& invoice : claim.invoices) {
      const std::string code(invoice.total.currency().code());
      for (const InterestLine& line : invoice.lines) {
        rows.push_back({L("kind_interest", lang), invoice.invoice, line.from.ToString(),
                        line.to.ToString(), std::to_string(line.days), line.base.ToString(),
                        Percent(line.reference_rate_bp, lang, false),
                        Percent(line.annual_rate_bp, lang, false), line.interest.ToString(), code});
      }
      rows.push_back({L("kind_fixed", lang), invoice.invoice, "", "", "", "", "", "",
                      invoice.fixed.ToString(), code});
    }
    return RenderCsv(headers, rows);
  }

  Document doc;
  doc.lang = lang;
  doc.title = L("title_interest", lang);
  doc.facts = {
      {L("client", lang), ClientLabel(claim.name, claim.client)},
      {L("as_of", lang), Date(claim.as_of, lang, true)},
      {L("law", lang), L(germany ? "law_de_b2b" : "law_it_eu", lang)},
      {L("rate", lang), reference_label + " + " + Percent(rules.margin_bp, lang, false, true) +
                            " " + L("points", lang)},
      {L("fixed_per_invoice", lang), WithCode(rules.fixed_per_invoice, lang)},
      {L("method", lang), L("method_text", lang)}};
  for (const InvoiceLateInterest& invoice : claim.invoices) {
    Table table;
    table.title = L("invoice", lang) + " " + invoice.invoice + " · " + L("due_on", lang) + " " +
                  Date(invoice.due, lang, true) + " · " +
                  L(invoice.settled ? "paid_on" : "open_at", lang) + " " +
                  Date(invoice.until, lang, true);
    if (invoice.total.currency() != claim.total.currency()) {
      table.title += " · " + std::string(invoice.total.currency().code());
    }
    table.headers = {L("from", lang), L("to", lang),          L("days", lang),    L("base", lang),
                     reference_label, L("annual_rate", lang), L("interest", lang)};
    table.numeric = {false, false, true, true, true, true, true};
    for (const InterestLine& line : invoice.lines) {
      table.rows.push_back(
          {Date(line.from, lang, true), Date(line.to, lang, true), std::to_string(line.days),
           Amount(line.base, lang, true), Percent(line.reference_rate_bp, lang, true),
           Percent(line.annual_rate_bp, lang, true), Amount(line.interest, lang, true)});
    }
    table.footer = {{L("interest", lang), "", "", "", "", "", Amount(invoice.interest, lang, true)},
                    {L("fixed", lang), "", "", "", "", "", Amount(invoice.fixed, lang, true)},
                    {L("total", lang), "", "", "", "", "", Amount(invoice.total, lang, true)}};
    doc.tables.push_back(std::move(table));
  }
  if (claim.invoices.empty()) {
    Table none;
    none.empty_text = L("no_claim", lang);
    doc.tables.push_back(std::move(none));
  }
  doc.closing = {{L("interest", lang), WithCode(claim.interest, lang)},
                 {L("fixed", lang), WithCode(claim.fixed, lang)},
                 {L("total", lang), WithCode(claim.total, lang)}};
  return Render(doc, format);
}

}  // namespace addio
