// The portfolio at scale (DESIGN.md section 1, "Assessments are stored"): one line per
// client (verdict, score, type, the level of each sign, economics and the one reason that
// says why), kept in the store per date, so that a list of every client, sorted,
// filtered and paged, reads one row per client instead of assessing the whole ledger.
// A kept line is used while it is current: made by this build, for the same date, from
// the client's records as they are (an import drops the lines of the clients it writes,
// a workspace change drops them all), against the same reference rate (the one input
// a client's assessment takes from the other clients) and for the same record types held
// by the workspace (the first contract ever imported makes no_contract judged again for
// every client).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalogue.h"
#include "core/money.h"
#include "core/result.h"
#include "core/time.h"
#include "ledger/records.h"
#include "signals/economics.h"
#include "signals/finding.h"
#include "signals/signals.h"
#include "verdict/assessment.h"

namespace addio {

class Store;

struct PortfolioLine {
  std::string client;  // client id
  std::string name;
  Verdict verdict = Verdict::kInsufficientData;
  int score = 100;
  Archetype archetype = kNewcomer;
  std::vector<Level> levels;  // one per registered sign, in registry order
  Economics economics;
  // Why, in one line: the first reason of the client's worst sign (red before amber;
  // between equals, the heavier sign: non_payment, no_contract, late_payment,
  // underpaying, scope_creep, time_drain). Empty sign when no sign is red or amber.
  std::string reason_sign;
  std::array<std::string, 2> reason;  // in each language of kAllLangs
  // The most urgent action; empty code when there is none.
  std::string action_code;
  std::array<std::string, 2> action;  // in each language of kAllLangs
  // What the line was made against: the client's reference rate and the record types the
  // workspace held.
  RateReference reference;
  RecordTypes held;

  // `reason` and `action` in `lang`.
  const std::string& ReasonIn(Lang lang) const;
  const std::string& ActionIn(Lang lang) const;
};

// The line of an assessed client, made against `reference` in a workspace holding `held`.
PortfolioLine LineOf(const ClientAssessment& client, const RateReference& reference,
                     const RecordTypes& held);

// The line as the store keeps it (tab-separated text, marked with BuildId()), and back:
// nullopt when the text is not a line of this build (another build, another layout, or
// damaged). `currency` is the workspace's, in which every amount is.
std::string EncodeLine(const PortfolioLine& line);
std::optional<PortfolioLine> DecodeLine(std::string_view client, std::string_view text,
                                        Currency currency);

// Every stored client's line as of `as_of`, in client id order: the lines the store
// keeps where current, the others made again (one by one from each client's records when
// few, else in one pass over the store on every core) and kept. `workspace` is the stored
// one. Errors: kValidation for invalid workspace settings or time zone; those of the
// store.
Result<std::vector<PortfolioLine>> StoredLines(Store& store, const Workspace& workspace,
                                               CivilDate as_of);

// How a list of lines is ordered: by one column, ascending or descending, then by client
// id. The columns are the dashboard's: name (letters compared without case), verdict
// (most urgent first: part ways, renegotiate, watch, insufficient data, keep; then by
// score), score, signs (red counts 3, amber 1), and three amounts of the economics.
enum class LineColumn { kName, kVerdict, kScore, kSigns, kRevenue, kHiddenCost, kNetValue };
struct LineOrder {
  LineColumn column = LineColumn::kVerdict;
  bool descending = false;
};
// "name", "verdict", "score", "signs", "revenue", "hidden_cost", "net_value", each
// optionally after '-' (descending); nullopt for anything else.
std::optional<LineOrder> ParseLineOrder(std::string_view text);
// The inverse: "verdict", "-score", ...
std::string LineOrderKey(const LineOrder& order);

// The indexes of `lines` in `order`.
std::vector<uint32_t> OrderLines(const std::vector<PortfolioLine>& lines, const LineOrder& order);

// Which lines a page shows: those whose name or client id holds `text` (letters compared
// without case; empty: any), of `verdict` (any when unset), with `sign` red or amber (any
// when empty).
struct LineFilter {
  std::string text;
  std::optional<Verdict> verdict;
  std::string sign;
};

// One page of lines: the `per_page` lines from index (page - 1) * per_page of those
// `filter` keeps, in `order` (OrderLines). `matched` counts every line kept.
struct LinePage {
  size_t matched = 0;
  std::vector<const PortfolioLine*> lines;
};
LinePage SelectPage(const std::vector<PortfolioLine>& lines, const std::vector<uint32_t>& order,
                    const LineFilter& filter, size_t page, size_t per_page);

// What the whole portfolio adds up to, whatever the page: clients per verdict (indexed
// by Verdict) and the economics' amounts summed.
struct LineTotals {
  std::array<size_t, 5> verdicts{};
  Money revenue, hidden_cost, net_value, overdue_amount;
};
LineTotals TotalLines(const std::vector<PortfolioLine>& lines, Currency currency);

}  // namespace addio
