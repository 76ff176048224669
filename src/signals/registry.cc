// The sign registry: the built-in signs, one declaration and one line each, in DESIGN.md's
// order (the order of every report column and JSON object), and the evaluation of a
// client against all of them.
#include <algorithm>
#include <stdexcept>

#include "signals/sign.h"

namespace addio {

// Each built-in sign's file makes it.
namespace signals_internal {
std::unique_ptr<SignDefinition> MakeNoContract();
std::unique_ptr<SignDefinition> MakeScopeCreep();
std::unique_ptr<SignDefinition> MakeTimeDrain();
std::unique_ptr<SignDefinition> MakeUnderpaying();
std::unique_ptr<SignDefinition> MakeLatePayment();
std::unique_ptr<SignDefinition> MakeNonPayment();
}  // namespace signals_internal

SignRegistry::SignRegistry() {
  Add(signals_internal::MakeNoContract());
  Add(signals_internal::MakeScopeCreep());
  Add(signals_internal::MakeTimeDrain());
  Add(signals_internal::MakeUnderpaying());
  Add(signals_internal::MakeLatePayment());
  Add(signals_internal::MakeNonPayment());
}

SignRegistry& SignRegistry::Mutable() {
  static SignRegistry registry;
  return registry;
}

const SignRegistry& SignRegistry::Get() { return Mutable(); }

void SignRegistry::Register(std::unique_ptr<SignDefinition> sign) {
  Mutable().Add(std::move(sign));
}

void SignRegistry::Add(std::unique_ptr<SignDefinition> sign) {
  if (Find(sign->key()) != nullptr) {
    throw std::logic_error("sign registered twice: " + std::string(sign->key()));
  }
  signs_.push_back(sign.get());
  owned_.push_back(std::move(sign));
  // Depth-first over `reads`, so that every sign follows the signs it reads; signs that
  // read nothing keep their registry order.
  evaluation_order_.clear();
  std::vector<int> state(signs_.size(), 0);  // 0 new, 1 visiting, 2 placed
  const auto visit = [&](auto&& self, size_t i) -> void {
    if (state[i] == 2) return;
    if (state[i] == 1) {
      throw std::logic_error("signs read each other: " + std::string(signs_[i]->key()));
    }
    state[i] = 1;
    for (std::string_view read : signs_[i]->reads()) {
      if (const auto j = IndexOf(read)) self(self, *j);
    }
    state[i] = 2;
    evaluation_order_.push_back(i);
  };
  for (size_t i = 0; i < signs_.size(); ++i) visit(visit, i);
}

std::optional<size_t> SignRegistry::IndexOf(std::string_view key) const {
  for (size_t i = 0; i < signs_.size(); ++i) {
    if (signs_[i]->key() == key) return i;
  }
  return std::nullopt;
}

const SignDefinition* SignRegistry::Find(std::string_view key) const {
  const auto i = IndexOf(key);
  return i ? signs_[*i] : nullptr;
}

void SignDefinition::Price(const Finding&, const std::optional<Money>&, const Context&,
                           Economics&) const {}

void SignDefinition::Act(const Finding&, const Economics&, const Context&, ActionPlan&) const {}

std::vector<SettingSpec> SignDefinition::DeclareSettings() const { return {}; }

ScreeningPrediction SignDefinition::Screen(const IntakeAnswers&) const { return {}; }

void ActionPlan::Add(std::string code, int urgency, const SignDefinition* sign, Message text) {
  for (Action& action : actions_) {
    if (action.code != code) continue;
    if (action.urgency < urgency) {
      action = Action{std::move(code), std::move(text), urgency, sign};
    }
    return;
  }
  actions_.push_back(Action{std::move(code), std::move(text), urgency, sign});
}

std::vector<Action> ActionPlan::Sorted() && {
  std::sort(actions_.begin(), actions_.end(), [](const Action& a, const Action& b) {
    if (a.urgency != b.urgency) return a.urgency > b.urgency;
    return a.code < b.code;
  });
  return std::move(actions_);
}

const Finding* FindingOf(const Findings& findings, std::string_view key) {
  const auto i = SignRegistry::Get().IndexOf(key);
  return i && *i < findings.size() ? &findings[*i] : nullptr;
}

const Finding& FindingOrEmpty(const Findings& findings, std::string_view key) {
  static const Finding kNone;
  const Finding* finding = FindingOf(findings, key);
  return finding != nullptr ? *finding : kNone;
}

std::vector<std::vector<std::string_view>> UnmetNeeds(const SignDefinition& sign,
                                                      const RecordTypes& held) {
  std::vector<std::vector<std::string_view>> unmet;
  for (const std::vector<std::string_view>& group : sign.needs()) {
    if (std::none_of(group.begin(), group.end(),
                     [&held](std::string_view type) { return held.Has(type); })) {
      unmet.push_back(group);
    }
  }
  return unmet;
}

std::string NeedsKey(const std::vector<std::string_view>& group) {
  std::string key;
  for (std::string_view type : group) {
    if (!key.empty()) key += "_or_";
    key += type;
  }
  return key;
}

namespace {

// `sign`'s finding on `input`; when the workspace does not hold what it needs, the sign is
// not judged: unknown, every metric unknown, no evidence, and reasons saying which records
// are missing and how to add them. The sign is still measured so that its metrics keep
// their names and order.
Finding Judge(const SignDefinition& sign, const SignInput& input) {
  Finding finding = sign.Evaluate(input);
  const std::vector<std::vector<std::string_view>> unmet = UnmetNeeds(sign, input.context.held);
  if (unmet.empty()) return finding;
  finding.level = Level::kUnknown;
  for (Metric& metric : finding.metrics) metric = Metric::Unknown(std::move(metric.name));
  finding.evidence.clear();
  finding.thresholds.clear();
  finding.reasons.clear();
  for (const std::vector<std::string_view>& group : unmet) {
    finding.reasons.push_back(Msg("coverage.not_recorded." + NeedsKey(group)));
    for (std::string_view type : group) {
      finding.reasons.push_back(Msg("coverage.add." + std::string(type)));
    }
  }
  return finding;
}

}  // namespace

Findings EvaluateSigns(const ClientSnapshot& client, const RateRanking& portfolio,
                       const Context& context) {
  const SignRegistry& registry = SignRegistry::Get();
  Findings findings(registry.size());
  const SignInput input{client, portfolio, context, findings};
  for (size_t i : registry.evaluation_order()) {
    findings[i] = Judge(*registry.signs()[i], input);
    findings[i].sign = registry.signs()[i];
  }
  return findings;
}

Finding EvaluateSign(std::string_view key, const ClientSnapshot& client,
                     const RateRanking& portfolio, const Context& context, Findings given) {
  const SignRegistry& registry = SignRegistry::Get();
  given.resize(registry.size());
  const SignInput input{client, portfolio, context, given};
  const auto evaluate = [&](auto&& self, size_t i) -> void {
    if (given[i].sign != nullptr) return;
    for (std::string_view read : registry.signs()[i]->reads()) {
      if (const auto j = registry.IndexOf(read)) self(self, *j);
    }
    given[i] = Judge(*registry.signs()[i], input);
    given[i].sign = registry.signs()[i];
  };
  const std::optional<size_t> index = registry.IndexOf(key);
  if (!index) throw std::logic_error("no sign " + std::string(key));
  given[*index].sign = nullptr;  // always measured here, even when given
  evaluate(evaluate, *index);
  return given[*index];
}

Levels LevelsOf(const Findings& findings) {
  Levels levels;
  levels.reserve(findings.size());
  for (const Finding& finding : findings) levels.push_back(finding.level);
  return levels;
}

}  // namespace addio
