// The letters about the relationship itself: a rate increase (from the portfolio reference
// rate), change orders (from the unpaid extras), office hours (from the after-hours
// contacts) and the end of the collaboration. They read the signs' figures through typed
// metrics (signals/metrics.h) and write every sentence from the catalogue
// (src/report/i18n/<lang>/letters_relationship.json, keys "letter_rel.").
#include <algorithm>
#include <cmath>
#include <set>

#include "profile/strategy.h"
#include "report/letters/letter_internal.h"
#include "report/report_internal.h"
#include "signals/metrics.h"

namespace addio::letters {
namespace {

// The catalogue sentence "letter_rel.<key>" in the letter's language.
template <class... A>
std::string Say(const Facts& facts, std::string_view key, A&&... args) {
  return Msg("letter_rel." + std::string(key), std::forward<A>(args)...).In(facts.options.lang);
}

// The metric `key` of the client's findings, or nullopt.
template <class T>
std::optional<T> Figure(const Facts& facts, MetricKey<T> key) {
  return Read(facts.assessed->signs, key);
}

// The hourly rate of the client's latest contract that names one, if any.
std::optional<Money> ContractRate(const Facts& facts) {
  std::optional<Money> rate;
  for (const Contract& contract : facts.client->contracts) {
    if (contract.hourly_rate) rate = contract.hourly_rate;  // contracts are in date order
  }
  return rate;
}

// A date as the argument of a sentence whose English pattern holds the preposition
// ("from {0}"): "1 December 2026" in English; in Italian the preposition is part of the
// argument, as it takes the article and elides it before "8" and "11" ("dall'8 dicembre
// 2026"). `it_preposition` as ItDate takes it.
std::string DateWith(const Facts& facts, const std::string& it_preposition, CivilDate date) {
  return facts.it() ? ItDate(it_preposition, date) : LongDate(date, facts.options.lang);
}

// "Over the last twelve months" / "Negli ultimi dodici mesi", or the window in days.
std::string Window(const Facts& facts) {
  const int days = facts.assessment->window_days;
  if (days == 365) return Say(facts, "window.year");
  return Say(facts, "window.days", days);
}

// " since November 2025" / " da novembre 2025", or nothing when the start is unknown.
std::string Since(const Facts& facts) {
  const auto& since = facts.client->client.since;
  if (!since || *since > facts.as_of) return "";
  return Say(facts, "since", MonthYear(*since, facts.options.lang));
}

// A surcharge as the rules of the office-hours letter quote it: "50%" / "del 50%",
// "dell'80%" (Italian elides the article before a vowel sound).
std::string SurchargeText(const Facts& facts, int percent) {
  const std::string text = std::to_string(percent) + "%";
  if (!facts.it()) return text;
  return (text.starts_with("8") || percent == 11 || percent == 1 ? "dell'" : "del ") + text;
}

// Hours of the day as a letter writes them: "9:00", "13:30".
std::string Clock(int minute_of_day) {
  const int minutes = minute_of_day % 60;
  return std::to_string(minute_of_day / 60) + ":" + (minutes < 10 ? "0" : "") +
         std::to_string(minutes);
}

// "a, b and c" / "a, b e c".
std::string JoinAnd(const Facts& facts, const std::vector<std::string>& parts) {
  const std::string conjunction = Say(facts, "and");
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? conjunction : ", ";
    out += parts[i];
  }
  return out;
}

// The workspace's working hours as a sentence: "Monday to Friday, 9:00–13:00 and
// 14:00–18:00" / "dal lunedì al venerdì, 9:00–13:00 e 14:00–18:00".
std::string WorkingHoursText(const Facts& facts) {
  const WorkingHours& hours = facts.workspace->working_hours;
  std::vector<std::string> groups;
  for (int day = 0; day < 7;) {
    if (hours[day].empty()) {
      ++day;
      continue;
    }
    int last = day;
    while (last + 1 < 7 && hours[last + 1] == hours[day]) ++last;
    const std::string days =
        last == day ? Say(facts, "on_day." + std::to_string(day))
                    : Say(facts, "day_range", Say(facts, "from_day." + std::to_string(day)),
                          Say(facts, "to_day." + std::to_string(last)));
    std::vector<std::string> spans;
    for (const auto& span : hours[day]) spans.push_back(Clock(span.start) + "–" + Clock(span.end));
    groups.push_back(days + ", " + JoinAnd(facts, spans));
    day = last + 1;
  }
  std::string out;
  for (size_t i = 0; i < groups.size(); ++i) out += (i > 0 ? "; " : "") + groups[i];
  return out;
}

}  // namespace

Result<Letter> RateIncrease(const Facts& facts) {
  const Lang lang = facts.options.lang;
  const std::optional<Money> effective = Figure(facts, metrics::kEffectiveRate);
  const std::optional<Money> portfolio = Figure(facts, metrics::kReferenceRate);
  std::optional<Money> reference = portfolio;
  if (!reference) reference = facts.workspace->target_hourly_rate;
  const std::string& name = facts.client->client.name;
  if (!reference) return Fail(ErrorCode::kConflict, Msg("letter_rel.rate.no_reference", name));
  // The reference rounded up to a whole 5 units of the currency: 59.40 EUR -> 60.00 EUR.
  const int64_t step = 5 * reference->currency().minor_per_unit();
  const Money proposed((reference->minor() + step - 1) / step * step, reference->currency());
  std::optional<Money> current = ContractRate(facts);
  if (!current || current->currency() != proposed.currency()) current = effective;
  if (current && current->currency() == proposed.currency() && *current >= proposed) {
    return Fail(ErrorCode::kConflict, Msg("letter_rel.rate.already_pays", name,
                                          Arg::Amount(*current), Arg::Amount(proposed)));
  }
  // A month's notice, from the first day of a month.
  const CivilDate from = facts.as_of.AddDays(30).EndOfMonth().AddDays(1);
  const std::string from_text = DateWith(facts, "dal", from);

  Letter letter = Frame(facts, Say(facts, "rate.subject", from_text), false);
  const std::string change =
      current ? Say(facts, "rate.change_from_to", Amount(*current, lang), Amount(proposed, lang))
              : Say(facts, "rate.will_be", Amount(proposed, lang));
  letter.body.push_back(Paragraph(Say(facts, "rate.opening", Since(facts), from_text, change)));
  if (effective && portfolio) {
    letter.body.push_back(Paragraph(Say(facts, "rate.comparison", Window(facts),
                                        Amount(*effective, lang), Amount(*portfolio, lang))));
  }
  letter.body.push_back(Paragraph(Say(facts, "rate.agreed_work", from_text)));
  letter.body.push_back(Paragraph(Say(facts, "rate.talk")));
  return letter;
}

Result<Letter> ChangeOrder(const Facts& facts) {
  const Lang lang = facts.options.lang;
  // The unpaid extras are the request evidence of the sign that counts them.
  const Finding& scope = FindingWith(facts.assessed->signs, metrics::kExtraRequests);
  std::optional<Money> rate = ContractRate(facts);
  if (!rate) rate = Figure(facts, metrics::kReferenceRate);
  if (!rate) rate = facts.workspace->target_hourly_rate;

  LetterTable table;
  table.header = {Say(facts, "change.col.date"), Say(facts, "change.col.request"),
                  Say(facts, "change.col.hours")};
  table.numeric = {false, false, true};
  if (rate) {
    table.header.push_back(Say(facts, "change.col.value"));
    table.numeric.push_back(true);
  }
  std::set<std::string> projects;
  double hours = 0;
  int64_t minutes_total = 0;
  for (const Evidence& evidence : scope.evidence) {
    if (evidence.record_type != "request") continue;
    const auto request = std::find_if(facts.client->requests.begin(), facts.client->requests.end(),
                                      [&](const Request& r) { return r.id == evidence.id; });
    if (request == facts.client->requests.end()) continue;
    for (const Project& project : facts.client->projects) {
      if (project.id == request->project) projects.insert(project.name);
    }
    const double h = evidence.value.value_or(0);
    const int64_t minutes = std::llround(h * 60);
    hours += h;
    minutes_total += minutes;
    std::vector<std::string> row = {evidence.date ? ShortDate(*evidence.date, lang) : "",
                                    request->summary, HoursText(h, lang)};
    if (rate) row.push_back(Amount(rate->MulDiv(minutes, 60), lang));
    table.rows.push_back(std::move(row));
  }
  const bool extras = !table.rows.empty();
  const std::optional<Money> value =
      rate ? std::optional(rate->MulDiv(minutes_total, 60)) : std::nullopt;
  if (extras) {
    table.total = {Say(facts, "change.col.total"), "", HoursText(hours, lang)};
    if (value) table.total.push_back(Amount(*value, lang));
  }

  Letter letter = Frame(facts, Say(facts, "change.subject"), false);
  if (extras) {
    const std::string what =
        projects.size() == 1 ? Say(facts, "change.for_project", *projects.begin()) : "";
    letter.body.push_back(Paragraph(Say(facts, "change.beyond_agreed", what)));
    letter.body.push_back(Table(table));
    const int64_t listed = static_cast<int64_t>(table.rows.size());
    const int64_t all = Figure(facts, metrics::kExtraRequests).value_or(0);
    std::string sum = value ? Say(facts, "change.total_worth", HoursText(hours, lang),
                                  Amount(*value, lang), Amount(*rate, lang))
                            : Say(facts, "change.total", HoursText(hours, lang));
    if (all > listed) sum += Say(facts, "change.latest_of", listed, all);
    letter.body.push_back(Paragraph(std::move(sum)));
  } else {
    letter.body.push_back(Paragraph(Say(facts, "change.agree_how")));
  }
  letter.body.push_back(Paragraph(Say(facts, "change.proposal")));
  if (extras && value) {
    letter.body.push_back(Paragraph(Say(facts, "change.invoice_delivered", Amount(*value, lang))));
  }
  return letter;
}

namespace {

// "Over the last twelve months, 12 of your 30 calls and messages reached me outside my
// working hours: 3 in the evening and 9 at weekends or on holidays." and the rush requests
// and hours worked after hours, as one paragraph; empty when there is nothing to say.
std::string AfterHoursFacts(const Facts& facts) {
  const int64_t inbound = Figure(facts, metrics::kInboundContacts).value_or(0);
  const int64_t after = Figure(facts, metrics::kAfterHoursContacts).value_or(0);
  const int64_t rush = Figure(facts, metrics::kRushRequests).value_or(0);
  const double work_hours = Figure(facts, metrics::kAfterHoursWorkHours).value_or(0);
  std::string text;
  if (after > 0) {
    // The same words as the time-drain sign's reason ("3 in the evening").
    const std::pair<MetricKey<int64_t>, const char*> kKinds[] = {
        {metrics::kAfterHoursEarly, "signs.time_drain.kinds.early"},
        {metrics::kAfterHoursLunch, "signs.time_drain.kinds.lunch"},
        {metrics::kAfterHoursEvening, "signs.time_drain.kinds.evening"},
        {metrics::kAfterHoursNight, "signs.time_drain.kinds.night"},
        {metrics::kAfterHoursWeekendOrHoliday, "signs.time_drain.kinds.weekend_or_holiday"},
    };
    std::vector<std::string> kinds;
    for (const auto& [metric, key] : kKinds) {
      if (const int64_t n = Figure(facts, metric).value_or(0); n > 0) {
        kinds.push_back(Msg(key, n).In(facts.options.lang));
      }
    }
    const std::string breakdown = kinds.empty() ? "" : ": " + JoinAnd(facts, kinds);
    text = Say(facts, "office.after_hours", after, Window(facts), inbound, breakdown);
  }
  std::string rush_text, work_text;
  if (rush > 0) rush_text = Say(facts, "office.rush", rush);
  if (work_hours >= 1) {
    const std::string h = HoursText(work_hours, facts.options.lang);
    // The plural follows the hours as written: "1 hour", "1.5 hours".
    work_text = h == "1" ? Say(facts, "office.work_hours", 1) : Say(facts, "office.work_hours", h);
  }
  if (!rush_text.empty() || !work_text.empty()) {
    const std::string both = !rush_text.empty() && !work_text.empty()
                                 ? Say(facts, "office.both", rush_text, work_text)
                                 : rush_text + work_text;
    text += (text.empty() ? "" : " ") + Say(facts, "office.in_addition", both);
  }
  return text;
}

}  // namespace

Result<Letter> OfficeHours(const Facts& facts) {
  const int rush_fee = StrategyFor(Archetype{"firefighter"}).terms.rush_fee_percent;
  // From the first Monday at least a week away: time to read the letter and plan.
  CivilDate from = facts.as_of.AddDays(7);
  while (from.weekday() != Weekday::kMonday) from = from.AddDays(1);

  Letter letter = Frame(facts, Say(facts, "office.subject"), false);
  letter.body.push_back(Paragraph(Say(facts, "office.opening")));
  if (std::string text = AfterHoursFacts(facts); !text.empty()) {
    letter.body.push_back(Paragraph(std::move(text)));
  }
  letter.body.push_back(Paragraph(Say(facts, "office.propose_from", DateWith(facts, "dal", from))));
  letter.body.push_back(List({
      Say(facts, "office.rule.available", WorkingHoursText(facts)),
      Say(facts, "office.rule.rush_fee", SurchargeText(facts, rush_fee)),
      Say(facts, "office.rule.emergencies"),
      Say(facts, "office.rule.weekly_call"),
  }));
  letter.body.push_back(Paragraph(Say(facts, "office.closing")));
  return letter;
}

Result<Letter> Termination(const Facts& facts) {
  const Lang lang = facts.options.lang;
  const CivilDate end = facts.as_of.AddDays(30);
  const std::string by_end = DateWith(facts, "entro il", end);
  Letter letter = Frame(facts, Say(facts, "end.subject"), false);
  letter.body.push_back(Paragraph(Say(facts, "end.decision", Since(facts))));
  letter.body.push_back(Paragraph(Say(facts, "end.notice", by_end)));
  const std::string handover = Say(facts, "end.handover");
  if (!facts.open.empty()) {
    auto table = InvoiceTable(facts, facts.open);
    if (!table) return std::unexpected(table.error());
    std::vector<Money> open;
    for (const OpenItem& item : facts.open) open.push_back(item.open);
    auto total = Sum(open, *facts.workspace);
    if (!total) return std::unexpected(total.error());
    letter.body.push_back(
        Paragraph(Say(facts, "end.still_open", static_cast<int64_t>(facts.open.size()))));
    letter.body.push_back(Table(*table));
    letter.body.push_back(
        Paragraph(Say(facts, "end.settle", Amount(*total, lang), by_end, handover)));
  } else {
    letter.body.push_back(Paragraph(Say(facts, "end.hand_over", Capitalize(by_end), handover)));
  }
  letter.body.push_back(Paragraph(Say(facts, "end.closing")));
  return letter;
}

}  // namespace addio::letters
