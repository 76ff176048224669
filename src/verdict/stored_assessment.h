// Assessments answered from the store without reading the whole ledger (DESIGN.md section
// 1, "Assessments are stored"). One client's assessment needs its own records and every
// client's entry of the portfolio statistics (its reference rate is the others' median);
// the store keeps those entries for one date, an import lists the clients it wrote as
// stale, and only those are measured again, each from its own records.
#pragma once

#include <string>

#include "core/result.h"
#include "core/time.h"
#include "signals/signals.h"
#include "verdict/assessment.h"

namespace addio {

class Store;

// The portfolio statistics as of context.as_of: the entries the store keeps (read in
// place), the stale ones measured again from their clients' records and saved. When none
// are kept (the first read of a date, after a workspace change) or more than a few
// thousand are stale, the whole store is read once instead.
// REQUIRES: `context` is the stored workspace's. Errors: those of the store.
Result<std::shared_ptr<const RateRanking>> StoredPortfolio(Store& store, const Context& context);

// Client `id`'s assessment as of `as_of`, byte for byte what Assess over the whole store
// gives for it. Errors: kNotFound for an unknown client; as Assess; those of the store.
Result<Assessment> AssessStoredClient(Store& store, const std::string& id, CivilDate as_of);

}  // namespace addio
