// Past clients who answered the intake questionnaire the way a prospect does, and how they
// turned out: screening's answer to "have I seen this one before?". Reads the `intake`
// field of the workspace's clients (ledger/records.h) and their assessment as of a date
// (verdict/assessment.h).
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "ledger/records.h"
#include "profile/intake.h"
#include "verdict/assessment.h"

namespace addio {

// How far apart two sets of answers are, in [0, 1]: the mean over the ten answers of a
// per-answer distance in [0, 1]. Choices sit on a scale from best to worst (yes 0,
// hesitant 0.5, no 1; and so on), booleans are 0 or 1, budget_ratio and timeline_ratio
// are compared after clamping to [0.4, 1.2] and [0.3, 1.2], payment_terms_days after
// clamping to [0, 90], providers_replaced after clamping to [0, 5], each scaled to [0, 1].
// Symmetric; 0 for identical answers.
double AnswerDistance(const IntakeAnswers& a, const IntakeAnswers& b);

struct SimilarClient {
  std::string client;  // id
  std::string name;
  double similarity = 0;  // 1 − AnswerDistance: 1 is the same answers
  Verdict verdict = Verdict::kInsufficientData;
  int score = 100;
  Archetype archetype = kNewcomer;
};

struct SimilarOptions {
  size_t limit = 3;            // at most this many clients
  std::string exclude_client;  // leave this client out (the one being screened), if any
};

// The clients of `ledger` with intake answers, nearest first (ties by client id), at most
// `options.limit`, each with its verdict, score and archetype as of `as_of`. Clients
// whose stored answers do not parse, or are incomplete, are skipped. An empty vector when
// no client has answers. Errors: as Assess (invalid workspace settings, unknown zone).
Result<std::vector<SimilarClient>> FindSimilarClients(const IntakeAnswers& answers,
                                                      const Ledger& ledger, CivilDate as_of,
                                                      const SimilarOptions& options = {});

}  // namespace addio
