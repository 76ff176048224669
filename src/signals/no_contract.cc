// no_contract: the client will not sign a contract (DESIGN.md section 4). Work is
// covered at instant t when a contract of the client (the project's own contract, where
// the project names one) has signed <= t and no end before t, both read as local dates;
// a work entry that crosses local midnight is judged day by day. A contract counts as
// refused when refused in the window, and as ignored when sent at least
// no_contract.ignored_days before as_of and still neither signed nor refused (whenever
// it was sent: ignoring is a state that still holds). Red: uncovered work dated after a
// refusal, or after the day a contract became ignored. Amber: any uncovered work.
// Unknown: no work and no contract in the window.
#include <algorithm>
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
using signals_internal::Window;

// A known fact "as of": dates after as_of have not happened yet.
bool Happened(const std::optional<CivilDate>& date, CivilDate as_of) {
  return date && *date <= as_of;
}

bool Covers(const Contract& contract, CivilDate day, CivilDate as_of) {
  return Happened(contract.signed_on, as_of) && *contract.signed_on <= day &&
         !(contract.end && *contract.end < day);
}

// Calls on_day(date, seconds) for each local date that [start, start + seconds) touches.
template <typename OnDay>
void ForEachLocalDay(const Context& context, Instant start, int64_t seconds, OnDay on_day) {
  const Instant end = start.AddSeconds(seconds);
  CivilDate day = LocalDate(start, context);
  const CivilDate last = seconds > 0 ? LocalDate(end.AddSeconds(-1), context) : day;
  if (day == last) {
    on_day(day, seconds);
    return;
  }
  for (; day <= last; day = day.AddDays(1)) {
    const Instant from = std::max(start, context.zone.StartOfDay(day));
    const Instant to = std::min(end, context.zone.StartOfDay(day.AddDays(1)));
    if (from < to) on_day(day, SecondsBetween(from, to));
  }
}

// When the client turned down a contract: refused, or ignored past the limit.
struct Refusal {
  const Contract* contract;
  CivilDate since;  // uncovered work dated after this day makes the sign red
  bool ignored;
};

// What the evidence of one record needs, kept small until it survives the cap.
struct Record {
  enum What { kRefused, kIgnored, kUncovered, kAfterRefusal } what;
  double value;  // ignored: days waited; work: uncovered hours
};

Evidence MakeEvidence(const Record& r) {
  switch (r.what) {
    case Record::kRefused:
      return Proof(std::nullopt, std::nullopt, Msg("signs.no_contract.evidence.refused"),
                   "refused");
    case Record::kIgnored:
      return Proof(std::nullopt, r.value,
                   Msg("signs.no_contract.evidence.ignored", static_cast<int64_t>(r.value)),
                   "ignored");
    case Record::kUncovered:
      return Proof(std::nullopt, r.value, Msg("signs.no_contract.evidence.uncovered"), "uncovered");
    case Record::kAfterRefusal:
      return Proof(std::nullopt, r.value, Msg("signs.no_contract.evidence.after_refusal"),
                   "after_refusal");
  }
  return {};
}

}  // namespace

namespace {

Finding Measure(const ClientSnapshot& snapshot, const Context& context) {
  const ClientLedger& client = snapshot.records();
  const Settings& s = context.settings;
  const Window window = signals_internal::MakeWindow(context);
  const CivilDate as_of = context.as_of;
  const int64_t days = window.days;
  Finding finding;

  signals_internal::EvidenceList<Record> evidence;

  // Refused and ignored contracts, and whether any contract concerns the window at all.
  std::vector<Refusal> refusals;
  bool contract_in_window = false;
  int64_t contracts_on_record = 0;
  for (const Contract& contract : client.contracts) {
    const bool is_signed = Happened(contract.signed_on, as_of);
    const bool refused = Happened(contract.refused, as_of);
    const bool sent = Happened(contract.sent, as_of);
    if (!is_signed && !refused && !sent && !Happened(contract.start, as_of)) continue;
    ++contracts_on_record;
    for (const auto& date :
         {contract.sent, contract.signed_on, contract.refused, contract.start, contract.end}) {
      contract_in_window = contract_in_window || (date && window.Contains(*date));
    }
    if (is_signed && !(contract.end && *contract.end < window.first)) contract_in_window = true;
    if (refused && window.Contains(*contract.refused)) {
      refusals.push_back({&contract, *contract.refused, false});
      evidence.Add(contract.refused, "contract", contract.id, {Record::kRefused, 0});
    } else if (sent && !is_signed && !refused &&
               contract.sent->AddDays(s.no_contract_ignored_days) <= as_of) {
      contract_in_window = true;
      const int32_t waiting = DaysBetween(*contract.sent, as_of);
      refusals.push_back({&contract, contract.sent->AddDays(s.no_contract_ignored_days), true});
      evidence.Add(contract.sent, "contract", contract.id,
                   {Record::kIgnored, static_cast<double>(waiting)});
    }
  }
  const Refusal* first_refusal = nullptr;
  for (const Refusal& refusal : refusals) {
    if (first_refusal == nullptr || refusal.since < first_refusal->since) first_refusal = &refusal;
  }

  // The contract each project names, where it names one (nullptr: not this client's).
  std::map<std::string_view, const Contract*> own_contract;
  for (const Project& project : client.projects) {
    if (project.contract.empty()) continue;
    const auto it = std::find_if(client.contracts.begin(), client.contracts.end(),
                                 [&](const Contract& c) { return c.id == project.contract; });
    own_contract[project.id] = it == client.contracts.end() ? nullptr : &*it;
  }

  // Work in the window, covered or not, day by day.
  int64_t work_entries = 0, work_seconds = 0, uncovered_seconds = 0, uncovered_entries = 0;
  int64_t after_refusal_seconds = 0, after_refusal_entries = 0;
  for (const WorkEntry& work : client.work) {
    if (!window.Contains(work.start)) continue;
    ++work_entries;
    const Contract* own = nullptr;
    bool names_contract = false;
    if (const auto it = own_contract.find(work.project); it != own_contract.end()) {
      names_contract = true;
      own = it->second;
    }
    const int64_t seconds = int64_t{work.minutes} * 60;
    work_seconds += seconds;
    auto covered = [&](CivilDate day) {
      if (names_contract) return own != nullptr && Covers(*own, day, as_of);
      return std::any_of(client.contracts.begin(), client.contracts.end(),
                         [&](const Contract& c) { return Covers(c, day, as_of); });
    };
    int64_t uncovered = 0, after_refusal = 0;
    ForEachLocalDay(context, work.start, seconds, [&](CivilDate day, int64_t piece) {
      if (covered(day)) return;
      uncovered += piece;
      if (first_refusal != nullptr && day > first_refusal->since) after_refusal += piece;
    });
    // An entry of zero minutes still counts as uncovered work when its day is uncovered.
    const CivilDate day = LocalDate(work.start, context);
    if (uncovered == 0 && !(seconds == 0 && !covered(day))) continue;
    ++uncovered_entries;
    uncovered_seconds += uncovered;
    const bool late = after_refusal > 0 ||
                      (seconds == 0 && first_refusal != nullptr && day > first_refusal->since);
    if (late) {
      ++after_refusal_entries;
      after_refusal_seconds += after_refusal;
    }
    evidence.Add(day, "work", work.id,
                 {late ? Record::kAfterRefusal : Record::kUncovered,
                  static_cast<double>(uncovered) / 3600.0});
  }

  const double work_hours = static_cast<double>(work_seconds) / 3600.0;
  const double uncovered_hours = static_cast<double>(uncovered_seconds) / 3600.0;
  const int64_t ignored =
      std::count_if(refusals.begin(), refusals.end(), [](const Refusal& r) { return r.ignored; });
  const std::optional<double> share =
      work_seconds > 0 ? std::optional(uncovered_hours / work_hours) : std::nullopt;
  finding.metrics = {
      Metric::Number("work_hours", work_hours),
      Metric::Number("covered_hours", work_hours - uncovered_hours),
      MakeMetric(metrics::kUncoveredHours, uncovered_hours),
      MakeMetric(metrics::kUncoveredShare, share),
      Metric::Count("uncovered_entries", uncovered_entries),
      Metric::Count("refused_contracts", static_cast<int64_t>(refusals.size())),
      Metric::Count("ignored_contracts", ignored),
      Metric::Count("uncovered_after_refusal", after_refusal_entries),
      Metric::Number("uncovered_hours_after_refusal",
                     static_cast<double>(after_refusal_seconds) / 3600.0),
      Metric::Count("contracts", contracts_on_record),
  };
  finding.thresholds = {
      {"uncovered_after_refusal", "", 1, true, Level::kRed},
      {"uncovered_entries", "", 1, true, Level::kAmber},
  };
  evidence.MoveInto(finding, MakeEvidence);

  if (work_entries == 0 && !contract_in_window) {
    finding.level = Level::kUnknown;
    finding.reasons.push_back(Msg("signs.no_contract.reason.nothing", days));
  } else {
    finding.level = after_refusal_entries > 0 ? Level::kRed
                    : uncovered_entries > 0   ? Level::kAmber
                                              : Level::kGreen;
    if (after_refusal_entries > 0) {
      const Contract& contract = *first_refusal->contract;
      const double hours = static_cast<double>(after_refusal_seconds) / 3600.0;
      if (first_refusal->ignored) {
        finding.reasons.push_back(Msg("signs.no_contract.reason.ignored_then_worked", contract.id,
                                      Arg::Date(*contract.sent),
                                      int64_t{DaysBetween(*contract.sent, as_of)}, Hours(hours)));
      } else {
        finding.reasons.push_back(Msg("signs.no_contract.reason.refused_then_worked", contract.id,
                                      Arg::Date(*contract.refused), Hours(hours)));
      }
    }
    if (uncovered_entries > 0 && contracts_on_record == 0) {
      finding.reasons.push_back(
          Msg("signs.no_contract.reason.no_contract_on_record", Hours(work_hours), days));
    } else if (uncovered_entries > 0 && uncovered_seconds == work_seconds) {
      finding.reasons.push_back(Msg("signs.no_contract.reason.all_uncovered", Hours(work_hours)));
    } else if (uncovered_entries > 0) {
      finding.reasons.push_back(
          Msg("signs.no_contract.reason.some_uncovered", Hours(uncovered_hours), Hours(work_hours),
              Arg::Of(share ? Msg("signs.no_contract.share", Arg::Percent(*share)) : Message{})));
    } else if (work_entries > 0) {
      finding.reasons.push_back(Msg("signs.no_contract.reason.all_covered", Hours(work_hours)));
    } else {
      finding.reasons.push_back(Msg("signs.no_contract.reason.no_work", days));
    }
    if (!refusals.empty() && after_refusal_entries == 0) {
      finding.reasons.push_back(
          Msg("signs.no_contract.reason.refused_no_work", static_cast<int64_t>(refusals.size())));
    }
  }
  return finding;
}

using signals_internal::IsRed;

void PlanNoContract(const Finding& f, ActionPlan& plan) {
  const std::optional<double> hours = Read(f, metrics::kUncoveredHours);
  const std::optional<double> share = Read(f, metrics::kUncoveredShare);
  // "12.5 hours of work (40%) had no signed contract. ", or nothing.
  Message uncovered;
  if (hours && *hours > 0) {
    uncovered = share ? Msg("signs.no_contract.act.uncovered_share", Arg::Fixed(*hours, 1),
                            Arg::Fixed(*share * 100, 0))
                      : Msg("signs.no_contract.act.uncovered", Arg::Fixed(*hours, 1));
  }
  if (IsRed(f)) {
    plan.Add("stop_work_until_signed", 90, f.sign,
             Msg("signs.no_contract.act.stop_work_until_signed", Arg::Of(std::move(uncovered))));
    return;
  }
  plan.Add("send_short_sow", 55, f.sign,
           Msg("signs.no_contract.act.send_short_sow", Arg::Of(std::move(uncovered))));
}

class NoContract final : public SignDefinition {
 public:
  NoContract()
      : SignDefinition({.key = "no_contract",
                        .weight_halves = 2,
                        .archetype = "contract_averse",
                        .tie_rank = 1,
                        .red_parts_ways = true,
                        .reads = {},
                        .needs = {{"contract"}}}) {}

  Finding Evaluate(const SignInput& input) const override {
    return Measure(input.client, input.context);
  }

  void Act(const Finding& finding, const Economics&, const Context&,
           ActionPlan& plan) const override {
    PlanNoContract(finding, plan);
  }

  std::vector<SettingSpec> DeclareSettings() const override;
  ScreeningPrediction Screen(const IntakeAnswers& answers) const override;
};

std::vector<SettingSpec> NoContract::DeclareSettings() const {
  return {
      {"no_contract.ignored_days", &Settings::no_contract_ignored_days, 14, 1, 3660},
  };
}

// will_sign_contract no: red; hesitant: amber.
ScreeningPrediction NoContract::Screen(const IntakeAnswers& answers) const {
  switch (answers.will_sign_contract) {
    case WillSign::kNo:
      return {Level::kRed, {Msg("screening.no_contract.no")}};
    case WillSign::kHesitant:
      return {Level::kAmber, {Msg("screening.no_contract.hesitant")}};
    case WillSign::kYes:
      break;
  }
  return {Level::kGreen, {Msg("screening.no_contract.yes")}};
}

}  // namespace

namespace signals_internal {
std::unique_ptr<SignDefinition> MakeNoContract() { return std::make_unique<NoContract>(); }
}  // namespace signals_internal

}  // namespace addio
