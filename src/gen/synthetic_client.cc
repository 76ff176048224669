#include "gen/synthetic_client.h"

#include <algorithm>
#include <map>
#include <string>

#include "gen/client_builder.h"
#include "gen/names.h"

namespace addio::gen {

void ClientBuilder::DrawHabits() {
  habits_.defaults = rng_.Chance(70);
  habits_.pays_late = rng_.Chance(habits_.defaults ? 500 : 120);
  habits_.asks_extras = rng_.Chance(120);
  habits_.calls_after_hours = rng_.Chance(110);
  habits_.pays_below_rate = rng_.Chance(100);
  if (rng_.Chance(habits_.defaults ? 300 : 100)) {
    const int kind = rng_.Between(0, 99);
    habits_.contract = kind < 35   ? ContractHabit::kRefused
                       : kind < 70 ? ContractHabit::kIgnored
                                   : ContractHabit::kNone;
  } else if (rng_.Chance(70)) {
    habits_.contract = ContractHabit::kSignedLate;
  }
  late_mean_days_ = rng_.Between(20, 75);
  intensity_hours_ = rng_.Between(4, 16);
}

void ClientBuilder::DrawClient() {
  const int draw = rng_.Between(0, 99);
  const Country country = draw < 70   ? Country::kItaly
                          : draw < 78 ? Country::kGermany
                          : draw < 84 ? Country::kFrance
                          : draw < 90 ? Country::kUnitedStates
                          : draw < 95 ? Country::kUnitedKingdom
                                      : Country::kSwitzerland;
  Identity identity = MakeIdentity(rng_, country, rng_.Chance(150));
  phrases_ = country == Country::kItaly ? &kItalianPhrases : &kEnglishPhrases;
  american_ = country == Country::kUnitedStates;

  // The invoicing currency: the country's own, sometimes euros anyway.
  const char* code = "EUR";
  if (country == Country::kUnitedStates && rng_.Chance(850)) code = "USD";
  if (country == Country::kUnitedKingdom && rng_.Chance(700)) code = "GBP";
  if (country == Country::kSwitzerland && rng_.Chance(600)) code = "CHF";
  currency_ = *Currency::Find(code);
  for (const auto& value : kCurrencyValues) {
    if (currency_.code() == value.code) client_value_e4_ = value.eur_per_unit_e4;
  }

  // Hourly rates in euros: most clients 66-84 (peaking near 75), a few premium ones,
  // and the bargain hunters at 35-45. Rounded to whole units of the client's currency.
  int rate_eur = 66 + rng_.Between(0, 9) + rng_.Between(0, 9);
  if (rng_.Chance(80)) rate_eur = rng_.Between(90, 120);
  if (habits_.pays_below_rate) rate_eur = rng_.Between(35, 45);
  rate_minor_ = RoundDiv(rate_eur * 10000, client_value_e4_) * currency_.minor_per_unit();

  Client& client = out_.clients.emplace_back();
  client.id = id_;
  client.name = std::move(identity.name);
  client.kind = identity.kind;
  client.country = CountryCode(country);
  client.tax_id = std::move(identity.tax_id);
  client.emails.push_back(std::move(identity.email));
  if (!identity.domain.empty()) client.domains.push_back(std::move(identity.domain));
}

void ClientBuilder::DrawSpan() {
  const int history_days = DaysBetween(ctx_.first_day, ctx_.last_day);
  if (rng_.Chance(400)) {  // a client from before the generated months
    from_ = ctx_.first_day;
    since_ = from_.AddDays(-rng_.Between(30, 900));
  } else {
    from_ = ctx_.first_day.AddDays(rng_.Between(0, std::max(0, history_days - 10)));
    since_ = from_;
  }
  to_ = ctx_.last_day;
  const int remaining = DaysBetween(from_, to_);
  if (remaining > 120 && rng_.Chance(150)) {
    to_ = from_.AddDays(rng_.Between(60, remaining - 30));
    churned_ = true;
  }
  if (habits_.defaults) {
    // Pays for a while, then stops; the freelancer gives up some weeks later.
    stop_paying_ = from_.AddDays(DaysBetween(from_, to_) * rng_.Between(35, 80) / 100);
    const CivilDate give_up = stop_paying_.AddDays(rng_.Between(45, 150));
    if (give_up < to_) {
      to_ = give_up;
      churned_ = true;
    }
  }
  out_.clients.back().since = since_;
}

void ClientBuilder::AddContract() {
  const int terms_draw = rng_.Between(0, 99);
  terms_days_ = terms_draw < 65 ? 30 : terms_draw < 95 ? 60 : 15;
  if (habits_.contract == ContractHabit::kNone) return;
  Contract& contract = out_.contracts.emplace_back();
  contract_id_ = Id("k", 1, 1);
  contract.id = contract_id_;
  contract.client = id_;
  const CivilDate sent = since_.AddDays(-rng_.Between(2, 10));
  contract.sent = sent;
  contract.payment_terms_days = terms_days_;
  contract.hourly_rate = InWorkspace(rate_minor_);
  switch (habits_.contract) {
    case ContractHabit::kSigned:
      contract.signed_on = std::min(sent.AddDays(rng_.Between(1, 6)), from_);
      break;
    case ContractHabit::kSignedLate: {
      // Work starts on a handshake; the signature follows weeks later, if at all.
      const CivilDate signed_on = from_.AddDays(rng_.Between(10, 45));
      if (signed_on <= ctx_.last_day) contract.signed_on = signed_on;
      break;
    }
    case ContractHabit::kRefused:
      contract.refused = sent.AddDays(rng_.Between(3, 12));
      break;
    case ContractHabit::kIgnored:
    case ContractHabit::kNone:
      break;
  }
  contract.start = contract.signed_on;
  if (churned_ && contract.signed_on && *contract.signed_on <= to_) contract.end = to_;
}

void ClientBuilder::AddRateChange() {
  const int span = DaysBetween(from_, to_);
  if (span < 300 || !rng_.Chance(habits_.pays_below_rate ? 800 : 350)) return;
  RateChange& change = out_.rate_changes.emplace_back();
  change.id = Id("rc", 1, 1);
  change.client = id_;
  change.at = from_.AddDays(rng_.Between(240, span - 30));
  // Ask for about 10 % more, rounded up to 5 units of the currency.
  const int64_t unit5 = 5 * currency_.minor_per_unit();
  const int64_t asked = (rate_minor_ * 11 / 10 + unit5 - 1) / unit5 * unit5;
  change.from = InWorkspace(rate_minor_);
  change.to = InWorkspace(asked);
  const int draw = rng_.Between(0, 99);
  if (habits_.pays_below_rate || (draw >= 75 && draw < 90)) {
    change.outcome = RateOutcome::kRefused;
  } else if (draw >= 90 && DaysBetween(change.at, ctx_.last_day) < 45) {
    change.outcome = RateOutcome::kPending;
  } else if (draw >= 60 && draw < 75) {
    change.outcome = RateOutcome::kCountered;
    raised_minor_ =
        (rate_minor_ + asked) / 2 / currency_.minor_per_unit() * currency_.minor_per_unit();
  } else {
    change.outcome = RateOutcome::kAccepted;
    raised_minor_ = asked;
  }
  if (raised_minor_ > 0) {
    change.agreed = InWorkspace(raised_minor_);
    raise_from_ = change.at.AddDays(30);
  }
}

void ClientBuilder::AddProjects() {
  // Each client prefers one way of working: fixed-fee jobs, hours, or a monthly retainer.
  const int style = rng_.Between(0, 9);
  CivilDate cursor = from_;
  for (int number = 1; number <= 9 && cursor <= to_; ++number) {
    const int draw = rng_.Between(0, 99);
    Pricing pricing = Pricing::kFixed;
    if (style < 5) {
      pricing = draw < 70 ? Pricing::kFixed : draw < 90 ? Pricing::kHourly : Pricing::kRetainer;
    } else if (style < 8) {
      pricing = draw < 70 ? Pricing::kHourly : draw < 95 ? Pricing::kFixed : Pricing::kRetainer;
    } else {
      pricing = draw < 60 ? Pricing::kRetainer : draw < 90 ? Pricing::kFixed : Pricing::kHourly;
    }
    const int days = pricing == Pricing::kFixed    ? rng_.Between(20, 100)
                     : pricing == Pricing::kHourly ? rng_.Between(45, 240)
                                                   : rng_.Between(120, 365);
    CivilDate end = cursor.AddDays(days);
    bool ongoing = false;
    if (end >= to_) {
      ongoing = !churned_ && end > ctx_.last_day;
      end = to_;
    }
    AddProject(number, pricing, cursor, end, ongoing);
    cursor = end.AddDays(rng_.Between(1, 40));
  }
}

void ClientBuilder::AddProject(int number, Pricing pricing, CivilDate start, CivilDate end,
                               bool ongoing) {
  Project& stored = out_.projects.emplace_back();
  stored.id = Id("p", number, 2);
  stored.client = id_;
  stored.contract = contract_id_;
  stored.name = PickPhrase(phrases_->projects, phrases_->project_count);
  stored.pricing = pricing;
  stored.start = start;
  if (!ongoing) stored.end = end;

  const CivilDate stop = std::min(end, ctx_.last_day);
  const int days = DaysBetween(start, stop) + 1;
  const int months_x10 = std::max(5, days * 10 / 30);  // tenths of a month, at least half
  const int planned = intensity_hours_ * kMinutesPerHour * months_x10 / 10;
  int worked = planned;
  int agreed = 0;         // minutes the client agreed to pay for; 0 when open-ended
  int64_t fee_minor = 0;  // in the client's currency
  switch (pricing) {
    case Pricing::kFixed: {
      const int budget_hours = std::max(8, (planned / kMinutesPerHour + 2) / 4 * 4);
      stored.budget_hours = budget_hours;
      fee_minor = budget_hours * RateOn(start);
      stored.fee = InWorkspace(fee_minor);
      agreed = budget_hours * kMinutesPerHour;
      worked = agreed * rng_.Between(85, 110) / 100;
      break;
    }
    case Pricing::kHourly:
      worked = planned * rng_.Between(80, 115) / 100;
      if (habits_.asks_extras || rng_.Chance(500)) {  // an estimate the client agreed to
        const int budget_hours = std::max(4, planned / kMinutesPerHour);
        stored.budget_hours = budget_hours;
        agreed = budget_hours * kMinutesPerHour;
      }
      break;
    case Pricing::kRetainer: {
      const int months = std::max(1, months_x10 / 10);
      stored.budget_hours = intensity_hours_ * months;
      fee_minor = intensity_hours_ * RateOn(start) * months;
      stored.fee = InWorkspace(fee_minor);
      agreed = intensity_hours_ * kMinutesPerHour * months;
      worked = planned * rng_.Between(80, 105) / 100;
      break;
    }
  }
  const Project project = stored;  // a copy: out_.projects may grow below
  const size_t project_index = out_.projects.size() - 1;

  for (int i = rng_.Between(1, 3); i > 0; --i) {
    Request& request =
        AddRequest(project, WorkingInstant(start, stop),
                   PickPhrase(phrases_->in_scope, phrases_->in_scope_count), /*in_scope=*/true);
    request.estimate_hours = rng_.Between(2, 12);
    request.deadline = request.at.AddSeconds(int64_t{86400} * rng_.Between(5, 21));
  }
  const int before = static_cast<int>(out_.work.size());
  // Rush jobs are part of the project's hours, not on top of them.
  worked -= AddRushRequests(project, start, stop);
  AddWork(project.id, "", start, stop, worked, /*billable=*/true,
          PickPhrase(phrases_->notes, phrases_->note_count));
  const int amended_hours = AddExtras(project, start, stop, agreed);
  if (amended_hours > 0 && out_.projects[project_index].budget_hours) {
    *out_.projects[project_index].budget_hours += amended_hours;
  }

  // Invoices: hours by calendar month, a retainer each month in advance, a fixed fee in
  // a deposit, a milestone on long jobs and the balance on delivery.
  switch (pricing) {
    case Pricing::kHourly: {
      std::map<CivilDate, int64_t> by_month;  // month end -> rate x minutes
      for (size_t i = before; i < out_.work.size(); ++i) {
        const WorkEntry& entry = out_.work[i];
        if (!entry.billable) continue;
        by_month[work_days_[i].EndOfMonth()] += RateOn(work_days_[i]) * entry.minutes;
      }
      for (const auto& [month_end, total] : by_month) {
        if (month_end <= ctx_.last_day) {
          pending_.push_back({month_end, RoundDiv(total, kMinutesPerHour)});
        }
      }
      break;
    }
    case Pricing::kRetainer: {
      const int64_t monthly = fee_minor / std::max(1, months_x10 / 10);
      for (CivilDate month = start; month <= stop; month = month.AddMonths(1)) {
        pending_.push_back({month, monthly});
      }
      break;
    }
    case Pricing::kFixed: {
      const int64_t fee = fee_minor;
      int64_t billed = 0;
      if (rng_.Chance(850)) {
        billed = fee * 30 / 100;
        pending_.push_back({start, billed});
      }
      if (days > 60) {
        const CivilDate milestone = start.AddDays(days / 2);
        if (milestone <= ctx_.last_day) {
          pending_.push_back({milestone, fee * 40 / 100});
          billed += fee * 40 / 100;
        }
      }
      if (!ongoing && end <= ctx_.last_day) pending_.push_back({end, fee - billed});
      break;
    }
  }
}

int ClientBuilder::AddExtras(const Project& project, CivilDate start, CivilDate stop,
                             int agreed_minutes) {
  if (habits_.asks_extras && agreed_minutes > 0) {
    // "Just one small thing": several requests beyond the agreement, done without a
    // change order and never billed.
    const int count = std::min(8, rng_.Between(2, 4) + DaysBetween(start, stop) / 60);
    const int total = agreed_minutes * rng_.Between(20, 50) / 100;
    for (int i = 0; i < count; ++i) {
      const int minutes = std::max(60, total / count);
      Request& request =
          AddRequest(project, WorkingInstant(start, stop),
                     PickPhrase(phrases_->extras, phrases_->extras_count), /*in_scope=*/false);
      request.estimate_hours = std::max(1, minutes / kMinutesPerHour);
      request.change_order = rng_.Chance(700) ? ChangeOrder::kNone : ChangeOrder::kProposed;
      const CivilDate day = ctx_.zone.ToLocal(request.at).date;
      const std::string request_id = request.id;
      const std::string summary = request.summary;
      AddWork(project.id, request_id, day, std::min(stop, day.AddDays(14)),
              minutes * rng_.Between(80, 120) / 100, /*billable=*/false, summary);
    }
    return 0;
  }
  if (!rng_.Chance(350)) return 0;
  // A good client's extra: a change order, accepted and billed, or still a proposal.
  Request& request =
      AddRequest(project, WorkingInstant(start, stop),
                 PickPhrase(phrases_->extras, phrases_->extras_count), /*in_scope=*/false);
  if (!rng_.Chance(800)) {
    request.change_order = ChangeOrder::kProposed;
    request.estimate_hours = rng_.Between(1, 3);
    return 0;
  }
  const int hours = rng_.Between(2, 8);
  request.change_order = ChangeOrder::kAccepted;
  request.estimate_hours = hours;
  const CivilDate day = ctx_.zone.ToLocal(request.at).date;
  const std::string request_id = request.id;
  const std::string summary = request.summary;
  AddWork(project.id, request_id, day, std::min(stop, day.AddDays(10)),
          hours * kMinutesPerHour * rng_.Between(90, 110) / 100, /*billable=*/true, summary);
  // Hourly projects bill it with the month's hours; the others get a change-order invoice.
  const CivilDate issued = day.AddDays(20);
  if (project.pricing != Pricing::kHourly && issued <= ctx_.last_day) {
    pending_.push_back({issued, hours * RateOn(day)});
  }
  return hours;
}

int ClientBuilder::AddRushRequests(const Project& project, CivilDate start, CivilDate stop) {
  const int months_x10 = std::max(5, (DaysBetween(start, stop) + 1) * 10 / 30);
  int count = 0;
  if (habits_.calls_after_hours) {
    count = months_x10 * rng_.Between(10, 25) / 100;  // 1 to 2.5 a month
  } else if (rng_.Chance(100)) {
    count = 1;
  }
  int minutes = 0;
  for (int i = 0; i < count; ++i) {
    const bool late = habits_.calls_after_hours;
    Request& request =
        AddRequest(project, late ? AfterHoursInstant(start, stop) : WorkingInstant(start, stop),
                   PickPhrase(phrases_->rush, phrases_->rush_count), /*in_scope=*/true);
    request.estimate_hours = rng_.Between(1, 3);
    request.deadline = request.at.AddSeconds(int64_t{3600} * rng_.Between(8, 20));
    // Done the same night, and billed only half of the time.
    const LocalDateTime local = ctx_.zone.ToLocal(request.at.AddSeconds(1800));
    if (!late || local.date > ctx_.last_day) continue;
    WorkEntry& entry = out_.work.emplace_back();
    entry.client = id_;
    entry.project = project.id;
    entry.request = request.id;
    entry.start = request.at.AddSeconds(1800);
    entry.minutes = rng_.Between(2, 6) * 30;
    entry.billable = rng_.Chance(500);
    entry.note = request.summary;
    work_days_.push_back(local.date);
    minutes += entry.minutes;
  }
  return minutes;
}

Request& ClientBuilder::AddRequest(const Project& project, Instant at, const char* summary,
                                   bool in_scope) {
  Request& request = out_.requests.emplace_back();
  request.id = Id("r", ++request_count_, 3);
  request.client = id_;
  request.project = project.id;
  request.at = at;
  request.summary = summary;
  request.in_scope = in_scope;
  return request;
}

void ClientBuilder::AddWork(const std::string& project, const std::string& request, CivilDate lo,
                            CivilDate hi, int minutes, bool billable, const std::string& note) {
  const int evening_per_mille = habits_.calls_after_hours ? 350 : 30;
  while (minutes >= 30) {
    const int length = std::min(minutes, rng_.Between(2, 8) * 30);
    minutes -= length;
    WorkEntry& entry = out_.work.emplace_back();
    entry.client = id_;
    entry.project = project;
    entry.request = request;
    entry.minutes = length;
    // A little admin time is never billable, whoever the client is.
    entry.billable = billable && !rng_.Chance(50);
    entry.note = note;
    if (rng_.Chance(evening_per_mille)) {
      entry.start = AfterHoursInstant(lo, hi);
      work_days_.push_back(ctx_.zone.ToLocal(entry.start).date);
      continue;
    }
    const CivilDate day = WorkdayIn(lo, hi);
    const bool morning = rng_.Chance(500);
    const int first = morning ? 9 * kMinutesPerHour : 14 * kMinutesPerHour;
    const int slack = (4 * kMinutesPerHour - length) / 30;  // both blocks last four hours
    entry.start = At(day, first + rng_.Between(0, std::max(0, slack)) * 30);
    work_days_.push_back(day);
  }
}

void ClientBuilder::FinishWork() {
  std::stable_sort(out_.work.begin(), out_.work.end(),
                   [](const WorkEntry& a, const WorkEntry& b) { return a.start < b.start; });
  for (size_t i = 0; i < out_.work.size(); ++i) {
    out_.work[i].id = Id("w", static_cast<int>(i) + 1, 4);
  }
}

Ledger SyntheticClient(const GenContext& context, int index) {
  return ClientBuilder(context, index).Build();
}

}  // namespace addio::gen
