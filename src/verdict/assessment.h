// The verdict layer (DESIGN.md sections 5 and 6): from the six findings of each client to
// a score, a verdict (keep, watch, renegotiate, part ways), an archetype, the economics of
// the relationship (what the client really costs) and the actions to take, most urgent
// first. It sits between signals/ (six pure functions per client) and report/, profile/,
// cli/ and api/, which only read the Assessment built here.
//
// Everything is a pure function of (ledger, settings, as_of): the same inputs give the
// same Assessment, and clients always come out in client id order whatever the number of
// threads used to evaluate them.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/result.h"
#include "core/time.h"
#include "ledger/client_ledger.h"
#include "ledger/records.h"
#include "signals/finding.h"
#include "signals/settings.h"
#include "signals/signals.h"

namespace addio {

enum class Verdict { kKeep, kWatch, kRenegotiate, kPartWays, kInsufficientData };
// "keep", "watch", "renegotiate", "part_ways", "insufficient_data".
const char* VerdictKey(Verdict verdict);
// The inverse of VerdictKey; nullopt for any other text.
std::optional<Verdict> ParseVerdict(std::string_view key);

enum class Archetype {
  kPartner,
  kNewcomer,
  kNonPayer,
  kContractAverse,
  kSlowPayer,
  kBargainHunter,
  kScopeCreeper,
  kFirefighter
};
// "partner", "newcomer", "non_payer", "contract_averse", "slow_payer", "bargain_hunter",
// "scope_creeper", "firefighter".
const char* ArchetypeKey(Archetype archetype);
// The inverse of ArchetypeKey; nullopt for any other text.
std::optional<Archetype> ParseArchetype(std::string_view key);

// One thing to do about a client. `code` is stable (one of DESIGN.md section 5's list:
// stop_work_until_signed, send_short_sow, ... end_relationship); `text` is concrete
// advice in both languages, quoting the client's figures where they help.
struct Action {
  std::string code;
  Text text;
  int urgency = 0;                // higher is more urgent; actions are sorted by it, descending
  Sign sign = Sign::kNoContract;  // the sign that asked for it
};

// What the relationship is worth over the window, in the workspace currency.
// Every amount is exact; `hours` is the only non-money figure.
struct Economics {
  Money revenue;     // invoiced in the window, not void (write-offs included: they are
                     // subtracted once, in hidden_cost)
  double hours = 0;  // work + unlogged contact time
  std::optional<Money> effective_rate;  // revenue / hours; nullopt under the minimum hours
  Money overdue_amount;                 // unpaid past due, all invoices (non_payment)
  Money late_cost;                      // Σ late amount × days late × cost_of_capital / 365
  Money underpay_gap;                   // max(0, reference rate − effective rate) × hours
  Money unbilled_extras;                // extra hours (scope_creep) × reference rate
  Money written_off;                    // written off in the window
  Money hidden_cost;                    // the five figures above, summed
  Money net_value;                      // revenue − hidden_cost
  // The late-payment interest the freelancer may claim (EU Directive 2011/7/EU, in Italy
  // D.Lgs. 231/2002): reference rate + 8 points a year on what was paid or is still open
  // after its due date, plus 40 EUR per such invoice, over every invoice neither void nor
  // written off (verdict/late_interest.h does the day-by-day calculation). Not part of
  // hidden_cost: it is a claim, not a loss.
  Money statutory_interest;
  int statutory_invoices = 0;  // invoices with something to claim
};

struct ClientAssessment {
  std::string client;  // client id
  std::string name;    // client display name
  Verdict verdict = Verdict::kInsufficientData;
  int score = 100;  // 0 (every sign red) .. 100 (nothing wrong)
  Archetype archetype = Archetype::kNewcomer;
  std::array<Finding, 6> signs;  // in kAllSigns order
  Economics economics;
  std::vector<Action> actions;  // most urgent first
};

struct Assessment {
  CivilDate as_of;
  int window_days = 365;
  Currency currency;  // the workspace currency, in which every amount is given
  std::string workspace_name;
  std::optional<Money> target_hourly_rate;  // from the workspace
  Settings settings;                        // the settings used
  std::vector<ClientAssessment> clients;    // in client id order
};

// Assesses every client of `ledger` (or only `only_client` when not empty) as of
// `as_of`: splits the ledger by client, builds the portfolio statistics over ALL
// clients (a single client is still compared with the others), and evaluates clients in
// parallel on every core. Deterministic: the output does not depend on the thread count.
// Errors: kValidation when the workspace settings are invalid or its time zone is
// unknown; kNotFound when `only_client` names no client.
Result<Assessment> Assess(const Ledger& ledger, CivilDate as_of,
                          const std::string& only_client = "");

// The score and verdict of one client at a point in time.
struct HistoryPoint {
  CivilDate date;
  int score = 100;
  Verdict verdict = Verdict::kInsufficientData;
  Archetype archetype = Archetype::kNewcomer;
  std::array<Level, 6> levels{};  // in kAllSigns order
  Money net_value;
};

// The client's score and verdict at each of the last `months` month ends up to `as_of`
// (oldest first), plus `as_of` itself when it is not a month end. Each point is a full
// assessment as of that date, so records dated later never count.
// Errors: as Assess; kInvalidArgument when months < 1 or > 600.
Result<std::vector<HistoryPoint>> History(const Ledger& ledger, const std::string& client,
                                          CivilDate as_of, int months);

// ---- The rules, exposed for tests, the profile module and the API. ----

// Points per level: green 0, amber 1, red 3, unknown 0.
int LevelPoints(Level level);
// Weight per sign: no_contract 1, scope_creep 1, time_drain 1, underpaying 1.5,
// late_payment 1.5, non_payment 3.
double SignWeight(Sign sign);

// round(100 × (1 − Σ w·p / (3 · Σ w))), levels in kAllSigns order.
int Score(const std::array<Level, 6>& levels);

// The first rule of DESIGN.md section 5 that holds.
Verdict DecideVerdict(const std::array<Level, 6>& levels, const Money& net_value);

// partner when every sign is green or unknown with enough data (fewer than 4 unknown);
// newcomer when the data is insufficient (4 or more unknown and nothing amber or red);
// else the type of the sign with the largest w·p, ties in the order non_payment,
// no_contract, late_payment, underpaying, scope_creep, time_drain.
Archetype ClassifyArchetype(const std::array<Level, 6>& levels);

// The levels of six findings, in kAllSigns order.
std::array<Level, 6> LevelsOf(const std::array<Finding, 6>& signs);

// The economics of one client from its findings (revenue, hours, rates, overdue amount,
// extra hours, write-offs: the metrics named in DESIGN.md section 4) and its ledger
// (late cost and statutory interest, from the payment allocation). Missing or unknown
// metrics count as zero.
Economics ComputeEconomics(const ClientLedger& client, const std::array<Finding, 6>& signs,
                           const Context& context);

// The actions for every amber or red sign, most urgent first (ties by code, so the order
// is stable). Texts quote the client's figures from `signs` and `economics`.
std::vector<Action> PlanActions(const std::array<Finding, 6>& signs, const Economics& economics,
                                const Context& context);

// Score, verdict, archetype and actions for findings and economics already computed.
ClientAssessment Conclude(const Client& client, std::array<Finding, 6> signs, Economics economics,
                          const Context& context);

// One client end to end: the six signs, economics and conclusion.
// REQUIRES: `context` is complete (workspace set, zone and settings resolved).
ClientAssessment AssessClient(const ClientLedger& client, const Portfolio& portfolio,
                              const Context& context);

}  // namespace addio
