// time_drain: the client wastes your time and ignores your personal time (DESIGN.md
// section 4). Over the window: the share of inbound contacts that came after hours (by
// kind: lunch, early, evening, night, weekend_or_holiday), rush requests (deadline less
// than time_drain.rush_hours after the request) per calendar month holding any record of
// the client, and the share of work minutes outside the working intervals. Red and amber
// by the time_drain.* thresholds; then the seed's question, does the pay justify it?
// When underpaying's rate_ratio is at least time_drain.justified_rate_ratio the level
// drops one step and the reasons say so.
#include <algorithm>
#include <array>
#include <set>

#include "signals/act.h"
#include "signals/metrics.h"
#include "signals/screen.h"
#include "signals/sign.h"
#include "signals/signals.h"
#include "signals/window.h"
#include "signals/working_time.h"

namespace addio {
namespace {

using signals_internal::AfterHours;
using signals_internal::Hours;
using signals_internal::LocalDate;
using signals_internal::Proof;
using signals_internal::Window;

// The catalogue key of an after-hours kind's words, after a count ("signs.time_drain.kinds"
// : "3 in the evening") or for a single record ("signs.time_drain.one_kind": "on a weekend
// or holiday").
std::string KindKey(std::string_view prefix, AfterHours kind) {
  return std::string(prefix) + "." + signals_internal::AfterHoursKey(kind);
}

// "09:05" for a minute of the day.
std::string Clock(int minute_of_day) {
  const int h = minute_of_day / 60, m = minute_of_day % 60;
  return {static_cast<char>('0' + h / 10), static_cast<char>('0' + h % 10), ':',
          static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10)};
}

// "3 in the evening, 2 at night and 1 at lunch": the kinds with a count, in kind order.
Message Breakdown(const std::array<int64_t, 5>& by_kind) {
  std::vector<Arg> parts;
  for (size_t k = 0; k < by_kind.size(); ++k) {
    if (by_kind[k] == 0) continue;
    parts.push_back(Arg::Of(
        Msg(KindKey("signs.time_drain.kinds", static_cast<AfterHours>(k + 1)), by_kind[k])));
  }
  return Message{"signs.and." + std::to_string(parts.size()), std::move(parts)};
}

// What the evidence of one record needs, kept small until it survives the cap.
struct Record {
  enum What { kContact, kRush, kWork } what;
  Channel channel = Channel::kOther;
  AfterHours kind = AfterHours::kWorking;
  int minute_of_day = 0;  // contact: when it arrived
  double hours = 0;       // rush: notice given; work: hours outside working hours
  double total = 0;       // work: its length in hours

  static Record Call(Channel channel, AfterHours kind, int minute_of_day) {
    return {kContact, channel, kind, minute_of_day};
  }
  static Record Rush(double notice) { return {kRush, {}, {}, 0, notice}; }
  static Record Work(double outside, double total) { return {kWork, {}, {}, 0, outside, total}; }
};

Evidence MakeEvidence(const Record& r) {
  switch (r.what) {
    case Record::kContact: {
      return Proof(
          std::nullopt, std::nullopt,
          Msg("signs.time_drain.evidence.contact",
              Arg::Key(std::string("signs.time_drain.channel.") + Name(r.channel)),
              Clock(r.minute_of_day), Arg::Key(KindKey("signs.time_drain.one_kind", r.kind))),
          signals_internal::AfterHoursKey(r.kind));
    }
    case Record::kRush:
      return Proof(std::nullopt, r.hours, Msg("signs.time_drain.evidence.rush", Hours(r.hours)));
    case Record::kWork:
      return Proof(std::nullopt, r.hours,
                   Msg("signs.time_drain.evidence.work", Hours(r.hours), Hours(r.total)));
  }
  return {};
}

// The calendar months (workspace zone) of the window that hold any record of the client.
int64_t ActiveMonths(const ClientLedger& client, const Context& context, const Window& window) {
  std::set<int> months;
  auto add_date = [&](const std::optional<CivilDate>& date) {
    if (date && window.Contains(*date)) months.insert(signals_internal::MonthKey(*date));
  };
  auto add_instant = [&](Instant t) {
    if (window.Contains(t)) months.insert(signals_internal::MonthKey(LocalDate(t, context)));
  };
  for (const Contract& c : client.contracts) {
    for (const auto& date : {c.sent, c.signed_on, c.refused, c.start, c.end}) add_date(date);
  }
  for (const Project& p : client.projects) {
    add_date(p.start);
    add_date(p.end);
  }
  for (const Request& r : client.requests) add_instant(r.at);
  for (const WorkEntry& w : client.work) add_instant(w.start);
  for (const Contact& c : client.contacts) add_instant(c.at);
  for (const Invoice& i : client.invoices) add_date(i.issued);
  for (const Payment& p : client.payments) add_date(p.date);
  for (const RateChange& r : client.rate_changes) add_date(r.at);
  return std::max<int64_t>(1, static_cast<int64_t>(months.size()));
}

void AddThresholds(Finding& finding, const Settings& s) {
  const int64_t min = s.time_drain_min_inbound;
  const Message enough = Msg("signs.time_drain.if.enough_inbound", min);
  const Message few = Msg("signs.time_drain.if.few_inbound", min);
  finding.thresholds = {
      {"after_hours_share", "time_drain.red_after_hours_share", s.time_drain_red_after_hours_share,
       true, Level::kRed, false, enough},
      {"after_hours_share", "time_drain.amber_after_hours_share",
       s.time_drain_amber_after_hours_share, true, Level::kAmber, false, enough},
      {"rush_per_month", "time_drain.red_rush_per_month", s.time_drain_red_rush_per_month, true,
       Level::kRed},
      {"rush_per_month", "time_drain.amber_rush_per_month", s.time_drain_amber_rush_per_month, true,
       Level::kAmber},
      {"after_hours_work_share", "time_drain.red_after_hours_work_share",
       s.time_drain_red_after_hours_work_share, true, Level::kRed},
      {"after_hours_work_share", "time_drain.amber_after_hours_work_share",
       s.time_drain_amber_after_hours_work_share, true, Level::kAmber},
      {"after_hours_contacts", "time_drain.amber_after_hours_contacts",
       static_cast<double>(s.time_drain_amber_after_hours_contacts), true, Level::kAmber, false,
       few},
  };
}

}  // namespace

namespace {

Finding Measure(const ClientSnapshot& snapshot, const Finding& underpaying,
                const Context& context) {
  const ClientLedger& client = snapshot.records();
  const Settings& s = context.settings;
  const Window window = signals_internal::MakeWindow(context);
  const signals_internal::WorkingCalendar calendar(context);
  const int64_t days = window.days;
  Finding finding;

  signals_internal::EvidenceList<Record> evidence;

  // Inbound contacts, by the wall-clock time they arrived.
  int64_t inbound = 0, after_hours = 0, unlogged_minutes = 0;
  std::array<int64_t, 5> by_kind{};
  for (const Contact& contact : client.contacts) {
    if (!window.Contains(contact.at)) continue;
    if (!contact.logged) unlogged_minutes += contact.minutes;
    if (contact.direction != Direction::kInbound) continue;
    ++inbound;
    const LocalDateTime local = signals_internal::ToLocal(contact.at, context);
    const AfterHours kind = calendar.ClassifyLocal(local);
    if (kind == AfterHours::kWorking) continue;
    ++after_hours;
    const size_t k = static_cast<size_t>(kind) - 1;
    ++by_kind[k];
    evidence.Add(local.date, "contact", contact.id,
                 Record::Call(contact.channel, kind, local.minute_of_day()));
  }

  // Rush requests: less than time_drain.rush_hours between the request and its deadline.
  int64_t requests = 0, rush = 0;
  const double rush_seconds = s.time_drain_rush_hours * 3600.0;
  for (const Request& request : client.requests) {
    if (!window.Contains(request.at)) continue;
    ++requests;
    if (!request.deadline) continue;
    const int64_t notice = SecondsBetween(request.at, *request.deadline);
    if (static_cast<double>(notice) >= rush_seconds) continue;
    ++rush;
    evidence.Add(LocalDate(request.at, context), "request", request.id,
                 Record::Rush(static_cast<double>(notice) / 3600.0));
  }
  const int64_t active_months = ActiveMonths(client, context, window);
  const double rush_per_month = static_cast<double>(rush) / static_cast<double>(active_months);

  // Work, split at the working-interval boundaries.
  int64_t work_entries = 0, work_seconds = 0, after_seconds = 0, unbilled_minutes = 0;
  for (const WorkEntry& work : client.work) {
    if (!window.Contains(work.start)) continue;
    ++work_entries;
    const int64_t seconds = int64_t{work.minutes} * 60;
    const int64_t outside = seconds - calendar.WorkingSeconds(work.start, seconds);
    work_seconds += seconds;
    after_seconds += outside;
    if (!work.billable) unbilled_minutes += work.minutes;
    if (outside == 0) continue;
    evidence.Add(
        LocalDate(work.start, context), "work", work.id,
        Record::Work(static_cast<double>(outside) / 3600.0, static_cast<double>(seconds) / 3600.0));
  }

  const std::optional<double> share =
      inbound > 0 ? std::optional(static_cast<double>(after_hours) / inbound) : std::nullopt;
  const std::optional<double> work_share =
      work_seconds > 0
          ? std::optional(static_cast<double>(after_seconds) / static_cast<double>(work_seconds))
          : std::nullopt;
  const int64_t time_minutes = work_seconds / 60 + unlogged_minutes;
  const std::optional<double> unbilled_share =
      time_minutes > 0 ? std::optional(static_cast<double>(unbilled_minutes + unlogged_minutes) /
                                       static_cast<double>(time_minutes))
                       : std::nullopt;
  const std::optional<double> rate_ratio = Read(underpaying, metrics::kRateRatio);

  // The rules of DESIGN.md, before the question of pay.
  const bool enough = inbound >= s.time_drain_min_inbound;
  const bool few_but_many_after = !enough && after_hours >= s.time_drain_amber_after_hours_contacts;
  Level level = Level::kGreen;
  if ((enough && *share >= s.time_drain_red_after_hours_share) ||
      rush_per_month >= s.time_drain_red_rush_per_month ||
      (work_share && *work_share >= s.time_drain_red_after_hours_work_share)) {
    level = Level::kRed;
  } else if ((enough && *share >= s.time_drain_amber_after_hours_share) ||
             rush_per_month >= s.time_drain_amber_rush_per_month ||
             (work_share && *work_share >= s.time_drain_amber_after_hours_work_share) ||
             few_but_many_after) {
    level = Level::kAmber;
  }
  if (inbound == 0 && requests == 0 && work_entries == 0) level = Level::kUnknown;
  const bool justified = rate_ratio && *rate_ratio >= s.time_drain_justified_rate_ratio;
  const Level before = level;
  if (justified && level == Level::kRed) {
    level = Level::kAmber;
  } else if (justified && level == Level::kAmber) {
    level = Level::kGreen;
  }
  finding.level = level;

  auto ratio_metric = [](const char* name, const std::optional<double>& v) {
    return v ? Metric::Number(name, *v) : Metric::Unknown(name);
  };
  finding.metrics = {
      MakeMetric(metrics::kInboundContacts, inbound),
      MakeMetric(metrics::kAfterHoursContacts, after_hours),
      MakeMetric(metrics::kAfterHoursShare, share),
      MakeMetric(metrics::kAfterHoursLunch, by_kind[0]),
      MakeMetric(metrics::kAfterHoursEarly, by_kind[1]),
      MakeMetric(metrics::kAfterHoursEvening, by_kind[2]),
      MakeMetric(metrics::kAfterHoursNight, by_kind[3]),
      MakeMetric(metrics::kAfterHoursWeekendOrHoliday, by_kind[4]),
      Metric::Count("requests", requests),
      MakeMetric(metrics::kRushRequests, rush),
      Metric::Count("active_months", active_months),
      MakeMetric(metrics::kRushPerMonth, rush_per_month),
      Metric::Number("work_hours", static_cast<double>(work_seconds) / 3600.0),
      MakeMetric(metrics::kAfterHoursWorkHours, static_cast<double>(after_seconds) / 3600.0),
      MakeMetric(metrics::kAfterHoursWorkShare, work_share),
      ratio_metric("unbilled_time_share", unbilled_share),
      ratio_metric("rate_ratio", rate_ratio),
      Metric::Count("stepped_down", level != before ? 1 : 0),
  };
  AddThresholds(finding, s);
  evidence.MoveInto(finding, MakeEvidence);

  if (level == Level::kUnknown) {
    finding.reasons.push_back(Msg("signs.time_drain.reason.nothing", days));
    return finding;
  }
  if (inbound > 0) {
    if (after_hours == 0) {
      finding.reasons.push_back(inbound == 1
                                    ? Msg("signs.time_drain.reason.only_contact_in_hours")
                                    : Msg("signs.time_drain.reason.all_in_hours", inbound));
    } else if (after_hours == inbound) {
      const size_t k = static_cast<size_t>(
          std::find_if(by_kind.begin(), by_kind.end(), [](int64_t c) { return c > 0; }) -
          by_kind.begin());
      finding.reasons.push_back(
          inbound == 1
              ? Msg("signs.time_drain.reason.only_contact_after_hours",
                    Arg::Key(KindKey("signs.time_drain.one_kind", static_cast<AfterHours>(k + 1))))
              : Msg("signs.time_drain.reason.all_after_hours", inbound,
                    Arg::Of(Breakdown(by_kind))));
    } else {
      finding.reasons.push_back(Msg("signs.time_drain.reason.some_after_hours", after_hours,
                                    inbound, Arg::Percent(*share), Arg::Of(Breakdown(by_kind))));
    }
    if (few_but_many_after) {
      finding.reasons.push_back(Msg("signs.time_drain.reason.few_but_after_hours",
                                    int64_t{s.time_drain_min_inbound}, after_hours));
    }
  }
  if (requests > 0) {
    if (rush == 0) {
      finding.reasons.push_back(requests == 1 ? Msg("signs.time_drain.reason.only_request_no_rush")
                                              : Msg("signs.time_drain.reason.no_rush", requests));
    } else {
      finding.reasons.push_back(Msg("signs.time_drain.reason.rush", rush,
                                    Arg::Num(s.time_drain_rush_hours, 1),
                                    Arg::Of(Msg("signs.time_drain.active_months", active_months)),
                                    Arg::Num(rush_per_month, 2)));
    }
  }
  if (work_share) {
    const double total = static_cast<double>(work_seconds) / 3600.0;
    const double outside = static_cast<double>(after_seconds) / 3600.0;
    finding.reasons.push_back(after_seconds == 0
                                  ? Msg("signs.time_drain.reason.all_work_in_hours", Hours(total))
                                  : Msg("signs.time_drain.reason.work_after_hours", Hours(outside),
                                        Hours(total), Arg::Percent(*work_share)));
  }
  if (level != before) {
    finding.reasons.push_back(
        Msg("signs.time_drain.reason.stepped_down", Arg::Num(*rate_ratio, 2),
            Arg::Num(s.time_drain_justified_rate_ratio, 2),
            Arg::Key(std::string("level.") + LevelKey(before)),
            Arg::Key(std::string("signs.time_drain.down_to.") + LevelKey(level))));
  }
  return finding;
}

using signals_internal::IsRed;

void PlanTimeDrain(const Finding& f, const Context& context, ActionPlan& plan) {
  const bool red = IsRed(f);
  const Settings& s = context.settings;
  const std::optional<double> contact_share = Read(f, metrics::kAfterHoursShare);
  const std::optional<double> work_share = Read(f, metrics::kAfterHoursWorkShare);
  const std::optional<double> rush = Read(f, metrics::kRushPerMonth);
  const bool rush_problem = rush && *rush >= s.time_drain_amber_rush_per_month;
  const bool hours_problem =
      (contact_share && *contact_share >= s.time_drain_amber_after_hours_share) ||
      (work_share && *work_share >= s.time_drain_amber_after_hours_work_share) || !rush_problem;
  if (hours_problem) {
    Message share;
    if (contact_share && *contact_share > 0) {
      share = Msg("signs.time_drain.act.contacts_after_hours", Arg::Fixed(*contact_share * 100, 0));
    }
    plan.Add("set_office_hours", red ? 62 : 34, f.sign,
             Msg("signs.time_drain.act.set_office_hours", Arg::Of(std::move(share))));
  }
  if (rush_problem) {
    plan.Add("add_rush_fee", red ? 58 : 32, f.sign,
             Msg("signs.time_drain.act.add_rush_fee", Arg::Fixed(*rush, 1)));
  }
}

class TimeDrain final : public SignDefinition {
 public:
  TimeDrain()
      : SignDefinition({.key = "time_drain",
                        .weight_halves = 2,
                        .archetype = "firefighter",
                        .tie_rank = 5,
                        .red_parts_ways = false,
                        .reads = {metrics::kRateRatio.sign},
                        .needs = {{"contact", "request", "work"}}}) {}

  Finding Evaluate(const SignInput& input) const override {
    return Measure(input.client, *FindingOf(input.findings, metrics::kRateRatio.sign),
                   input.context);
  }

  void Act(const Finding& finding, const Economics&, const Context& context,
           ActionPlan& plan) const override {
    PlanTimeDrain(finding, context, plan);
  }

  std::vector<SettingSpec> DeclareSettings() const override;
  ScreeningPrediction Screen(const IntakeAnswers& answers) const override;
};

std::vector<SettingSpec> TimeDrain::DeclareSettings() const {
  return {
      {"time_drain.red_after_hours_share", &Settings::time_drain_red_after_hours_share, 0.40, 0, 1},
      {"time_drain.amber_after_hours_share", &Settings::time_drain_amber_after_hours_share, 0.25, 0,
       1},
      {"time_drain.min_inbound", &Settings::time_drain_min_inbound, 10, 1, 1e6},
      {"time_drain.red_rush_per_month", &Settings::time_drain_red_rush_per_month, 4, 0, 1e6},
      {"time_drain.amber_rush_per_month", &Settings::time_drain_amber_rush_per_month, 2, 0, 1e6},
      {"time_drain.red_after_hours_work_share", &Settings::time_drain_red_after_hours_work_share,
       0.30, 0, 1},
      {"time_drain.amber_after_hours_work_share",
       &Settings::time_drain_amber_after_hours_work_share, 0.15, 0, 1},
      {"time_drain.amber_after_hours_contacts", &Settings::time_drain_amber_after_hours_contacts, 5,
       1, 1e6},
      {"time_drain.rush_hours", &Settings::time_drain_rush_hours, 24, 0, 1e6},
      {"time_drain.justified_rate_ratio", &Settings::time_drain_justified_rate_ratio, 1.5, 0, 1000},
  };
}

// timeline_ratio < 0.5: red, < 0.8: amber; contact_hours anytime: red, extended: amber.
ScreeningPrediction TimeDrain::Screen(const IntakeAnswers& answers) const {
  ScreeningPrediction p;
  const double ratio = answers.timeline_ratio;
  const Arg percent = signals_internal::PercentNumber(ratio);
  const Arg article = signals_internal::ArticleBeforePercent("al", ratio);
  if (ratio < 0.5) {
    p.level = Level::kRed;
    p.reasons.push_back(Msg("screening.time_drain.emergency", percent, article));
  } else if (ratio < 0.8) {
    p.level = Level::kAmber;
    p.reasons.push_back(Msg("screening.time_drain.tight", percent, article));
  }
  if (answers.contact_hours == ContactHours::kAnytime) {
    signals_internal::Raise(p.level, Level::kRed);
    p.reasons.push_back(Msg("screening.time_drain.anytime"));
  } else if (answers.contact_hours == ContactHours::kExtended) {
    signals_internal::Raise(p.level, Level::kAmber);
    p.reasons.push_back(Msg("screening.time_drain.extended"));
  }
  if (p.reasons.empty()) p.reasons.push_back(Msg("screening.time_drain.workable", percent));
  return p;
}

}  // namespace

namespace signals_internal {
std::unique_ptr<SignDefinition> MakeTimeDrain() { return std::make_unique<TimeDrain>(); }
}  // namespace signals_internal

}  // namespace addio
