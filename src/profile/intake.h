// The intake questionnaire of DESIGN.md section 6: ten questions a freelancer asks a
// prospect before the first job, and the answers as values. Answers come from a JSON or
// TOML file, from the interactive questionnaire (profile/questionnaire.h), or from the
// `intake` field of a client record (ledger/records.h keeps it as compact JSON text).
// Screening (profile/screening.h) and the search for similar past clients
// (profile/similar.h) read the parsed IntakeAnswers.
//
// On the way in, answers are first a draft: key -> canonical text ("yes", "0.85",
// "true", "30"), which may be incomplete (a questionnaire interrupted halfway). A draft
// with every key becomes IntakeAnswers.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalogue.h"
#include "core/result.h"
#include "signals/finding.h"
#include "signals/intake_answers.h"

namespace addio {

// The kind of value a question takes.
enum class AnswerKind {
  kChoice,   // one of `choices`
  kBoolean,  // true or false (yes/no, sì/no accepted when typed)
  kRatio,    // a number > 0; typed answers may also be a fraction "3000/4000"
  kInteger,  // a whole number in [min, max]
};

struct IntakeQuestion {
  const char* key;  // the JSON/TOML key of DESIGN.md section 6
  AnswerKind kind;
  std::vector<const char*> choices;  // kChoice only, in order from best to worst
  double min = 0;                    // kRatio (exclusive) and kInteger (inclusive)
  double max = 0;                    // inclusive
  const char* default_value;         // canonical text, taken when the answer is left empty
  Message prompt;                    // the question as asked (profile.question.<key>)
  Message help;                      // what the values mean, shown on "?"
};

// The ten questions, in the order of DESIGN.md section 6.
const std::vector<IntakeQuestion>& IntakeQuestions();

// The question with `key`, or nullptr.
const IntakeQuestion* FindIntakeQuestion(std::string_view key);

// Canonical text per key, possibly incomplete. Keys are question keys.
using IntakeDraft = std::map<std::string, std::string>;

// Checks one typed answer and returns its canonical text: choices in lower case ("Yes"
// -> "yes"), booleans as "true"/"false" (yes, y, sì, si, no, n accepted), numbers in their
// shortest exact form ("0.75" for "3000/4000"), an empty answer as the default. On a bad
// answer returns the reason, naming the values allowed.
std::expected<std::string, Message> NormalizeAnswer(const IntakeQuestion& question,
                                                    std::string_view typed);

enum class IntakeFormat { kJson, kToml };

// Reads a draft from a JSON object or a TOML table of key -> value (strings for choices,
// booleans, numbers; whole numbers for payment_terms_days and providers_replaced). Keys
// may be missing. Errors, with every problem listed: kParse when the text is not
// JSON/TOML or not an object/table; kValidation for an unknown key (the nearest known key
// is suggested) or a value of the wrong type or out of range. A message cannot hold a
// list of messages, so several problems are rendered in `lang`, one per line.
Result<IntakeDraft> ParseIntakeDraft(std::string_view text, IntakeFormat format,
                                     Lang lang = Lang::kEn);

// The answers of a complete draft. Error kValidation listing the missing keys.
Result<IntakeAnswers> AnswersFromDraft(const IntakeDraft& draft);

// ParseIntakeDraft then AnswersFromDraft: every key must be present.
Result<IntakeAnswers> ParseIntake(std::string_view text, IntakeFormat format,
                                  Lang lang = Lang::kEn);

// The format of an answers file: TOML for a name ending in .toml, JSON for .json, else
// JSON when the first non-blank character of `text` is '{', TOML otherwise.
IntakeFormat DetectIntakeFormat(std::string_view path, std::string_view text);

// The answers as a draft (every key present).
IntakeDraft DraftFromAnswers(const IntakeAnswers& answers);

// Compact JSON of a draft or of answers, keys in question order:
// {"will_sign_contract":"yes","budget_ratio":0.9,...}. This is what a client's `intake`
// field holds and what the questionnaire's state file contains.
std::string IntakeDraftJson(const IntakeDraft& draft);
std::string IntakeJson(const IntakeAnswers& answers);

// The canonical key of each enum value ("yes", "hesitant", ...).
const char* WillSignKey(WillSign value);
const char* ScopeClarityKey(ScopeClarity value);
const char* ContactHoursKey(ContactHours value);
const char* DecisionMakerKey(DecisionMaker value);
const char* PaymentReputationKey(PaymentReputation value);

}  // namespace addio
