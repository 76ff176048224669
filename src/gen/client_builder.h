// The model of one generated client, shared by the files that build its records:
// synthetic_client.cc (who the client is, its habits, contract, projects and work),
// synthetic_contacts.cc (calls and messages) and synthetic_payments.cc (invoices and
// payments). Internal to the generator; the public entry point is synthetic_client.h.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "gen/phrases.h"
#include "gen/random.h"
#include "gen/synthetic_client.h"
#include "ledger/records.h"

namespace addio::gen {

// How a client treats the contract the freelancer sends.
enum class ContractHabit { kSigned, kSignedLate, kRefused, kIgnored, kNone };

// Drawn once per client; the records follow from them. Rates are per mille of clients,
// chosen so that each sign shows up in roughly one client in ten, some clients carry
// several, and bad habits cluster the way they do in practice (a client who stops paying
// often refused the contract and paid late before).
struct Habits {
  ContractHabit contract = ContractHabit::kSigned;
  bool asks_extras = false;        // asks for unpaid extras beyond the agreed scope
  bool calls_after_hours = false;  // calls and demands work outside working hours, in a rush
  bool pays_below_rate = false;    // pays a low hourly rate
  bool pays_late = false;          // pays most invoices well after they are due
  bool defaults = false;           // stops paying altogether
};

// An invoice before its id is known (ids follow issue order).
struct PendingInvoice {
  CivilDate issued;
  int64_t minor = 0;
};

constexpr int kMinutesPerHour = 60;

inline int64_t RoundDiv(int64_t numerator, int64_t denominator) {
  return (numerator + denominator / 2) / denominator;
}

// Builds the records of one client from its own random stream. One use: Build() moves
// the records out.
class ClientBuilder {
 public:
  ClientBuilder(const GenContext& context, int index)
      : ctx_(context), rng_(context.seed, static_cast<uint64_t>(index)) {
    char id[16];
    std::snprintf(id, sizeof id, "c%06d", index + 1);
    id_ = id;
  }

  Ledger Build() {
    DrawHabits();
    DrawClient();
    DrawSpan();
    AddContract();
    AddRateChange();
    AddProjects();
    AddContacts();
    SettleInvoices();
    FinishWork();
    return std::move(out_);
  }

 private:
  void DrawHabits();
  void DrawClient();
  void DrawSpan();
  void AddContract();
  void AddRateChange();
  void AddProjects();
  void AddProject(int number, Pricing pricing, CivilDate start, CivilDate end, bool ongoing);
  // Returns the hours of accepted change orders, which amend the project's agreement.
  int AddExtras(const Project& project, CivilDate start, CivilDate stop, int agreed_minutes);
  // Returns the minutes of work the rush requests took.
  int AddRushRequests(const Project& project, CivilDate start, CivilDate stop);
  void AddContacts();
  void SettleInvoices();
  void FinishWork();

  // Splits `minutes` of work into entries of one to four hours on days in [lo, hi].
  void AddWork(const std::string& project, const std::string& request, CivilDate lo, CivilDate hi,
               int minutes, bool billable, const std::string& note);
  Request& AddRequest(const Project& project, Instant at, const char* summary, bool in_scope);

  std::string Id(const char* kind, int number, int width) const {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "-%s-%0*d", kind, width, number);
    return id_ + buffer;
  }
  bool IsWorkday(CivilDate day) const {
    return static_cast<int>(day.weekday()) < 5 &&
           !std::binary_search(ctx_.holidays.begin(), ctx_.holidays.end(), day);
  }
  CivilDate DayIn(CivilDate lo, CivilDate hi) {
    return hi <= lo ? lo : lo.AddDays(rng_.Between(0, DaysBetween(lo, hi)));
  }
  // A working day in [lo, hi] near a random day; `lo` itself when the range has none.
  CivilDate WorkdayIn(CivilDate lo, CivilDate hi) {
    const CivilDate day = DayIn(lo, hi);
    for (int step = 0; step < 7; ++step) {
      if (day.AddDays(step) <= hi && IsWorkday(day.AddDays(step))) return day.AddDays(step);
      if (day.AddDays(-step) >= lo && IsWorkday(day.AddDays(-step))) return day.AddDays(-step);
    }
    return lo;
  }
  Instant At(CivilDate day, int minute_of_day) const {
    return ctx_.zone.FromLocal({day, minute_of_day * 60});
  }
  // A moment inside working hours (09:00-13:00, 14:00-18:00) of a working day in [lo, hi].
  Instant WorkingInstant(CivilDate lo, CivilDate hi) {
    const int slot = rng_.Between(0, 95);  // five-minute slots of the eight working hours
    const int minute =
        slot < 48 ? 9 * kMinutesPerHour + slot * 5 : 14 * kMinutesPerHour + (slot - 48) * 5;
    return At(WorkdayIn(lo, hi), minute);
  }
  // A moment outside working hours near a day of [lo, hi]: evening, night, early
  // morning, lunch or a weekend, in the proportions a client who ignores them produces.
  Instant AfterHoursInstant(CivilDate lo, CivilDate hi);

  int64_t RateOn(CivilDate day) const {
    return raise_from_ && day >= *raise_from_ ? raised_minor_ : rate_minor_;
  }
  Money Amount(int64_t minor) const { return Money(minor, currency_); }
  // An amount of the client's currency in the workspace currency: contracts, project fees
  // and rate changes are kept in the workspace currency, invoices in the client's.
  Money InWorkspace(int64_t minor) const {
    return Money(RoundDiv(minor * client_value_e4_, ctx_.currency_value_e4), ctx_.currency);
  }
  const char* PickPhrase(const char* const* items, int count) {
    return items[rng_.Between(0, count - 1)];
  }

  const GenContext& ctx_;
  Rng rng_;
  std::string id_;
  Ledger out_;
  std::vector<CivilDate> work_days_;  // local date of each out_.work entry
  Habits habits_;
  const Phrases* phrases_ = &kItalianPhrases;
  bool american_ = false;
  Currency currency_;
  int64_t client_value_e4_ = 10000;  // kCurrencyValues of currency_
  int64_t rate_minor_ = 0;           // per hour, in currency_
  std::optional<CivilDate> raise_from_;
  int64_t raised_minor_ = 0;
  CivilDate since_, from_, to_;  // from_..to_: the active relationship inside history
  bool churned_ = false;
  CivilDate stop_paying_;  // non-payers pay nothing issued from this day on
  int late_mean_days_ = 0;
  int terms_days_ = 30;
  std::string contract_id_;
  int intensity_hours_ = 10;  // work hours in an average month
  std::vector<PendingInvoice> pending_;
  int request_count_ = 0;
};

}  // namespace addio::gen
