// The workspace's time zone, resolved one way everywhere: local dates of instants, "today"
// and the dates written to a ledger file all go through ZoneOf.
#pragma once

#include "core/time.h"
#include "ledger/records.h"

namespace addio {

// The zone `workspace.timezone` names, or UTC when it names none: validation refuses such a
// workspace, and this keeps every reader of one that was stored before total.
TimeZone ZoneOf(const Workspace& workspace);

}  // namespace addio
