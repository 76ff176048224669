#include "ledger/workspace_zone.h"

namespace addio {

TimeZone ZoneOf(const Workspace& workspace) {
  Result<TimeZone> zone = TimeZone::Find(workspace.timezone);
  return zone ? *zone : TimeZone::Utc();
}

}  // namespace addio
