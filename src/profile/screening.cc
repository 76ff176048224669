#include "profile/screening.h"

#include <utility>

namespace addio {
namespace {

// Sign `sign`'s prediction; its reasons stay messages until a report renders them.
PredictedSign Predict(const SignDefinition* sign, const IntakeAnswers& answers) {
  ScreeningPrediction prediction = sign->Screen(answers);
  return PredictedSign{sign, prediction.level, std::move(prediction.reasons)};
}

}  // namespace

const char* DecisionKey(Decision decision) {
  switch (decision) {
    case Decision::kDecline:
      return "decline";
    case Decision::kAcceptWithTerms:
      return "accept_with_terms";
    case Decision::kAccept:
      return "accept";
  }
  return "decline";
}

std::optional<Decision> ParseDecision(std::string_view key) {
  for (Decision d : {Decision::kDecline, Decision::kAcceptWithTerms, Decision::kAccept}) {
    if (key == DecisionKey(d)) return d;
  }
  return std::nullopt;
}

Levels Screening::levels() const {
  Levels out;
  for (const PredictedSign& predicted : signals) out.push_back(predicted.level);
  return out;
}

Screening ScreenProspect(const IntakeAnswers& answers) {
  Screening s;
  s.answers = answers;
  for (const SignDefinition* sign : AllSigns()) s.signals.push_back(Predict(sign, answers));
  const Levels levels = s.levels();
  s.risk = 100 - Score(levels);
  s.archetype = ClassifyArchetype(levels);

  int reds = 0;
  bool flagged = false;
  for (Level level : levels) {
    reds += level == Level::kRed;
    flagged = flagged || level == Level::kAmber || level == Level::kRed;
  }
  bool decisive_red = false;
  for (const PredictedSign& predicted : s.signals) {
    decisive_red =
        decisive_red || (predicted.sign->red_parts_ways() && predicted.level == Level::kRed);
  }
  if (decisive_red || reds >= 2) {
    s.decision = Decision::kDecline;
  } else if (flagged) {
    s.decision = Decision::kAcceptWithTerms;
  } else {
    s.decision = Decision::kAccept;
  }
  s.terms = StricterTerms(TermsFor(levels), StrategyFor(kNewcomer).terms);
  return s;
}

}  // namespace addio
