// The verdict layer (DESIGN.md sections 5 and 6): from the findings of each client to
// a score, a verdict (keep, watch, renegotiate, part ways), an archetype, the economics of
// the relationship (what the client really costs) and the actions to take, most urgent
// first. It sits between signals/ (the registered signs) and report/, profile/,
// cli/ and api/, which only read the Assessment built here.
//
// Everything is a pure function of (ledger, settings, as_of): the same inputs give the
// same Assessment, and clients always come out in client id order whatever the number of
// threads used to evaluate them.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/result.h"
#include "core/time.h"
#include "ledger/client_ledger.h"
#include "ledger/records.h"
#include "signals/economics.h"
#include "signals/finding.h"
#include "signals/settings.h"
#include "signals/sign.h"
#include "signals/signals.h"

namespace addio {

enum class Verdict { kKeep, kWatch, kRenegotiate, kPartWays, kInsufficientData };
// "keep", "watch", "renegotiate", "part_ways", "insufficient_data".
const char* VerdictKey(Verdict verdict);
// The inverse of VerdictKey; nullopt for any other text.
std::optional<Verdict> ParseVerdict(std::string_view key);

// A client type (DESIGN.md section 6): "partner" (all green or unknown, enough data),
// "newcomer" (insufficient data), or the type named by the sign that weighs most
// (SignDefinition::archetype: "non_payer", "slow_payer", ...). The key is the JSON value
// and the catalogue key ("archetype.slow_payer").
struct Archetype {
  std::string_view key = "newcomer";  // a literal or a registered sign's archetype
  friend bool operator==(const Archetype& a, const Archetype& b) { return a.key == b.key; }
};
inline constexpr Archetype kPartner{"partner"};
inline constexpr Archetype kNewcomer{"newcomer"};
// "partner", "newcomer", or a sign's archetype key.
std::string ArchetypeKey(Archetype archetype);
// The inverse of ArchetypeKey over every known type (partner, newcomer and the registered
// signs' types); nullopt for any other text.
std::optional<Archetype> ParseArchetype(std::string_view key);
// Every known type: partner, newcomer, then each registered sign's, in registry order.
std::vector<Archetype> AllArchetypes();

struct ClientAssessment {
  std::string client;  // client id
  std::string name;    // client display name
  Verdict verdict = Verdict::kInsufficientData;
  int score = 100;  // 0 (every sign red) .. 100 (nothing wrong)
  Archetype archetype = kNewcomer;
  Findings signs;  // one per registered sign, in registry order
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

// The error for an id no client has: kNotFound, "no client ...".
Error UnknownClient(const std::string& id);

// The context of an assessment of `workspace` as of `as_of` (MakeContext), for a
// workspace holding the record types `held` (Context::held). Error kValidation, as Assess
// gives it, when the workspace settings or time zone are invalid. `workspace` must
// outlive the returned Context.
Result<Context> ResolveContext(const Workspace& workspace, CivilDate as_of,
                               const RecordTypes& held);

// An assessment of `workspace` in `context` without clients yet: its date, window,
// currency, workspace name, target rate and settings.
Assessment AssessmentOf(const Workspace& workspace, const Context& context);

// Gives the portfolio statistics of every client as of context.as_of (shared: a server
// keeps them for every client's assessment).
using PortfolioSource = std::function<Result<std::shared_ptr<const RateRanking>>(const Context&)>;

// The assessment of one client from its own records and portfolio statistics obtained
// elsewhere (the store keeps them: verdict/stored_assessment.h), in a workspace holding
// the record types `held`. The same as Assess(ledger, as_of, client id) when `held` is what
// the ledger holds and `portfolio` gives what BuildPortfolio builds over the whole ledger. Errors:
// as Assess, and those of `portfolio`.
Result<Assessment> AssessOne(const ClientLedger& client, const Workspace& workspace,
                             const RecordTypes& held, CivilDate as_of,
                             const PortfolioSource& portfolio);

// The score and verdict of one client at a point in time.
struct HistoryPoint {
  CivilDate date;
  int score = 100;
  Verdict verdict = Verdict::kInsufficientData;
  Archetype archetype = kNewcomer;
  Levels levels;  // in registry order
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

// round(100 × (1 − Σ w·p / (3 · Σ w))) over the registered signs' weights.
// REQUIRES: levels in registry order, one per sign.
int Score(const Levels& levels);

// The first rule of DESIGN.md section 5 that holds. REQUIRES: as Score.
Verdict DecideVerdict(const Levels& levels, const Money& net_value);

// Whether DecideVerdict gives insufficient_data: no red, fewer than 3 ambers and 4 or more
// signs unknown. REQUIRES: as Score.
bool IsInsufficientData(const Levels& levels);

// newcomer when the data is insufficient (IsInsufficientData); partner when every sign is
// green or unknown with enough data;
// else the type of the sign with the largest w·p, ties to the sign with the lowest tie
// rank (SignDefinition::tie_rank; DESIGN.md section 6). REQUIRES: as Score.
Archetype ClassifyArchetype(const Levels& levels);

// The economics of one client: each sign's Price (revenue, hours, rates, overdue amount,
// unpaid extras, write-offs), the late cost from the snapshot's days late, and the
// statutory interest (verdict/late_interest.h). `reference_rate` is the client's
// reference rate (RateRanking::ReferenceRate). Missing figures count as zero.
Economics ComputeEconomics(const ClientSnapshot& client, const Findings& signs,
                           const std::optional<Money>& reference_rate, const Context& context);

// The actions of every amber or red sign (SignDefinition::Act), plus end_relationship
// when the verdict is part ways, most urgent first (ties by code, so the order is stable).
std::vector<Action> PlanActions(const Findings& signs, const Economics& economics,
                                const Context& context);

// Score, verdict, archetype and actions for findings and economics already computed.
ClientAssessment Conclude(const Client& client, Findings signs, Economics economics,
                          const Context& context);

// One client end to end: the signs, economics and conclusion.
// REQUIRES: `context` is complete (workspace set, zone and settings resolved) and the
// snapshot is as of context.as_of.
ClientAssessment AssessClient(const ClientSnapshot& client, const RateRanking& portfolio,
                              const Context& context);

}  // namespace addio
