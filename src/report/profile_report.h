// Renderings of profile/: a prospect screening (`addio screen`, also the API's) as a
// terminal table, JSON, Markdown or HTML, and the communication strategy of a client type
// as `explain` shows it after the actions. English and Italian; deterministic bytes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/time.h"
#include "profile/screening.h"
#include "profile/similar.h"
#include "profile/strategy.h"
#include "report/report.h"

namespace addio {

class JsonWriter;

// What `addio screen` shows.
struct ScreeningReport {
  Screening screening;
  std::string prospect;  // the prospect's name as given (--name); may be empty
  // The freelancer's hourly rate (the workspace target rate), to price the minimum fee;
  // nullopt when no workspace is known.
  std::optional<Money> hourly_rate;
  std::vector<SimilarClient> similar;  // nearest first; empty when none is known
  std::optional<CivilDate> as_of;      // the date of the similar clients' verdicts
};

// JSON (DESIGN.md section 6): {"decision", "risk", "archetype", "signals": {<sign key>:
// {"severity", "reasons"}, ...}, "terms": {"deposit_percent", "payment_terms_days",
// "rush_fee_percent", "revision_limit", "minimum_fee_hours", "minimum_fee"}, "strategy"},
// "strategy" being the summary sentence of the archetype's strategy, "minimum_fee" a
// decimal string or null; then "similar": [{"client", "name", "similarity", "verdict",
// "score", "archetype"}] only when `similar` is not empty. The other formats add the
// answers and the full strategy.
std::string RenderScreening(const ScreeningReport& report, const RenderOptions& options);

// The strategy as `explain` shows it, as a section of the matching format: a heading,
// the summary, channel, cadence, tone, what to put in writing, what to say no to, and,
// `with_terms`, the archetype's terms (the minimum fee priced at `hourly_rate` when
// given). Screening shows its own terms and leaves them out here.
std::string StrategyText(const Strategy& strategy, bool with_terms,
                         const std::optional<Money>& hourly_rate, Lang lang);
std::string StrategyMarkdown(const Strategy& strategy, bool with_terms,
                             const std::optional<Money>& hourly_rate, Lang lang);
std::string StrategyHtml(const Strategy& strategy, bool with_terms,
                         const std::optional<Money>& hourly_rate, Lang lang);

// Writes the strategy as one JSON object value: {"archetype", "summary", "channel",
// "cadence", "tone", "in_writing": [...], "say_no_to": [...], "terms": {...}}.
// REQUIRES: `json` expects a value (after a Key, or inside an array).
void WriteStrategyJson(JsonWriter& json, const Strategy& strategy,
                       const std::optional<Money>& hourly_rate, Lang lang);

}  // namespace addio
