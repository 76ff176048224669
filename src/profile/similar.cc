#include "profile/similar.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace addio {
namespace {

// A value clamped to [lo, hi] and scaled to [0, 1].
double Scaled(double value, double lo, double hi) {
  return (std::clamp(value, lo, hi) - lo) / (hi - lo);
}

// Position of a three-step choice on its scale from best to worst.
double Step(int index) { return index * 0.5; }

std::array<double, 10> Features(const IntakeAnswers& a) {
  return {
      Step(static_cast<int>(a.will_sign_contract)),
      Scaled(a.budget_ratio, 0.4, 1.2),
      a.accepts_deposit ? 0.0 : 1.0,
      Scaled(a.payment_terms_days, 0, 90),
      Step(static_cast<int>(a.scope_clarity)),
      Scaled(a.timeline_ratio, 0.3, 1.2),
      Scaled(a.providers_replaced, 0, 5),
      Step(static_cast<int>(a.contact_hours)),
      Step(static_cast<int>(a.decision_maker)),
      Step(static_cast<int>(a.payment_reputation)),
  };
}

}  // namespace

double AnswerDistance(const IntakeAnswers& a, const IntakeAnswers& b) {
  const std::array<double, 10> fa = Features(a);
  const std::array<double, 10> fb = Features(b);
  double sum = 0;
  for (size_t i = 0; i < fa.size(); ++i) sum += std::fabs(fa[i] - fb[i]);
  return sum / static_cast<double>(fa.size());
}

Result<std::vector<SimilarClient>> FindSimilarClients(const IntakeAnswers& answers,
                                                      const Ledger& ledger, CivilDate as_of,
                                                      const SimilarOptions& options) {
  struct Candidate {
    double distance;
    const Client* client;
  };
  std::vector<Candidate> candidates;
  for (const Client& client : ledger.clients) {
    if (client.intake.empty() || client.id == options.exclude_client) continue;
    auto past = ParseIntake(client.intake, IntakeFormat::kJson);
    if (!past) continue;  // answers stored by hand and broken: nothing to compare
    candidates.push_back({AnswerDistance(answers, *past), &client});
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
    return x.distance != y.distance ? x.distance < y.distance : x.client->id < y.client->id;
  });
  if (candidates.size() > options.limit) candidates.resize(options.limit);

  std::vector<SimilarClient> out;
  for (const Candidate& candidate : candidates) {
    auto assessment = Assess(ledger, as_of, candidate.client->id);
    if (!assessment) return std::unexpected(assessment.error());
    const ClientAssessment& assessed = assessment->clients.front();
    out.push_back({candidate.client->id, candidate.client->name, 1.0 - candidate.distance,
                   assessed.verdict, assessed.score, assessed.archetype});
  }
  return out;
}

}  // namespace addio
