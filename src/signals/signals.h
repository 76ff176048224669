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

// Portfolio statistics: each client's effective rate over the window, from which a
// client's reference rate is derived (the hours-weighted median of the OTHER clients).
struct ClientRate {
  std::string client;
  double hours = 0;
  std::optional<Money> effective_rate;  // workspace currency per hour; unknown under min hours
};
struct Portfolio {
  std::vector<ClientRate> rates;  // by client id
  // Filled by BuildPortfolio so that ReferenceRate is a binary search: the indexes into
  // `rates` of the clients with a known rate, by rate then client id, and the running
  // total of their minutes. A Portfolio built by hand may leave them empty.
  std::vector<size_t> ranked;
  std::vector<int64_t> cumulative_minutes;
  // The reference rate for `client`: hours-weighted median effective rate of the other
  // clients with a known rate (at least settings.underpaying_min_reference_clients of
  // them), else the workspace target rate, else nullopt.
  std::optional<Money> ReferenceRate(const std::string& client, const Context& context) const;
};

// One client's entry of the portfolio statistics: its hours and effective rate over the
// window, as BuildPortfolio computes them. REQUIRES: the snapshot is as of context.as_of.
ClientRate MeasureRate(const ClientSnapshot& client, const Context& context);

// The portfolio statistics from every client's entry (any order; the result is sorted by
// client id and ranked): what BuildPortfolio gives for the same entries. Lets a store keep
// the entries and recompute only those of the clients whose records changed.
Portfolio PortfolioOf(std::vector<ClientRate> rates);

// The same for entries by client id whose ranking (Portfolio::ranked) is already known, as
// a store keeps it: nothing is sorted. Both are checked in one pass; when either does not
// hold, the result is PortfolioOf(rates).
Portfolio PortfolioOf(std::vector<ClientRate> rates, std::vector<size_t> ranked);

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
