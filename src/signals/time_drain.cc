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
#include "signals/sign.h"
#include "signals/signals.h"
#include "signals/text.h"
#include "signals/window.h"
#include "signals/working_time.h"

namespace addio {
namespace {

using signals_internal::AfterHours;
using signals_internal::Count;
using signals_internal::Hours;
using signals_internal::Lang;
using signals_internal::LevelName;
using signals_internal::LocalDate;
using signals_internal::Num;
using signals_internal::Percent;
using signals_internal::Proof;
using signals_internal::Say;
using signals_internal::Window;

constexpr Lang kEn = Lang::kEn;
constexpr Lang kIt = Lang::kIt;

// How each after-hours kind reads after a count: "3 in the evening" / "3 di sera".
constexpr std::array<const char*, 5> kKindEn = {
    "at lunch", "early in the morning", "in the evening", "at night", "at weekends or on holidays"};
constexpr std::array<const char*, 5> kKindIt = {"in pausa pranzo", "di primo mattino", "di sera",
                                                "di notte", "nel fine settimana o nei festivi"};
// How a single record's kind reads: "Call at 10:00, on a weekend or holiday".
constexpr std::array<const char*, 5> kOneKindEn = {
    "at lunch", "early in the morning", "in the evening", "at night", "on a weekend or holiday"};
constexpr std::array<const char*, 5> kOneKindIt = {"in pausa pranzo", "di primo mattino", "di sera",
                                                   "di notte",
                                                   "nel fine settimana o in un giorno festivo"};

// "Call" / "Telefonata": how a contact's channel reads at the start of a note.
std::pair<const char*, const char*> ChannelName(Channel channel) {
  switch (channel) {
    case Channel::kCall:
      return {"Call", "Telefonata"};
    case Channel::kEmail:
      return {"Email", "Email"};
    case Channel::kChat:
      return {"Chat message", "Messaggio in chat"};
    case Channel::kMeeting:
      return {"Meeting", "Riunione"};
    case Channel::kSms:
      return {"Text message", "SMS"};
    case Channel::kOther:
      return {"Contact", "Contatto"};
  }
  return {"", ""};
}

// "09:05" for a minute of the day.
std::string Clock(int minute_of_day) {
  const int h = minute_of_day / 60, m = minute_of_day % 60;
  return {static_cast<char>('0' + h / 10), static_cast<char>('0' + h % 10), ':',
          static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10)};
}

// "3 in the evening, 2 at night and 1 at lunch", in each language.
Text Breakdown(const std::array<int64_t, 5>& by_kind) {
  std::vector<std::string> en, it;
  for (size_t k = 0; k < by_kind.size(); ++k) {
    if (by_kind[k] == 0) continue;
    en.push_back(std::to_string(by_kind[k]) + " " + kKindEn[k]);
    it.push_back(std::to_string(by_kind[k]) + " " + kKindIt[k]);
  }
  auto join = [](const std::vector<std::string>& parts, const std::string& conjunction) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
      if (i > 0) out += i + 1 == parts.size() ? conjunction : ", ";
      out += parts[i];
    }
    return out;
  };
  return {join(en, " and "), join(it, " e ")};
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
      const size_t k = static_cast<size_t>(r.kind) - 1;
      const auto [en, it] = ChannelName(r.channel);
      const std::string clock = Clock(r.minute_of_day);
      return Proof(std::nullopt, std::nullopt,
                   Say(en + (" at " + clock) + ", " + kOneKindEn[k],
                       it + (" alle " + clock) + ", " + kOneKindIt[k]),
                   signals_internal::AfterHoursKey(r.kind));
    }
    case Record::kRush:
      return Proof(std::nullopt, r.hours,
                   Say("Rush request: " + Hours(r.hours, kEn) + " hours' notice",
                       "Richiesta urgente: " + Hours(r.hours, kIt) + " ore di preavviso"));
    case Record::kWork:
      return Proof(
          std::nullopt, r.hours,
          Say(Hours(r.hours, kEn) + " of " + Hours(r.total, kEn) + " hours worked after hours",
              Hours(r.hours, kIt) + " ore su " + Hours(r.total, kIt) + " lavorate fuori orario"));
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
  const std::string min = std::to_string(s.time_drain_min_inbound);
  const Text enough = Say("with at least " + min + " inbound contacts",
                          "con almeno " + min + " contatti in entrata");
  const Text few = Say("with fewer than " + min + " inbound contacts",
                       "con meno di " + min + " contatti in entrata");
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
  const std::string days = std::to_string(window.days);
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
  const Metric* rate_metric = underpaying.FindMetric("rate_ratio");
  const std::optional<double> rate_ratio = rate_metric && rate_metric->kind == Metric::Kind::kNumber
                                               ? std::optional(rate_metric->number)
                                               : std::nullopt;

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
      Metric::Count("inbound_contacts", inbound),
      Metric::Count("after_hours_contacts", after_hours),
      ratio_metric("after_hours_share", share),
      Metric::Count("after_hours_lunch", by_kind[0]),
      Metric::Count("after_hours_early", by_kind[1]),
      Metric::Count("after_hours_evening", by_kind[2]),
      Metric::Count("after_hours_night", by_kind[3]),
      Metric::Count("after_hours_weekend_or_holiday", by_kind[4]),
      Metric::Count("requests", requests),
      Metric::Count("rush_requests", rush),
      Metric::Count("active_months", active_months),
      Metric::Number("rush_per_month", rush_per_month),
      Metric::Number("work_hours", static_cast<double>(work_seconds) / 3600.0),
      Metric::Number("after_hours_work_hours", static_cast<double>(after_seconds) / 3600.0),
      ratio_metric("after_hours_work_share", work_share),
      ratio_metric("unbilled_time_share", unbilled_share),
      ratio_metric("rate_ratio", rate_ratio),
      Metric::Count("stepped_down", level != before ? 1 : 0),
  };
  AddThresholds(finding, s);
  evidence.MoveInto(finding, MakeEvidence);

  if (level == Level::kUnknown) {
    finding.reasons.push_back(
        Say("No inbound contact, request or work in the last " + days + " days.",
            "Negli ultimi " + days +
                " giorni nessun contatto in entrata, nessuna richiesta e nessun lavoro."));
    return finding;
  }
  if (inbound > 0) {
    const std::string n = std::to_string(inbound), a = std::to_string(after_hours);
    if (after_hours == 0) {
      finding.reasons.push_back(
          inbound == 1
              ? Say("The only inbound contact came within working hours.",
                    "L'unico contatto in entrata è arrivato in orario di lavoro.")
              : Say("All " + n + " inbound contacts came within working hours.",
                    "Tutti e " + n + " i contatti in entrata sono arrivati in orario di lavoro."));
    } else if (after_hours == inbound) {
      const Text kinds = Breakdown(by_kind);
      const size_t k = static_cast<size_t>(
          std::find_if(by_kind.begin(), by_kind.end(), [](int64_t c) { return c > 0; }) -
          by_kind.begin());
      finding.reasons.push_back(
          inbound == 1
              ? Say(std::string("The only inbound contact came outside working hours, ") +
                        kOneKindEn[k] + ".",
                    std::string("L'unico contatto in entrata è arrivato fuori orario, ") +
                        kOneKindIt[k] + ".")
              : Say("All " + n + " inbound contacts came outside working hours: " + kinds.en + ".",
                    "Tutti e " + n +
                        " i contatti in entrata sono arrivati fuori orario: " + kinds.it + "."));
    } else {
      const Text kinds = Breakdown(by_kind);
      finding.reasons.push_back(Say(a + " of " + n + " inbound contacts (" + Percent(*share) +
                                        ") came outside working hours: " + kinds.en + ".",
                                    a + (after_hours == 1 ? " contatto" : " contatti") +
                                        " in entrata su " + n + " (" + Percent(*share) +
                                        (after_hours == 1 ? ") è arrivato" : ") sono arrivati") +
                                        " fuori orario: " + kinds.it + "."));
    }
    if (few_but_many_after) {
      const std::string min = std::to_string(s.time_drain_min_inbound);
      finding.reasons.push_back(Say(
          "Fewer than " + min + " inbound contacts are too few to judge a share, but " + a +
              " of them came after hours.",
          "Meno di " + min + " contatti in entrata sono troppo pochi per giudicarne la quota, ma " +
              a + " sono arrivati fuori orario."));
    }
  }
  if (requests > 0) {
    const std::string limit = Num(s.time_drain_rush_hours, 1, kEn);
    if (rush == 0) {
      finding.reasons.push_back(
          requests == 1
              ? Say("The only request was not a rush.", "L'unica richiesta non era urgente.")
              : Say("None of the " + std::to_string(requests) + " requests was a rush.",
                    "Nessuna delle " + std::to_string(requests) + " richieste era urgente."));
    } else {
      finding.reasons.push_back(
          Say(Count(rush, "rush request", "rush requests") + " (deadline less than " + limit +
                  " hours away) over " + Count(active_months, "active month", "active months") +
                  ": " + Num(rush_per_month, 2, kEn) + " a month.",
              Count(rush, "richiesta urgente", "richieste urgenti") + " (scadenza a meno di " +
                  Num(s.time_drain_rush_hours, 1, kIt) + " ore) in " +
                  Count(active_months, "mese di attività", "mesi di attività") + ": " +
                  Num(rush_per_month, 2, kIt) + " al mese."));
    }
  }
  if (work_share) {
    const double total = static_cast<double>(work_seconds) / 3600.0;
    const double outside = static_cast<double>(after_seconds) / 3600.0;
    finding.reasons.push_back(
        after_seconds == 0
            ? Say("All " + Hours(total, kEn) + " hours of work were done within working hours.",
                  "Tutte le ore di lavoro (" + Hours(total, kIt) + ") sono state svolte in orario.")
            : Say(Hours(outside, kEn) + " of " + Hours(total, kEn) + " hours of work (" +
                      Percent(*work_share) + ") were done outside working hours.",
                  Hours(outside, kIt) + " ore di lavoro su " + Hours(total, kIt) + " (" +
                      Percent(*work_share) + ") sono state svolte fuori orario."));
  }
  if (level != before) {
    const std::string ratio_en = Num(*rate_ratio, 2, kEn), ratio_it = Num(*rate_ratio, 2, kIt);
    finding.reasons.push_back(
        Say("The pay makes up for it: this client pays " + ratio_en +
                " times the reference rate (at least " +
                Num(s.time_drain_justified_rate_ratio, 2, kEn) + "), so the level drops from " +
                LevelName(before, kEn) + " to " + LevelName(level, kEn) + ".",
            "La paga lo compensa: questo cliente paga " + ratio_it +
                " volte la tariffa di riferimento (almeno " +
                Num(s.time_drain_justified_rate_ratio, 2, kIt) + "), quindi il livello scende da " +
                LevelName(before, kIt) + (level == Level::kAmber ? " ad " : " a ") +
                LevelName(level, kIt) + "."));
  }
  return finding;
}

using signals_internal::Fig;
using signals_internal::IsRed;
using signals_internal::MoneyFig;
using signals_internal::NumberFig;
using signals_internal::PercentFig;

void PlanTimeDrain(const Finding& f, const Context& context, ActionPlan& plan) {
  const bool red = IsRed(f);
  const Settings& s = context.settings;
  const std::optional<double> contact_share = MetricNumber(f, "after_hours_share");
  const std::optional<double> work_share = MetricNumber(f, "after_hours_work_share");
  const std::optional<double> rush = MetricNumber(f, "rush_per_month");
  const bool rush_problem = rush && *rush >= s.time_drain_amber_rush_per_month;
  const bool hours_problem =
      (contact_share && *contact_share >= s.time_drain_amber_after_hours_share) ||
      (work_share && *work_share >= s.time_drain_amber_after_hours_work_share) || !rush_problem;
  if (hours_problem) {
    std::string en, it;
    if (contact_share && *contact_share > 0) {
      en = PercentFig(*contact_share).en +
           " of their calls and messages arrive outside your working hours. ";
      it = "Il " + PercentFig(*contact_share).it +
           " delle loro chiamate e dei messaggi arriva fuori dal tuo orario di lavoro. ";
    }
    en +=
        "State your office hours in writing, answer after-hours messages the next working "
        "day, and bill out-of-hours work at a higher rate.";
    it +=
        "Comunica per iscritto il tuo orario, rispondi ai messaggi fuori orario il giorno "
        "lavorativo successivo e fattura il lavoro fuori orario con una maggiorazione.";
    plan.Add("set_office_hours", red ? 62 : 34, f.sign, std::move(en), std::move(it));
  }
  if (rush_problem) {
    plan.Add("add_rush_fee", red ? 58 : 32, f.sign,
             NumberFig(*rush, 1).en +
                 " rush requests a month: add a 50% surcharge to anything wanted within 24 "
                 "hours, and say so before accepting.",
             NumberFig(*rush, 1).it +
                 " richieste urgenti al mese: applica una maggiorazione del 50% a tutto ciò che "
                 "va consegnato entro 24 ore, e dillo prima di accettare.");
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
                        .reads = {"underpaying"}}) {}

  Finding Evaluate(const SignInput& input) const override {
    return Measure(input.client, *FindingOf(input.findings, "underpaying"), input.context);
  }

  void Act(const Finding& finding, const Economics&, const Context& context,
           ActionPlan& plan) const override {
    PlanTimeDrain(finding, context, plan);
  }
};

}  // namespace

namespace signals_internal {
std::unique_ptr<SignDefinition> MakeTimeDrain() { return std::make_unique<TimeDrain>(); }
}  // namespace signals_internal

}  // namespace addio
