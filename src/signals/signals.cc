#include "signals/signals.h"

#include "signals/local_clock.h"

namespace addio {

Result<Context> MakeContext(const Workspace& workspace, CivilDate as_of) {
  auto zone = TimeZone::Find(workspace.timezone);
  if (!zone) return std::unexpected(zone.error());
  auto settings = Settings::FromWorkspace(workspace);
  if (!settings) return std::unexpected(settings.error());
  Context context;
  context.workspace = &workspace;
  context.zone = *zone;
  context.settings = std::move(*settings);
  context.as_of = as_of;
  // A few days either side: work entries run past midnight, and records just outside the
  // window are still placed in time to be left out.
  const CivilDate first = as_of.AddDays(-context.settings.window_days - 3);
  context.clock = std::make_shared<const signals_internal::LocalClock>(
      context.zone, context.zone.StartOfDay(first), context.zone.StartOfDay(as_of.AddDays(4)));
  return context;
}

}  // namespace addio
