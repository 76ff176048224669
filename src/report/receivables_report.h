// Renderings of the receivables documents of verdict/receivables.h and
// verdict/late_interest.h — the portfolio aging, a client statement and the statutory
// interest calculation — as an aligned terminal table, Markdown, a self-contained HTML
// page or CSV, in English or Italian. Renderers only lay out what they are given.
//
// Human formats (table, Markdown, HTML) write numbers and dates the way each language
// does: English "1,234.50" and ISO dates, Italian "1.234,50" and "31/03/2026". CSV is for
// spreadsheets and programs: one header row in the chosen language, then one record per
// row, '.' as decimal separator with no grouping, ISO dates, fields quoted as RFC 4180
// says (when they hold a comma, a quote or a line break), lines ending in CRLF.
// Output is deterministic: the same input gives the same bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "report/report.h"
#include "verdict/late_interest.h"
#include "verdict/receivables.h"

namespace addio {

enum class ReceivablesFormat { kTable, kMarkdown, kHtml, kCsv };
// "table", "md" (also "markdown"), "html", "csv"; nullopt for anything else.
std::optional<ReceivablesFormat> ParseReceivablesFormat(std::string_view name);

// The aging as one row per client (name, the five buckets, total, written off) with a
// total row; the human formats add the written-off invoices as a second table. CSV
// columns: client id, name, the five buckets, total, written off (no total row).
std::string RenderAging(const AgingReport& aging, ReceivablesFormat format, Lang lang);

// The statement: open items with their age, payments received and where they went,
// then total open, credit and balance. CSV has one row per item, with a first column
// saying what the row is (invoice, payment, credit, balance) in the chosen language.
std::string RenderStatement(const Statement& statement, ReceivablesFormat format, Lang lang);

// The statutory interest claim of a client, line by line per invoice (from, to, days,
// base, reference rate, annual rate, interest) with the fixed compensation and totals.
// `rules` names the law and margin used. CSV: one row per interest line and one per
// fixed compensation, amounts in the invoice's currency, rates in percent.
std::string RenderLateInterest(const ClientLateInterest& claim, const LateInterestRules& rules,
                               ReceivablesFormat format, Lang lang);

}  // namespace addio
