#include "signals/window.h"

#include <cassert>

#include "ledger/allocation.h"

namespace addio::signals_internal {

Window MakeWindow(const Context& context) {
  assert(context.settings.window_days >= 1);
  Window window;
  window.days = context.settings.window_days;
  window.last = context.as_of;
  window.first = context.as_of.AddDays(1 - context.settings.window_days);
  window.begin = context.zone.StartOfDay(window.first);
  window.end = context.zone.StartOfDay(context.as_of.AddDays(1));
  return window;
}

std::optional<Money> ToWorkspace(const Money& amount, const Context& context) {
  if (amount.currency() == context.workspace->currency) return amount;
  auto converted = Convert(amount, context.workspace->currency, *context.workspace);
  if (!converted) return std::nullopt;
  return *converted;
}

Money ZeroMoney(const Context& context) { return Money::Zero(context.workspace->currency); }

}  // namespace addio::signals_internal
