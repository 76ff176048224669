// Coverage (DESIGN.md section 4b): which kinds of records the workspace holds, which signs
// they let addio judge, and what to import next. A sign whose inputs were never recorded
// is unknown for every client (SignDefinition::Traits::needs); this is the view that says
// so in one place, for `addio coverage`, the API and the dashboard.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "ledger/record_types.h"
#include "ledger/records.h"
#include "signals/sign.h"
#include "store/store.h"

namespace addio {

// One record type in the coverage view.
struct CoverageLine {
  std::string type;  // "contract", ... (RecordTypeNames)
  size_t records = 0;
  // The span of the records' dates; instants as local dates in the workspace time zone.
  std::optional<CivilDate> first, last;
  std::vector<std::string> sources;  // importer names; "" for earlier imports
  // The signs that are unknown for every client because no record of this type is held
  // (only for a type with no record; registry order).
  std::vector<const SignDefinition*> leaves_unknown;
};

struct Coverage {
  std::vector<CoverageLine> types;  // every record type, in RecordTypeNames order
  RecordTypes held;
  // Every registered sign, split by whether the held types meet its needs (registry order).
  std::vector<const SignDefinition*> judged, unknown;
  // The types to import next: those with no record that leave some sign unknown.
  std::vector<std::string> next;
};

// The coverage view of what a store holds (Store::Coverage), its instants read as local
// dates in the workspace's time zone (ledger/workspace_zone.h).
Coverage DescribeCoverage(const std::vector<TypeCoverage>& stored, const Workspace& workspace);

// What a ledger file holds, as a store would report it, every type from `source` (the
// importer that reads it, "ledger").
std::vector<TypeCoverage> CoverageOf(const Ledger& ledger, std::string_view source);

// The signs' names, quoted, as a list in a sentence: “No contract”, “Late payment” and
// “Non-payment”.
Message SignNames(const std::vector<const SignDefinition*>& signs);

// The lines `addio import` prints when the workspace leaves signs unknown: one per type
// to import next ("Contracts: none recorded, so No contract cannot be judged. Add ...").
std::vector<Message> CoverageHints(const RecordTypes& held);

}  // namespace addio
