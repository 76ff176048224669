// The interactive intake questionnaire behind `addio screen` on a terminal: asks the
// questions of profile/intake.h one by one, shows each one's default and allowed values,
// re-asks after an invalid answer, and hands the draft to a callback after every answer
// so that an interruption loses nothing. Streams are parameters, so the dialogue is
// testable without a terminal.
#pragma once

#include <functional>
#include <iosfwd>
#include <string_view>

#include "core/result.h"
#include "profile/intake.h"

namespace addio {

enum class QuestionnaireEnd {
  kComplete,  // every question has an answer
  kQuit,      // "q" typed, or the input ended: the draft holds what was answered
};

// Asks every question of IntakeQuestions() that `draft` has no answer for, in order,
// writing prompts to `out` and reading one line per answer from `in`, in `lang`. An empty line
// takes the default; "?" shows the question's help; "q" (or "quit", "esci") stops. After each
// accepted answer `save` is called with the whole draft; its error ends the questionnaire and is
// returned.
Result<QuestionnaireEnd> AskIntakeQuestions(std::istream& in, std::ostream& out, IntakeDraft& draft,
                                            Lang lang,
                                            const std::function<Status(const IntakeDraft&)>& save);

}  // namespace addio
