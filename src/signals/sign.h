// A sign as a registered unit (DESIGN.md section 1, "A sign is a unit"). Each warning sign
// is one class in src/signals/<key>.cc implementing SignDefinition: its key, its place in
// the score and the verdict (weight, whether red alone parts ways), the client type it
// names and its rank in ties, how it measures and classifies a client (Evaluate), what it
// adds to the economics of the relationship (Price), the actions it asks for (Act), the
// settings it reads (DeclareSettings) and how it rates a prospect before any work (Screen).
// The registry lists them; verdict/, profile/, report/ and api/ iterate the registry and
// never name a particular sign, so a new sign is its file, one line in registry.cc, its
// catalogue entries and its test (docs/adding-a-sign.md).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalogue.h"
#include "core/money.h"
#include "ledger/record_types.h"
#include "ledger/snapshot.h"
#include "signals/economics.h"
#include "signals/finding.h"
#include "signals/intake_answers.h"
#include "signals/setting.h"
#include "signals/signals.h"

namespace addio {

// The findings of one client, one per registered sign, in registry order.
using Findings = std::vector<Finding>;
// The levels of one client's findings, in registry order.
using Levels = std::vector<Level>;

// What a sign reads to evaluate one client.
struct SignInput {
  const ClientSnapshot& client;
  const RateRanking& portfolio;
  const Context& context;
  // The findings of the signs this one reads (SignDefinition::reads), already evaluated;
  // the others are still empty. Look them up with FindingOf.
  const Findings& findings;
};

// Collects actions (DESIGN.md section 5); a code asked for twice keeps its most urgent
// version. Ties in urgency are ordered by code, so the plan is deterministic.
class ActionPlan {
 public:
  // `text` is the advice, a catalogue message quoting the client's figures.
  void Add(std::string code, int urgency, const SignDefinition* sign, Message text);
  // The actions, most urgent first.
  std::vector<Action> Sorted() &&;

 private:
  std::vector<Action> actions_;
};

// What a sign predicts for a prospect from the intake answers alone (DESIGN.md section 6).
struct ScreeningPrediction {
  Level level = Level::kGreen;  // never kUnknown: every answer is known
  // For amber and red, one per rule that holds; for green, what reassures (may be empty).
  std::vector<Message> reasons;
};

class SignDefinition {
 public:
  struct Traits {
    std::string_view key;  // "late_payment": file, JSON key, CSS class, catalogue key
    // Weight in the score and the verdict, in halves (1.5 is 3) so that the score is
    // computed in integers.
    int weight_halves = 2;
    // The client type named when this sign weighs most ("slow_payer"), and its rank when
    // several signs weigh the same: the lower rank names the type (DESIGN.md section 6).
    std::string_view archetype;
    int tie_rank = 0;
    // Red alone means part ways (and decline when screening a prospect).
    bool red_parts_ways = false;
    // The keys of the signs whose findings Evaluate reads; they are evaluated first.
    std::vector<std::string_view> reads;
    // The record types Evaluate reads, as groups (DESIGN.md section 4b): a group is met
    // when the workspace holds a record of at least one of its types ("client",
    // "contract", ...: RecordTypeNames). While a group is not met the sign is unknown for
    // every client, with reasons saying what is missing and how to add it (catalogue
    // entries "coverage.not_recorded.<types joined by _or_>" and "coverage.add.<type>").
    std::vector<std::vector<std::string_view>> needs;
  };

  explicit SignDefinition(Traits traits) : traits_(std::move(traits)) {}
  virtual ~SignDefinition() = default;
  SignDefinition(const SignDefinition&) = delete;
  SignDefinition& operator=(const SignDefinition&) = delete;

  std::string_view key() const { return traits_.key; }
  int weight_halves() const { return traits_.weight_halves; }
  double weight() const { return traits_.weight_halves / 2.0; }
  std::string_view archetype() const { return traits_.archetype; }
  int tie_rank() const { return traits_.tie_rank; }
  bool red_parts_ways() const { return traits_.red_parts_ways; }
  const std::vector<std::string_view>& reads() const { return traits_.reads; }
  const std::vector<std::vector<std::string_view>>& needs() const { return traits_.needs; }

  // Measures and classifies one client: level, metrics (in a fixed order), reasons,
  // evidence and the thresholds compared. Pure; safe to call concurrently on different
  // clients.
  virtual Finding Evaluate(const SignInput& input) const = 0;

  // Adds what this finding costs or earns to `economics` (DESIGN.md section 5): the
  // figures this sign measures. `reference_rate` is the client's reference rate (the
  // portfolio's, else the target rate), nullopt when unknown. Default: nothing.
  virtual void Price(const Finding& finding, const std::optional<Money>& reference_rate,
                     const Context& context, Economics& economics) const;

  // Adds the actions this finding asks for. Called only for an amber or red finding
  // (PlanActions skips the others). Default: none.
  virtual void Act(const Finding& finding, const Economics& economics, const Context& context,
                   ActionPlan& plan) const;

  // The settings this sign reads, each named "<key>.<threshold>", in the order reports
  // print them. Default: none.
  virtual std::vector<SettingSpec> DeclareSettings() const;

  // Predicts this sign for a prospect from the intake answers: the worst of its screening
  // rules, green when none holds. Pure. Default: green with no reason (a sign that cannot
  // be foreseen before any work).
  virtual ScreeningPrediction Screen(const IntakeAnswers& answers) const;

 private:
  Traits traits_;
};

// Every sign known to this program: the built-in ones (registry.cc) in DESIGN.md's order,
// then any added with Register.
class SignRegistry {
 public:
  static const SignRegistry& Get();

  // Adds `sign` after the others. For tests and extensions: call before any assessment
  // (the registry is not locked). REQUIRES: no sign with the same key is registered.
  static void Register(std::unique_ptr<SignDefinition> sign);

  // In display order (the order of every Findings and Levels).
  const std::vector<const SignDefinition*>& signs() const { return signs_; }
  size_t size() const { return signs_.size(); }
  // The index of `key` in signs(), or nullopt.
  std::optional<size_t> IndexOf(std::string_view key) const;
  const SignDefinition* Find(std::string_view key) const;
  // Indexes into signs() in an order where every sign comes after the signs it reads.
  const std::vector<size_t>& evaluation_order() const { return evaluation_order_; }

 private:
  SignRegistry();
  void Add(std::unique_ptr<SignDefinition> sign);
  static SignRegistry& Mutable();

  std::vector<std::unique_ptr<SignDefinition>> owned_;
  std::vector<const SignDefinition*> signs_;
  std::vector<size_t> evaluation_order_;
};

// Shorthands over SignRegistry::Get().
inline const std::vector<const SignDefinition*>& AllSigns() { return SignRegistry::Get().signs(); }
// The registered sign `key`, or nullptr.
inline const SignDefinition* SignNamed(std::string_view key) {
  return SignRegistry::Get().Find(key);
}

// The finding of sign `key` among a client's findings; nullptr when no such sign is
// registered. REQUIRES: `findings` is in registry order.
const Finding* FindingOf(const Findings& findings, std::string_view key);
// The same, or an empty finding (no level, no metrics) when no such sign is registered.
const Finding& FindingOrEmpty(const Findings& findings, std::string_view key);

// Every registered sign's finding for one client, in registry order.
Findings EvaluateSigns(const ClientSnapshot& client, const RateRanking& portfolio,
                       const Context& context);

// Sign `key` alone on one client, for tests and tools. `given` may hold, in registry
// order, the findings of the signs it reads (a slot whose `sign` is null is not given);
// the signs it reads that are not given are evaluated first. REQUIRES: `key` is
// registered; the snapshot is as of context.as_of.
Finding EvaluateSign(std::string_view key, const ClientSnapshot& client,
                     const RateRanking& portfolio, const Context& context, Findings given = {});

// The groups of `sign`'s needs that `held` does not meet, in declaration order; empty when
// the sign can be judged.
std::vector<std::vector<std::string_view>> UnmetNeeds(const SignDefinition& sign,
                                                      const RecordTypes& held);

// The key of a group of needs in the catalogue: its types joined by "_or_"
// ("request_or_project").
std::string NeedsKey(const std::vector<std::string_view>& group);

// The levels of `findings`, in the same order.
Levels LevelsOf(const Findings& findings);

}  // namespace addio
