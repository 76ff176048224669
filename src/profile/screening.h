// `addio screen` (DESIGN.md section 6): rates a prospect before any work, from the intake
// answers alone. Each registered sign gets a predicted severity (the worst of its rules;
// green when none holds) with the reasons in both languages; the risk is 100 minus the
// score of section 5 computed on those severities; the likely archetype follows the rule
// of section 6 (partner when all green); the decision is decline, accept with terms or
// accept. docs/screening.md documents every rule. Pure: the same answers give the same
// Screening.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "profile/intake.h"
#include "profile/strategy.h"
#include "signals/finding.h"
#include "verdict/assessment.h"

namespace addio {

enum class Decision { kDecline, kAcceptWithTerms, kAccept };
// "decline", "accept_with_terms", "accept".
const char* DecisionKey(Decision decision);
// The inverse of DecisionKey; nullopt for any other text.
std::optional<Decision> ParseDecision(std::string_view key);

struct PredictedSign {
  const SignDefinition* sign = nullptr;
  Level level = Level::kGreen;  // never kUnknown: every answer is known
  // For amber and red, one per rule that holds; for green, what reassures (none for a sign
  // without a screening rule).
  std::vector<Message> reasons;
};

struct Screening {
  IntakeAnswers answers;
  std::vector<PredictedSign> signals;  // one per registered sign, in registry order
  int risk = 0;                        // 0 (nothing predicted) .. 100 (every sign red)
  Archetype archetype = kPartner;
  Decision decision = Decision::kAccept;
  // The terms to propose: TermsFor(levels), never looser than a newcomer's, since a
  // prospect's first job is always a newcomer's whatever its answers.
  Terms terms;

  Levels levels() const;
  const Strategy& strategy() const { return StrategyFor(archetype); }
};

// Screens a prospect: each registered sign predicts its own severity from the answers
// (SignDefinition::Screen, the rules of DESIGN.md section 6 written in each sign's file).
// A sign with no screening rule is predicted green.
// decision: decline when a sign whose red alone parts ways is red or two or more signs are
// red; else accept_with_terms when any sign is amber or red; else accept.
Screening ScreenProspect(const IntakeAnswers& answers);

}  // namespace addio
