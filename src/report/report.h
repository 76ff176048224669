// Renderings of an assessment for people and programs: an aligned terminal table, JSON
// (the shape of DESIGN.md section 7, also served by the API), Markdown and a
// self-contained HTML page, in English or Italian. Renderers read a finished Assessment
// (verdict/assessment.h) and never compute anything a verdict depends on. Output is
// deterministic: the same Assessment gives the same bytes on every machine.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalogue.h"
#include "verdict/assessment.h"
#include "verdict/assessment_stream.h"
#include "verdict/portfolio_lines.h"

namespace addio {

enum class Format { kTable, kJson, kMarkdown, kHtml };
// "table", "json", "md" (also "markdown"), "html"; nullopt for anything else.
std::optional<Format> ParseFormat(std::string_view name);

// In compact JSON, how many items of each evidence list are written (the latest ones).
inline constexpr size_t kCompactEvidence = 20;

struct RenderOptions {
  Format format = Format::kTable;
  Lang lang = Lang::kEn;
  bool color = false;  // ANSI colours in the table format only; the CLI decides (isatty)
  // JSON only. true: the indented document with every evidence item (the API's). false:
  // compact JSON for machines, each client of `assess` on a line of its own, each evidence
  // list cut to its latest kCompactEvidence items with "evidence_count" (how many the
  // full list has) after it; `explain` gives the full lists.
  bool pretty = true;
};

// `addio assess`: every client of the assessment.
std::string RenderAssessment(const Assessment& assessment, const RenderOptions& options);

// The same rendering, written as the assessment is made (verdict/assessment_stream.h):
// each piece goes to `out` as soon as it is known, so the whole text is never held.
// JSON is written client by client; the table, Markdown and HTML, whose summary comes
// before the details or whose columns are as wide as their widest cell, keep what follows
// the summary in a Spool (report/spool.h: memory, then a temporary file) until End. The
// bytes are those of RenderAssessment for the same assessment.
std::unique_ptr<AssessmentSink> MakeAssessmentWriter(const RenderOptions& options,
                                                     std::function<void(std::string_view)> out);

// `addio explain CLIENT`: one client sign by sign: level, metrics, reasons, evidence, and
// how far the client is from the next threshold in either direction. `assessment`
// supplies the date, window, currency and settings. JSON: {"as_of", "window_days",
// "currency"} followed by the fields of the client object of RenderAssessment, each sign
// with a "thresholds" array ({"metric", "setting", "limit", "at_least", "severity",
// "text"}).
std::string RenderExplain(const Assessment& assessment, const ClientAssessment& client,
                          const RenderOptions& options);

// `addio history CLIENT`: score and verdict per month end, oldest first. JSON:
// {"client", "name", "points": [{"date", "score", "verdict", "archetype",
// "signals": {<sign key>: "green", ...}, "net_value"}]}.
std::string RenderHistory(const std::string& client, const std::string& name,
                          const std::vector<HistoryPoint>& points, const RenderOptions& options);

// One page of the portfolio's lines (verdict/portfolio_lines.h), as compact JSON:
// {"as_of", "window_days", "currency", "clients_total", "verdicts": {<verdict>: clients, ...},
// "totals": {"revenue", "hidden_cost", "net_value", "overdue_amount"}, "sort", "page",
// "per_page", "matched", "clients": [{"client", "name", "verdict", "score", "archetype",
// "signals": {<sign key>: "red", ...}, "economics": {...}, "reason": {"sign", "text"} or
// null, "action": {"code", "text"} or null}]}. Sentences in `lang`.
struct PortfolioPage {
  CivilDate as_of;
  int window_days = 365;
  Currency currency;
  size_t clients_total = 0;
  LineTotals totals;
  LineOrder order;
  size_t page = 1;
  size_t per_page = 50;
  LinePage lines;
};
std::string RenderPortfolioPage(const PortfolioPage& page, Lang lang);

}  // namespace addio
