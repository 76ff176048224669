// Internal to signals/: what a client earns per hour over the window (DESIGN.md section
// 4, underpaying), shared by the underpaying sign and the portfolio statistics so that
// both compute it the same way, and the reference rate it is compared with.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "ledger/client_ledger.h"
#include "signals/signals.h"
#include "signals/window.h"

namespace addio::signals_internal {

struct EarnedRate {
  int64_t work_minutes = 0;     // work entries in the window
  int64_t contact_minutes = 0;  // contacts in the window not logged as work
  Money invoiced;               // non-void invoices issued in the window, workspace currency
  Money written_off;            // what written-off invoices issued in the window left unpaid
  Money revenue;                // invoiced - written_off
  std::vector<std::string> unconverted;  // invoices left out: no FX rate for their currency
  // revenue × 60 / minutes, in the workspace currency; nullopt below
  // settings.underpaying_min_hours or with no minutes at all.
  std::optional<Money> effective_rate;

  int64_t minutes() const { return work_minutes + contact_minutes; }
  double hours() const { return static_cast<double>(minutes()) / 60.0; }
};

EarnedRate ComputeEarnedRate(const ClientSnapshot& client, const Context& context,
                             const Window& window);

// The reference rate of one client and where it came from.
using Reference = RateReference;
Reference FindReference(const RateRanking& ranking, const std::string& client,
                        const Context& context);

}  // namespace addio::signals_internal
