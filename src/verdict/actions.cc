// What to do about a client (DESIGN.md section 5): each amber or red sign adds its own
// steps (SignDefinition::Act), worded with the client's figures; the verdict adds the last
// one, ending the relationship, when it says part ways. Urgency reflects how much money
// or time is at stake if the step waits.
#include "signals/wording.h"
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
  std::string en =
      "End the relationship: finish only what is already committed, collect "
      "what is owed, and give notice in writing.";
  std::string it =
      "Chiudi il rapporto: porta a termine solo gli impegni già presi, incassa "
      "quanto dovuto e comunica la cessazione per iscritto.";
  if (!economics.net_value.is_positive()) {
    en = "Over the period this client cost more than it paid (net value " +
         FormatMoney(economics.net_value, "en") + "). " + en;
    it = "Nel periodo questo cliente è costato più di quanto ha pagato (valore netto " +
         FormatMoney(economics.net_value, "it") + "). " + it;
  }
  plan.Add("end_relationship", 80, decisive, std::move(en), std::move(it));
  return std::move(plan).Sorted();
}

}  // namespace addio
