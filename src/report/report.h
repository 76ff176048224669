// Renderings of an assessment for people and programs: an aligned terminal table, JSON
// (the shape of DESIGN.md section 7, also served by the API), Markdown and a
// self-contained HTML page, in English or Italian. Renderers read a finished Assessment
// (verdict/assessment.h) and never compute anything a verdict depends on. Output is
// deterministic: the same Assessment gives the same bytes on every machine.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalogue.h"
#include "verdict/assessment.h"

namespace addio {

enum class Format { kTable, kJson, kMarkdown, kHtml };
// "table", "json", "md" (also "markdown"), "html"; nullopt for anything else.
std::optional<Format> ParseFormat(std::string_view name);

struct RenderOptions {
  Format format = Format::kTable;
  Lang lang = Lang::kEn;
  bool color = false;  // ANSI colours in the table format only; the CLI decides (isatty)
};

// `addio assess`: every client of the assessment.
std::string RenderAssessment(const Assessment& assessment, const RenderOptions& options);

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

}  // namespace addio
