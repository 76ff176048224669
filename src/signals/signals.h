// What every sign reads besides the client's own records: the assessment's context
// (workspace, time zone, settings, as_of) and the portfolio statistics. The signs
// themselves are registered units (signals/sign.h).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/time.h"
#include "ledger/client_ledger.h"
#include "ledger/record_types.h"
#include "ledger/records.h"
#include "ledger/snapshot.h"
#include "signals/finding.h"
#include "signals/settings.h"

namespace addio {

namespace signals_internal {
class LocalClock;
}

// What every sign needs besides the client's records.
struct Context {
  const Workspace* workspace = nullptr;
  TimeZone zone = TimeZone::Utc();  // the workspace time zone
  Settings settings;
  CivilDate as_of;
  // The record types the workspace holds (DESIGN.md section 4b): a sign whose needs it
  // does not meet is unknown for every client (SignDefinition::Traits::needs). Every type
  // unless the caller says otherwise.
  RecordTypes held = RecordTypes::All();
  // Filled by MakeContext: the zone's offsets over the window read once, so that the signs
  // need no tz database lookup per record. Optional; without it they ask `zone`, with the
  // same results. Shared and immutable: copies of a Context are cheap and thread-safe.
  std::shared_ptr<const signals_internal::LocalClock> clock;
};

// The context of an assessment of `workspace` as of `as_of`: its time zone resolved and its
// settings read. Errors: kNotFound for an unknown time zone; kInvalidArgument for an
// unknown setting or a value out of range (Settings::FromWorkspace).
// `workspace` must outlive the returned Context.
Result<Context> MakeContext(const Workspace& workspace, CivilDate as_of);

// A client's reference rate and where it came from: the hours-weighted median of
// `clients` other clients, or the workspace target rate (clients 0), or none.
struct RateReference {
  std::optional<Money> rate;  // workspace currency
  int64_t clients = 0;
  friend bool operator==(const RateReference&, const RateReference&) = default;
};

// What a client's reference rate is read from: the clients with a known effective rate
// over the window, ranked by rate then client id, with the running total of their
// minutes. A Portfolio is one, held in memory; the statistics a store keeps are another,
// read where they lie (verdict/stored_assessment.cc).
class RateRanking {
 public:
  virtual ~RateRanking() = default;
  // How many clients are ranked.
  virtual size_t Ranked() const = 0;
  // The effective rate, in minor units of the workspace currency, of the client at `rank`,
  // and the minutes of the clients up to it, itself included. REQUIRES: rank < Ranked().
  virtual int64_t RateAt(size_t rank) const = 0;
  virtual int64_t MinutesThrough(size_t rank) const = 0;
  // Where `client` stands, when it is ranked.
  virtual std::optional<size_t> RankOf(const std::string& client) const = 0;

  // The reference rate for `client`: hours-weighted median effective rate of the other
  // clients with a known rate (at least settings.underpaying_min_reference_clients of
  // them), else the workspace target rate, else nullopt.
  std::optional<Money> ReferenceRate(const std::string& client, const Context& context) const;
  // The same with how many clients it is the median of: everything of the portfolio that
  // a client's assessment depends on.
  RateReference Reference(const std::string& client, const Context& context) const;
};

// Portfolio statistics in memory: each client's effective rate over the window.
struct ClientRate {
  std::string client;
  double hours = 0;
  std::optional<Money> effective_rate;  // workspace currency per hour; unknown under min hours
};
struct Portfolio final : RateRanking {
  std::vector<ClientRate> rates;  // by client id
  // The indexes into `rates` of the clients with a known rate, by rate then client id, and
  // the running total of their minutes: filled by PortfolioOf and BuildPortfolio, which
  // make every Portfolio.
  std::vector<size_t> ranked;
  std::vector<int64_t> cumulative_minutes;

  size_t Ranked() const override { return ranked.size(); }
  int64_t RateAt(size_t rank) const override;
  int64_t MinutesThrough(size_t rank) const override { return cumulative_minutes[rank]; }
  std::optional<size_t> RankOf(const std::string& client) const override;
};

// One client's entry of the portfolio statistics: its hours and effective rate over the
// window, as BuildPortfolio computes them. REQUIRES: the snapshot is as of context.as_of.
ClientRate MeasureRate(const ClientSnapshot& client, const Context& context);

// The portfolio statistics from every client's entry (any order; the result is sorted by
// client id and ranked): what BuildPortfolio gives for the same entries. Lets a store keep
// the entries and recompute only those of the clients whose records changed.
Portfolio PortfolioOf(std::vector<ClientRate> rates);

// Builds the portfolio statistics over all clients: hours and effective rate per client,
// computed as underpaying does. Runs on several threads over chunks of `clients`; the
// result does not depend on how many. REQUIRES: every snapshot is as of context.as_of.
Portfolio BuildPortfolio(const std::vector<ClientSnapshot>& clients, const Context& context);

// The hours agreed for `project` as scope_creep counts them: budget_hours, else fee /
// the hourly rate of its contract (or of the client's latest signed contract stating
// one), else fee / the workspace target rate; nullopt when none of these is known.
// The dashboard's scope burn-up reads it too.
std::optional<double> AgreedHours(const Project& project, const ClientLedger& client,
                                  const Context& context);

}  // namespace addio
