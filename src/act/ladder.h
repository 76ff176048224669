// Dunning ladders (DESIGN.md section 12): for each client type, the steps taken while an
// invoice stays unpaid past its due date. A workspace sets its own in `workspace.dunning`
// (a ladder per client type, or "default" for every type without one); addio's are:
//   gentle, for partners:      reminder +7, reminder +21, formal notice +45, stop work +60
//   firm, for slow payers and non-payers:
//                              reminder +1, formal notice +15, stop work +30
//   standard, for every other: reminder +3, reminder +15, formal notice +30, stop work +45
// Reminders and formal notices go by e-mail; stopping work is the freelancer's to do, so it
// is listed and never sent, whatever its channel says.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "ledger/records.h"

namespace addio {

// The ladder key for every client type without a ladder of its own.
inline constexpr std::string_view kDefaultLadder = "default";

// addio's ladder for client type `type` ("partner", "slow_payer", ...).
std::vector<DunningStep> BuiltInLadder(std::string_view type);

// The ladder a client of type `type` follows in `workspace`, and where it comes from.
struct LadderChoice {
  std::vector<DunningStep> steps;  // by after_days
  std::string source;              // `type`, "default", or "" for addio's own
};
LadderChoice LadderFor(const Workspace& workspace, std::string_view type);

// Whether a step is sent (an e-mail letter) or left to the freelancer.
bool IsSentByMail(const DunningStep& step);

// Error kValidation when workspace.dunning names a ladder that is neither a client type nor
// "default"; the message names it and lists the valid names.
Status CheckLadderNames(const Workspace& workspace);

}  // namespace addio
