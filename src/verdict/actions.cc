// What to do about a client (DESIGN.md section 5): each amber or red sign adds its own
// steps (SignDefinition::Act), worded with the client's figures; the verdict adds the last
// one, ending the relationship, when it says part ways. Urgency reflects how much money
// or time is at stake if the step waits.
#include "verdict/assessment.h"

namespace addio {

std::vector<Action> PlanActions(const Findings& signs, const Economics& economics,
                                const Context& context) {
  ActionPlan plan;
  const std::vector<const SignDefinition*>& registered = AllSigns();
  for (size_t i = 0; i < registered.size() && i < signs.size(); ++i) {
    if (signs[i].level == Level::kAmber || signs[i].level == Level::kRed) {
      registered[i]->Act(signs[i], economics, context, plan);
    }
  }
  if (DecideVerdict(LevelsOf(signs), economics.net_value) != Verdict::kPartWays) {
    return std::move(plan).Sorted();
  }
  // The sign that decided it: the red one first in the tie order of section 6.
  const SignDefinition* decisive = nullptr;
  for (size_t i = 0; i < registered.size() && i < signs.size(); ++i) {
    if (signs[i].level != Level::kRed) continue;
    if (decisive == nullptr || registered[i]->tie_rank() < decisive->tie_rank()) {
      decisive = registered[i];
    }
  }
  // "Over the period this client cost more than it paid (net value -120.00 EUR). ", or nothing.
  const Message cost_more = economics.net_value.is_positive()
                                ? Message{}
                                : Msg("verdict.act.cost_more", Arg::Amount(economics.net_value));
  plan.Add("end_relationship", 80, decisive,
           Msg("verdict.act.end_relationship", Arg::Of(cost_more)));
  return std::move(plan).Sorted();
}

}  // namespace addio
