// scope_creep: the client asks for more than was agreed (DESIGN.md section 4). An unpaid
// extra is a request in the window with in_scope false and a change order other than
// accepted. Its hours are those of the work linked to it (on hourly projects only the
// non-billable part, the billable part being paid), else its estimate. agreed_hours sums,
// over the projects active in the window, budget_hours, else fee / contract hourly_rate,
// else fee / target rate. overrun compares all the work done so far on the fixed-fee
// projects active in the window with their agreed hours (a budget covers a project's
// whole life, not just the window).
#include <map>
#include <string_view>

#include "signals/act.h"
#include "signals/metrics.h"
#include "signals/screen.h"
#include "signals/sign.h"
#include "signals/signals.h"
#include "signals/window.h"

namespace addio {
namespace {

using signals_internal::Hours;
using signals_internal::LocalDate;
using signals_internal::Proof;
using signals_internal::ToWorkspace;
using signals_internal::Window;

bool ActiveIn(const Project& project, const Window& window) {
  return !(project.start && *project.start > window.last) &&
         !(project.end && *project.end < window.first);
}

// fee / rate in hours, both in the workspace currency; nullopt when either is missing.
std::optional<double> HoursFor(const Money& fee, const std::optional<Money>& rate,
                               const Context& context) {
  if (!rate) return std::nullopt;
  const auto f = ToWorkspace(fee, context), r = ToWorkspace(*rate, context);
  if (!f || !r || !r->is_positive()) return std::nullopt;
  return static_cast<double>(f->minor()) / static_cast<double>(r->minor());
}

// The hourly rate behind a project's fee: its own contract's, else the latest signed
// contract of the client that states one.
std::optional<Money> ContractRate(const Project& project, const ClientLedger& client,
                                  CivilDate as_of) {
  const Contract* best = nullptr;
  for (const Contract& c : client.contracts) {
    if (!project.contract.empty()) {
      if (c.id == project.contract) return c.hourly_rate;
      continue;
    }
    if (!c.hourly_rate || !c.signed_on || *c.signed_on > as_of) continue;
    if (best == nullptr || *c.signed_on >= *best->signed_on) best = &c;
  }
  return best ? best->hourly_rate : std::nullopt;
}

}  // namespace

std::optional<double> AgreedHours(const Project& project, const ClientLedger& client,
                                  const Context& context) {
  if (project.budget_hours) return *project.budget_hours;
  if (!project.fee) return std::nullopt;
  if (auto hours = HoursFor(*project.fee, ContractRate(project, client, context.as_of), context)) {
    return hours;
  }
  return HoursFor(*project.fee, context.workspace->target_hourly_rate, context);
}

namespace {

// What the evidence of one record needs, kept small until it survives the cap.
struct Record {
  const Request* request;  // an unpaid extra, or
  const Project* project;  // a fixed-fee project
  double hours;            // the extra's hours, or the project's agreed hours
  double worked;           // the project's worked hours
};

Evidence MakeEvidence(const Record& r) {
  if (r.request != nullptr) {
    return Proof(std::nullopt, r.hours, Msg("signs.scope_creep.evidence.extra", r.request->summary),
                 Name(r.request->change_order));
  }
  return Proof(r.project->fee, r.worked / r.hours,
               Msg("signs.scope_creep.evidence.fixed", Hours(r.worked), Hours(r.hours)), "fixed");
}

}  // namespace

namespace {

Finding Measure(const ClientSnapshot& snapshot, const Context& context) {
  const ClientLedger& client = snapshot.records();
  const Settings& s = context.settings;
  const Window window = signals_internal::MakeWindow(context);
  const int64_t days = window.days;
  Finding finding;

  std::map<std::string_view, const Project*> projects;
  for (const Project& project : client.projects) projects[project.id] = &project;
  auto project_of = [&projects](const std::string& id) -> const Project* {
    const auto it = projects.find(id);
    return it == projects.end() ? nullptr : it->second;
  };

  // Agreed hours of the projects active in the window; worked hours of the fixed-fee ones.
  double agreed = 0, fixed_agreed = 0;
  std::map<std::string_view, double> fixed;  // fixed-fee project -> agreed hours
  for (const Project& project : client.projects) {
    if (!ActiveIn(project, window)) continue;
    const std::optional<double> hours = AgreedHours(project, client, context);
    if (!hours || *hours <= 0) continue;
    agreed += *hours;
    if (project.pricing == Pricing::kFixed) {
      fixed[project.id] = *hours;
      fixed_agreed += *hours;
    }
  }
  std::map<std::string_view, int64_t> fixed_minutes;
  std::map<std::string_view, std::vector<const WorkEntry*>> linked;  // request -> work
  for (const WorkEntry& work : client.work) {
    if (work.start >= window.end) continue;  // after as_of: not done yet
    if (fixed.contains(work.project)) fixed_minutes[work.project] += work.minutes;
    if (!work.request.empty()) linked[work.request].push_back(&work);
  }

  // Unpaid extras.
  signals_internal::EvidenceList<Record> evidence;
  int64_t extras = 0;
  double extra_hours = 0;
  for (const Request& request : client.requests) {
    if (request.in_scope || request.change_order == ChangeOrder::kAccepted ||
        !window.Contains(request.at)) {
      continue;
    }
    ++extras;
    double hours = request.estimate_hours.value_or(0);
    if (const auto it = linked.find(request.id); it != linked.end()) {
      int64_t minutes = 0;
      for (const WorkEntry* work : it->second) {
        const Project* project =
            project_of(work->project.empty() ? request.project : work->project);
        const bool hourly = project != nullptr && project->pricing == Pricing::kHourly;
        if (!hourly || !work->billable) minutes += work->minutes;
      }
      hours = static_cast<double>(minutes) / 60.0;
    }
    extra_hours += hours;
    evidence.Add(LocalDate(request.at, context), "request", request.id,
                 {&request, nullptr, hours, 0});
  }

  double fixed_worked = 0;
  for (const auto& [id, hours] : fixed) {
    const double worked = static_cast<double>(fixed_minutes[id]) / 60.0;
    fixed_worked += worked;
    const Project* project = project_of(std::string(id));
    evidence.Add(project->start, "project", project->id, {nullptr, project, hours, worked});
  }
  const std::optional<double> creep =
      agreed > 0 ? std::optional(extra_hours / agreed) : std::nullopt;
  const std::optional<double> overrun =
      fixed_agreed > 0 ? std::optional(fixed_worked / fixed_agreed) : std::nullopt;

  finding.metrics = {
      Metric::Number("agreed_hours", agreed),
      MakeMetric(metrics::kExtraRequests, extras),
      MakeMetric(metrics::kExtraHours, extra_hours),
      MakeMetric(metrics::kCreepRatio, creep),
      Metric::Number("fixed_worked_hours", fixed_worked),
      Metric::Number("fixed_agreed_hours", fixed_agreed),
      overrun ? Metric::Number("overrun", *overrun) : Metric::Unknown("overrun"),
  };
  finding.thresholds = {
      {"creep_ratio", "scope_creep.red_ratio", s.scope_creep_red_ratio, true, Level::kRed},
      {"overrun", "scope_creep.red_overrun", s.scope_creep_red_overrun, true, Level::kRed},
      {"creep_ratio", "scope_creep.amber_ratio", s.scope_creep_amber_ratio, true, Level::kAmber},
      {"overrun", "scope_creep.amber_overrun", s.scope_creep_amber_overrun, true, Level::kAmber},
      {"extra_requests", "scope_creep.amber_extras",
       static_cast<double>(s.scope_creep_amber_extras), true, Level::kAmber},
  };
  evidence.MoveInto(finding, MakeEvidence);

  if (agreed <= 0 && extras == 0) {
    finding.level = Level::kUnknown;
    finding.reasons.push_back(Msg("signs.scope_creep.reason.nothing", days));
    return finding;
  }
  if ((creep && *creep >= s.scope_creep_red_ratio) ||
      (overrun && *overrun >= s.scope_creep_red_overrun)) {
    finding.level = Level::kRed;
  } else if ((creep && *creep >= s.scope_creep_amber_ratio) ||
             (overrun && *overrun >= s.scope_creep_amber_overrun) ||
             extras >= s.scope_creep_amber_extras) {
    finding.level = Level::kAmber;
  } else {
    finding.level = Level::kGreen;
  }

  if (extras > 0) {
    finding.reasons.push_back(
        Msg("signs.scope_creep.reason.extras", extras, Hours(extra_hours),
            Arg::Of(creep ? Msg("signs.scope_creep.of_agreed", Arg::Percent(*creep), Hours(agreed))
                          : Message{})));
  } else {
    finding.reasons.push_back(Msg("signs.scope_creep.reason.no_extras", days));
  }
  if (overrun && fixed_worked > 0) {
    finding.reasons.push_back(Msg("signs.scope_creep.reason.overrun", Hours(fixed_worked),
                                  Hours(fixed_agreed), Arg::Percent(*overrun)));
  }
  return finding;
}

using signals_internal::IsRed;

void PlanScopeCreep(const Finding& f, const Economics& e, ActionPlan& plan) {
  const bool red = IsRed(f);
  const int64_t extras = Read(f, metrics::kExtraRequests).value_or(0);
  const double extra_hours = Read(f, metrics::kExtraHours).value_or(0);
  const std::optional<double> ratio = Read(f, metrics::kCreepRatio);
  // "3 unpaid extras took 12.5 hours, 30% of the agreed hours. ", or nothing.
  Message took;
  if (extras > 0) {
    took = Msg(
        "signs.scope_creep.act.extras_took", extras, Arg::Fixed(extra_hours, 1),
        Arg::Of(ratio ? Msg("signs.scope_creep.act.share_of_agreed", Arg::Fixed(*ratio * 100, 0))
                      : Message{}));
  }
  plan.Add("introduce_change_orders", red ? 72 : 46, f.sign,
           Msg("signs.scope_creep.act.introduce_change_orders", Arg::Of(std::move(took))));
  if (e.unbilled_extras.is_positive()) {
    plan.Add("bill_extras", red ? 66 : 40, f.sign,
             Msg("signs.scope_creep.act.bill_extras", Arg::Amount(e.unbilled_extras)));
  }
}

class ScopeCreep final : public SignDefinition {
 public:
  ScopeCreep()
      : SignDefinition({.key = "scope_creep",
                        .weight_halves = 2,
                        .archetype = "scope_creeper",
                        .tie_rank = 4,
                        .red_parts_ways = false,
                        .reads = {},
                        .needs = {{"request", "project"}}}) {}

  Finding Evaluate(const SignInput& input) const override {
    return Measure(input.client, input.context);
  }

  // The unpaid extra hours at the reference rate.
  void Price(const Finding& finding, const std::optional<Money>& reference_rate, const Context&,
             Economics& economics) const override {
    const double extra_hours = Read(finding, metrics::kExtraHours).value_or(0);
    if (reference_rate && extra_hours > 0) {
      economics.unbilled_extras = reference_rate->Mul(signals_internal::HoursDecimal(extra_hours));
    }
  }

  void Act(const Finding& finding, const Economics& economics, const Context&,
           ActionPlan& plan) const override {
    PlanScopeCreep(finding, economics, plan);
  }

  std::vector<SettingSpec> DeclareSettings() const override;
  ScreeningPrediction Screen(const IntakeAnswers& answers) const override;
};

std::vector<SettingSpec> ScopeCreep::DeclareSettings() const {
  return {
      {"scope_creep.red_ratio", &Settings::scope_creep_red_ratio, 0.25, 0, 1000},
      {"scope_creep.red_overrun", &Settings::scope_creep_red_overrun, 1.5, 0, 1000},
      {"scope_creep.amber_ratio", &Settings::scope_creep_amber_ratio, 0.10, 0, 1000},
      {"scope_creep.amber_overrun", &Settings::scope_creep_amber_overrun, 1.2, 0, 1000},
      {"scope_creep.amber_extras", &Settings::scope_creep_amber_extras, 3, 1, 1e6},
  };
}

// scope_clarity vague: amber; decision_maker unclear: amber; both: red;
// providers_replaced >= 3: amber, or red when already amber.
ScreeningPrediction ScopeCreep::Screen(const IntakeAnswers& answers) const {
  ScreeningPrediction p;
  const bool vague = answers.scope_clarity == ScopeClarity::kVague;
  const bool unclear = answers.decision_maker == DecisionMaker::kUnclear;
  if (vague && unclear) {
    p.level = Level::kRed;
    p.reasons.push_back(Msg("screening.scope_creep.vague_and_unclear"));
  } else if (vague) {
    p.level = Level::kAmber;
    p.reasons.push_back(Msg("screening.scope_creep.vague"));
  } else if (unclear) {
    p.level = Level::kAmber;
    p.reasons.push_back(Msg("screening.scope_creep.unclear"));
  }
  if (answers.providers_replaced >= 3) {
    // A history of replaced providers makes whatever else is uncertain one step worse.
    signals_internal::Raise(p.level, p.level == Level::kGreen ? Level::kAmber : Level::kRed);
    p.reasons.push_back(
        Msg("screening.scope_creep.providers_replaced", answers.providers_replaced));
  }
  if (p.reasons.empty()) {
    p.reasons.push_back(Msg(answers.scope_clarity == ScopeClarity::kClear
                                ? "screening.scope_creep.clear"
                                : "screening.scope_creep.partial"));
  }
  return p;
}

}  // namespace

namespace signals_internal {
std::unique_ptr<SignDefinition> MakeScopeCreep() { return std::make_unique<ScopeCreep>(); }
}  // namespace signals_internal

}  // namespace addio
